"""A plan is complete only when its pause points are confirmed and still hold: the one
list of reasons (core.pause.completion_blockers) that every surface refuses with."""

from __future__ import annotations

from datetime import timedelta

import pytest

from checklist_tui.core.edit import change_state, confirm_pause_point, set_answer
from checklist_tui.core.engine import evaluate
from checklist_tui.core.errors import PlanError
from checklist_tui.core.pause import completion_blockers
from checklist_tui.core.plan import PlanState
from tests.conftest import NOW, TODAY
from tests.core.helpers import new_plan
from tests.core.test_integrity import EDD, pause_point_ready, put

NOT_CONFIRMED = "Pause point 'Confirm before discharge' is not confirmed"


def _ready_but_unconfirmed(lc):
    plan = new_plan(lc, edd=EDD)
    pause_point_ready(plan, lc)
    put(plan, lc, "f_known", "yes")
    put(plan, lc, "violence", "no")
    return plan


def _blockers(plan, lc):
    return completion_blockers(lc.checklist, plan, evaluate(lc.checklist, plan, TODAY))


def _complete(plan, lc) -> None:
    change_state(plan, lc.checklist, PlanState.COMPLETED, by="t", now=NOW, today=TODAY)


def test_an_unconfirmed_pause_point_blocks_completion(lc) -> None:
    plan = _ready_but_unconfirmed(lc)
    assert evaluate(lc.checklist, plan, TODAY).blockers() == []  # the engine alone: ready
    assert _blockers(plan, lc) == [NOT_CONFIRMED]
    with pytest.raises(PlanError, match=f"^not ready: {NOT_CONFIRMED}$"):
        _complete(plan, lc)
    assert plan.state == PlanState.DRAFT


def test_a_pause_point_that_cannot_be_confirmed_yet_says_why(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    [pause] = [b for b in _blockers(plan, lc) if b.startswith("Pause point")]
    assert pause.startswith(f"{NOT_CONFIRMED} (it cannot be yet: '")
    assert "(k_agencies) is not answered or done yet" in pause


def test_a_confirmed_pause_point_that_holds_lets_the_plan_complete(lc) -> None:
    plan = _ready_but_unconfirmed(lc)
    confirm_pause_point(plan, lc.checklist, "confirm", ["Sam"], by="Lead", now=NOW,
                        today=TODAY)
    assert _blockers(plan, lc) == []
    _complete(plan, lc)
    assert plan.state == PlanState.COMPLETED


def test_a_red_flag_after_the_confirmation_blocks_completion(lc) -> None:
    plan = _ready_but_unconfirmed(lc)
    confirm_pause_point(plan, lc.checklist, "confirm", ["Sam"], by="Lead", now=NOW,
                        today=TODAY)
    set_answer(plan, lc.checklist, "f_seen", "no", by="Lead", now=NOW + timedelta(hours=1))
    assert ("Pause point 'Confirm before discharge' no longer holds: a red flag was raised "
            "after this confirmation: The father has not been seen alone. (f_seen)"
            in _blockers(plan, lc))
    with pytest.raises(PlanError, match="not ready"):
        _complete(plan, lc)
    assert plan.state == PlanState.DRAFT


def test_submitting_a_draft_is_refused_with_the_same_reason(lc) -> None:
    """Submitting marks a draft complete first, so it refuses with the same sentence."""
    from checklist_tui.core.review import submit

    plan = _ready_but_unconfirmed(lc)
    with pytest.raises(PlanError, match=f"^not ready: {NOT_CONFIRMED}$"):
        submit(plan, lc.checklist, by="t", now=NOW, today=TODAY)
    assert plan.state == PlanState.DRAFT
