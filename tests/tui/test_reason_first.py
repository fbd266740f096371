"""Typing in a text box of a finished plan asks for the reason before any key lands;
the keys typed before the question could be seen go into the box they were typed for
once the reason is given (they went into the reason box, 0.6 s later)."""

from __future__ import annotations

from textual.widgets import TextArea

from checklist_tui.core import store
from checklist_tui.core.plan import PlanState
from checklist_tui.tui.screens.reason import ReasonScreen
from tests.tui.helpers import go_to, make_app, plan_ready, rendered, wait_for
from tests.tui.test_challenge import ITEM, READY
from tests.tui.test_new_plan import _burst


async def _typing_in_the_note(pilot, app) -> TextArea:
    await wait_for(pilot, lambda: plan_ready(app))
    await go_to(pilot, ITEM)
    # The empty note is a stand-in until focused; the keys are typed at once.
    app.screen.set_focus(app.screen.query_one(f"#notebox-{ITEM}"))
    _burst(pilot, list("Seen on ward"))  # typed ahead of the app, and on
    await wait_for(pilot, lambda: isinstance(app.screen, ReasonScreen)
                   and "\"Seen on ward\"" in rendered(app.screen.query_one("#typed-ahead")),
                   what="asked, showing what is kept")
    await pilot.press("tab")  # to the reason
    await wait_for(pilot, lambda: app.focused is app.screen.query_one("#reason"))
    return app.screen_stack[-2].query_one(f"#note-{ITEM}", TextArea)


async def test_the_reason_is_asked_first_and_the_keys_land_in_their_box(plans) -> None:
    app = make_app(plans, READY)
    async with app.run_test(size=(80, 24)) as pilot:
        note = await _typing_in_the_note(pilot, app)
        dialog = app.screen
        assert note.text == ""  # not one key landed before the question
        assert dialog.query_one("#reason").value == ""  # nor in the reason box
        await pilot.press(*"Note missed")
        assert dialog.query_one("#reason").value == "Note missed"
        await pilot.press("enter")
        await wait_for(pilot, lambda: note.text == "Seen on ward", what=note.text)
        assert app.focused is note
        await wait_for(pilot, lambda: ITEM in store.load(plans / READY).plan.answers and
                       store.load(plans / READY).plan.answers[ITEM].note == "Seen on ward",
                       what="the note saved")
    plan = store.load(plans / READY).plan
    assert plan.state == PlanState.AMENDED
    assert ("reason", "Note missed") in [(h.what, h.new) for h in plan.history]


async def test_cancel_drops_the_keys_and_changes_nothing(plans) -> None:
    before = (plans / READY).read_bytes()
    app = make_app(plans, READY)
    async with app.run_test(size=(80, 24)) as pilot:
        note = await _typing_in_the_note(pilot, app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ReasonScreen))
        await pilot.press("tab")  # keys go on as before
        await wait_for(pilot, lambda: app.focused is not note)
        assert note.text == ""
    assert (plans / READY).read_bytes() == before
