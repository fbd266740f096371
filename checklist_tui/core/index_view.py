"""The columns of the plan index, defined once for the report, ``show DIR`` and the review
screen: a key (for CSV and JSON), a heading (for people) and the value."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from checklist_tui.core.history import EDITED_OUTSIDE
from checklist_tui.core.index_row import PlanRow
from checklist_tui.core.review import DECISIONS_CONFLICT

Value = str | int


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    value: Callable[[PlanRow, date], Value]
    numeric: bool = False


def _overdue(row: PlanRow, today: date) -> str:
    due, acts = len(row.overdue_due(today)), len(row.overdue_actions(today))
    parts = []
    if due:
        parts.append(f"{due} due point{'s' if due != 1 else ''}")
    if acts:
        parts.append(f"{acts} action{'s' if acts != 1 else ''}")
    return ", ".join(parts) or "none"


def _updated(row: PlanRow, _today: date) -> str:
    return row.updated.strftime("%d/%m/%Y %H:%M") if row.updated else ""


def attention(row: PlanRow, today: date) -> str:
    """Why a plan needs a manager's attention, in words (empty when it does not)."""
    if row.error:
        return "cannot be read"
    reasons = []
    if row.edited_outside:
        reasons.append(EDITED_OUTSIDE.lower())
    if row.decisions_conflict:
        reasons.append(DECISIONS_CONFLICT)
    if row.changed_since_approval:
        reasons.append("changed since approval")
    if row.red_flags:
        reasons.append(f"{row.red_flags} red flag{'s' if row.red_flags != 1 else ''}")
    if row.overdue_due(today) or row.overdue_actions(today):
        reasons.append("overdue")
    if row.open_challenges:
        reasons.append("challenge not answered")
    if row.gaps:
        reasons.append(f"{row.gaps} gap{'s' if row.gaps != 1 else ''} and risk"
                       f"{'s' if row.gaps != 1 else ''}")
    return "; ".join(reasons)


def state_words(row: PlanRow, _today: date) -> str:
    """The state as every view says it, and "edited outside the app" when it was."""
    if row.error:
        return "Unreadable"
    return row.state_label + (f"; {EDITED_OUTSIDE.lower()}" if row.edited_outside else "")


COLUMNS: tuple[Column, ...] = (
    Column("case_ref", "Case", lambda r, t: r.case_ref or "?"),
    Column("checklist", "Checklist",
           lambda r, t: f"{r.checklist_id} {r.checklist_version}".strip()),
    Column("practitioner", "Practitioner", lambda r, t: r.practitioner),
    Column("timing", "EDD or birth", lambda r, t: "" if r.error else r.timing(t)),
    Column("progress", "Progress %", lambda r, t: "" if r.error else r.percent, numeric=True),
    Column("open_required", "Open required", lambda r, t: r.open_required, numeric=True),
    Column("gaps_and_risks", "Gaps and risks", lambda r, t: "" if r.error else r.gaps,
           numeric=True),
    Column("red_flags", "Red flags", lambda r, t: r.red_flags, numeric=True),
    Column("overdue", "Overdue", _overdue),
    Column("state", "State", state_words),
    Column("signoff", "Sign-off", lambda r, t: r.signoff),
    Column("attention", "Needs attention", attention),
    Column("last_changed", "Last changed", _updated),
    Column("file", "File", lambda r, t: r.path),
    Column("problem", "Problem", lambda r, t: r.error),
)

#: The columns a narrow screen or plain table shows first.
SHORT = ("case_ref", "timing", "progress", "red_flags", "overdue", "state", "attention")


def values(row: PlanRow, today: date, keys: tuple[str, ...] | None = None) -> list[Value]:
    return [c.value(row, today) for c in COLUMNS if keys is None or c.key in keys]


def ordered(rows: list[PlanRow]) -> list[PlanRow]:
    """Unreadable plans first, then the most recently changed; ties by file name."""
    newest = sorted(rows, key=lambda r: r.path)
    newest.sort(key=lambda r: r.updated.timestamp() if r.updated else 0.0, reverse=True)
    return sorted(newest, key=lambda r: 0 if r.error else 1)
