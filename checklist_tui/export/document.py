"""The exported plan as a sequence of format-neutral blocks.

Markdown, HTML and Word lay out the same blocks, so every format says the same
things in the same order: the status headline, Gaps and risks (the father and
male carers first), The plan, Signatures and distribution, then the appendices.
All text in a block is literal; each renderer makes it inert for its format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from checklist_tui.core.carried import FROM_HISTORY
from checklist_tui.core.copies import OUT_OF_DATE, out_of_date, out_of_date_words
from checklist_tui.core.dates import uk_date
from checklist_tui.core.engine import DueStatus
from checklist_tui.core.history_words import changes
from checklist_tui.core.men_left import HEADING as MEN_LEFT
from checklist_tui.core.men_left import NO_REASON
from checklist_tui.core.plan import Shared
from checklist_tui.core.plan_part import PlanPart
from checklist_tui.core.review import describe_signoff
from checklist_tui.core.vocabulary import (
    NO_OWNER,
    NO_ROLE,
    PAUSE_POINTS_HEADING,
    action_overdue,
    counted_from,
    signed,
)
from checklist_tui.export.answer_list import AnsweredItem
from checklist_tui.export.plan_parts import (
    NO_OUTCOME,
    NOT_RECORDED,
    PartView,
    not_asked,
)
from checklist_tui.export.summary import (
    FOOTER,
    NOT_ANSWERED,
    REDACTED_NOTE,
    SENSITIVITY,
    SENSITIVITY_TEXT,
    Summary,
    due_text,
    gaps_groups,
    gaps_sentence,
    header_rows,
    headline,
    overdue_words,
    person_rows,
)


class Strong(str):
    """App text a reader must not miss (e.g. "NO OWNER"): shown bold, still in words."""

    __slots__ = ()


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    new_page: bool = False
    """Printed at the top of a new page (the appendices, after the plan itself)."""


@dataclass(frozen=True)
class Para:
    text: str
    style: str = ""  # "marking", "status", "redacted", "missing" or ""


@dataclass(frozen=True)
class Fields:
    label: str
    rows: list[tuple[str, str]]


@dataclass(frozen=True)
class Table:
    label: str
    headers: list[str]
    rows: list[list[str]]
    widths: list[int]  # relative column widths, summing to 100


@dataclass(frozen=True)
class Flag:
    label: str
    text: str
    details: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Flags:
    items: list[Flag]


@dataclass(frozen=True)
class Answers:
    items: list[AnsweredItem]


@dataclass(frozen=True)
class Bullets:
    items: list[str]


Block = Heading | Para | Fields | Table | Flags | Answers | Bullets

KEEP_ROWS = 12
"""A table this short is kept on one page when printed (moved whole, not split)."""


PEOPLE_HEADERS = ["Name", "Relationship", "In household", "Role", "Involvement and assessment"]
PEOPLE_WIDTHS = [16, 16, 13, 23, 32]
LEFT_HEADERS = ["Name", "Relationship", "What changed", "Why"]


@dataclass(frozen=True)
class Document:
    title: str
    case_ref: str
    marking: str
    blocks: list[Block]
    footer: str


def build_document(s: Summary) -> Document:
    b: list[Block] = []
    add = b.append
    add(Para(SENSITIVITY_TEXT, "marking"))
    if s.redacted:
        add(Para(REDACTED_NOTE, "redacted"))
    add(Para(headline(s), "status"))

    add(Heading(2, "Gaps and risks"))
    _gaps(s, add)

    add(Heading(2, "The plan"))
    add(Fields("Plan details", header_rows(s)))
    for view in s.parts:
        add(Heading(3, view.heading))
        _part(s, view, add)
    if all(v.part != PlanPart.OUTCOMES for v in s.parts):  # (the injury plan's parts)
        add(Heading(3, "Actions"))  # the actions are still the plan's: never left out
        if s.plan.actions:
            add(Table("Actions", ACTION_HEADERS, _action_rows(s, [
                (a, action_overdue(a, s.today)) for a in s.plan.actions]), ACTION_WIDTHS))
        else:
            add(Para("No actions recorded."))
    if s.arrangements:
        add(Heading(3, "Other arrangements recorded"))
        add(Table("Other arrangements recorded", ["What", "Recorded", "Question"],
                  [[label, Strong(text) if label == FROM_HISTORY else text, ident]
                   for label, text, ident in s.arrangements],
                  [32, 52, 16]))
    if s.born_today is not None:
        add(Heading(3, s.born_today.title))
        add(Para(s.born_today.headline))
        if s.born_today.entries:
            add(Bullets([f"{e.text} ({e.why})" for e in s.born_today.entries]))
    add(Heading(3, "Milestones"))
    if s.milestones:
        add(Table("Milestones", ["Milestone", "Due", "Status"], [
            [d.label, due_text(d.due_date) + counted_from(d, short=True),
             _due_status(d, s.today)] for d in s.milestones], [52, 22, 26]))
    else:
        add(Para("No milestones in this checklist."))

    _signatures(s, add)
    _appendices(s, add)
    return Document(s.title, s.plan.case_ref, SENSITIVITY, b, f"{SENSITIVITY_TEXT} {FOOTER}")


def _gaps(s: Summary, add) -> None:
    """The plan's gaps and risks as Outstanding and G group them (the father and male
    carers, then everything else), then each pause point that does not hold."""
    add(Para(gaps_sentence(s)))
    for heading, gaps in gaps_groups(s):
        add(Heading(3, heading))
        add(Flags([Flag(g.label, g.text, [(k, v) for k, v in (("What to do", g.guidance),
                                                             ("Note", g.note)) if v])
                   for g in gaps]))
    if s.pauses:
        add(Heading(3, PAUSE_POINTS_HEADING))
        add(Flags([Flag(p.label, p.text, [("What to do", p.guidance)]) for p in s.pauses]))


def _due_status(d, today) -> str:
    """A milestone's state in words: overdue by how long, booked for when, or as it is."""
    if d.status == DueStatus.OVERDUE and d.due_date:
        return Strong(overdue_words(d.due_date, today, d.booked).upper())
    if d.status == DueStatus.BOOKED and d.booked:
        return f"Booked for {uk_date(d.booked)}"
    return d.status.value.capitalize()


