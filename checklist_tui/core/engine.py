"""The engine: everything the TUI, CLI and exporters show is computed here.

Pure functions over a checklist and a plan; nothing is written. An answer to an
item that is hidden (or no longer in the checklist) is kept in the plan, listed
separately here, and never counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from checklist_tui.core import integrity as integ
from checklist_tui.core.checks import dependency_order
from checklist_tui.core.conditions import holds, matches, not_recorded
from checklist_tui.core.dates import date_at_gestation
from checklist_tui.core.definition import (
    NOT_YET,
    Checklist,
    DateKind,
    DuePoint,
    Item,
    Severity,
    rule_id,
)
from checklist_tui.core.integrity import IntegrityIssue, integrity_issues
from checklist_tui.core.plan import (
    Acknowledgement,
    Action,
    Answer,
    Person,
    Plan,
)

__all__ = ["IntegrityIssue", "integrity_issues"]


class DueStatus(StrEnum):
    DONE = "done"
    BOOKED = "booked"
    """Met by a date still to come (a meeting or visit booked): not done yet."""
    OVERDUE = "overdue"
    DUE_SOON = "due soon"
    UPCOMING = "upcoming"
    NO_DATE = "no date"


@dataclass(frozen=True)
class FiredRule:
    rule_id: str
    item_id: str
    section_id: str
    severity: Severity
    message: str
    escalation: str
    red_flag: bool
    acknowledgement: Acknowledgement | None = None

    @property
    def blocking(self) -> bool:
        """An error, or a warning not yet acknowledged, blocks completion."""
        return self.severity == Severity.ERROR or self.needs_acknowledgement

    @property
    def needs_acknowledgement(self) -> bool:
        """Only warnings are acknowledged (errors must be fixed; notes need nothing)."""
        return self.severity == Severity.WARNING and self.acknowledgement is None


@dataclass(frozen=True)
class DueState:
    item_id: str
    section_id: str
    label: str
    point: DuePoint
    due_date: date | None
    status: DueStatus
    provisional: bool = False
    """True for 'days after birth' counted from the EDD because no birth date is recorded."""
    days_left: int | None = None
    booked: date | None = None
    """The date the item's answer gives (a meeting, a visit); it meets the due point only
    when it falls on or before the due date."""


@dataclass(frozen=True)
class SectionProgress:
    section_id: str
    title: str
    visible: bool
    answered: int
    total: int
    required_open: int
    red_flags: int

    @property
    def complete(self) -> bool:
        return self.visible and self.required_open == 0 and self.answered == self.total


@dataclass(frozen=True)
class ItemProblem:
    """An answered item that is not what it claims: incomplete or contradicted."""

    item_id: str
    section_id: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class OpenAnswer:
    """"Not yet", or "unknown" on a required or risk item: someone must find out."""

    item_id: str
    section_id: str
    answer: Answer
    overdue: bool


@dataclass(frozen=True)
class StaleAnswer:
    item_id: str
    answer: Answer
    reason: str


@dataclass
class Evaluation:
    today: date
    visible_items: frozenset[str]
    visible_sections: frozenset[str]
    sections: list[SectionProgress]
    answered: int
    total: int
    open_required: list[tuple[str, str]]
    fired: list[FiredRule]
    due: list[DueState]
    integrity: list[IntegrityIssue]
    no_longer_applies: list[StaleAnswer]
    not_in_checklist: list[StaleAnswer]
    open_answers: list[OpenAnswer]
    incomplete: list[ItemProblem]
    contradicted: list[ItemProblem]
    overdue_actions: list[Action]
    men: list[Person]
    done_items: frozenset[str]
    """Visible items whose answer counts as evidence: settled, complete, not contradicted."""

    @property
    def red_flags(self) -> list[FiredRule]:
        return [f for f in self.fired if f.red_flag]

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 100

    def blockers(self) -> list[str]:
        """Why the plan cannot be marked complete (empty when it can)."""
        reasons = [f"required item {i} is not answered" for _, i in self.open_required]
        required = {i for _, i in self.open_required}
        reasons.extend(f"{o.item_id} is {integ.follow_up_label(o.answer)} "
                       f"({integ.follow_up_text(o.answer)})"
                       for o in self.open_answers if o.item_id not in required)
        reasons.extend(f"{p.item_id}: incomplete, {integ.missing_text(p.reasons)}"
                       for p in self.incomplete)
        reasons.extend(f"{p.item_id}: contradicted by the plan: {'; '.join(p.reasons)}"
                       for p in self.contradicted)
        for fired in self.fired:
            if fired.severity == Severity.ERROR:
                reasons.append(f"{fired.item_id}: {fired.message}")
            elif fired.blocking:
                reasons.append(f"{fired.item_id}: warning not yet acknowledged: {fired.message}")
        reasons.extend(issue.message for issue in self.integrity if issue.blocks_completion)
        return reasons

    @property
    def can_complete(self) -> bool:
        return not self.blockers()

    def section(self, section_id: str) -> SectionProgress | None:
        return next((s for s in self.sections if s.section_id == section_id), None)


def visible_items(checklist: Checklist, answers: dict[str, Answer]) -> tuple[set[str], set[str]]:
    """Which items and sections are shown, following conditions in dependency order."""
    items = checklist.item_map()
    section_of = checklist.section_of()
    counted: dict[str, Answer] = {}
    shown: set[str] = set()
    section_cache: dict[str, bool] = {}
    for ident in dependency_order(checklist):
        section = section_of[ident]
        item = items[ident]
        if section.show_if is not None:
            sec_ok = holds(section.show_if, counted)
            section_cache[section.id] = sec_ok
        else:
            sec_ok = True
        if sec_ok and (item.show_if is None or holds(item.show_if, counted)):
            shown.add(ident)
            if integ.settled(answers.get(ident)):
                counted[ident] = answers[ident]
    sections = {
        s.id for s in checklist.sections if any(i.id in shown for i in s.items)
    } | {s.id for s in checklist.sections if s.show_if is None}
    return shown, sections


def _negative(item: Item, if_answer: list[bool | str] | None) -> bool:
    """Whether a rule fires on the answers that mean "not in place" (the item's concern,
    or else "no" and "unknown"): those an overdue open item is taken to give."""
    if if_answer is None:
        return False
    negative = set(item.concern) if item.concern else {"no", "unknown"}
    return bool(negative & set(if_answer))


def _fired_rules(
    checklist: Checklist, plan: Plan, shown: set[str], counted: dict[str, Answer],
    due_dates: dict[str, date | None], today: date,
) -> list[FiredRule]:
    """Rules that fire. An item still open or "not yet" fires nothing before its due
    point; after it, its red flags fire as if the answer were the concern, but for an
    item nobody has answered the words say it is not recorded, never the finding."""
    acks = {a.rule: a for a in plan.acknowledgements}
    fired: list[FiredRule] = []
    for section in checklist.sections:
        for item in section.items:
            if item.id not in shown:
                continue
            own = counted.get(item.id)
            waiting = own is None and item.due is not None
            due = due_dates.get(item.id)
            late = waiting and due is not None and due < today
            for n, rule in enumerate(item.rules):
                if waiting and not late:
                    continue
                if late:
                    hit = rule.red_flag and _negative(item, rule.if_answer)
                elif rule.if_answer is not None:
                    hit = (own is not None and not own.not_applicable and own.value is not None
                           and matches(own.value, list(rule.if_answer)))
                else:
                    assert rule.when is not None
                    hit = holds(rule.when, counted)
                if hit:
                    rid = rule_id(item, n)
                    said = plan.answers.get(item.id)
                    words = (not_recorded(item.prompt, due) if late and not
                             (said and said.has_value) else rule.message)
                    fired.append(FiredRule(rid, item.id, section.id, rule.severity, words,
                                           rule.escalation, rule.red_flag, acks.get(rid)))
    return fired


def due_date(checklist: Checklist, plan: Plan, item: Item, born: date | None) -> date | None:
    """The date an item is due, twin- and prematurity-adjusted."""
    point = item.due
    assert point is not None
    due: date | None = None
    if point.weeks is not None:
        if plan.edd:
            due = date_at_gestation(plan.edd, point.weeks, point.days)
            if plan.babies_expected > 1 or plan.prematurity_likely:
                due -= timedelta(weeks=checklist.timescales.multiple_birth_weeks_earlier)
            if born is not None and due > born:
                due = born  # a pre-birth milestone cannot be later than the birth
    else:  # after the discharge: from the birth (or the EDD) until its date is recorded
        after = point.days_after_birth if point.days_after_discharge is None \
            else point.days_after_discharge
        base = (discharge_date(checklist, plan) if point.days_after_discharge is not None
                else None) or born or plan.edd
        if base:
            due = base + timedelta(days=after or 0)
    return due


def discharge_date(checklist: Checklist, plan: Plan) -> date | None:
    """The discharge date the plan records (an answer's "discharge" date detail), if any."""
    for _section, item in checklist.all_items():
        detail = item.date_detail
        if detail is not None and detail.date_kind == DateKind.DISCHARGE:
            found = integ.detail_date(item, plan.answers.get(item.id))
            if found is not None:
                return found
    return None


def _due_state(
    checklist: Checklist, plan: Plan, item: Item, section_id: str, done: bool, today: date,
    born: date | None, booked: date | None = None,
) -> DueState:
    point = item.due
    assert point is not None
    label = point.label or item.prompt
    # Days after birth are counted from the EDD (provisionally) until the birth is known.
    provisional = point.weeks is None and born is None
    due = due_date(checklist, plan, item, born)
    if done:
        status = DueStatus.BOOKED if booked is not None and booked > today else DueStatus.DONE
    elif due is None:
        status = DueStatus.NO_DATE
    elif due < today or (point.weeks is not None and born is not None and due >= born):
        status = DueStatus.OVERDUE  # a pre-birth milestone not met by the birth is missed
    elif (due - today).days <= checklist.timescales.due_soon_days:
        status = DueStatus.DUE_SOON
    else:
        status = DueStatus.UPCOMING
    days_left = (due - today).days if due else None
    return DueState(item.id, section_id, label, point, due, status, provisional, days_left,
                    booked)


def is_met(answer: Answer) -> bool:
    """Whether an answer meets a due point: "no", "unknown" and "not yet" do not."""
    if answer.not_applicable:
        return True
    return answer.has_value and answer.value not in ("no", "unknown", NOT_YET)


def evaluate(
    checklist: Checklist, plan: Plan, today: date, assume_born: date | None = None
) -> Evaluation:
    """Everything about where a plan stands on ``today``.

    ``assume_born`` answers "what if the baby arrived on this date?": pre-birth
    milestones not yet done become overdue.
    """
    shown, sections_shown = visible_items(checklist, plan.answers)
    items = checklist.item_map()
    counted = {i: a for i, a in plan.answers.items() if i in shown and integ.settled(a)}
    born = assume_born or plan.dob
    due_dates = {i: due_date(checklist, plan, items[i], born)
                 for i in shown if items[i].due is not None}
    fired = _fired_rules(checklist, plan, shown, counted, due_dates, today)
    open_answers: list[OpenAnswer] = []
    incomplete: list[ItemProblem] = []
    contradicted: list[ItemProblem] = []
    progress: list[SectionProgress] = []
    open_required: list[tuple[str, str]] = []
    done_items: set[str] = set()
    due: list[DueState] = []
    answered = total = 0
    for section in checklist.sections:
        vis = [i for i in section.items if i.id in shown]
        for item in vis:
            answer = plan.answers.get(item.id)
            if integ.needs_follow_up(item, answer):
                assert answer is not None
                due_on = due_dates.get(item.id)
                late = (answer.by_date is not None and answer.by_date < today) or (
                    due_on is not None and due_on < today)
                open_answers.append(OpenAnswer(item.id, section.id, answer, late))
                continue
            if item.id not in counted:
                continue
            missing = integ.missing_details(item, answer, plan)
            if missing:
                incomplete.append(ItemProblem(item.id, section.id, tuple(missing)))
                continue
            against = integ.answer_contradictions(item, answer, plan, counted, items)
            if against:
                contradicted.append(ItemProblem(item.id, section.id, tuple(against)))
                continue
            done_items.add(item.id)
        req_open = [i for i in vis if i.required and i.id not in counted]
        open_required.extend((section.id, i.id) for i in req_open)
        flags = [f for f in fired if f.section_id == section.id]
        done = [i for i in vis if i.id in done_items]
        progress.append(SectionProgress(
            section.id, section.title, section.id in sections_shown and bool(vis),
            len(done), len(vis), len(req_open),
            sum(1 for f in flags if f.red_flag),
        ))
        answered += len(done)
        total += len(vis)
        for item in vis:
            if item.due is not None:
                answer = counted.get(item.id)
                booked = integ.detail_date(item, answer)
                met = item.id in done_items and is_met(counted[item.id])
                target = due_dates.get(item.id)
                if met and item.date_detail is not None and target is not None:
                    met = booked is not None and booked <= target
                due.append(_due_state(checklist, plan, item, section.id, met, today, born,
                                      booked))
    due.sort(key=lambda d: (d.due_date is None, d.due_date or date.max))
    stale = [StaleAnswer(i, a, "its condition no longer holds")
             for i, a in plan.answers.items() if i in items and i not in shown and a.has_value]
    orphans = [StaleAnswer(i, a, "the item is not in this version of the checklist")
               for i, a in plan.answers.items() if i not in items]
    ev = Evaluation(today, frozenset(shown), frozenset(sections_shown), progress, answered,
                    total, open_required, fired, due, integrity_issues(plan, today), stale,
                    orphans, open_answers, incomplete, contradicted,
                    [a for a in plan.actions if integ.overdue_action(a, today)],
                    integ.men(plan), frozenset(done_items))
    return ev
