"""The columns of the plan index, defined once for the report, ``show DIR`` and the review
screen: a key (for CSV and JSON), a heading (for people) and the value."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from checklist_tui.core.dates import birth_not_recorded, plural
from checklist_tui.core.history import EDITED_OUTSIDE
from checklist_tui.core.index_row import PlanRow
from checklist_tui.core.plan_gaps import overdue_counts_words
from checklist_tui.core.review import CHANGED_SINCE_APPROVAL, DECISIONS_CONFLICT
from checklist_tui.core.vocabulary import OPEN_MARK, pause_point_said, progress_mark

#: The state of a file that cannot be read (the Problem column gives the reason).
UNREADABLE_STATE = "Cannot be read"
#: A plan with no question answered yet: said instead of a 0 or 'none' that is not known.
NOTHING_ANSWERED = "nothing answered yet"
NOT_KNOWN = "not known"
"""A figure of a plan with nothing answered yet (a table cell: Needs attention says why)."""
NOT_KNOWN_YET = f"{NOT_KNOWN} ({NOTHING_ANSWERED})"
#: What the State says of a plan another window or computer has open for editing.
OPEN_ELSEWHERE = "open for editing elsewhere"

Value = str | int | None
"""None: not known (a file that cannot be read); blank in a table, null in JSON."""

@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    value: Callable[[PlanRow, date], Value]
    numeric: bool = False
    order: Callable[[PlanRow, date], tuple[object, ...]] | None = None
    """How to sort by this column, when not by its value (Needs attention: by harm)."""


def _known(value: Callable[[PlanRow], Value]) -> Callable[[PlanRow, date], Value]:
    """A figure from the plan: not known (None) when the file cannot be read, never 0."""
    return lambda r, _t: None if r.error else value(r)


def overdue_words(row: PlanRow) -> str:
    """What on the plan's gaps and risks is overdue: ``2 due points, 1 find-out date``;
    not 'none' while nothing is answered (``NOT_KNOWN``)."""
    if row.nothing_answered and not row.overdue_total:
        return NOT_KNOWN
    return overdue_counts_words(row.overdue)


def red_flags_value(row: PlanRow) -> int | str:
    """How many red flags, or ``NOT_KNOWN`` rather than 0 while nothing is answered."""
    return NOT_KNOWN if row.nothing_answered and not row.red_flags else row.red_flags


def pause_words(row: PlanRow) -> list[str]:
    """``Confirm before discharge: pause point NO LONGER HOLDS``, for each pause point a
    summing-up line names (core.what_is_left.said_by_name)."""
    return [pause_point_said(title, word) for title, word in row.pauses_named]


def progress(row: PlanRow) -> str:
    """Home's Progress: ``✓ 7/7`` only when every question that applies is answered, no
    answer is contradicted or incomplete (``• 1/69``: answered, not done; the gaps and
    risks say which), no required one is open and every pause point holds (the rule
    Outstanding and the plan header follow); ``• 0/22 nothing answered yet``;
    ``• 52/52 pause point NO LONGER HOLDS``; ``!2`` red flags."""
    if row.nothing_answered:
        return f"{OPEN_MARK} 0/{row.total} {NOTHING_ANSWERED}"
    required_open = row.open_required or len(row.pauses)  # a pause point left: never ✓
    text = progress_mark(row.answered, row.total, required_open, row.red_flags, row.not_done)
    done = (row.total and row.answered == row.total and not row.open_required
            and not row.not_done)
    words = dict.fromkeys(w for _t, w, named in row.pauses if named or done)
    return " ".join([text, *(f"pause point {w}" for w in words)])


def _updated(row: PlanRow, _today: date) -> str:
    return row.updated.strftime("%d/%m/%Y %H:%M") if row.updated else ""


def gaps_words(count: int) -> str:
    return "1 gap and risk" if count == 1 else f"{count} gaps and risks"


def reasons(row: PlanRow, _today: date | None = None) -> list[str]:
    """Why a plan needs a manager's attention, in words, most harmful first (empty when
    nothing does). Every figure is the plan's own gaps and risks (core.plan_gaps)."""
    if row.error:
        return ["cannot be read"]
    found = []
    if (_today is not None and not row.withdrawn
            and birth_not_recorded(row.edd, row.dob, _today, short=True)):
        found.append(birth_not_recorded(row.edd, row.dob, _today, short=True))
    if row.decisions_conflict:
        found.append(DECISIONS_CONFLICT)
    if row.changed_since_approval:
        found.append(f"{CHANGED_SINCE_APPROVAL}, so no longer signed off")
    if row.edited_outside:
        found.append(EDITED_OUTSIDE.lower())
    if row.same_case:
        found.append(f"case reference also in {plural(len(row.same_case), 'other file')}")
    if row.open_elsewhere:
        found.append(f"open for editing by {row.open_elsewhere}")
    if row.nothing_answered:
        found.append(NOTHING_ANSWERED)  # the figures say "not known (nothing answered yet)"
    found.extend(pause_words(row))
    if row.red_flags:
        found.append(plural(row.red_flags, "red flag"))
    if row.overdue_total:
        found.append(f"{row.overdue_total} overdue")
    if row.no_man:
        found.append("no father or other man recorded")
    if row.awaiting_signoff:
        found.append("awaiting sign-off")
    if row.open_challenges:
        found.append(f"{plural(row.open_challenges, 'challenge')} not answered")
    if row.gaps:
        found.append(gaps_words(row.gaps) + " in all")
    return found