def _part(s: Summary, view: PartView, add) -> None:
    """One part of the written plan: what its questions record (or that nothing is),
    then what the plan's own records add to it."""
    records = view.part in (PlanPart.OUTCOMES, PlanPart.MEN, PlanPart.AGENCIES)
    if not view.asked and not records:
        add(Para(not_asked(s.checklist.checklist, view), "missing"))
    elif view.asked and not view.recorded:
        add(Para(f"{NOT_RECORDED}.", "missing"))
    if view.rows:
        add(Table(view.heading, ["What", "Recorded", "Question"],
                  [[r.what, r.text if r.recorded else Strong(r.text), r.item_id]
                   for r in view.rows], [30, 55, 15]))
    if view.part == PlanPart.OUTCOMES:
        _outcomes(s, view, add)
    elif view.part == PlanPart.MEN:
        add(Heading(4, "The men recorded in this plan"))
        if s.men:
            add(Table("The father and other men around the baby", PEOPLE_HEADERS,
                      [list(r) for r in person_rows(s.men)], PEOPLE_WIDTHS))
        else:
            add(Para("No father or other man is recorded.", "missing"))
        if s.men_left:  # look-d D2: a man leaving the plan is shown as his being in it is
            add(Heading(4, MEN_LEFT))
            add(Table(MEN_LEFT, LEFT_HEADERS,
                      [[m.name, m.about, m.said, Strong(m.why) if m.why == NO_REASON
                        else m.why] for m in s.men_left], [20, 22, 30, 28]))
        add(Heading(4, "Other people around the baby"))
        if s.others:
            add(Table("Other people around the baby", PEOPLE_HEADERS,
                      [list(r) for r in person_rows(s.others)], PEOPLE_WIDTHS))
        else:
            add(Para("No one else recorded."))
    elif view.part == PlanPart.AGENCIES:
        if s.agencies:
            add(Table("Agencies and named contacts",
                      ["Agency", "Named practitioner", "Role and responsibility", "Contact"],
                      [[g.agency, g.practitioner, g.role or Strong(NO_ROLE), g.contact]
                       for g in s.agencies], [20, 20, 38, 22]))
        else:
            add(Para("No agencies recorded.", "missing"))


ACTION_HEADERS = ["What", "Owner", "Agency", "Due", "Status"]
ACTION_WIDTHS = [34, 17, 16, 14, 19]


def _action_rows(s: Summary, actions) -> list[list[str]]:
    return [[a.what, a.owner or Strong(NO_OWNER), a.agency, due_text(a.due),
             Strong(f"{a.status.label}, {overdue_words(a.due, s.today).upper()}")
             if late and a.due else a.status.label] for a, late in actions]


def _outcomes(s: Summary, view: PartView, add) -> None:
    """Each outcome with the actions that serve it: who does what, by when."""
    if not s.outcomes:
        add(Para("No outcomes or actions recorded.", "missing"))
        return
    for group in s.outcomes:
        if group.outcome:
            add(Heading(4, f"Outcome: {group.outcome}"))
            if not group.actions:
                add(Para("No action is recorded for this outcome.", "missing"))
                continue
            label = f"Actions for the outcome: {group.outcome}"
        else:
            add(Heading(4, NO_OUTCOME))
            add(Para("These actions do not say which outcome they serve." if len(s.outcomes) > 1
                     or view.recorded else "No action says which outcome it serves."))
            label = NO_OUTCOME
        add(Table(label, ACTION_HEADERS, _action_rows(s, group.actions), ACTION_WIDTHS))


