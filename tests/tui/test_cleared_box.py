"""A cleared text, date or long-text answer: its box shows what the plan holds (nothing),
not the text the plan has let go of (v6tui: Delete on the question cleared the plan's
answer and left the old date in its box, as if it were still the answer)."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, TextArea

from checklist_tui.core import store
from checklist_tui.tui.widgets.item_view import ItemView
from tests.conftest import NOW
from tests.tui.helpers import copy_examples, go_to, make_app, wait_for

INJURY = "injury-non-mobile-baby"


def _box_text(app, item_id: str) -> str:
    box = app.screen.query_one(f"#answer-{item_id}")
    assert isinstance(box, Input | TextArea)
    return box.text if isinstance(box, TextArea) else box.value


def _value(app, item_id: str) -> object:
    answer = app.screen.session.plan.answers.get(item_id)
    return None if answer is None else answer.value


async def _answer_then_step_out(pilot, item_id: str, typed: str, expected: object) -> None:
    """Type ``typed`` in the item's box (which it replaces), then Escape to the item."""
    app = pilot.app
    if app.focused is not None and app.focused.id == f"item-{item_id}":
        await pilot.press("enter")  # on the question itself: into its box
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == f"answer-{item_id}", what="its box")
    else:
        await go_to(pilot, item_id)  # the box has the focus (the real box, once used)
    if isinstance(app.focused, TextArea):
        app.focused.select_all()  # typing replaces it, as in a one-line box on focus
    await pilot.press(*typed, "escape")
    await wait_for(pilot, lambda: app.focused is not None
                   and app.focused.id == f"item-{item_id}", what="the question itself")
    await wait_for(pilot, lambda: _value(app, item_id) == expected, what="the answer saved")
    assert _box_text(app, item_id) == typed


async def _clear_with_delete(pilot, item_id: str) -> None:
    app = pilot.app
    await pilot.press("delete")  # on the question itself: Clear answer
    await wait_for(pilot, lambda: _value(app, item_id) is None, what="the answer cleared")


@pytest.mark.parametrize(("plan", "item_id", "typed", "expected"), [
    ("early-pre-birth.toml", "PBA-S09", "05/11/2026", date(2026, 11, 5)),  # date
    ("early-pre-birth.toml", "PBA-P07", "Splits up and returns", "Splits up and returns"),
    (None, "NAI-06", "Ref 123, spoke to the duty worker", "Ref 123, spoke to the duty worker"),
])
async def test_a_cleared_answer_leaves_its_box_empty_and_it_can_be_answered_again(
        tmp_path, catalogue, plan, item_id, typed, expected) -> None:
    plans = copy_examples(tmp_path / "plans")
    if plan is None:  # a short text question (the injury checklist's)
        plan = store.create(plans, catalogue.get(INJURY), case_ref="INJ-8", now=NOW).path.name
    app = make_app(plans, plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await _answer_then_step_out(pilot, item_id, typed, expected)
        await _clear_with_delete(pilot, item_id)
        view = app.screen.query_one(f"#item-{item_id}", ItemView)
        # The box says what the plan holds: nothing. It held the cleared text, which
        # leaving the plan would not have saved, though it read as the answer.
        assert _box_text(app, item_id) == ""
        assert not view.has_unsaved()
        # Answered again, the box and the plan hold the new answer.
        again = "06/11/2026" if isinstance(expected, date) else "Seen at home"
        held = date(2026, 11, 6) if isinstance(expected, date) else again
        await _answer_then_step_out(pilot, item_id, again, held)
    assert store.load(plans / plan).plan.answers[item_id].value == held


async def test_delete_takes_away_a_date_not_saved_and_the_date_it_replaced(plans) -> None:
    """A date the plan could not take stays in its box, NOT SAVED, the plan keeping the
    old date; Delete clears the old date, and the box and its NOT SAVED line go with it."""
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-S09")
        await pilot.press(*"31/02/2026", "escape")
        view = app.screen.query_one("#item-PBA-S09", ItemView)
        await wait_for(pilot, lambda: bool(view.query(".date-problem")), what="NOT SAVED")
        assert _value(app, "PBA-S09") == date(2026, 10, 28)
        await wait_for(pilot, lambda: app.focused is view, what="the question itself")
        await _clear_with_delete(pilot, "PBA-S09")
        assert _box_text(app, "PBA-S09") == ""
        assert not view.query(".date-problem") and not view.has_unsaved()


async def test_a_finished_plans_answer_cleared_once_the_reason_is_given(plans) -> None:
    """A finished plan asks why before the answer is cleared; once the reason is given,
    the box shows nothing (it kept the text), and cancelled it keeps the answer."""
    from checklist_tui.tui.screens.reason import ReasonScreen

    app = make_app(plans, "discharge-ready-for-sign-off.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "DPM-H03")  # the real box, holding the answer
        kept = _box_text(app, "DPM-H03")
        assert kept.startswith("Both parents fed")
        for reason in ("", "Written on the wrong plan"):
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.focused is not None
                           and app.focused.id == "item-DPM-H03", what="the question itself")
            await pilot.press("delete")
            await wait_for(pilot, lambda: isinstance(app.screen, ReasonScreen), what="why?")
            if not reason:  # cancelled: nothing changes
                await pilot.press("escape")
                await wait_for(pilot, lambda: not isinstance(app.screen, ReasonScreen))
                assert _value(app, "DPM-H03") is not None
                assert _box_text(app, "DPM-H03") == kept
                await pilot.press("enter")  # back into the box, for Escape above
                continue
            await pilot.press("tab")
            await wait_for(pilot, lambda: app.focused is app.screen.query_one("#reason"))
            await pilot.press(*reason, "enter")
            await wait_for(pilot, lambda: not isinstance(app.screen, ReasonScreen)
                           and _value(app, "DPM-H03") is None, what="cleared with a reason")
            assert _box_text(app, "DPM-H03") == ""
