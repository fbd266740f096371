"""A manager's challenge seen and answered on its item; a finished plan changed only with
a reason (and an approved one only knowing that the change voids the sign-off)."""

from __future__ import annotations

from textual.widgets import Button, Input, Static, TextArea

from checklist_tui.core import review, store
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.plan import PlanState
from checklist_tui.core.review_file import change_plan
from checklist_tui.tui.screens.challenge import ChallengeAnswerScreen
from checklist_tui.tui.screens.reason import ReasonScreen
from checklist_tui.tui.widgets.answer_choice import AnswerChoice
from checklist_tui.tui.widgets.item_view import ItemView
from checklist_tui.tui.widgets.plan_header import PlanHeader
from tests.conftest import NOW, TODAY
from tests.tui.helpers import make_app, plan_ready, rendered, wait_for, wait_for_screen

READY = "discharge-ready-for-sign-off.toml"
ITEM = "DPM-M02"


def _step(path, operation) -> None:
    change_plan(path, load_catalogue(include_user=False).get, operation)


def _submitted_with_challenge(plans) -> None:
    path = plans / READY
    _step(path, lambda p, c: review.submit(p, c, by="Drew", now=NOW, today=TODAY))
    _step(path, lambda p, c: review.challenge(p, c, ITEM, "Who invited the father, and how?",
                                              name="Alex Manager", role="Team manager",
                                              now=NOW))


def _approved(plans) -> None:
    path = plans / READY
    _step(path, lambda p, c: review.submit(p, c, by="Drew", now=NOW, today=TODAY))
    _step(path, lambda p, c: review.decide(p, c, decision="approved", rationale="Sound.",
                                           name="Alex Manager", role="Team manager",
                                           now=NOW, today=TODAY))


def _state_line(app, item_id: str) -> str:
    return rendered(app.screen.query_one(f"#item-{item_id}", ItemView).query_one(".state",
                                                                               Static))


async def test_challenge_is_seen_and_answered_on_its_item(plans) -> None:
    _submitted_with_challenge(plans)
    app = make_app(plans, READY)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        header = rendered(app.screen.query_one(PlanHeader))
        assert "CHALLENGES NOT YET ANSWERED: 1 (r)" in header
        await pilot.press("r")  # from wherever the practitioner is: to the item, and the form
        await wait_for_screen(pilot, ChallengeAnswerScreen)
        asked = rendered(app.screen.query_one("#challenge-text", Static))
        assert "Who invited the father, and how?" in asked
        assert "Alex Manager (Team manager)" in asked and "25/11/2026" in asked
        form = app.screen
        form.query_one("#challenge-answer", TextArea).text = ""
        form.query_one("#save", Button).press()
        await wait_for(pilot, lambda: "Write your answer" in rendered(
            form.query_one("#form-error", Static)))
        form.query_one("#challenge-answer", TextArea).text = "ok"  # look-d 11: answers nothing
        form.query_one("#save", Button).press()
        await wait_for(pilot, lambda: rendered(form.query_one("#form-error", Static)).strip()
                       == "'ok' is not a reason. Write your answer to the manager's question.")
        assert app.screen is form
        form.query_one("#challenge-answer", TextArea).text = "The ward clerk phoned him."
        form.query_one("#save", Button).press()
        await wait_for(pilot, lambda: plan_ready(app) and "answered by" in _state_line(
            app, ITEM), what="back on the plan, at the item, answered")
        line = _state_line(app, ITEM)
        assert "CHALLENGE from Alex Manager (Team manager), 25/11/2026" in line
        assert "answered by" in line and "The ward clerk phoned him." in line
        assert "CHALLENGES NOT YET ANSWERED" not in rendered(app.screen.query_one(PlanHeader))
        assert app.screen.check_action("answer_challenge", ()) is False  # nothing left
        await wait_for(pilot, lambda: not store.load(plans / READY).plan.challenges[0].open,
                       what="the answer on disk")
    plan = store.load(plans / READY).plan
    assert plan.challenges[0].response == "The ward clerk phoned him."
    assert plan.history[-1].what == "challenge.answer"
    assert plan.state == PlanState.SUBMITTED  # answering changes no answer: no reason needed


async def test_open_challenge_shows_on_the_item(plans) -> None:
    _submitted_with_challenge(plans)
    app = make_app(plans, READY)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        app.screen.jump("meeting", ITEM)
        await wait_for(pilot, lambda: plan_ready(app) and "not yet answered" in _state_line(
            app, ITEM), what="the challenge on its item")
        assert "Who invited the father, and how?" in _state_line(app, ITEM)


async def _answer_no(pilot, app) -> AnswerChoice:
    """Press n on DPM-M02 (answered yes in the example)."""
    app.screen.jump("meeting", ITEM)
    await wait_for(pilot, lambda: plan_ready(app) and bool(app.screen.query(f"#answer-{ITEM}")))
    radio = app.screen.query_one(f"#answer-{ITEM}", AnswerChoice)
    radio.focus()
    await wait_for(pilot, lambda: radio.has_focus)
    await pilot.press("n")
    return radio


def _pressed(radio: AnswerChoice) -> str:
    """The answer the question shows (the option chosen)."""
    return radio.value or ""