def attention(row: PlanRow, today: date) -> str:
    """Why a plan needs a manager's attention, in words (empty when it does not)."""
    return "; ".join(reasons(row, today))


#: The order of the folder views, said as it is (not "most harmful first": a record that
#: cannot be trusted comes before red flags, which is a choice, not a measure of harm).
ORDER_WORDS = ("files that cannot be read and sign-offs that cannot be relied on (decisions "
               "in conflict, approvals that no longer stand) first, then the most red flags, "
               "the most overdue, nothing answered yet, edited outside the app, a case "
               "reference in several files, awaiting sign-off, challenges not answered, no "
               "father or other man recorded, and the most gaps and risks")


def harm(row: PlanRow, _today: date | None = None) -> tuple[bool | int, ...]:
    """The folder views' order (``ORDER_WORDS``): a file nobody can read, decisions that
    conflict or an approval that no longer stands, red flags, overdue, nothing answered
    yet (nothing is known of it), edited outside the app, a case reference in several
    files, awaiting sign-off, challenges not answered, no father or other man recorded,
    then the most gaps and risks."""
    return (not row.error, not (row.decisions_conflict or row.changed_since_approval),
            -row.red_flags, -row.overdue_total, not row.nothing_answered,
            not row.edited_outside, not row.same_case,
            not row.awaiting_signoff, -row.open_challenges, not row.no_man, -row.gaps)


def state_words(row: PlanRow, _today: date) -> str:
    """The state as every view says it, "edited outside the app" when it was, and "open
    for editing elsewhere" while another window or computer has it open."""
    if row.error:
        return UNREADABLE_STATE
    return (row.state_label + (f"; {EDITED_OUTSIDE.lower()}" if row.edited_outside else "")
            + (f"; {OPEN_ELSEWHERE}" if row.open_elsewhere else ""))


COLUMNS: tuple[Column, ...] = (
    Column("case_ref", "Case", lambda r, t: r.case_ref or "not known"),
    Column("checklist", "Checklist",
           lambda r, t: f"{r.checklist_id} {r.checklist_version}".strip()),
    Column("practitioner", "Practitioner", lambda r, t: r.practitioner),
    Column("timing", "EDD or birth", lambda r, t: "" if r.error else r.timing(t)),
    Column("progress", "% done", _known(lambda r: r.percent), numeric=True),
    Column("open_required", "Open required", _known(lambda r: r.open_required), numeric=True),
    Column("gaps_and_risks", "Gaps and risks", _known(lambda r: r.gaps), numeric=True),
    Column("red_flags", "Red flags", _known(red_flags_value), numeric=True),
    Column("overdue", "Overdue", _known(overdue_words)),
    Column("state", "State", state_words),
    Column("signoff", "Sign-off", lambda r, t: r.signoff),
    Column("attention", "Needs attention", attention, order=harm),
    Column("last_changed", "Last changed", _updated),
    Column("file", "File", lambda r, t: r.path),
    Column("problem", "Problem", lambda r, t: r.error),
)

#: The columns a narrow screen or plain table shows first.
SHORT = ("case_ref", "timing", "progress", "red_flags", "overdue", "state", "attention")


def values(row: PlanRow, today: date, keys: tuple[str, ...] | None = None) -> list[Value]:
    return [c.value(row, today) for c in COLUMNS if keys is None or c.key in keys]


def ordered(rows: list[PlanRow]) -> list[PlanRow]:
    """Most harmful first (``harm``), then the most recently changed; ties by file name."""
    newest = sorted(rows, key=lambda r: r.path)
    newest.sort(key=lambda r: r.updated.timestamp() if r.updated else 0.0, reverse=True)
    return sorted(newest, key=harm)
