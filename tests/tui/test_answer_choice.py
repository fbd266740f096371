"""A yes/no question's options are one light widget (AnswerChoice), with RadioSet's keys:
the arrows move (round at the ends), Space or Enter choose, a click chooses what it is
on; the answer shows by a dot and words, the cursor by bold underline only while the
question has the focus, and the terminal's cursor is put on it for screen readers."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Offset

from checklist_tui.tui.widgets.answer_choice import AnswerChoice
from tests.tui.helpers import go_to, make_app, rendered, wait_for

ITEM = "PBA-S03"  # yes/no, may be "not yet" or "not applicable"; unanswered in the example


def _answer(app):
    return app.screen.session.plan.answers.get(ITEM)


def _cursor_text(choice: AnswerChoice) -> list[str]:
    content = choice.render()
    return [content.plain[s.start:s.end] for s in content.spans
            if getattr(s.style, "bold", False) and getattr(s.style, "underline", False)]


async def test_the_arrows_move_and_space_or_enter_choose(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, ITEM)
        choice = app.screen.query_one(f"#answer-{ITEM}", AnswerChoice)
        assert app.focused is choice
        # every option in words, none chosen: a screen reader reads the line as it is
        assert rendered(choice) == "( ) Yes   ( ) No   ( ) Not yet   ( ) Not applicable"
        assert _cursor_text(choice) == ["( ) Yes"]
        await pilot.press("right")
        await wait_for(pilot, lambda: _cursor_text(choice) == ["( ) No"])
        assert _answer(app) is None  # moving chooses nothing
        await pilot.press("space")
        await wait_for(pilot, lambda: _answer(app) is not None and _answer(app).value == "no",
                       what="No chosen with Space")
        assert rendered(choice) == "( ) Yes   (•) No   ( ) Not yet   ( ) Not applicable"
        await pilot.press("up", "left")  # No, Yes, then round to the last option
        await wait_for(pilot, lambda: _cursor_text(choice) == ["( ) Not applicable"])
        await pilot.press("enter")
        await wait_for(pilot, lambda: _answer(app).not_applicable, what="Not applicable")
        assert rendered(choice).count("(•)") == 1 and "(•) Not applicable" in rendered(choice)
        await pilot.press("down")  # round to the first
        await wait_for(pilot, lambda: _cursor_text(choice) == ["( ) Yes"])
        await pilot.press("y")  # the letters still answer, and move the cursor with them
        await wait_for(pilot, lambda: _answer(app).value == "yes"
                       and not _answer(app).not_applicable, what="y")
        assert _cursor_text(choice) == ["(•) Yes"]
        await pilot.press("delete")  # cleared: nothing shows as chosen
        await wait_for(pilot, lambda: _answer(app).value is None and choice.value is None
                       and not _answer(app).not_applicable, what="cleared")
        assert "(•)" not in rendered(choice)


async def test_a_click_chooses_the_option_under_it_and_focuses_the_question(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, ITEM)
        choice = app.screen.query_one(f"#answer-{ITEM}", AnswerChoice)
        app.screen.query_one(f"#item-{ITEM} .note").focus()
        await wait_for(pilot, lambda: not choice.has_focus)
        assert _cursor_text(choice) == []  # no cursor drawn while another box has the focus
        column = choice.content_region.x - choice.region.x + len("( ) Yes   ( ) N")
        await pilot.click(choice, offset=(column, 0))
        await wait_for(pilot, lambda: _answer(app) is not None and _answer(app).value == "no",
                       what="No clicked")
        assert choice.has_focus and _cursor_text(choice) == ["(•) No"]
        # a click between two options chooses nothing
        await pilot.click(choice, offset=(column - len("( ) N") - 1, 0))
        await pilot.pause()
        assert _answer(app).value == "no"


async def test_the_terminal_cursor_follows_the_option_for_screen_readers(plans) -> None:
    """Best effort: Textual's own text boxes move the terminal's cursor too, when built."""
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, ITEM)
        choice = app.screen.query_one(f"#answer-{ITEM}", AnswerChoice)
        await pilot.press("right", "right")
        await wait_for(pilot, lambda: app.cursor_position == Offset(
            choice.content_region.x + len("( ) Yes   ( ) No   "), choice.content_region.y),
            what="the terminal cursor on Not yet")
        await pilot.press("left")
        await wait_for(pilot, lambda: app.cursor_position == Offset(
            choice.content_region.x + len("( ) Yes   "), choice.content_region.y),
            what="the terminal cursor on No")


class OneQuestion(App):
    def __init__(self, width: int) -> None:
        super().__init__()
        self.width = width

    def compose(self) -> ComposeResult:
        choice = AnswerChoice([("yes", "Yes"), ("no", "No"), ("unknown", "Unknown"),
                               ("__na__", "Not applicable")], "unknown", id="q")
        choice.styles.width = self.width
        yield choice


async def test_a_narrow_question_wraps_between_options_never_inside_one() -> None:
    app = OneQuestion(24)
    async with app.run_test(size=(40, 10)) as pilot:
        choice = app.query_one(AnswerChoice)
        await wait_for(pilot, lambda: choice.size.height == 3)
        assert rendered(choice).splitlines() == ["( ) Yes   ( ) No", "(•) Unknown",
                                                 "( ) Not applicable"]
        await pilot.click(choice, offset=(2, 2))
        await wait_for(pilot, lambda: choice.value == "__na__", what="the third line clicked")
