"""What every change to a plan does: it is refused while the plan may not change, and it
lands in the plan's history.

History is append-only: entries are added, never changed or removed. A completed,
submitted or approved plan refuses edits (``ReasonNeeded``) until it is reopened with a
reason (``core.review.reopen``: the reason is kept, a sign-off voided, the plan becomes
"amended"); a returned plan becomes "amended" at its first change.
"""

from __future__ import annotations

from datetime import datetime

from checklist_tui.core.answers import stringify
from checklist_tui.core.errors import PlanError, ReasonNeeded
from checklist_tui.core.plan import HistoryEntry, Plan, PlanState

#: States that need every blocker cleared first (``core.edit_lifecycle.change_state``).
NEEDS_COMPLETE = {PlanState.COMPLETED, PlanState.SUBMITTED, PlanState.APPROVED}
#: States in which a change must give a reason first (``core.review.reopen``).
NEEDS_REASON = NEEDS_COMPLETE


def log(plan: Plan, by: str, now: datetime, what: str, target: str = "",
        old: object = None, new: object = None) -> None:
    """Add the change to the plan's history; the plan was updated ``now``."""
    plan.history.append(HistoryEntry(at=now, by=by, what=what, target=target,
                                     old=stringify(old), new=stringify(new)))
    plan.updated = now


def reason_needed(plan: Plan) -> ReasonNeeded | None:
    """Why a change to a completed, submitted or approved plan needs a reason first."""
    return ReasonNeeded(plan.state.label, plan.signoff is not None) \
        if plan.state in NEEDS_REASON else None


def editable(plan: Plan, by: str, now: datetime) -> None:
    """Raise unless the plan may change now (a returned plan becomes "amended")."""
    reason = plan.read_only_reason
    if reason:
        raise PlanError(reason)
    if (needed := reason_needed(plan)) is not None:
        raise needed
    if plan.state == PlanState.RETURNED:
        log(plan, by, now, "state", "plan", plan.state.value, PlanState.AMENDED.value)
        plan.state = PlanState.AMENDED
