"""The plan summary, built once from the engine; every format only lays it out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from checklist_tui.core import history
from checklist_tui.core.carried import FROM_HISTORY, detail_lines, history_lines
from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.coverage import TraceRow, plan_trace
from checklist_tui.core.dates import plural, timing_summary, uk_date
from checklist_tui.core.definition import Checklist, DetailKind, Source
from checklist_tui.core.engine import DueState, Evaluation, evaluate
from checklist_tui.core.gaps import BornToday, born_today, marks_birth
from checklist_tui.core.men_left import ManLeft, men_left
from checklist_tui.core.outstanding import Entry, entries
from checklist_tui.core.pause import PauseStatus, completion_blockers, pause_statuses
from checklist_tui.core.plan import Agency, Challenge, Person, Plan, PlanState
from checklist_tui.core.plan_gaps import Gap, overdue_counts, overdue_counts_words, plan_gaps
from checklist_tui.core.plan_gaps import overdue_words as overdue_words  # its home before
from checklist_tui.core.review import (
    CHANGED_SINCE_APPROVAL,
    approval_void,
    conflict,
    describe_signoff,
    describe_state,
    open_challenges,
)
from checklist_tui.core.versions import changes_since
from checklist_tui.core.vocabulary import (
    NO_GAPS,
    evaluation_answered,
    signed,
)
from checklist_tui.core.what_is_left import (
    Listing,
    gap_groups,
    gaps_title,
    named,
    pause_row,
    pauses_sentence,
)
from checklist_tui.export.answer_list import (
    AnsweredItem,
    SectionPart,
    not_counted,
    section_parts,
)
from checklist_tui.export.plan_parts import (
    OutcomeGroup,
    PartView,
    outcome_groups,
    outcome_names,
    plan_parts,
)
from checklist_tui.export.redact import (
    REDACTED_NOTE,
    pseudonym,
    redact_found,
    redact_plan,
    vocabulary_of,
)

#: The states in which "ready to complete" (or not) is what the plan needs next.
BEING_WRITTEN = (PlanState.DRAFT, PlanState.AMENDED)
SENSITIVITY = "OFFICIAL-SENSITIVE"
SENSITIVITY_TEXT = f"{SENSITIVITY}: contains personal information about a child and family."
FOOTER = "Do not forward beyond the people who need it for this child's safety."


#: An open challenge's answer, in every format (in capitals: it is waited for).
NOT_ANSWERED = "NOT YET ANSWERED"


@dataclass(frozen=True)
class ChallengeView:
    """A manager's challenge and the practitioner's answer, as every format shows them:
    which question, who asked and when, the challenge, and the answer, who gave it and
    when (``answer`` is empty while it is not yet answered)."""

    id: str
    item_id: str
    question: str
    """"DPM-M02: Was the father invited ...", or the item id alone when this checklist
    version has no such item."""
    asked_by: str
    asked_at: datetime
    text: str
    answer: str
    answered_by: str
    answered_at: datetime | None

    @property
    def answered(self) -> bool:
        return bool(self.answer)

    @property
    def answer_words(self) -> str:
        """The answer, or NOT YET ANSWERED."""
        return self.answer or NOT_ANSWERED


@dataclass
class Summary:
    plan: Plan
    checklist: LoadedChecklist
    evaluation: Evaluation
    generated: datetime
    redacted: bool
    timing: str
    gaps: list[Gap] = field(default_factory=list)
    """The plan's gaps and risks (core.plan_gaps), the father and male carers first."""
    pause_states: list[PauseStatus] = field(default_factory=list)
    """Every visible pause point's state (core.pause.pause_statuses), worked out once: the
    status line, the pause points listed after the gaps, whether the plan can be
    completed and each format's pause points read it."""
    pauses: list[Entry] = field(default_factory=list)
    """Each pause point not confirmed, or no longer holding, in its own words
    (core.what_is_left.pause_row), in ``pause_states``' order: listed after the gaps, as
    Outstanding and G do."""
    born_today: BornToday | None = None
    arrangements: list[tuple[str, str, str]] = field(default_factory=list)
    """(what, what is recorded, item id): the dates, places, people and plans that
    answers carry, e.g. the discharge date or who must not be alone with the baby, each
    followed by what the history says under its answer (core.carried.history_lines)."""
    sections: list[SectionPart] = field(default_factory=list)
    no_longer_applies: list[AnsweredItem] = field(default_factory=list)
    trace: list[TraceRow] = field(default_factory=list)
    version_changes: list[str] = field(default_factory=list)
    """What to look at again when the plan was made with an earlier checklist version."""
    parts: list[PartView] = field(default_factory=list)
    """The written plan's parts, in order, from the items that supply them."""
    outcomes: list[OutcomeGroup] = field(default_factory=list)
    """Each outcome with its actions; last, the actions linked to no outcome."""
    challenges: list[ChallengeView] = field(default_factory=list)
    """Every manager's challenge, in the order asked, with its answer or none yet."""
    found_outside: str = ""
    """What loading found edited outside the app, not yet marked in the history: an
    approval made before it no longer stands (core.review.approval_void)."""
    edited_outside: str = ""
    """"Edited outside the app …" (core.history.describe) or '': what loading found now,
    else the mark the app wrote into the history when it next saved."""

    @property
    def title(self) -> str:
        return f"Plan: {self.checklist.checklist.title}"

    @property
    def today(self) -> date:
        return self.evaluation.today

    # What the plan and the engine already hold, read from them (never copied):
    @property
    def agencies(self) -> list[Agency]:
        return self.plan.agencies

    @property
    def men(self) -> list[Person]:
        """The father and male carers (the engine's list)."""
        return self.evaluation.men

    @property
    def others(self) -> list[Person]:
        return [p for p in self.plan.people if not p.is_man]

    @property
    def men_left(self) -> list[ManLeft]:
        """The men People no longer records as men, with who, when and why (look-d D2)."""
        return men_left(self.plan)

    @property
    def milestones(self) -> list[DueState]:
        return self.evaluation.due

    @property
    def not_holding(self) -> list[PauseStatus]:
        """The pause points not confirmed, or no longer holding (``pauses``' order)."""
        return [p for p in self.pause_states if not p.holds]


