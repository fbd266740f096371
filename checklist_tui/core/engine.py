"""The engine: everything the TUI, CLI and exporters show is computed here.

Pure functions over a checklist and a plan; nothing is written. An answer to an
item that is hidden (or no longer in the checklist) is kept in the plan, listed
separately here, and never counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from checklist_tui.core.checks import dependency_order
from checklist_tui.core.conditions import holds, matches
from checklist_tui.core.dates import date_at_gestation
from checklist_tui.core.definition import Checklist, DuePoint, Item, Severity, rule_id
from checklist_tui.core.plan import (
    Acknowledgement,
    ActionStatus,
    Answer,
    Plan,
)


class DueStatus(StrEnum):
    DONE = "done"
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
        if self.severity == Severity.ERROR:
            return True
        return self.severity == Severity.WARNING and self.acknowledgement is None

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
class IntegrityIssue:
    kind: str
    target_id: str
    message: str


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
    no_longer_applies: list[StaleAnswer] = field(default_factory=list)
    not_in_checklist: list[StaleAnswer] = field(default_factory=list)

    @property
    def red_flags(self) -> list[FiredRule]:
        return [f for f in self.fired if f.red_flag]

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 100

    def blockers(self) -> list[str]:
        """Why the plan cannot be marked complete (empty when it can)."""
        reasons = [f"required item {i} is not answered" for _, i in self.open_required]
        for fired in self.fired:
            if fired.severity == Severity.ERROR:
                reasons.append(f"{fired.item_id}: {fired.message}")
            elif fired.blocking:
                reasons.append(f"{fired.item_id}: warning not yet acknowledged: {fired.message}")
        reasons.extend(issue.message for issue in self.integrity)
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
            if ident in answers:
                counted[ident] = answers[ident]
    sections = {
        s.id for s in checklist.sections if any(i.id in shown for i in s.items)
    } | {s.id for s in checklist.sections if s.show_if is None}
    return shown, sections


def _fired_rules(
    checklist: Checklist, plan: Plan, shown: set[str], counted: dict[str, Answer]
) -> list[FiredRule]:
    acks = {a.rule: a for a in plan.acknowledgements}
    fired: list[FiredRule] = []
    for section in checklist.sections:
        for item in section.items:
            if item.id not in shown:
                continue
            own = counted.get(item.id)
            for n, rule in enumerate(item.rules):
                if rule.if_answer is not None:
                    hit = (own is not None and not own.not_applicable and own.value is not None
                           and matches(own.value, list(rule.if_answer)))
                else:
                    assert rule.when is not None
                    hit = holds(rule.when, counted)
                if hit:
                    rid = rule_id(item, n)
                    fired.append(FiredRule(rid, item.id, section.id, rule.severity, rule.message,
                                           rule.escalation, rule.red_flag, acks.get(rid)))
    return fired


def _due_state(
    checklist: Checklist, plan: Plan, item: Item, section_id: str, done: bool, today: date,
    born: date | None,
) -> DueState:
    point = item.due
    assert point is not None
    label = point.label or item.prompt
    provisional = False
    due: date | None = None
    if point.weeks is not None:
        if plan.edd:
            due = date_at_gestation(plan.edd, point.weeks, point.days)
            if plan.babies_expected > 1 or plan.prematurity_likely:
                due -= timedelta(weeks=checklist.timescales.multiple_birth_weeks_earlier)
            if born is not None and due > born:
                due = born  # a pre-birth milestone cannot be later than the birth
    else:
        base = born or plan.edd
        provisional = born is None
        if base:
            due = base + timedelta(days=point.days_after_birth or 0)
    if done:
        status = DueStatus.DONE
    elif due is None:
        status = DueStatus.NO_DATE
    elif due < today or (point.weeks is not None and born is not None and due >= born):
        status = DueStatus.OVERDUE  # a pre-birth milestone not met by the birth is missed
    elif (due - today).days <= checklist.timescales.due_soon_days:
        status = DueStatus.DUE_SOON
    else:
        status = DueStatus.UPCOMING
    days_left = (due - today).days if due else None
    return DueState(item.id, section_id, label, point, due, status, provisional, days_left)


def is_met(answer: Answer) -> bool:
    """Whether an answer meets a due point: "no" or "unknown" is an answer, not done."""
    if answer.not_applicable:
        return True
    return answer.has_value and answer.value not in ("no", "unknown")


def integrity_issues(plan: Plan) -> list[IntegrityIssue]:
    """Checks every plan needs, whatever the checklist: owners, due dates, agency roles."""
    issues: list[IntegrityIssue] = []
    for action in plan.actions:
        if action.status in (ActionStatus.DONE, ActionStatus.CANCELLED):
            continue
        short = action.what if len(action.what) <= 40 else action.what[:39] + "…"
        if not action.owner.strip():
            issues.append(IntegrityIssue("action_owner", action.id,
                                         f"action '{short}' has no named owner"))
        if action.due is None:
            issues.append(IntegrityIssue("action_due", action.id,
                                         f"action '{short}' has no due date"))
    for agency in plan.agencies:
        if not agency.role.strip():
            issues.append(IntegrityIssue(
                "agency_role", agency.id,
                f"agency '{agency.agency}' has no stated role in this plan"))
    return issues


def evaluate(
    checklist: Checklist, plan: Plan, today: date, assume_born: date | None = None
) -> Evaluation:
    """Everything about where a plan stands on ``today``.

    ``assume_born`` answers "what if the baby arrived on this date?": pre-birth
    milestones not yet done become overdue.
    """
    shown, sections_shown = visible_items(checklist, plan.answers)
    items = checklist.item_map()
    counted = {i: a for i, a in plan.answers.items() if i in shown and a.has_value}
    born = assume_born or plan.dob
    progress: list[SectionProgress] = []
    open_required: list[tuple[str, str]] = []
    fired = _fired_rules(checklist, plan, shown, counted)
    due: list[DueState] = []
    answered = total = 0
    for section in checklist.sections:
        vis = [i for i in section.items if i.id in shown]
        done = [i for i in vis if i.id in counted]
        req_open = [i for i in vis if i.required and i.id not in counted]
        open_required.extend((section.id, i.id) for i in req_open)
        flags = [f for f in fired if f.section_id == section.id]
        progress.append(SectionProgress(
            section.id, section.title, section.id in sections_shown and bool(vis),
            len(done), len(vis), len(req_open),
            sum(1 for f in flags if f.red_flag),
        ))
        answered += len(done)
        total += len(vis)
        for item in vis:
            if item.due is not None:
                met = item.id in counted and is_met(counted[item.id])
                due.append(_due_state(checklist, plan, item, section.id, met, today, born))
    due.sort(key=lambda d: (d.due_date is None, d.due_date or date.max))
    stale = [StaleAnswer(i, a, "its condition no longer holds")
             for i, a in plan.answers.items() if i in items and i not in shown and a.has_value]
    orphans = [StaleAnswer(i, a, "the item is not in this version of the checklist")
               for i, a in plan.answers.items() if i not in items]
    return Evaluation(today, frozenset(shown), frozenset(sections_shown), progress, answered,
                      total, open_required, fired, due, integrity_issues(plan), stale, orphans)
