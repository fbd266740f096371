"""Everything still open in a plan, in the order to deal with it, with where to fix it.

The TUI's Outstanding view and the exported summary's "needs attention" list both
come from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checklist_tui.core.dates import uk_date
from checklist_tui.core.definition import Checklist, Severity
from checklist_tui.core.engine import DueStatus, Evaluation, evaluate
from checklist_tui.core.plan import Plan
from checklist_tui.core.vocabulary import OVERDUE, RED_FLAG, rule_label

#: Groups in reading order: (heading, labels).
GROUPS = [
    ("Red flags and warnings", (RED_FLAG, "ERROR", "WARNING")),
    ("Overdue and due soon", (OVERDUE, "DUE SOON")),
    ("Plan checks", ("PLAN CHECK",)),
    ("Required items still open", ("OPEN",)),
]


@dataclass(frozen=True)
class Entry:
    label: str
    text: str
    guidance: str = ""
    note: str = ""
    section_id: str = ""
    item_id: str = ""
    page: str = ""  # "actions" or "agencies" for plan checks
    record_id: str = ""
    rule_id: str = ""
    needs_ack: bool = False


def entries(checklist: Checklist, plan: Plan, ev: Evaluation) -> list[Entry]:
    items = checklist.item_map()
    out: list[Entry] = []
    for f in ev.fired:
        if f.severity == Severity.INFO:
            continue
        label = rule_label(f)
        ack = ""
        if f.acknowledgement:
            a = f.acknowledgement
            ack = f"Acknowledged by {a.by} on {a.at.strftime('%d/%m/%Y')}" + (
                f": {a.reason}" if a.reason else "")
        out.append(Entry(label, f"{f.item_id}: {f.message}", f.escalation, ack, f.section_id,
                         f.item_id, rule_id=f.rule_id,
                         needs_ack=f.needs_acknowledgement))
    for d in ev.due:
        if d.status in (DueStatus.OVERDUE, DueStatus.DUE_SOON):
            text = f"{d.label}: due {uk_date(d.due_date)}" + (
                " (counted from the EDD)" if d.provisional else "")
            out.append(Entry(d.status.value.upper(), text, section_id=d.section_id,
                             item_id=d.item_id))
    for issue in ev.integrity:
        page = "agencies" if issue.kind == "agency_role" else "actions"
        out.append(Entry("PLAN CHECK", issue.message, page=page, record_id=issue.target_id))
    for section_id, ident in ev.open_required:
        out.append(Entry("OPEN", f"{ident}: {items[ident].prompt}", section_id=section_id,
                         item_id=ident))
    order = {label: n for n, (_h, labels) in enumerate(GROUPS) for label in labels}
    return sorted(out, key=lambda e: order[e.label])  # stable within each group


def outstanding(checklist: Checklist, plan: Plan, today: date,
                assume_born: date | None = None) -> list[Entry]:
    return entries(checklist, plan, evaluate(checklist, plan, today, assume_born))


def grouped(found: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """Entries under their group headings; empty groups are left out."""
    result = []
    for heading, labels in GROUPS:
        members = [e for e in found if e.label in labels]
        if members:
            result.append((heading, members))
    return result