def _signatures(s: Summary, add) -> None:
    add(Heading(2, "Signatures and distribution"))
    add(Para(describe_signoff(s.plan, s.found_outside),
             "" if s.plan.signoff or s.plan.reviews else "missing"))
    decisions = s.plan.reviews or ([s.plan.signoff] if s.plan.signoff else [])
    if decisions:
        add(Table("Manager decisions", ["Date", "Decision", "By", "Reasons"], [
            [d.at.astimezone().strftime("%d/%m/%Y %H:%M"), d.decision.capitalize(),
             signed(d.by, d.role), d.rationale]
            for d in decisions], [18, 14, 26, 42]))
    _challenges(s, add)
    voided = [h for h in s.plan.history if h.what == "signoff.void"]
    for h in voided:
        add(Para(f"An earlier sign-off by {h.old or 'a manager'} was voided on "
                 f"{h.at.astimezone().strftime('%d/%m/%Y')} when the plan was reopened."))
    shared = [d for d in s.plan.distribution if not d.parents]
    parents = [d for d in s.plan.distribution if d.parents]
    stale = out_of_date(s.plan)

    def late(d: Shared) -> str:
        return f" ({OUT_OF_DATE})" if any(d is x for x in stale) else ""

    add(Heading(3, "Distribution"))
    if stale:
        add(Para(out_of_date_words(stale), "missing"))
    if shared:
        add(Table("Distribution", ["Date", "Shared with", "Agency or role", "How"],
                  [[uk_date(d.on), d.to + late(d), d.role, d.how] for d in shared],
                  [15, 30, 33, 22]))
    else:
        add(Para("Who the plan was shared with is not recorded.", "missing"))
    add(Para("Copy given to the parents: " + (", ".join(
        uk_date(d.on) + (f" ({d.how})" if d.how else "") + late(d) for d in parents)
        if parents else "not recorded."), "" if parents else "missing"))
    statuses = s.pause_states
    if statuses:  # whether each confirmation still holds, in the words of every view
        add(Heading(3, "Pause points"))
        add(Table("Pause points", ["Pause point", "State"],
                  [[p.title, p.line() if p.holds else Strong(p.line())] for p in statuses],
                  [28, 72]))


def _challenges(s: Summary, add) -> None:
    """Each manager's challenge and the practitioner's answer: who asked, when, on which
    question, the answer, who gave it and when; an open one says so in words."""
    if not s.challenges:
        return
    add(Heading(3, "Manager's challenges and the answers"))
    rows = [[c.question, f"{c.asked_by}, {c.asked_at.astimezone():%d/%m/%Y %H:%M}", c.text,
             c.answer if c.answered else Strong(NOT_ANSWERED),
             c.answered_by + (f", {c.answered_at.astimezone():%d/%m/%Y %H:%M}"
                              if c.answered_at else "") if c.answered else "No one yet"]
            for c in s.challenges]
    add(Table("Manager's challenges",
              ["Question", "Challenged by, when", "Challenge", "Answer", "Answered by, when"],
              rows, [22, 17, 22, 22, 17]))


def _when(at) -> str:
    return at.astimezone().strftime("%d/%m/%Y %H:%M")


def _appendices(s: Summary, add) -> None:
    add(Heading(2, "Appendix A: the checklist answers", new_page=True))
    for part in s.sections:
        add(Heading(3, part.title))
        add(Para(part.progress))
        if part.items:
            add(Answers(part.items))
        else:
            add(Para("No answers yet."))
    if s.no_longer_applies:
        add(Heading(3, "Answers that no longer apply"))
        add(Para("Kept for the record; not counted in this plan."))
        add(Answers(s.no_longer_applies))
    add(Heading(2, "Appendix B: history"))
    history = changes(s.plan, s.checklist.checklist)
    if history:
        first, last = history[0], history[-1]
        add(Fields("History", [
            ("Recorded changes", str(len(history))),
            ("First", f"{_when(first.at)} by {first.by}: {first.words}"),
            ("Latest", f"{_when(last.at)} by {last.by}: {last.words}"),
        ]))
        add(Para("Every recorded change, oldest first, in the words of the plan's history, "
                 "under the day and the person who made it:"))
        for (day, by), same in groupby(history, key=lambda c: (c.at.astimezone().date(),
                                                                 c.by)):
            add(Heading(3, f"{uk_date(day)}: {by}"))
            add(Table(f"Changes on {uk_date(day)} by {by}", ["Time", "What changed"],
                      [[f"{c.at.astimezone():%H:%M}", c.words] for c in same], [9, 91]))
    else:
        add(Para("No changes recorded."))
    add(Heading(2, "Appendix C: learning trace"))
    add(Para("The recommendations and practice sources that this plan's answered items "
             "cite: the items whose answers address them, and apart from them the items "
             "asked whose answers raised a red flag or a concern (never counted as "
             "addressing them)."))
    if s.trace:
        add(Table("Learning trace", ["Source", "Title", "Addressed by",
                                     "Asked: red flag or concern raised"],
                  [[r.source.id, r.source.title, ", ".join(r.addressed) or "None",
                    r.raised_words or "None"] for r in s.trace],
                  [12, 34, 27, 27]))
    else:
        add(Para("No answered item cites a source yet."))
