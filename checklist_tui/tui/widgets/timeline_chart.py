"""A horizontal timeline of the checklist's due points and the plan's open actions against
today and the EDD. An overdue row says OVERDUE in words (and ``!``), never colour only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from rich.text import Text

from checklist_tui.core.dates import uk_date
from checklist_tui.core.engine import DueState, DueStatus
from checklist_tui.core.integrity import FINISHED_ACTIONS
from checklist_tui.core.plan import Action
from checklist_tui.core.vocabulary import (
    ALERT_MARK,
    DONE_MARK,
    NO_OWNER,
    OPEN_MARK,
    OVERDUE,
    action_overdue,
    counted_from,
    due_label,
    recorded_late,
)
from checklist_tui.tui.text import lit

MARK = {DueStatus.DONE: DONE_MARK, DueStatus.BOOKED: "b", DueStatus.OVERDUE: ALERT_MARK,
        DueStatus.DUE_SOON: OPEN_MARK, DueStatus.UPCOMING: "o", DueStatus.NO_DATE: "?"}
LABEL_WIDTH = 30


def _owner_line(action: Action, label: str) -> str:
    """The action's owner and status in words; its full wording too when the row cut it."""
    who = f"Owner: {action.owner.strip()}" if action.owner.strip() else NO_OWNER
    agency = f" ({action.agency.strip()})" if action.agency.strip() else ""
    whole = "" if len(label) <= LABEL_WIDTH else f"{action.what}. "
    return f"    {whole}{who}{agency}; {action.status.label.lower()}."


def render(due: list[DueState], today: date, edd: date | None, dob: date | None,
           width: int, actions: Sequence[Action] = ()) -> Text:
    dated = [(d, d.due_date) for d in due if d.due_date is not None]
    open_actions = [a for a in actions if a.status not in FINISHED_ACTIONS]
    acts = sorted((a for a in open_actions if a.due is not None),
                  key=lambda a: (a.due or today, a.what))
    undated = len(open_actions) - len(acts)
    out = Text()
    if not dated and not acts:
        out.append("No dated milestones yet: record the EDD (press d on the plan screen).")
        return out
    anchors = ([day for _d, day in dated] + [a.due for a in acts if a.due] + [today]
               + [x for x in (edd, dob) if x])
    start, end = min(anchors) - timedelta(days=3), max(anchors) + timedelta(days=3)
    # label, a space, the date and spaces (13), the track, a space, the status (up to 8)
    track = max(16, width - LABEL_WIDTH - 13 - 9)
    span = max(1, (end - start).days)

    def col(day: date) -> int:
        return round((day - start).days / span * (track - 1))

    today_col = col(today)
    edd_col = col(edd) if edd else None
    axis = ["-"] * track
    axis[today_col] = "T"
    if edd_col is not None:
        axis[edd_col] = "E"
    pad = " " * (LABEL_WIDTH + 13)
    out.append(pad + uk_date(start).ljust(max(11, track - 10)) + uk_date(end) + "\n")
    out.append(pad + "".join(axis) + "\n")

    def row(label: str, day: date, mark: str, status: str, late: bool) -> None:
        cells = [" "] * track
        cells[today_col] = "|"
        if edd_col is not None:
            cells[edd_col] = ":"
        cells[col(day)] = mark
        label = label if len(label) <= LABEL_WIDTH else label[: LABEL_WIDTH - 1] + "…"
        out.append_text(lit(label.ljust(LABEL_WIDTH)))
        out.append(f" {uk_date(day)}  ")
        out.append("".join(cells), style="bold" if late else "")
        out.append(f" {status}\n")

    for d, day in dated:
        row(d.label, day, MARK[d.status], due_label(d.status), d.status == DueStatus.OVERDUE)
        if d.status == DueStatus.OVERDUE and recorded_late(day, d.booked):
            out.append(f"    {recorded_late(day, d.booked).capitalize()}.\n")
        if counted_from(d):  # the date is not yet the plan's own: say what it rests on
            out.append(f"    {counted_from(d).strip(' ()').capitalize()}.\n")
    if acts or undated:
        late = sum(action_overdue(a, today) for a in acts)
        out.append(f"\nActions not done or cancelled: {len(open_actions)}"
                   + (f", {late} {OVERDUE}" if late else "") + "\n")
    for action in acts:
        assert action.due is not None
        late_action = action_overdue(action, today)
        label = f"Action: {action.what}"
        row(label, action.due, ALERT_MARK if late_action else "o",
            OVERDUE if late_action else "due", late_action)
        out.append_text(lit(_owner_line(action, label) + "\n"))
    if undated:
        out.append(f"    {undated} more with no due date: see Actions (a on the plan screen).\n")
    out.append("\nKey: T/| today   E/: EDD   ✓ done   b booked   ! overdue   • due soon   "
               "o upcoming\n")
    return out
