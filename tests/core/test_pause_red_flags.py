"""look-a A6 and A3: a pause point weighs every open red flag of the plan, and what stops
it being confirmed is said with what to do instead, never "press f" while f is refused."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from checklist_tui.core import vocabulary
from checklist_tui.core.edit import acknowledge, confirm_pause_point, set_answer
from checklist_tui.core.engine import evaluate
from checklist_tui.core.errors import PlanError
from checklist_tui.core.pause import Blocker, PauseStatus, completion_blockers, pause_status
from tests.conftest import NOW, TODAY
from tests.core.helpers import new_plan
from tests.core.test_integrity import EDD, pause_point_ready, put

KEYS = ("press f", "go to it and press k")
FLAG = "a red flag is open on 'Has the father been seen alone?' (f_seen) and nobody has " \
       "acknowledged it: The father has not been seen alone."


def _status(plan, lc, today=TODAY) -> PauseStatus:
    found = pause_status(lc.checklist, plan, evaluate(lc.checklist, plan, today), "confirm")
    assert found is not None
    return found


def _confirm(plan, lc, minutes: int) -> None:
    confirm_pause_point(plan, lc.checklist, "confirm", ["Sam"], by="Lead",
                        now=NOW + timedelta(minutes=minutes), today=TODAY)


def test_an_open_red_flag_raised_after_the_ticks_refuses_the_confirmation(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    pause_point_ready(plan, lc)  # every item ticked
    set_answer(plan, lc.checklist, "f_seen", "no", by="Lead", now=NOW + timedelta(minutes=1))
    status = _status(plan, lc)
    assert status.refused == FLAG and status.problem == FLAG
    assert status.line() == f"Pause point, not confirmed: {FLAG}"
    assert status.next_step(*KEYS) == (
        "First acknowledge the red flag on 'Has the father been seen alone?' (f_seen) (go to "
        "it and press k), saying what is "
        "being done about it, then press f to confirm it.")
    before = (len(plan.confirmations), len(plan.history))
    with pytest.raises(PlanError, match=re.escape(f"cannot be confirmed: {FLAG}")):
        _confirm(plan, lc, 2)
    assert (len(plan.confirmations), len(plan.history)) == before
    assert (f"Pause point 'Confirm before discharge' is not confirmed (it cannot be yet: "
            f"{FLAG.rstrip('.')})") in completion_blockers(lc.checklist, plan,
                                                         evaluate(lc.checklist, plan, TODAY))
    # weighed: acknowledged with what is being done; then it can be confirmed, and holds
    acknowledge(plan, lc.checklist, "f_seen.not_seen", "Seeing him alone at the ward on Monday",
                by="Lead", now=NOW + timedelta(minutes=3))
    assert _status(plan, lc).refused == ""
    assert _status(plan, lc).next_step(*KEYS) == "Press f to confirm it."
    _confirm(plan, lc, 4)
    assert _status(plan, lc).holds and _status(plan, lc).next_step(*KEYS) == ""


def test_a_red_flag_raised_after_the_confirmation_undoes_it_until_weighed_again(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    pause_point_ready(plan, lc)
    _confirm(plan, lc, 1)
    assert _status(plan, lc).holds
    set_answer(plan, lc.checklist, "f_seen", "no", by="Lead", now=NOW + timedelta(minutes=5))
    status = _status(plan, lc)
    assert not status.holds and status.line().startswith(f"{vocabulary.NO_LONGER_HOLDS}: ")
    assert "Since then: a red flag was raised after this confirmation: The father has not " \
           "been seen alone. (f_seen)" in status.line()
    assert status.refused == FLAG  # confirming again is refused while it is open
    assert status.next_step(*KEYS).startswith(
        "First acknowledge the red flag on 'Has the father been seen alone?' (f_seen)")
    assert status.next_step(*KEYS).endswith("then press f to confirm it again.")
    with pytest.raises(PlanError,
                       match=r"cannot be confirmed: a red flag is open on '.*' \(f_seen\)"):
        _confirm(plan, lc, 6)
    acknowledge(plan, lc.checklist, "f_seen.not_seen", "Seeing him alone on Monday", by="Lead",
                now=NOW + timedelta(minutes=7))
    status = _status(plan, lc)  # acknowledged, but the confirmation still did not see it
    assert not status.holds and status.refused == ""
    assert status.next_step(*KEYS) == "Press f to confirm it again."
    _confirm(plan, lc, 8)
    assert _status(plan, lc).holds


@pytest.mark.parametrize(("change", "kind", "step"), [
    (lambda plan, lc: None, "not_done",
     "First answer or tick 'Every agency's role and named contact are in the plan.' "
     "(k_agencies) and the other items not done, then press f to confirm it."),
    (lambda plan, lc: (pause_point_ready(plan, lc), put(plan, lc, "f_known", "no")),
     "contradicted", "First put right what contradicts 'Safer sleep advice given and the "
     "contingency plan agreed.' (k_sleep), then press f to confirm it."),
    (lambda plan, lc: (pause_point_ready(plan, lc), put(plan, lc, "f_seen", "no")),
     "red_flag", None),
])
def test_the_next_step_never_invites_a_refused_confirmation(lc, change, kind, step) -> None:
    """look-a A3: whatever stops it, the words say what to do first, and f only after."""
    plan = new_plan(lc, edd=EDD)
    change(plan, lc)
    status = _status(plan, lc)
    assert status.blocked is not None and status.blocked.kind == kind
    said = status.next_step(*KEYS)
    assert said.startswith("First ") and "then press f to confirm it" in said
    assert step is None or said == step
    with pytest.raises(PlanError, match="cannot be confirmed: "):
        _confirm(plan, lc, 1)


def test_an_error_red_flag_cannot_be_acknowledged_away() -> None:
    status = PauseStatus("confirm", "Confirm before discharge", None, "x", "",
                         Blocker("red_flag_error", "DPM-R07", "a red flag is open on DPM-R07: "
                                 "Professionals disagree about discharge."))
    said = status.next_step(*KEYS)
    assert "cannot be acknowledged" in said and "DPM-R07's answer changed" in said
    assert said.endswith("then press f to confirm it.")


def test_no_longer_holds_is_defined_once_in_the_vocabulary() -> None:
    package = Path(vocabulary.__file__).parents[1]
    defined = [p.relative_to(package).as_posix() for p in package.rglob("*.py")
               if '"NO LONGER HOLDS"' in p.read_text(encoding="utf-8")]
    assert defined == ["core/vocabulary.py"]


def test_outstanding_says_the_step_that_works_not_when_every_item_is_done(lc) -> None:
    """Outstanding (and G, plain mode's lists) said "When every item in it is done, ..."
    for a pause point blocked by an open red flag, with every item done."""
    from checklist_tui.core.vocabulary import PAUSE_POINT
    from checklist_tui.core.what_is_left import outstanding_listing

    plan = new_plan(lc, edd=EDD)
    pause_point_ready(plan, lc)
    set_answer(plan, lc.checklist, "f_seen", "no", by="Lead", now=NOW + timedelta(minutes=1))
    listing = outstanding_listing(lc.checklist, plan, evaluate(lc.checklist, plan, TODAY))
    [row] = [e for _h, rows in listing.groups for e in rows if e.label == PAUSE_POINT]
    assert row.text == f"Confirm before discharge: Pause point, not confirmed: {FLAG}"
    assert row.guidance == (
        "First acknowledge the red flag on 'Has the father been seen alone?' (f_seen) (go to "
        "it and press k; type acknowledge in "
        "plain mode), saying what is being done about it, then press f on the pause point "
        "(type confirm in plain mode) to confirm it.")
