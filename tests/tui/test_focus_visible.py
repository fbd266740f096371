"""Where the focus is shows by shape, not colour alone; and nothing looks chosen that is
not: a question's highlighted option is marked only while the question has the focus,
and starts on its answer. The Export dialog reads in order and Enter never unticks."""

from __future__ import annotations

from textual.widgets import Button, Input, SelectionList

from checklist_tui.tui.widgets.answer_choice import AnswerChoice
from tests.tui.helpers import go_to, make_app, plan_ready, rendered, wait_for


def _cursor_spans(choice: AnswerChoice) -> list[str]:
    """The option text drawn in the cursor's style (bold and underlined)."""
    content = choice.render()
    return [content.plain[span.start:span.end] for span in content.spans
            if getattr(span.style, "underline", False) and getattr(span.style, "bold", False)]


async def test_a_question_marks_its_option_only_while_focused_and_on_its_answer(
        plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-S10")  # answered No
        screen = app.screen
        choice = screen.query_one("#answer-PBA-S10", AnswerChoice)
        await wait_for(pilot, lambda: choice.has_focus)
        await pilot.pause()
        # the cursor is on the answer, not on "Yes", and shows by shape
        assert _cursor_spans(choice) == ["(•) No"]
        screen.query_one("#item-PBA-S10 .note").focus()
        await wait_for(pilot, lambda: not choice.has_focus)
        await pilot.pause()
        assert _cursor_spans(choice) == []  # nothing bold or underlined as if chosen
        assert rendered(choice).count("(•)") == 1


async def test_boxes_and_buttons_show_the_focus_by_shape(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-S09")
        box = app.screen.query_one("#answer-PBA-S09", Input)
        # (the box has the app's focus; its own Focus event, which styles it, may follow)
        await wait_for(pilot, lambda: box.has_focus, what="the box's focus")
        assert box.styles.border_left[0] == "thick"
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
        choice = view.query_one(AnswerChoice)
        shown = screen.session.plan.answers["PBA-S10"]
        # the control put back to another answer (as after a refusal or a cancel) ...
        view.reset(shown.model_copy(update={"value": "unknown"}))
        await pilot.pause()
        assert rendered(choice).count("(•)") == 1 and "(•) Unknown" in rendered(choice)
        # ... then answered again: one option marked, the new one
        await pilot.press("y")
        await wait_for(pilot, lambda: screen.session.plan.answers["PBA-S10"].value == "yes")
        assert choice.value == "yes"
        assert rendered(choice).count("(•)") == 1 and "(•) Yes" in rendered(choice)
