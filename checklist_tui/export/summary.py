"""The plan summary, built once from the engine; every format only lays it out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from checklist_tui.core.answers import display
from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.dates import plural, timing_summary, uk_date
from checklist_tui.core.definition import Checklist, ItemType, Source
from checklist_tui.core.engine import DueState, DueStatus, Evaluation, evaluate
from checklist_tui.core.outstanding import Entry, entries, grouped
from checklist_tui.core.plan import Action, Agency, Person, Plan
from checklist_tui.core.review import describe_signoff, describe_state
from checklist_tui.core.vocabulary import ACKNOWLEDGED, OVERDUE, RED_FLAG, action_overdue
from checklist_tui.export.redact import REDACTED_NOTE, pseudonym, redact_plan, vocabulary_of

SENSITIVITY = "OFFICIAL-SENSITIVE"
SENSITIVITY_TEXT = f"{SENSITIVITY}: contains personal information about a child and family."
FOOTER = "Do not forward beyond the people who need it for this child's safety."
MEN_WORDS = ("father", "male")


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


@dataclass(frozen=True)
class Gap:
    """One thing wrong or missing, in words: ``label`` says what kind, never colour alone."""
    label: str
    text: str
    guidance: str = ""
    note: str = ""
    about_men: bool = False


@dataclass
class Summary:
    plan: Plan
    checklist: LoadedChecklist
    evaluation: Evaluation
    generated: datetime
    redacted: bool
    timing: str
    attention: list[Entry] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    actions: list[tuple[Action, bool]] = field(default_factory=list)  # (action, overdue)
    agencies: list[Agency] = field(default_factory=list)
    men: list[Person] = field(default_factory=list)
    others: list[Person] = field(default_factory=list)
    milestones: list[DueState] = field(default_factory=list)
    born_today: list[str] = field(default_factory=list)
    sections: list[SectionPart] = field(default_factory=list)
    no_longer_applies: list[AnsweredItem] = field(default_factory=list)
    trace: list[TraceRow] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"Plan: {self.checklist.checklist.title}"

    @property
    def today(self) -> date:
        return self.evaluation.today


def _answered(item_id: str, prompt: str, answer, item) -> AnsweredItem:
    return AnsweredItem(item_id, prompt, display(item, answer), answer.note,
                        answer.source.label if answer.source else "",
                        answer.answered_by, answer.answered_at.strftime("%d/%m/%Y"))


def vocabulary(checklist: Checklist) -> frozenset[str]:
    texts = [checklist.title, checklist.description]
    for section in checklist.sections:
        texts += [section.title, section.description]
        for item in section.items:
            texts += [item.prompt, item.guidance, *(o.label for o in item.options)]
    return vocabulary_of(texts)


def _men_sections(checklist: Checklist) -> set[str]:
    return {s.id for s in checklist.sections if any(w in s.title.lower() for w in MEN_WORDS)}


def overdue_words(due: date, today: date) -> str:
    days = (today - due).days
    return f"overdue by {plural(days, 'day')}" if days > 0 else "due today"


def _gaps(s: Summary, checklist: Checklist) -> list[Gap]:
    """Concerns first (red flags, warnings), then overdue work, then what is not known."""
    men = _men_sections(checklist)
    ev, today, items = s.evaluation, s.today, checklist.item_map()
    found: list[Gap] = []
    for e in s.attention:
        if e.label in (RED_FLAG, "ERROR", "WARNING"):
            text = e.text.removeprefix(f"{e.item_id}: ")
            label = e.label + (f" ({ACKNOWLEDGED})" if e.note else "")
            found.append(Gap(label, f"{text} ({e.item_id})", e.guidance, e.note,
                             e.section_id in men))
    for d in ev.due:
        if d.status == DueStatus.OVERDUE and d.due_date:
            found.append(Gap(OVERDUE, f"{d.label}: was due {uk_date(d.due_date)}, "
                             f"{overdue_words(d.due_date, today)} ({d.item_id})",
                             about_men=d.section_id in men))
    for action, late in s.actions:
        if late and action.due:
            owner = action.owner or "no owner"
            found.append(Gap(f"{OVERDUE} ACTION", f"{action.what}: {owner}, was due "
                             f"{uk_date(action.due)}, {overdue_words(action.due, today)}"))
    for issue in ev.integrity:
        found.append(Gap("PLAN CHECK", issue.message))
    for section in checklist.sections:
        for item in section.items:
            answer = s.plan.answers.get(item.id)
            if (item.id in ev.visible_items and answer is not None
                    and item.type == ItemType.YES_NO_UNKNOWN and answer.value == "unknown"):
                found.append(Gap("NOT KNOWN", f"{item.prompt} ({item.id})", note=answer.note,
                                 about_men=section.id in men))
    for _section, ident in ev.open_required:
        found.append(Gap("NOT ANSWERED", f"{items[ident].prompt} ({ident})",
                         about_men=_section in men))
    if not s.men:
        found.append(Gap("NOT RECORDED", "No father or male carer is recorded.", about_men=True))
    return [g for g in found if g.about_men] + [g for g in found if not g.about_men]


def headline(s: Summary) -> str:
    """One line: where the plan stands, in words."""
    ev, plan = s.evaluation, s.plan
    parts = [plan.state.label]
    parts.append(f"signed off {plan.signoff.at.strftime('%d/%m/%Y')}" if plan.signoff
                 else "not signed off")
    flags = [f for f in ev.fired if f.red_flag]
    open_flags = [f for f in flags if f.acknowledgement is None]
    if flags:
        parts.append(f"{plural(len(flags), 'red flag')}, " + (
            f"{len(open_flags)} not acknowledged" if open_flags else "acknowledged"))
    overdue = sum(1 for d in ev.due if d.status == DueStatus.OVERDUE) + sum(
        1 for _a, late in s.actions if late)
    if overdue:
        parts.append(f"{overdue} overdue")
    if ev.open_required:
        parts.append(f"{plural(len(ev.open_required), 'required question')} not answered")
    parts.append(f"{ev.answered} of {ev.total} questions answered")
    parts.append("ready to complete" if ev.can_complete else "not ready to complete")
    return "Status: " + "; ".join(parts) + "."


def _born_today(checklist: Checklist, plan: Plan, today: date) -> list[str]:
    if plan.dob is not None:
        return []
    ev = evaluate(checklist, plan, today, assume_born=today)
    return [f"{d.label} ({d.item_id})" for d in ev.due
            if d.status == DueStatus.OVERDUE and d.point.weeks is not None]


def build(loaded: LoadedChecklist, plan: Plan, now: datetime, sources: dict[str, Source],
          redact: bool = False, key: bytes | None = None,
          case_pseudonym: str | None = None) -> Summary:
    checklist = loaded.checklist
    if redact:
        plan = redact_plan(plan, case_pseudonym or pseudonym(plan.case_ref, key),
                           vocabulary(checklist))
    today = now.astimezone().date()
    ev = evaluate(checklist, plan, today)
    items = checklist.item_map()
    s = Summary(plan, loaded, ev, now, redact, timing_summary(plan.edd, plan.dob, today))
    s.attention = entries(checklist, plan, ev)

    for action in plan.actions:
        s.actions.append((action, action_overdue(action, today)))
    s.agencies = list(plan.agencies)
    s.men = [p for p in plan.people if p.kind.is_male_carer]
    s.others = [p for p in plan.people if not p.kind.is_male_carer]
    s.milestones = list(ev.due)
    s.born_today = _born_today(checklist, plan, today)
    s.gaps = _gaps(s, checklist)

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
        ("Expected delivery date", uk_date(plan.edd) if plan.edd else "Not recorded"),
    ]
    if plan.dob:
        rows.append(("Date of birth", uk_date(plan.dob)))
    if plan.babies_expected > 1:
        rows.append(("Babies expected", str(plan.babies_expected)))
    rows.append(("State", describe_state(plan)))
    rows.append(("Signed off", describe_signoff(plan)))
    ev = s.evaluation
    rows.append(("Progress", f"{ev.answered} of {ev.total} questions answered ({ev.percent}%)"))
    changed = plan.updated.astimezone().strftime("%d/%m/%Y %H:%M")
    rows.append(("Version", f"Plan last changed {changed} "
                 f"({plural(len(plan.history), 'recorded change')})"))
    rows.append(("Generated", s.generated.astimezone().strftime("%d/%m/%Y %H:%M")))
    return rows


def person_rows(people: list[Person]) -> list[tuple[str, str, str, str, str]]:
    return [(p.name, p.relationship or p.kind.label, "Yes" if p.in_household else "No",
             p.role, p.involvement) for p in people]


def due_text(d: date | None) -> str:
    return uk_date(d) if d else "No date"


__all__ = ["FOOTER", "REDACTED_NOTE", "SENSITIVITY", "Summary", "build", "header_rows"]