def _challenge(c: Challenge, item) -> ChallengeView:
    answered = not c.open
    return ChallengeView(c.id, c.item, f"{c.item}: {item.prompt}" if item else c.item,
                         signed(c.by, c.role), c.at, c.text,
                         c.response if answered else "", c.responded_by if answered else "",
                         c.responded_at if answered else None)


def vocabulary(checklist: Checklist) -> frozenset[str]:
    texts = [checklist.title, checklist.description]
    for section in checklist.sections:
        texts += [section.title, section.description]
        for item in section.items:
            texts += [item.prompt, item.guidance, *(o.label for o in item.options)]
    return vocabulary_of(texts)


def headline(s: Summary) -> str:
    """One line: where the plan stands, in words."""
    ev, plan = s.evaluation, s.plan
    signoff = describe_signoff(plan, s.found_outside)
    parts = [describe_state(plan, s.found_outside), signoff[:1].lower() + signoff[1:]]
    if s.edited_outside:  # first, and a sentence of its own: nothing below is vouched for
        parts[0] = f"{s.edited_outside.rstrip('.')}. {parts[0]}"
    flags = [f for f in ev.fired if f.red_flag]
    open_flags = [f for f in flags if f.acknowledgement is None]
    if flags:
        parts.append(f"{plural(len(flags), 'red flag')}, " + (
            f"{len(open_flags)} not acknowledged" if open_flags else "acknowledged"))
    overdue = overdue_counts(s.gaps)  # as the folder views count it (look-b 5)
    if overdue:
        parts.append(f"{sum(overdue.values())} overdue ({overdue_counts_words(overdue)})")
    parts += named(s.pause_states)  # as the folder views say it
    waiting = open_challenges(plan)
    if waiting:
        parts.append(f"{plural(len(waiting), 'challenge')} from a manager not yet answered")
    if ev.open_required:
        parts.append(f"{plural(len(ev.open_required), 'required question')} not answered")
    parts.append(evaluation_answered(ev))
    if plan.state in BEING_WRITTEN:  # never on a plan completed, submitted or decided
        ready = not completion_blockers(s.checklist.checklist, plan, ev, s.pause_states)
        parts.append("ready to complete" if ready else "not ready to complete")
    elif plan.state == PlanState.COMPLETED:
        parts.append("not yet submitted for review")
    return "Status: " + "; ".join(parts) + "."


def page_state(s: Summary) -> str:
    """Where the plan stands, for the header of every printed page (look-c 16: only page
    1 said it, and a page of a draft printed for a meeting read like the agreed plan)."""
    plan = s.plan
    state = describe_state(plan, s.found_outside)
    if (plan.state == PlanState.APPROVED and not conflict(plan)
            and not approval_void(plan, s.found_outside)):
        return describe_signoff(plan, s.found_outside)
    if CHANGED_SINCE_APPROVAL in describe_signoff(plan, s.found_outside) \
            and CHANGED_SINCE_APPROVAL not in state:  # e.g. Amended after the approval
        state = f"{state}, {CHANGED_SINCE_APPROVAL}"
    return f"{state}: not signed off"


