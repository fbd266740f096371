"""A horizontal timeline of the checklist's due points against today and the EDD."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text

from checklist_tui.core.dates import uk_date
from checklist_tui.core.engine import DueState, DueStatus
from checklist_tui.core.vocabulary import ALERT_MARK, DONE_MARK, OPEN_MARK, due_label
from checklist_tui.tui.text import lit

MARK = {DueStatus.DONE: DONE_MARK, DueStatus.OVERDUE: ALERT_MARK, DueStatus.DUE_SOON: OPEN_MARK,
        DueStatus.UPCOMING: "o", DueStatus.NO_DATE: "?"}
LABEL_WIDTH = 30


def render(due: list[DueState], today: date, edd: date | None, dob: date | None,
           width: int) -> Text:
    dated = [(d, d.due_date) for d in due if d.due_date is not None]
    out = Text()
    if not dated:
        out.append("No dated milestones yet: record the EDD (press d on the plan screen).")
        return out
    anchors = [day for _d, day in dated] + [today] + [x for x in (edd, dob) if x]
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
    for d, day in dated:
        row = [" "] * track
        row[today_col] = "|"
        if edd_col is not None:
            row[edd_col] = ":"
        row[col(day)] = MARK[d.status]
        label = d.label if len(d.label) <= LABEL_WIDTH else d.label[: LABEL_WIDTH - 1] + "…"
        status = due_label(d.status)
        out.append_text(lit(label.ljust(LABEL_WIDTH)))
        out.append(f" {uk_date(day)}  ")
        out.append("".join(row), style="bold" if d.status == DueStatus.OVERDUE else "")
        out.append(f" {status}\n")
    out.append("\nKey: T/| today   E/: EDD   ✓ done   ! overdue   • due soon   o upcoming\n")
    return out
