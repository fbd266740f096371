"""Where the focus is shows by shape, not colour alone; and nothing looks chosen that is
not: a question's highlighted option is marked only while the question has the focus,
and starts on its answer. The Export dialog reads in order and Enter never unticks."""

from __future__ import annotations

from textual.widgets import Button, Input, RadioButton, RadioSet, SelectionList

from tests.tui.helpers import go_to, make_app, plan_ready, rendered, wait_for


def _label_style(button: RadioButton):
    return button.get_component_rich_style("toggle--label")


async def test_a_question_marks_its_option_only_while_focused_and_on_its_answer(
        plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-S10")  # answered No
        screen = app.screen
        radio = screen.query_one("#answer-PBA-S10", RadioSet)
        buttons = list(radio.query(RadioButton))
        await wait_for(pilot, lambda: radio.has_focus)
        await pilot.pause()
        on = next(b for b in buttons if b.value)
        assert on.has_class("-selected")  # the cursor is on the answer, not on "Yes"
        assert _label_style(on).underline  # and shows by shape
        screen.query_one("#item-PBA-S10 .note").focus()
        await wait_for(pilot, lambda: not radio.has_focus)
        await pilot.pause()
        for button in buttons:  # nothing shaded or underlined as if chosen
            style = _label_style(button)
            assert not style.underline
            assert style.bgcolor is None or style.bgcolor == _label_style(
                buttons[-1]).bgcolor


async def test_boxes_and_buttons_show_the_focus_by_shape(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-S09")
        box = app.screen.query_one("#answer-PBA-S09", Input)
        assert box.has_focus and box.styles.border_left[0] == "thick"
        app.screen.query_one("#item-PBA-S09 .note").focus()
        await wait_for(pilot, lambda: not box.has_focus)
        assert box.styles.border_left[0] != "thick"
        await pilot.press("escape")  # out of the note, to the item
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == "item-PBA-S09")
        await pilot.press("e")
        await wait_for(pilot, lambda: app.screen.query_one("#go", Button))
        go, close = app.screen.query_one("#go", Button), app.screen.query_one("#close",
                                                                              Button)
        go.focus()
        await wait_for(pilot, lambda: go.has_focus)
        assert go.styles.text_style.underline and not close.styles.text_style.underline


async def test_export_dialog_reads_in_order_and_enter_exports(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.focused, SelectionList),
                       what="the formats first")
        formats = app.focused
        ticked = sorted(map(str, formats.selected))
        await pilot.press("tab", "tab")
        assert app.focused is not None and app.focused.id == "folder"
        await pilot.press("shift+tab", "shift+tab", "enter")
        await wait_for(pilot, lambda: "Written:" in rendered(app.screen.query_one(
            "#export-result")), what="exported")
        assert sorted(map(str, formats.selected)) == ticked  # Enter unticked nothing


async def test_an_answer_after_a_reset_leaves_one_option_marked(plans) -> None:
    from checklist_tui.tui.widgets.item_view import ItemView

    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-S10")  # answered No
        screen = app.screen
        view = screen.query_one("#item-PBA-S10", ItemView)
        radio = view.query_one(RadioSet)
        shown = screen.session.plan.answers["PBA-S10"]
        # the control put back to another answer (as after a refusal or a cancel) ...
        view.reset(shown.model_copy(update={"value": "unknown"}))
        await pilot.pause()
        # ... then answered again: the set must turn off what it shows, not what it had
        await pilot.press("y")
        await wait_for(pilot, lambda: screen.session.plan.answers["PBA-S10"].value == "yes")
        assert [b.name for b in radio.query(RadioButton) if b.value] == ["yes"]
