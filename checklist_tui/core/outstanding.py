"""Everything still open in a plan, in the order to deal with it, with where to fix it:
first what a manager is waiting for (a return and its reason, challenges not yet
answered), then the rest.

The TUI's Outstanding view and the exported summary's "needs attention" list both
come from here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from checklist_tui.core import integrity as integ
from checklist_tui.core.dates import birth_not_recorded, uk_date
from checklist_tui.core.definition import Checklist, Severity
from checklist_tui.core.engine import DueStatus, Evaluation, evaluate
from checklist_tui.core.plan import Plan, PlanState
from checklist_tui.core.review import (
    APPROVED,
    approval_void,
    describe_signoff,
    open_challenges,
    returned_because,
)
from checklist_tui.core.vocabulary import (
    BIRTH_HEADING,
    CHALLENGE,
    CONTRADICTED,
    DETAILS_PAGE,
    DUE_SOON,
    INCOMPLETE,
    NO_BIRTH_DATE,
    NO_LONGER_SIGNED_OFF,
    NOT_YET,
    OPEN,
    OVERDUE,
    PLAN_CHECK,
    RECORD_BIRTH,
    RETURNED,
    RULE_LABELS,
    UNKNOWN,
    counted_from,
    find_out_too_late,
    issue_label,
    recorded_late,
    rule_label,
    signed,
)
from checklist_tui.core.where import Where

WAITING_HEADING = "Waiting for the practitioner after the manager's review"
#: Groups in reading order: (heading, labels).
GROUPS = [
    (BIRTH_HEADING, (NO_BIRTH_DATE,)),
    # who must act, for whoever reads it: the manager reads it too (review, exports)
    (WAITING_HEADING, (RETURNED, NO_LONGER_SIGNED_OFF, CHALLENGE)),
    ("Red flags and warnings", (*RULE_LABELS, CONTRADICTED)),
    ("Overdue and due soon", (OVERDUE, DUE_SOON)),
    ("Not yet known (someone is finding out)", (NOT_YET, UNKNOWN)),
    ("Answered yes but incomplete", (INCOMPLETE,)),
    ("Plan checks", (PLAN_CHECK,)),
    ("Required items still open", (OPEN,)),
]


class Entry(Where):
    label: str
    text: str
    guidance: str = ""
    note: str = ""


T = TypeVar("T")

#: The labels of what a manager is waiting for: listed first wherever Outstanding is.
MANAGER_LABELS = (RETURNED, NO_LONGER_SIGNED_OFF, CHALLENGE)


def manager_entries(checklist: Checklist, plan: Plan) -> list[Entry]:
    """The return and its reason, an approval that no longer stands, and each challenge
    not yet answered (who asked, when, what), with where to answer it."""
    items = checklist.item_map()
    sections = {i.id: s.id for s, i in checklist.all_items()}
    out: list[Entry] = []
    back = returned_because(plan)
    if back:
        out.append(Entry(RETURNED, back, "Put right what the manager asked, then submit "
                         "the plan again."))
    reopened = (plan.state == PlanState.AMENDED and plan.reviews
                and plan.reviews[-1].decision == APPROVED)
    if approval_void(plan) or reopened:
        out.append(Entry(NO_LONGER_SIGNED_OFF, describe_signoff(plan),
                         "It needs a manager's sign-off again: complete it and submit it for "
                         "review (a change to an approved plan first asks for your reason)."))
    for c in open_challenges(plan):
        item = items.get(c.item)
        who = signed(c.by, c.role)
        out.append(Entry(CHALLENGE, f"{c.item}: {item.prompt if item else c.item}",
                         ("Answer it before the plan can be submitted again: on the item, r in "
                          "the app, or go to it and type respond in plain mode."),
                         f"Challenged by {who} on {c.at:%d/%m/%Y}: {c.text}",
                         section_id=sections.get(c.item, ""), item_id=c.item))
    return out


def birth_first(plan: Plan, today: date, kind: Callable[..., T]) -> list[T]:
    """The NO DATE OF BIRTH line (a pre-birth plan past its EDD with no date of birth),
    listed first wherever it is listed (Outstanding, the plan's gaps and risks), as a
    ``kind`` (Entry or plan_gaps.Gap); [] when the birth is recorded or not yet due. One
    rule for both lists (rev7-core 9)."""
    born = birth_not_recorded(plan.edd, plan.dob, today)
    return [kind(NO_BIRTH_DATE, f"{born} {RECORD_BIRTH}", page=DETAILS_PAGE)] if born else []


def entries(checklist: Checklist, plan: Plan, ev: Evaluation) -> list[Entry]:
    items = checklist.item_map()
    out: list[Entry] = manager_entries(checklist, plan)
    out.extend(birth_first(plan, ev.today, Entry))
    for f in ev.fired:
        if f.severity == Severity.INFO:
            continue
        label = rule_label(f)
        ack = ""
        if f.acknowledgement:
            a = f.acknowledgement
            ack = f"Acknowledged by {a.by} on {a.at.strftime('%d/%m/%Y')}" + (
                f": {a.reason}" if a.reason else "")
        out.append(Entry(label, f"{f.item_id}: {f.message}", f.escalation, ack,
                         section_id=f.section_id, item_id=f.item_id))
    for p in ev.contradicted:
        out.append(Entry(CONTRADICTED, f"{p.item_id}: {items[p.item_id].prompt}",
                         "The plan's own records say otherwise: " + "; ".join(p.reasons),
                         section_id=p.section_id, item_id=p.item_id))
    for d in ev.due:
        if d.status in (DueStatus.OVERDUE, DueStatus.DUE_SOON):
            text = f"{d.label}: due {uk_date(d.due_date)}{counted_from(d)}"
            if d.due_date is not None and recorded_late(d.due_date, d.booked):
                text += f", but {recorded_late(d.due_date, d.booked)}"
            out.append(Entry(d.status.value.upper(), text, section_id=d.section_id,
                             item_id=d.item_id))
    for o in ev.open_answers:
        label = OVERDUE if o.overdue else (
            NOT_YET if integ.follow_up_label(o.answer) != "unknown" else UNKNOWN)
        out.append(Entry(label, f"{o.item_id}: {items[o.item_id].prompt}",
                         note=f"{integ.follow_up_label(o.answer).capitalize()}: "
                              f"{integ.follow_up_text(o.answer)}{find_out_too_late(o)}",
                         section_id=o.section_id, item_id=o.item_id))
    for p in ev.incomplete:
        out.append(Entry(INCOMPLETE, f"{p.item_id}: {items[p.item_id].prompt}",
                         note="Answered yes, but " + integ.missing_text(p.reasons),
                         section_id=p.section_id, item_id=p.item_id))
    for issue in ev.integrity:
        out.append(Entry(issue_label(issue), issue.message, page=issue.page,
                         record_id=issue.target_id))
    for section_id, ident in ev.open_required:
        out.append(Entry(OPEN, f"{ident}: {items[ident].prompt}", section_id=section_id,
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
