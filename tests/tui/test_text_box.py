"""A text or date answer's box is a light stand-in until it is first focused (text_box.py):
it says what it holds in words, becomes the real box on Enter, Tab or a click, and no key
typed while that happens is lost or lands out of order."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, TextArea

from checklist_tui.tui.widgets.text_box import TextBox
from tests.tui.helpers import copy_examples, make_app, plan_ready, rendered, wait_for
from tests.tui.test_new_plan import _burst


async def _item_focused(pilot, section: str, item_id: str) -> None:
    """The section shown with the item itself focused (a text question: not its box)."""
    app = pilot.app
    await wait_for(pilot, lambda: plan_ready(app))
    app.screen.jump(section, item_id)
    await wait_for(pilot, lambda: plan_ready(app) and app.screen.current == section
                   and app.focused is not None and app.focused.id == f"item-{item_id}",
                   what=f"{item_id} focused")


async def test_a_date_box_is_a_stand_in_until_used_and_keys_typed_ahead_land_in_order(
        tmp_path) -> None:
    plans = copy_examples(tmp_path / "plans")
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await _item_focused(pilot, "start", "PBA-S09")
        screen = app.screen
        assert not screen.query("#answer-PBA-S09")  # no Input built for it yet
        stand_in = screen.query_one("#textbox-PBA-S09", TextBox)
        assert rendered(stand_in) == "28/10/2026" and not stand_in.has_class("-empty")
        # Enter steps in (the date is selected, as in any box: typing replaces it); the
        # digits and a Backspace (a binding of the real box) typed at once all reach the
        # real box, in order, though it did not exist when they were typed.
        _burst(pilot, ["enter", *"05/11/2027", "backspace", "6", "tab"])
        answers = screen.session.plan.answers
        await wait_for(pilot, lambda: answers["PBA-S09"].value == date(2026, 11, 5),
                       what="the date typed ahead, saved")
        box = screen.query_one("#answer-PBA-S09", Input)
        assert box.value == "05/11/2026" and not screen.query("#textbox-PBA-S09")


async def test_a_long_text_stand_in_says_it_is_empty_in_words_and_takes_lines(
        tmp_path) -> None:
    plans = copy_examples(tmp_path / "plans")
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await _item_focused(pilot, "history", "PBA-P07")
        screen = app.screen
        assert not screen.query(TextArea).filter("#answer-PBA-P07")
        stand_in = screen.query_one("#textbox-PBA-P07", TextBox)
        assert rendered(stand_in) == "Type the answer" and stand_in.has_class("-empty")
        assert stand_in.region.height == 5  # as tall as the text box it stands in for
        _burst(pilot, ["enter", *"Seen", "enter", *"at home", "tab"])  # "S" was lost
        answers = screen.session.plan.answers
        await wait_for(pilot, lambda: "PBA-P07" in answers
                       and answers["PBA-P07"].value == "Seen\nat home",
                       what="two lines typed ahead, saved in order")
        area = screen.query_one("#answer-PBA-P07", TextArea)
        assert area.placeholder == "Type the answer"  # the real box says the same


async def test_a_click_makes_the_real_box_and_a_cleared_answer_shows_as_cleared(
        tmp_path) -> None:
    plans = copy_examples(tmp_path / "plans")
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await _item_focused(pilot, "start", "PBA-S09")
        screen = app.screen
        await pilot.press("delete")  # on the item: clears its answer
        answers = screen.session.plan.answers
        await wait_for(pilot, lambda: answers.get("PBA-S09") is None
                       or answers["PBA-S09"].value is None, what="the answer cleared")
        stand_in = screen.query_one("#textbox-PBA-S09", TextBox)
        # The box no longer claims the date the plan has let go of: it says what to type.
        await wait_for(pilot, lambda: rendered(stand_in) == "DD/MM/YYYY",
                       what="the hint shown")
        assert stand_in.has_class("-empty")
        await pilot.click("#textbox-PBA-S09")
        await wait_for(pilot, lambda: isinstance(app.focused, Input)
                       and app.focused.id == "answer-PBA-S09", what="the real box")
        assert app.focused.value == ""  # not the date cleared a moment ago
