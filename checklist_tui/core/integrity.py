"""What an answer really claims: details it must carry, plan data that contradicts it,
"not yet" and "unknown" that still need someone to find out, and the plan's own checks.

Pure functions, used by the engine. The words here are the words every view shows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime

from checklist_tui.core import babies
from checklist_tui.core.conditions import holds
from checklist_tui.core.dates import plural, uk_date, words_date
from checklist_tui.core.definition import (
    NOT_YET,
    CrossCheck,
    DetailKind,
    Item,
    PlanCheck,
)
from checklist_tui.core.detail_people import named_wrongly
from checklist_tui.core.men_at_home import left_off
from checklist_tui.core.placeholder import filled, only_says, says_nothing
from checklist_tui.core.plan import Action, ActionStatus, Answer, Person, PersonKind, Plan
from checklist_tui.core.record import Record
from checklist_tui.core.written import written_before

RECORD_PAGES = {"man": "people", "agency": "agencies", "action": "actions"}
FINISHED_ACTIONS = (ActionStatus.DONE, ActionStatus.CANCELLED)


class IntegrityIssue(Record):
    """A check on the plan's own records (people, agencies, actions)."""

    kind: str
    target_id: str
    message: str
    about_men: bool = False
    needed_at_birth: bool = False

    @property
    def page(self) -> str:
        """The records page where it is fixed: people, agencies or actions."""
        return RECORD_PAGES[self.kind.split("_", 1)[0]]

    @property
    def blocks_completion(self) -> bool:
        return self.kind != "action_overdue"


def short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def settled(answer: Answer | None) -> bool:
    """An answer that says something: not empty and not "not yet"."""
    return answer is not None and answer.has_value and answer.value != NOT_YET


def is_positive(answer: Answer | None) -> bool:
    """A "yes" or a tick: the answers that claim something is in place."""
    return answer is not None and not answer.not_applicable and answer.value in ("yes", True)


def needs_follow_up(item: Item, answer: Answer | None) -> bool:
    """"Not yet", or "unknown" on a required or risk item: someone must find out."""
    if answer is None or answer.not_applicable:
        return False
    if answer.value == NOT_YET:
        return True
    return answer.value == "unknown" and (item.required or bool(item.concern))


def value_needs_follow_up(item: Item, value: object) -> bool:
    """Whether answering ``value`` asks who will find out and by when."""
    if value == NOT_YET or (isinstance(value, str) and value.lower() in ("not yet", "not_yet")):
        return True
    return value == "unknown" and (item.required or bool(item.concern))


def is_concern(item: Item, answer: Answer | None) -> bool:
    if answer is None or answer.not_applicable or answer.value is None or not item.concern:
        return False
    values = answer.value if isinstance(answer.value, list) else [answer.value]
    return any(v in item.concern for v in values)


def men(plan: Plan) -> list[Person]:
    """The father and every man in or around the household."""
    return [p for p in plan.people if p.is_man]


def men_first(plan: Plan) -> list[Person]:
    """Everyone recorded, the men first (each group in the order recorded)."""
    return sorted(plan.people, key=lambda p: not p.is_man)


def missing_details(item: Item, answer: Answer | None, plan: Plan) -> list[str]:
    """Labels of the details a positive answer still lacks (empty when complete)."""
    if not item.details or not is_positive(answer):
        return []
    assert answer is not None
    have = answer.details or {}
    people = {p.id for p in plan.people}
    missing: list[str] = []
    for detail in item.details:
        if not detail.required:
            continue
        value = have.get(detail.key)
        if detail.kind == DetailKind.PEOPLE:
            ok = isinstance(value, list) and bool(value) and all(v in people for v in value)
        elif detail.kind == DetailKind.DATE:
            ok = isinstance(value, date)
        else:
            ok = isinstance(value, str) and filled(value)
        if not ok:
            missing.append(f"{detail.label} ({only_says(value)})"
                           if isinstance(value, str) and says_nothing(value) else detail.label)
    return missing


def missing_text(missing: list[str] | tuple[str, ...]) -> str:
    """``missing: The timetable; The review date``: what a yes lacks, in one phrase."""
    return "missing: " + "; ".join(missing)


