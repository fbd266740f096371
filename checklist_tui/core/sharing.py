"""Recording who was given a copy of an open plan, also once it is approved.

Plans are shared once they are approved, when the app holds them read-only. Who has a
copy is not part of what the plan says (core.review leaves it out of the approved
content), so it may still be recorded then: under the plan's lock, read again and
saved as a manager's decision is (core.review_file), and the open session then shows
the file as saved. A plan open for editing records it through its session as any
other edit. Either way it goes into the history.
"""

from __future__ import annotations

from datetime import date

from checklist_tui.core import clock, edit, store
from checklist_tui.core.errors import PlanError
from checklist_tui.core.plan import PlanState, Shared
from checklist_tui.core.review_file import change_plan
from checklist_tui.core.session import PlanSession


def cannot_record(session: PlanSession) -> str | None:
    """Why who has a copy cannot be recorded in this open plan, or None when it can."""
    plan = session.plan
    if plan.state == PlanState.ENTERED_IN_ERROR:
        return "this plan was entered in error; it should not be shared"
    if not session.read_only or session.read_only_reason == plan.read_only_reason:
        return None  # open for editing, or held read-only only because it is approved
    return session.read_only_reason


def record(session: PlanSession, to: str, on: date, parents: bool = False, role: str = "",
           how: str = "") -> Shared:
    """Record that ``to`` (their agency or ``role``) was given a copy on ``on``, ``how``."""
    reason = cannot_record(session)
    if reason is not None:
        raise PlanError(f"read-only: {reason}")
    if not session.read_only:
        result: Shared = session.apply(edit.record_shared, to, on, parents, role=role, how=how)
        return result
    now, path = clock.now(), session.loaded.path
    shared = change_plan(path, lambda _id: session.checklist, lambda plan, _checklist:
                         edit.record_shared(plan, to, on, parents, by=session.user, now=now,
                                            role=role, how=how))
    session.loaded = store.load(path)  # what is on disk now, the new record included
    session.state.saved_at = now
    return shared