def build(loaded: LoadedChecklist, plan: Plan, now: datetime, sources: dict[str, Source],
          redact: bool = False, key: bytes | None = None,
          case_pseudonym: str | None = None, found_outside: str = "") -> Summary:
    """The summary of ``plan``. ``found_outside`` is what loading the file found edited
    outside the app (store.Loaded.found_outside); a mark already written into the
    history is found here whatever the caller passes."""
    checklist = loaded.checklist
    if redact:
        places = frozenset(d.key for sec in checklist.sections for i in sec.items
                           for d in i.details if d.kind == DetailKind.PLACE)
        words = vocabulary(checklist)
        found_outside = redact_found(plan, found_outside, words)
        plan = redact_plan(plan, case_pseudonym or pseudonym(plan.case_ref, key), words, places)
    today = now.astimezone().date()
    ev = evaluate(checklist, plan, today)
    items = checklist.item_map()
    s = Summary(plan, loaded, ev, now, redact, timing_summary(plan.edd, plan.dob, today))
    s.edited_outside = history.describe(plan, found_outside)
    s.found_outside = found_outside
    s.version_changes = changes_since(plan, checklist, sources)
    s.challenges = [_challenge(c, items.get(c.item)) for c in plan.challenges]

    s.born_today = born_today(checklist, plan, today) if marks_birth(checklist) else None
    s.gaps = plan_gaps(checklist, plan, ev, entries(checklist, plan, ev))
    s.pause_states = pause_statuses(checklist, plan, ev)
    s.pauses = [pause_row(p) for p in s.not_holding]
    s.parts = plan_parts(checklist, plan, ev)
    s.outcomes = outcome_groups(outcome_names(s.parts), plan.actions, today)
    for _section, shown in checklist.all_items():  # details no part of the plan shows
        if shown.details and shown.id in ev.visible_items and shown.plan_part is None:
            answer = plan.answers.get(shown.id)
            carried = detail_lines(shown, answer, plan)
            s.arrangements += [(label, text, shown.id) for label, text in carried] + [
                (FROM_HISTORY, line, shown.id) for line in  # beside them, as under it
                (history_lines(shown, answer, plan) if carried else [])]

    s.sections = section_parts(checklist, plan, ev)
    s.no_longer_applies = not_counted(checklist, plan, ev)
    s.trace = plan_trace(checklist, plan, ev, sources)
    return s


def gaps_groups(s: Summary) -> list[tuple[str, list[Gap]]]:
    """The gaps and risks under the headings Outstanding and G use (the father and male
    carers, then everything else)."""
    return gap_groups(s.gaps)


def gaps_sentence(s: Summary) -> str:
    """``Gaps and risks: 40 things, 12 about the father and male carers.``, and the pause
    points listed after them: G's title, word for word; with no gaps, that none were
    found by the rules (never an assurance), and the pause points."""
    listing = Listing([], len(s.gaps), sum(g.about_men for g in s.gaps), len(s.pauses))
    if s.gaps:
        return gaps_title(listing)
    return " ".join(filter(None, [NO_GAPS, pauses_sentence(listing)]))


def header_rows(s: Summary) -> list[tuple[str, str]]:
    plan = s.plan
    rows = [
        ("Case reference", plan.case_ref),
        ("Checklist", f"{s.checklist.checklist.title}, version {plan.checklist_version}"),
        ("Practitioner", (plan.practitioner or "Not recorded")
         + (f", {plan.practitioner_role}" if plan.practitioner_role and not s.redacted
            else "")),
        ("Timing", s.timing),
    ]
    if s.checklist.checklist.takes_edd or plan.edd:  # an injury plan never takes one
        rows.append(("Expected delivery date", uk_date(plan.edd) if plan.edd else "Not recorded"))
    if plan.dob:
        rows.append(("Date of birth", uk_date(plan.dob)))
    if plan.babies_expected > 1:
        rows.append(("Babies expected", str(plan.babies_expected)))
    rows.append(("State", describe_state(plan, s.found_outside)))
    if s.edited_outside:
        rows.append(("Edited outside the app", s.edited_outside))
    rows.append(("Signed off", describe_signoff(plan, s.found_outside)))
    ev = s.evaluation
    rows.append(("Progress", evaluation_answered(ev, joiner="; ", percent=True)))
    changed = plan.updated.astimezone().strftime("%d/%m/%Y %H:%M")
    rows.append(("Version", f"Plan last changed {changed} "
                 f"({plural(len(plan.history), 'recorded change')})"))
    rows.append(("Generated", s.generated.astimezone().strftime("%d/%m/%Y %H:%M")))
    return rows


def person_rows(people: list[Person]) -> list[tuple[str, str, str, str, str]]:
    return [(p.name, p.relationship or p.kind.label, p.household_words,
             p.role, _involvement(p)) for p in people]


def _involvement(p: Person) -> str:
    parts = [p.involvement.strip()]
    if p.assessment.strip():
        parts.append(f"Assessment: {p.assessment.strip()}")
    if p.reason_not_involved.strip():
        parts.append(f"Not involved because: {p.reason_not_involved.strip()}")
    text = ". ".join(part.rstrip(".") for part in parts if part)
    return f"{text}." if text else ""


def due_text(d: date | None) -> str:
    return uk_date(d) if d else "No date"


__all__ = ["FOOTER", "REDACTED_NOTE", "SENSITIVITY", "Summary", "build", "header_rows"]