def detail_date(item: Item, answer: Answer | None) -> date | None:
    detail = item.date_detail
    if detail is None or answer is None or not answer.details:
        return None
    value = answer.details.get(detail.key)
    return value if isinstance(value, date) else None


def _fathers(plan: Plan) -> list[Person]:
    return [p for p in plan.people if p.kind == PersonKind.FATHER]


def _other_men(plan: Plan) -> list[Person]:
    return [p for p in men(plan) if p.kind != PersonKind.FATHER]


def _names(people: list[Person]) -> str:
    return ", ".join(f"{p.name} ({p.kind.label.lower()})" for p in people)


def _agencies(plan: Plan) -> str:
    return "the Agencies page records " + ", ".join(a.agency for a in plan.agencies)


def _actions(plan: Plan) -> str:
    return f"the Actions page records {plural(len(plan.actions), 'action')}"


NO_AGENCY = "no agency is recorded on the Agencies page"

#: What each plan check (a checklist's ``plan`` and ``answered_by`` cross-checks) means,
#: in one place: why the plan's records fail it (empty when they pass), and what they
#: hold that passes it, in words.
PLAN_CHECKS: dict[PlanCheck, tuple[Callable[[Plan], list[str]], Callable[[Plan], str]]] = {
    PlanCheck.AGENCY_RECORDED: (
        lambda plan: [] if plan.agencies else [NO_AGENCY],
        _agencies),
    PlanCheck.AGENCY_CONTACTS: (
        lambda plan: [i.message for i in agency_issues(plan)] if plan.agencies else [NO_AGENCY],
        lambda plan: _agencies(plan)
        + ", each with a role, a named practitioner and contact details"),
    PlanCheck.MEN_RECORDED: (
        lambda plan: [] if men(plan) else [
            "no man (the father or a male carer) is recorded in People"],
        lambda plan: f"People records the men around the baby: {_names(men(plan))}"),
    PlanCheck.FATHER_RECORDED: (
        lambda plan: [] if _fathers(plan) else ["no father is recorded in People"],
        lambda plan: f"People records the father: {_names(_fathers(plan))}"),
    PlanCheck.OTHER_MEN_RECORDED: (
        lambda plan: [] if _other_men(plan) else [
            "no man other than the father is recorded in People"],
        lambda plan: f"People records a man other than the father: {_names(_other_men(plan))}"),
    PlanCheck.MEN_INVOLVEMENT: (
        lambda plan: [i.message for i in man_issues(plan)],
        lambda plan: "People records each man's involvement and assessment, or why not"),
    PlanCheck.ACTIONS_RECORDED: (
        lambda plan: [] if plan.actions else ["no action is recorded on the Actions page"],
        _actions),
    PlanCheck.ACTIONS_OWNED: (
        lambda plan: [i.message for i in action_issues(plan) if i.blocks_completion],
        lambda plan: _actions(plan) + ", each open one with an owner and a due date"),
}


def plan_check_failures(check: PlanCheck, plan: Plan) -> list[str]:
    """Why the plan's records fail ``check`` (empty when they pass)."""
    return PLAN_CHECKS[check][0](plan)


def records_say(check: PlanCheck, plan: Plan) -> str:
    """What the plan's records hold that passes ``check``, in words ("People records the
    father: Jordan Sample (father)"); "" when they do not pass it."""
    failures, words = PLAN_CHECKS[check]
    return "" if failures(plan) else words(plan)


def records_answer(item: Item, plan: Plan) -> list[str]:
    """What the plan's records hold that answers ``item`` "yes" (its ``answered_by``
    cross-checks), in words; empty when they do not answer it."""
    said = [records_say(c.answered_by, plan) for c in item.cross_checks
            if c.answered_by is not None]
    return said if said and all(said) else []


def denies(answer: Answer | None) -> bool:
    """An answer of "no" or "unknown": the plan's records contradict it on an item they
    answer "yes" (:func:`records_answer`; the engine says so, in those records' words)."""
    return answer is not None and not answer.not_applicable and answer.value in ("no",
                                                                                "unknown")


