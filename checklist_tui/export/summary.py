"""The plan summary, built once from the engine; Markdown and HTML only lay it out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from checklist_tui.core.answers import display
from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.dates import timing_summary, uk_date
from checklist_tui.core.definition import Source
from checklist_tui.core.engine import Evaluation, evaluate
from checklist_tui.core.outstanding import Entry, entries, grouped
from checklist_tui.core.plan import Action, Agency, Person, Plan
from checklist_tui.core.review import describe_signoff, describe_state
from checklist_tui.core.vocabulary import action_overdue
from checklist_tui.export.redact import REDACTED_NOTE, redact_plan

SENSITIVITY = "OFFICIAL-SENSITIVE: contains personal information about a child and family."
FOOTER = "Do not forward beyond the people who need it for this child's safety."


@dataclass(frozen=True)
class AnsweredItem:
    item_id: str
    prompt: str
    answer: str
    note: str
    source: str
    by: str
    at: str


@dataclass(frozen=True)
class SectionPart:
    title: str
    progress: str
    items: list[AnsweredItem]


@dataclass(frozen=True)
class TraceRow:
    source: Source
    items: list[str]


@dataclass
class Summary:
    plan: Plan
    checklist: LoadedChecklist
    evaluation: Evaluation
    generated: datetime
    redacted: bool
    timing: str
    attention: list[Entry] = field(default_factory=list)
    actions: list[tuple[Action, bool]] = field(default_factory=list)  # (action, overdue)
    agencies: list[Agency] = field(default_factory=list)
    men: list[Person] = field(default_factory=list)
    others: list[Person] = field(default_factory=list)
    sections: list[SectionPart] = field(default_factory=list)
    no_longer_applies: list[AnsweredItem] = field(default_factory=list)
    trace: list[TraceRow] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"Plan summary: {self.checklist.checklist.title}"


def _answered(item_id: str, prompt: str, answer, item) -> AnsweredItem:
    return AnsweredItem(item_id, prompt, display(item, answer), answer.note,
                        answer.source.label if answer.source else "",
                        answer.answered_by, answer.answered_at.strftime("%d/%m/%Y"))


def build(loaded: LoadedChecklist, plan: Plan, now: datetime, sources: dict[str, Source],
          redact: bool = False) -> Summary:
    if redact:
        plan = redact_plan(plan)
    today = now.astimezone().date()
    checklist = loaded.checklist
    ev = evaluate(checklist, plan, today)
    items = checklist.item_map()
    s = Summary(plan, loaded, ev, now, redact, timing_summary(plan.edd, plan.dob, today))

    s.attention = entries(checklist, plan, ev)

    for action in plan.actions:
        s.actions.append((action, action_overdue(action, today)))
    s.agencies = list(plan.agencies)
    s.men = [p for p in plan.people if p.kind.is_male_carer]
    s.others = [p for p in plan.people if not p.kind.is_male_carer]

    for section in checklist.sections:
        progress = ev.section(section.id)
        if progress is None or not progress.visible:
            continue
        answered = [
            _answered(i.id, i.prompt, plan.answers[i.id], i) for i in section.items
            if i.id in ev.visible_items and i.id in plan.answers
            and (plan.answers[i.id].has_value or plan.answers[i.id].note)
        ]
        s.sections.append(SectionPart(section.title, f"{progress.answered} of {progress.total}"
                                      " answered", answered))
    for stale in ev.no_longer_applies + ev.not_in_checklist:
        item = items.get(stale.item_id)
        s.no_longer_applies.append(_answered(
            stale.item_id, item.prompt if item else "(item not in this checklist version)",
            stale.answer, item))

    cited: dict[str, list[str]] = {}
    for ident in ev.done_items:  # never a contradicted, incomplete or open answer
        if ident in items:
            for ref in items[ident].refs:
                cited.setdefault(ref, []).append(ident)
    order = {ident: n for n, (_s, i) in enumerate(checklist.all_items()) for ident in [i.id]}
    for ref, source in sources.items():
        if ref in cited:
            s.trace.append(TraceRow(source, sorted(cited[ref], key=order.__getitem__)))
    return s


def grouped_attention(s: Summary) -> list[tuple[str, list[Entry]]]:
    """The attention list in the order a manager should read it; empty groups left out."""
    return grouped(s.attention)


def header_rows(s: Summary) -> list[tuple[str, str]]:
    plan = s.plan
    rows = [
        ("Case reference", plan.case_ref),
        ("Checklist", f"{s.checklist.checklist.title}, version {plan.checklist_version}"),
        ("Practitioner", plan.practitioner + (f" ({plan.practitioner_role})"
                                              if plan.practitioner_role and not s.redacted
                                              else "")),
        ("Timing", s.timing),
        ("Expected delivery date", uk_date(plan.edd)),
    ]
    if plan.dob:
        rows.append(("Date of birth", uk_date(plan.dob)))
    if plan.babies_expected > 1:
        rows.append(("Babies expected", str(plan.babies_expected)))
    rows.append(("State", describe_state(plan)))
    rows.append(("Signed off", describe_signoff(plan)))
    ev = s.evaluation
    rows.append(("Progress", f"{ev.answered} of {ev.total} items answered ({ev.percent}%)"))
    rows.append(("Generated", s.generated.astimezone().strftime("%d/%m/%Y %H:%M")))
    return rows


def person_rows(people: list[Person]) -> list[tuple[str, str, str, str, str]]:
    return [(p.name, p.relationship or p.kind.label, "Yes" if p.in_household else "No",
             p.role, p.involvement) for p in people]


def due_text(d: date | None) -> str:
    return uk_date(d) if d else "No date"


__all__ = ["FOOTER", "REDACTED_NOTE", "SENSITIVITY", "Summary", "build", "header_rows"]
