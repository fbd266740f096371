"""What is not a reason, by one rule (core.reasons, look-d 11): a red flag acknowledged
"y", a plan approved with "ok" or "." and a challenge answered "ok" each told every later
reader that someone had dealt with it. Only reopening a finished plan refused them."""

from __future__ import annotations

import pytest

from checklist_tui.core import clock, edit, reasons, review, store
from checklist_tui.core.errors import PlanError
from checklist_tui.core.plan import PlanState
from tests.conftest import EXAMPLES

NOT_REASONS = ["", "  ", "y", "ok", ".", "x", "12", "n/a"]


@pytest.mark.parametrize("typed", NOT_REASONS)
@pytest.mark.parametrize("missing", [reasons.ACKNOWLEDGE, reasons.APPROVE, reasons.RETURN,
                                     reasons.ANSWER])
def test_what_is_plainly_not_a_reason_is_refused_with_what_is_asked(typed, missing) -> None:
    problem = reasons.not_a_reason(typed, missing)
    nothing = not typed.strip(" .")  # nothing typed but spaces and full stops
    assert problem == (missing if nothing else f"'{typed.strip()}' is not a reason. {missing}")


@pytest.mark.parametrize("typed", ["Discussed with the team manager", "GP letter sent",
                                   "Seen him alone on Monday"])
def test_words_are_a_reason(typed) -> None:
    assert reasons.not_a_reason(typed, reasons.ACKNOWLEDGE, {"y", "yes"}) == ""


def test_an_answer_word_where_a_reason_is_asked_is_said_to_be_one() -> None:
    assert reasons.not_a_reason("Yes", reasons.ACKNOWLEDGE, {"y", "yes"}) == (
        "'Yes' is a command or an answer, not a reason. Say what you have done or decided.")


def _submitted(catalogue):
    loaded = store.load(EXAMPLES / "discharge-ready-for-sign-off.toml")
    plan, checklist = loaded.plan, catalogue.get(loaded.plan.checklist_id).checklist
    review.reopen(plan, checklist, "Reading it again for the test", by="t", now=clock.now(),
                  today=clock.today())
    review.submit(plan, checklist, by="t", now=clock.now(), today=clock.today())
    assert plan.state == PlanState.SUBMITTED
    return plan, checklist


@pytest.mark.parametrize("typed", ["ok", ".", "y"])
@pytest.mark.parametrize("decision", ["approved", "returned"])
def test_a_decision_needs_a_rationale_in_words(typed, decision, catalogue) -> None:
    plan, checklist = _submitted(catalogue)
    before = (plan.state, len(plan.history), len(plan.reviews))
    missing = reasons.APPROVE if decision == "approved" else reasons.RETURN
    with pytest.raises(PlanError) as refused:
        review.decide(plan, checklist, decision=decision, rationale=typed, name="Sam Senior",
                      role="Team manager", now=clock.now(), today=clock.today())
    assert str(refused.value) == reasons.not_a_reason(typed, missing) != ""
    assert str(refused.value).endswith(missing)
    assert (plan.state, len(plan.history), len(plan.reviews)) == before


def test_a_challenge_needs_an_answer_in_words(catalogue) -> None:
    plan, checklist = _submitted(catalogue)
    asked = review.challenge(plan, checklist, "DPM-C12", "Who agreed this, and when?",
                             name="Sam Senior", role="Team manager", now=clock.now())
    before = len(plan.history)
    with pytest.raises(PlanError, match=f"^'ok' is not a reason. {reasons.ANSWER}$"):
        review.respond(plan, asked.id, "ok", by="t", now=clock.now())
    assert asked.open and asked.response == "" and len(plan.history) == before
    review.respond(plan, asked.id, "The ward doctor, at the meeting on 24/11", by="t",
                   now=clock.now())
    assert not asked.open


@pytest.mark.parametrize("typed", ["y", "ok", ".", ""])
def test_a_warning_is_acknowledged_only_with_what_was_done_or_decided(typed, catalogue) -> None:
    plan = store.load(EXAMPLES / "early-pre-birth.toml").plan
    before = (len(plan.acknowledgements), len(plan.history))
    with pytest.raises(PlanError, match=reasons.ACKNOWLEDGE):
        edit.acknowledge(plan, catalogue.get("pre-birth-assessment").checklist,
                         "PBA-A05.declined", typed, by="t", now=clock.now())
    assert (len(plan.acknowledgements), len(plan.history)) == before