def day_of(at: datetime) -> date:
    """The day, as people there read it, that something was recorded at ``at``."""
    return at.astimezone().date()


#: How the day a "today's date" tick is compared with reads after "2 days before ...".
TICKED, TODAY, CONFIRMED = "this was ticked on", "today,", "the pause point was confirmed on"


def compared_day(answer: Answer, today: date, confirmed: datetime | None = None,
                 pause_point: bool = False) -> tuple[date, str]:
    """The day a "today's date" tick (``dates_on_day``) speaks of, and how it reads. In a
    pause point, the day it is confirmed, read aloud before the baby leaves: its latest
    confirmation's (``confirmed``) if that came after the tick, else today (a tick made on
    an earlier day is not confirmed by it). Elsewhere the day the tick was made."""
    if not pause_point:
        return day_of(answer.answered_at), TICKED
    if confirmed is not None and confirmed >= answer.answered_at:
        return day_of(confirmed), CONFIRMED
    return today, TODAY


def cross_check_failures(item: Item, plan: Plan, counted: Mapping[str, Answer],
                         items: Mapping[str, Item], on: date,
                         basis: str = TICKED) -> list[str]:
    """Why the plan contradicts a positive answer to ``item`` that speaks of the day
    ``on`` (``basis`` says which day that is, :func:`compared_day`); empty when it does
    not."""
    reasons: list[str] = []
    for check in item.cross_checks:
        reasons.extend(_failures(check, plan, counted, items, (on, basis)))
    return reasons


def answer_contradictions(item: Item, answer: Answer | None, plan: Plan,
                          counted: Mapping[str, Answer], items: Mapping[str, Item],
                          day: tuple[date, str] | None = None) -> list[str]:
    """Why the plan contradicts an answer: a number of babies the plan details do not say
    (core.babies), or a "yes" or tick its records or other answers do not bear out (or whose
    people are not who People records them as), its "today's date" compared with ``day``
    (:func:`compared_day`; the tick's own day if not given). A "no" that the plan's
    records answer "yes" is the engine's to say, before it asks this (:func:`denies`)."""
    found = babies.disagreement(plan, item.id, answer)
    if is_positive(answer):
        assert answer is not None
        on, basis = day or (day_of(answer.answered_at), TICKED)
        found += named_wrongly(item, answer, plan.people)
        found += cross_check_failures(item, plan, counted, items, on, basis)
    return found


def _failures(check: CrossCheck, plan: Plan, counted: Mapping[str, Answer],
              items: Mapping[str, Item], day: tuple[date, str]) -> list[str]:
    if check.plan is not None:
        return plan_check_failures(check.plan, plan)
    if check.answered_by is not None:
        return []  # it answers "no" and unanswered items (records_answer), not a "yes"
    if check.men_named is not None:
        return left_off([(items[i], a) for i in check.men_named
                         if i in items and is_positive(a := counted.get(i)) and a], plan.people)
    if check.age_at_least_months is not None:  # the injury checklist's: off the open path
        from checklist_tui.core.baby_age import too_young
        return too_young(check, plan.dob, items, counted, day[0], day[1] == TODAY)
    if check.dates_on_day is not None:
        return [why for ident in check.dates_on_day  # the date, then the words with it
                if (why := _date_not_on(ident, day, counted, items)
                    or written_before(plan, items.get(ident), counted.get(ident)))]
    if check.items_yes is not None:
        out = []
        for ident in check.items_yes:
            answer = counted.get(ident)
            other = items.get(ident)
            if not is_positive(answer):
                out.append(check.message or f"{ident} is not answered yes")
            elif other is not None and missing_details(other, answer, plan):
                out.append(check.message or f"{ident} is answered yes but incomplete")
        return out[:1] if check.message else out
    assert check.when is not None
    return [] if holds(check.when, counted) else [check.message]


