"""A plan's lifecycle: the moves between its states, and the manager's sign-off."""

from __future__ import annotations

from datetime import date, datetime

from checklist_tui.core.dates import plural
from checklist_tui.core.definition import Checklist
from checklist_tui.core.edit_base import NEEDS_COMPLETE, log
from checklist_tui.core.engine import evaluate
from checklist_tui.core.errors import PlanError, Refused
from checklist_tui.core.pause import completion_blockers
from checklist_tui.core.plan import Plan, PlanState

#: Allowed lifecycle moves. Everything else is refused.
TRANSITIONS: dict[PlanState, set[PlanState]] = {
    PlanState.DRAFT: {PlanState.COMPLETED, PlanState.ENTERED_IN_ERROR},
    PlanState.COMPLETED: {PlanState.SUBMITTED, PlanState.AMENDED, PlanState.ENTERED_IN_ERROR},
    PlanState.SUBMITTED: {PlanState.APPROVED, PlanState.RETURNED},
    PlanState.RETURNED: {PlanState.AMENDED, PlanState.COMPLETED, PlanState.ENTERED_IN_ERROR},
    PlanState.AMENDED: {PlanState.COMPLETED, PlanState.ENTERED_IN_ERROR},
    PlanState.APPROVED: {PlanState.AMENDED},
    PlanState.ENTERED_IN_ERROR: set(),
}


def change_state(plan: Plan, checklist: Checklist, new: PlanState, *, by: str, now: datetime,
                 today: date) -> None:
    if new == plan.state:
        return
    if new not in TRANSITIONS[plan.state]:
        raise PlanError(f"a {plan.state.label.lower()} plan cannot become "
                        f"{new.label.lower()}")
    if new in NEEDS_COMPLETE:
        blockers = completion_blockers(checklist, plan, evaluate(checklist, plan, today))
        if blockers:
            more = f" (and {len(blockers) - 1} more)" if len(blockers) > 1 else ""
            raise Refused(f"not ready: {blockers[0]}{more}", "the plan cannot be marked "
                          f"complete yet, for {plural(len(blockers), 'reason')}", blockers)
    old = plan.state
    if old == PlanState.APPROVED and plan.signoff is not None:
        log(plan, by, now, "signoff.void", "plan", plan.signoff.by, None)
        plan.signoff = None  # unlocking voids the signature
    plan.state = new
    log(plan, by, now, "state", "plan", old.value, new.value)
