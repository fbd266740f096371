"""look-c 1 and 7: a confirmation holds only for what it saw. A person added to, changed
in or removed from People after it, and an answer it vouches for that went to a concern
and back, are things the people present never saw: it no longer holds, in words."""

from __future__ import annotations

from datetime import timedelta

from checklist_tui.core.edit import (
    add_record,
    clear_answer,
    confirm_pause_point,
    remove_record,
    set_answer,
    update_record,
)
from checklist_tui.core.engine import evaluate
from checklist_tui.core.pause import completion_blockers, pause_status
from checklist_tui.core.plan import Person, PersonKind
from checklist_tui.core.vocabulary import NO_LONGER_HOLDS
from tests.conftest import NOW, TODAY
from tests.core.helpers import new_plan
from tests.core.test_integrity import EDD, pause_point_ready, put

LATER = NOW + timedelta(hours=1)
STAMP = LATER.astimezone().strftime("%d/%m/%Y %H:%M")


def _confirmed(lc):
    plan = new_plan(lc, edd=EDD)
    pause_point_ready(plan, lc)
    put(plan, lc, "f_known", "yes")
    confirm_pause_point(plan, lc.checklist, "confirm", ["Sam"], by="Lead", now=NOW,
                        today=TODAY)
    assert _status(plan, lc).holds
    return plan


def _status(plan, lc):
    return pause_status(lc.checklist, plan, evaluate(lc.checklist, plan, TODAY), "confirm")


def test_a_man_moving_into_the_household_after_it_means_it_no_longer_holds(lc) -> None:
    plan = _confirmed(lc)
    add_record(plan, Person, by="Lead", now=LATER, name="Jay Lodger",
               kind=PersonKind.ADULT_IN_HOUSEHOLD, relationship="Mother's brother", man=True,
               in_household=True, involvement="Not yet seen", assessment="Checks requested")
    status = _status(plan, lc)
    assert not status.holds and status.line().startswith(f"{NO_LONGER_HOLDS}: Confirmed by")
    assert status.line().endswith(
        f"Since then: Jay Lodger (a man, in the household) was added to People on {STAMP}, "
        "after this confirmation.")
    blockers = completion_blockers(lc.checklist, plan, evaluate(lc.checklist, plan, TODAY))
    assert any(b.startswith("Pause point 'Confirm before discharge' no longer holds: Jay "
                            "Lodger (a man, in the household) was added") for b in blockers)
    assert status.refused == ""  # the people present can confirm it again, having seen him
    confirm_pause_point(plan, lc.checklist, "confirm", ["Sam", "Jay Lodger"], by="Lead",
                        now=LATER + timedelta(minutes=5), today=TODAY)
    assert _status(plan, lc).holds


def test_a_person_changed_or_removed_after_it_is_said_by_name(lc) -> None:
    plan = _confirmed(lc)
    fred = next(p for p in plan.people if p.name == "Fred Example")
    update_record(plan, Person, fred.id, by="Lead", now=LATER, in_household=True)
    assert ("Since then: People's record of Fred Example (a man, in the household) was "
            f"changed on {STAMP}, after this confirmation.") in _status(plan, lc).line()
    plan = _confirmed(lc)
    fred = next(p for p in plan.people if p.name == "Fred Example")
    remove_record(plan, Person, fred.id, by="Lead", now=LATER, why="Moved out (test)")
    status = _status(plan, lc)  # the father gone: k_men is contradicted, and said first
    assert not status.holds and "k_men" in status.problem
    assert f"Fred Example was removed from People on {STAMP}" in status.unseen


def test_an_answer_that_went_to_a_concern_and_back_no_longer_holds(lc) -> None:
    """k_sleep's condition reads f_known: "unknown" (a concern) and then "yes" again."""
    plan = _confirmed(lc)
    set_answer(plan, lc.checklist, "f_known", "unknown", by="Lead", now=LATER,
               owner="Sam Worker", by_date=TODAY + timedelta(days=2))
    set_answer(plan, lc.checklist, "f_known", "yes", by="Lead", now=LATER + timedelta(hours=1))
    status = _status(plan, lc)
    assert not status.holds
    assert f"Since then: 'Is the baby's father identified?' (f_known) was answered 'Unknown' " \
        f"on {STAMP}, then 'Yes' again on " \
        in status.line()


def test_a_tick_cleared_by_mistake_and_made_again_still_holds(lc) -> None:
    """Clearing is no concern: nothing happened that the people present did not see."""
    plan = _confirmed(lc)
    clear_answer(plan, "k_men", by="Lead", now=LATER)
    set_answer(plan, lc.checklist, "k_men", True, by="Lead", now=LATER)
    assert _status(plan, lc).holds