def _date_not_on(ident: str, day: tuple[date, str], counted: Mapping[str, Answer],
                 items: Mapping[str, Item]) -> str:
    """Why the date recorded with ``ident`` is not the day ``day`` speaks of, in words
    ("..., 2 days before today, Tuesday 24 November 2026"); or ""."""
    on, basis = day
    item = items.get(ident)
    recorded = detail_date(item, counted.get(ident)) if item is not None else None
    if recorded is None:
        return (f"{ident} has no date recorded (it must be {words_date(on)}, "
                f"{'today' if basis == TODAY else 'the day ' + basis.removesuffix(' on')})")
    if recorded == on:
        return ""
    days = (on - recorded).days
    gap = (f"{plural(days, 'day')} before" if days > 0 else f"{plural(-days, 'day')} after")
    return f"the date recorded with {ident} is {words_date(recorded)}, {gap} {basis} " \
           f"{words_date(on)}"


def follow_up_label(answer: Answer) -> str:
    """How an open answer reads in a sentence: 'not yet done' or 'unknown'."""
    return "not yet done" if answer.value == NOT_YET else "unknown"


def follow_up_text(answer: Answer) -> str:
    """'owner X, by DD/MM/YYYY' for a "not yet" or "unknown" answer."""
    owner = answer.owner if filled(answer.owner or "") else "no owner named"
    when = f"by {uk_date(answer.by_date)}" if answer.by_date else "no date set"
    return f"{owner}, {when}"


# -- checks on the plan's records ----------------------------------------------------

def man_issues(plan: Plan) -> list[IntegrityIssue]:
    issues: list[IntegrityIssue] = []
    for person in plan.people:
        if person.man_unrecorded:
            issues.append(IntegrityIssue(
                "man_unrecorded", person.id,
                f"People: record whether {person.name} ({person.kind.label.lower()}) is a man",
                about_men=True))
        elif person.is_man and not filled(person.reason_not_involved):
            lacking = [w for w, v in (("involvement", person.involvement),
                                      ("assessment", person.assessment)) if not filled(v)]
            if lacking:
                issues.append(IntegrityIssue(
                    "man_involvement", person.id,
                    f"{person.name} ({person.relationship or person.kind.label}) has no "
                    f"{' or '.join(lacking)} recorded, and no reason why not",
                    about_men=True, needed_at_birth=True))
    return issues


def agency_issues(plan: Plan) -> list[IntegrityIssue]:
    issues: list[IntegrityIssue] = []
    for agency in plan.agencies:
        if not filled(agency.role):
            issues.append(IntegrityIssue(
                "agency_role", agency.id,
                f"agency '{agency.agency}' has no stated role in this plan"
                + (f" ({only_says(agency.role)})" if agency.role.strip() else "")))
        # A named contact is a person and a way to reach them: a name alone, or a phone
        # number nobody's name is on, is not one (look-sw 12).
        lacks = [what for what, have in (("named practitioner", agency.practitioner),
                                         ("contact details (phone, email, out of hours)",
                                          agency.contact)) if not filled(have)]
        if lacks:
            issues.append(IntegrityIssue(
                "agency_contact", agency.id,
                f"agency '{agency.agency}' has no {' and no '.join(lacks)}",
                needed_at_birth=True))
    return issues


def overdue_action(action: Action, today: date) -> bool:
    return (action.due is not None and action.due < today
            and action.status not in FINISHED_ACTIONS)


def action_issues(plan: Plan, today: date | None = None) -> list[IntegrityIssue]:
    issues: list[IntegrityIssue] = []
    for action in plan.actions:
        if action.status in FINISHED_ACTIONS:
            continue
        name = short(action.what)
        if not filled(action.owner):
            issues.append(IntegrityIssue("action_owner", action.id,
                                         f"action '{name}' has no named owner"))
        if action.due is None:
            issues.append(IntegrityIssue("action_due", action.id,
                                         f"action '{name}' has no due date"))
        elif today is not None and overdue_action(action, today):
            issues.append(IntegrityIssue(
                "action_overdue", action.id,
                f"action '{name}' is overdue: due {uk_date(action.due)}, "
                f"{action.status.label.lower()}" + (f", {action.owner}" if action.owner else "")))
    return issues


def integrity_issues(plan: Plan, today: date | None = None) -> list[IntegrityIssue]:
    """Checks every plan needs, whatever the checklist: men, agencies, actions."""
    return man_issues(plan) + agency_issues(plan) + action_issues(plan, today)