async def test_changing_a_completed_plan_asks_why_and_cancel_changes_nothing(plans) -> None:
    before = (plans / READY).read_bytes()
    app = make_app(plans, READY)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        radio = await _answer_no(pilot, app)
        await wait_for_screen(pilot, ReasonScreen)
        said = rendered(app.screen.query_one("#reason-text", Static))
        assert "This plan is completed" in said and "sign-off" not in said
        await pilot.press("escape")
        await wait_for(pilot, lambda: plan_ready(app) and _pressed(radio) == "yes",
                       what="the answer put back")
        # and the emphasis with it: the cursor is on the answer, not on "No" (look-b 10)
        assert radio.options[radio.cursor][0] == "yes"
        assert "Completed" in rendered(app.screen.query_one(PlanHeader))
        assert (plans / READY).read_bytes() == before  # nothing changed
        radio = await _answer_no(pilot, app)
        await wait_for_screen(pilot, ReasonScreen)
        form = app.screen
        form.query_one("#save", Button).press()  # no reason: refused, stays
        await wait_for(pilot, lambda: "Say why" in rendered(form.query_one("#form-error",
                                                                           Static)))
        form.query_one("#reason", Input).value = "Father was not invited after all"
        await pilot.press("enter")
        await wait_for(pilot, lambda: plan_ready(app) and _pressed(radio) == "no",
                       what="the change made")
        assert "Amended" in rendered(app.screen.query_one(PlanHeader))
        await wait_for(pilot, lambda: store.load(plans / READY).plan.answers[ITEM].value == "no",
                       what="the change saved")
    plan = store.load(plans / READY).plan
    assert plan.state == PlanState.AMENDED
    assert ("reason", "completed", "Father was not invited after all") in [
        (h.what, h.old, h.new) for h in plan.history]


async def test_changing_an_approved_plan_says_it_voids_the_sign_off(plans) -> None:
    _approved(plans)
    app = make_app(plans, READY)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        assert not app.screen.read_only  # signed off, yet open to a change with a reason
        await _answer_no(pilot, app)
        await wait_for_screen(pilot, ReasonScreen)
        said = rendered(app.screen.query_one("#reason-text", Static))
        assert "approved" in said and "Changing it voids the sign-off" in said
        assert "Alex Manager" in said
        assert "Void the sign-off" in str(app.screen.query_one("#save", Button).label)
        app.screen.query_one("#reason", Input).value = "Birth date was wrong"
        await pilot.press("enter")
        await wait_for(pilot, lambda: store.load(plans / READY).plan.signoff is None,
                       what="the sign-off voided on disk")
    plan = store.load(plans / READY).plan
    assert plan.state == PlanState.AMENDED and plan.answers[ITEM].value == "no"
    kept = [(h.what, h.old, h.new) for h in plan.history]
    assert ("reason", "approved", "Birth date was wrong") in kept
    assert any(what == "signoff.void" for what, _o, _n in kept)
    assert review.describe_signoff(plan).endswith("no longer signed off")


async def test_returned_plan_says_why_and_is_submitted_again_after_the_answer(plans) -> None:
    _submitted_with_challenge(plans)
    _step(plans / READY, lambda p, c: review.decide(
        p, c, decision="returned", rationale="Answer the challenge, please.",
        name="Alex Manager", role="Team manager", now=NOW, today=TODAY))
    app = make_app(plans, READY)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        header = rendered(app.screen.query_one(PlanHeader))
        assert "Returned by Alex Manager (Team manager), 25/11/2026: Answer the challenge" \
            in header
        await pilot.press("m")  # refused while the challenge waits: said, nothing changed
        await wait_for(pilot, lambda: any("answer the manager's challenge on DPM-M02 first"
                                          in str(n.message) for n in app._notifications),
                       what="the refusal")
        assert store.load(plans / READY).plan.state == PlanState.RETURNED
        await pilot.press("r")
        await wait_for_screen(pilot, ChallengeAnswerScreen)
        app.screen.query_one("#challenge-answer", TextArea).text = "He was phoned by the ward."
        app.screen.query_one("#save", Button).press()
        await wait_for(pilot, lambda: plan_ready(app) and "answered by" in _state_line(
            app, ITEM), what="the answer")
        await pilot.press("m")
        await wait_for(pilot, lambda: "Submitted for review" in rendered(
            app.screen.query_one(PlanHeader)), what="submitted")
        await wait_for(pilot, lambda: store.load(plans / READY).plan.state
                       == PlanState.SUBMITTED, what="submitted on disk")


def test_the_reason_dialog_says_what_the_change_does() -> None:
    from checklist_tui.core.errors import ReasonNeeded
    from checklist_tui.tui.screens.reason import explanation

    done = explanation(ReasonNeeded("Completed", False), "Not yet signed off", "Q? (X1)")
    assert done.startswith("You are changing: Q? (X1)") and "marked complete (c) again" in done
    waiting = explanation(ReasonNeeded("Submitted for review", False), "Not yet signed off")
    assert "takes it back from the manager" in waiting and "sign-off" in waiting
    signed = explanation(ReasonNeeded("Approved", True), "Approved by A (Team manager)")
    assert "Changing it voids the sign-off" in signed and "Approved by A" in signed
