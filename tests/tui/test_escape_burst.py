"""Several Escapes typed fast (or typed ahead while a screen opens) leave only the screens
the user meant to leave, and never throw away a half-filled record without asking: the
"Discard…?" question takes the first Escape and is not closed by the second."""

from __future__ import annotations

from textual.widgets import Input

from checklist_tui.tui.screens.follow_up import FollowUpScreen
from checklist_tui.tui.screens.home import HomeScreen
from checklist_tui.tui.screens.message import MessageScreen
from checklist_tui.tui.screens.plan import PlanScreen
from checklist_tui.tui.screens.record_form import RecordForm
from checklist_tui.tui.screens.records import RecordsScreen
from tests.tui.helpers import go_to, make_app, open_from_plan, wait_for, wait_for_screen
from tests.tui.test_new_plan import _burst


async def key_at(pilot, key: str, time: float) -> None:
    """``key`` as the terminal hands it over at ``time`` (Textual's clock); wait until the
    app has handled it."""
    from textual import events

    app, typed_ahead = pilot.app, pilot.app._typed_ahead
    event = events.Key(key, None)
    event.time = time
    event.set_sender(app)
    handled: list = []
    original = typed_ahead.handle

    async def counting(e) -> None:
        await original(e)
        handled.append(e)

    typed_ahead.handle = counting
    try:
        app._driver.send_message(event)
        await wait_for(pilot, lambda: handled and typed_ahead.in_flight is None
                       and not typed_ahead.waiting, what=f"{key} handled")
        await pilot.pause()
    finally:
        typed_ahead.handle = original


def kinds(app) -> list[type]:
    return [type(s) for s in app.screen_stack[1:]]


async def burst_handled(pilot, keys: list[str]) -> None:
    """Send ``keys`` in one burst and wait until the app has handled every one of them."""
    app, handled = pilot.app, []
    typed_ahead = app._typed_ahead
    original = typed_ahead.handle

    async def counting(event) -> None:
        await original(event)
        handled.append(event)

    typed_ahead.handle = counting
    try:
        _burst(pilot, keys)
        await wait_for(pilot, lambda: len(handled) == len(keys) and not typed_ahead.waiting
                       and typed_ahead.in_flight is None, what=f"{keys} handled")
        await pilot.pause()
    finally:
        typed_ahead.handle = original


async def _half_filled_person(pilot) -> RecordForm:
    app = pilot.app
    await open_from_plan(pilot, "p", RecordsScreen)
    await pilot.press("+")
    await wait_for_screen(pilot, RecordForm)
    form = app.screen
    name = form.query_one("#f-name", Input)
    await wait_for(pilot, lambda: app.focused is not None)
    name.focus()
    await wait_for(pilot, lambda: app.focused is name)
    await pilot.press(*"Sam")
    await wait_for(pilot, lambda: name.value == "Sam")
    return form


async def test_escape_escape_from_a_half_filled_record_leaves_the_question_up(
        plans, monkeypatch) -> None:
    monkeypatch.setattr(MessageScreen, "READ_FIRST", 0.4)
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _half_filled_person(pilot)
        asked = []
        push = app.push_screen

        def pushed(screen, *args, **kwargs):
            asked.append(screen)
            return push(screen, *args, **kwargs)

        app.push_screen = pushed
        await burst_handled(pilot, ["escape", "escape"])
        assert kinds(app) == [PlanScreen, RecordsScreen, RecordForm, MessageScreen]
        question = app.screen
        # A terminal hands over the second of two fast Escapes only after a short wait
        # (it might start a key code): it comes after the question is up, not long after.
        await key_at(pilot, "escape", question.shown_at + 0.1)
        assert app.screen is question
        await key_at(pilot, "escape", question._takes_keys_from + 0.01)  # read, then Escape
        await wait_for(pilot, lambda: app.screen is form)
        await burst_handled(pilot, ["escape", "escape", "escape"])
        assert kinds(app) == [PlanScreen, RecordsScreen, RecordForm, MessageScreen]
        assert len(asked) == 2 and app.screen is asked[-1]  # asked once per burst
        await key_at(pilot, "escape", app.screen._takes_keys_from)  # once read: Cancel
        await wait_for(pilot, lambda: app.screen is form)
        assert form.query_one("#f-name", Input).value == "Sam"


async def test_a_form_closed_by_an_escape_typed_with_the_key_that_opened_it(plans) -> None:
    """``u`` then Escape at once: the "who will find out" form closes (it stopped the app
    with an AttributeError when the Escape came before the form was ready), the plan
    stays and the answer is not changed."""
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-S10")
        screen = app.screen
        before = screen.session.plan.answers.get("PBA-S10")
        await burst_handled(pilot, ["u", "escape"])
        await wait_for(pilot, lambda: app.screen is screen, what="the form closed")
        assert not any(isinstance(s, FollowUpScreen) for s in app.screen_stack)
        assert screen.session.plan.answers.get("PBA-S10") == before


async def test_escape_escape_from_a_text_box_steps_out_then_leaves_the_plan(plans) -> None:
    """Two Escapes: out of the box, out of the plan; not a screen more (Home stays)."""
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-S09")
        await burst_handled(pilot, ["escape", "escape"])
        await wait_for_screen(pilot, HomeScreen)
        assert kinds(app) == [HomeScreen]


async def test_the_discard_question_reads_as_one_sentence(plans) -> None:
    """look-sw 14: "Discard what you typed in Unknown: who will find out??". The question
    is asked plainly and the form is named in the line under it; editing a person asks
    about the changes (not "Discard this person?", which read as removing them)."""
    from tests.tui.helpers import rendered

    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-S10")
        await pilot.press("u")
        await wait_for_screen(pilot, FollowUpScreen)
        form = app.screen
        owner = form.query_one("#owner", Input)
        await wait_for(pilot, lambda: app.focused is owner)
        await pilot.press(*"Alex")
        await wait_for(pilot, lambda: owner.value == "Alex")
        await pilot.press("escape")
        await wait_for_screen(pilot, MessageScreen)
        question = app.screen
        assert question.title_text == "Discard what you typed?"
        assert question.lines == ["What you typed in the form 'Unknown: who will find out' "
                                  "will not be kept."]
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is form)
        form.dismiss(None)
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen))

        await pilot.press("p")
        await wait_for_screen(pilot, RecordsScreen)
        await pilot.press("enter")
        await wait_for_screen(pilot, RecordForm)
        form = app.screen
        name = form.query_one("#f-name", Input)
        name.focus()
        await wait_for(pilot, lambda: app.focused is name)
        await pilot.press("x")
        await wait_for(pilot, lambda: name.value.endswith("x"))
        await pilot.press("escape")
        await wait_for_screen(pilot, MessageScreen)
        assert rendered(app.screen.query_one(".title")) == \
            "Discard your changes to this person?"
