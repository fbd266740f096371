"""Pause points: confirmed only when every item is done and the plan agrees; a later
change that undoes or contradicts an item shows that the confirmation no longer holds."""

from __future__ import annotations

from datetime import timedelta

import pytest

from checklist_tui.core.edit import confirm_pause_point
from checklist_tui.core.engine import evaluate
from checklist_tui.core.errors import PlanError
from checklist_tui.core.pause import pause_status, pause_statuses
from checklist_tui.core.plan import PersonKind
from checklist_tui.core.vocabulary import NO_LONGER_HOLDS
from tests.conftest import NOW, TODAY
from tests.core.helpers import new_plan
from tests.core.test_integrity import EDD, pause_point_ready, person, put


def _status(plan, lc):
    return pause_status(lc.checklist, plan, evaluate(lc.checklist, plan, TODAY), "confirm")


def test_not_confirmed_says_what_is_missing(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    status = _status(plan, lc)
    assert status is not None and status.confirmation is None and not status.holds
    assert status.line().startswith("Pause point, not confirmed: '")  # the question's words
    assert "(k_agencies) is not answered or done yet" in status.line()
    assert "(2 more items also not done)" in status.line()
    pause_point_ready(plan, lc)
    assert _status(plan, lc).line() == ("Pause point, not confirmed yet: every item is done, "
                                        "so it can be confirmed.")
    assert pause_status(lc.checklist, plan, evaluate(lc.checklist, plan, TODAY), "plan") is None


def test_confirmation_records_the_confirmer_apart_from_the_user(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    pause_point_ready(plan, lc)
    record = confirm_pause_point(plan, lc.checklist, "confirm", ["Sam Example (father)",
                                 "Example Midwife (Community midwifery)"], by="Lead", now=NOW,
                                 today=TODAY, confirmed_by="Pat Sample (ward manager)")
    assert record.by == "Pat Sample (ward manager)"
    assert plan.history[-1].by == "Lead"  # who made the change
    assert "Pat Sample (ward manager)" in plan.history[-1].new
    status = _status(plan, lc)
    assert status.holds
    when = NOW.astimezone().strftime("%d/%m/%Y %H:%M")
    assert status.line() == (f"Confirmed by Pat Sample (ward manager) on {when}; present: "
                             "Sam Example (father); Example Midwife (Community midwifery).")


def test_a_later_contradiction_shows_the_confirmation_no_longer_holds(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    pause_point_ready(plan, lc)
    confirm_pause_point(plan, lc.checklist, "confirm", ["Sam"], by="Lead", now=NOW,
                        today=TODAY)
    person(plan, name="Vic Example", kind=PersonKind.VISITING_ADULT, man=True)  # unassessed
    status = _status(plan, lc)
    assert status.confirmation is not None and not status.holds
    assert status.line().startswith(f"{NO_LONGER_HOLDS}: Confirmed by Lead on ")
    assert "Since then: 'Every man around the baby is invol" in status.line()
    assert "(k_men) is contradicted by the plan" in status.line()
    assert "contradicted by the plan" in status.line()
    [listed] = pause_statuses(lc.checklist, plan, evaluate(lc.checklist, plan, TODAY))
    assert listed == status


def test_a_later_unticked_item_shows_it_no_longer_holds_and_a_new_confirmation_holds(lc):
    plan = new_plan(lc, edd=EDD)
    pause_point_ready(plan, lc)
    confirm_pause_point(plan, lc.checklist, "confirm", ["Sam"], by="Lead", now=NOW,
                        today=TODAY)
    put(plan, lc, "sleep", "no")
    assert "k_sleep" in _status(plan, lc).problem and not _status(plan, lc).holds
    with pytest.raises(PlanError, match=r"cannot be confirmed: '.*' \(k_sleep\) is contradicted"):
        confirm_pause_point(plan, lc.checklist, "confirm", ["Sam"], by="Lead",
                            now=NOW + timedelta(minutes=5), today=TODAY)
    put(plan, lc, "sleep", "yes")
    confirm_pause_point(plan, lc.checklist, "confirm", ["Sam", "Kim"], by="Lead",
                        now=NOW + timedelta(minutes=9), today=TODAY)
    status = _status(plan, lc)
    assert status.holds and status.confirmation.present == ["Sam", "Kim"]  # the latest
