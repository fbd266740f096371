"""Pasting into a one-line box keeps every line (look-d 17): Textual's Input kept the first
line of a paste and dropped the rest without a word, so an agency's contact pasted as two
lines lost its out-of-hours number. Every one-line box is a LineBox: the lines are joined
with "; " and the box says so; a paste too long for the box is said, never cut."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

from textual import events
from textual.widgets import TextArea

from checklist_tui.tui.widgets.line_box import LineBox, one_line
from checklist_tui.tui.widgets.text_box import TextBox
from tests.conftest import ROOT
from tests.tui.helpers import make_app, new_record_form, plan_ready, wait_for

OFFICE = "Office 01234 000001 (fictional)"
OUT_OF_HOURS = "Out of hours: 01234 000002 (fictional)"
TWO_LINES = f"{OFFICE}\r\n{OUT_OF_HOURS}\n"
JOINED = f"{OFFICE}; {OUT_OF_HOURS}"


def test_several_lines_are_joined_and_one_line_is_kept_as_it_is() -> None:
    assert one_line(TWO_LINES) == JOINED
    assert one_line(f"\n  {OFFICE}  \n\n\t{OUT_OF_HOURS}") == JOINED  # blank lines left out
    assert one_line("  Pat Sample ") == "  Pat Sample "  # one line: as pasted
    assert one_line("05/11/2026\r\n") == "05/11/2026"  # copied with its line break
    assert one_line("\nPat Sample\n") == "Pat Sample"  # (Input's own took the empty line)
    assert one_line("\n\n") == ""


def test_every_one_line_box_is_a_line_box() -> None:
    """A new form's one-line box made as Textual's Input would drop pasted lines again."""
    allowed = {"screens/review.py",  # the filter: words to search by, never kept
               "widgets/style_warmers.py"}  # styles read early, never shown
    made_as_input = set()
    for path in (ROOT / "checklist_tui" / "tui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and (
                    getattr(node.func, "id", None) == "Input"
                    or getattr(node.func, "attr", None) == "Input"):
                made_as_input.add(Path(path).relative_to(ROOT / "checklist_tui" / "tui")
                                  .as_posix())
    assert made_as_input <= allowed, made_as_input - allowed


async def _paste(pilot, box: LineBox, text: str) -> None:
    box.focus()
    await wait_for(pilot, lambda: pilot.app.focused is box)
    pilot.app._driver.send_message(events.Paste(text))  # as a terminal paste arrives


async def test_two_lines_pasted_into_each_box_of_the_agency_form_are_kept(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await new_record_form(pilot, "g")
        records = app.screen_stack[-2]
        boxes = list(form.query(LineBox))
        assert [b.id for b in boxes] == ["f-agency", "f-practitioner", "f-role", "f-contact"]
        for box in boxes:
            box.value = ""
            await _paste(pilot, box, TWO_LINES)
            await wait_for(pilot, lambda box=box: box.value == JOINED, what=box.id)
        await wait_for(pilot, lambda: any("joined with ';'" in str(n.message)
                                          for n in app._notifications), what="said")
        form.query_one("#save").press()
        await wait_for(pilot, lambda: app.screen is records and any(
            a.contact == JOINED for a in records.session.plan.agencies), what="saved")


async def test_a_paste_too_long_for_the_box_is_said_and_nothing_is_cut(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await new_record_form(pilot, "g")
        box = form.query_one("#f-contact", LineBox)
        box.value, box.max_length = "Office", 20
        await _paste(pilot, box, TWO_LINES)
        await wait_for(pilot, lambda: any("Not pasted: this box takes at most 20 characters."
                                          in str(n.message) for n in app._notifications))
        assert box.value == "Office"


async def test_a_refused_paste_says_why_in_words(tmp_path) -> None:
    """rev7-tui 8: "two" pasted in the number of babies (one digit) was said to be too long
    for a box that "holds 1 characters"; the same text pasted over itself was said not
    pasted."""
    from tests.tui.test_new_plan import _new_plan_form

    app = make_app(tmp_path / "plans")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _new_plan_form(pilot, "pre-birth-assessment")
        box = screen.query_one("#babies", LineBox)
        await wait_for(pilot, lambda: box.display and box.value == "1", what="the box")

        async def paste(text: str, said: str) -> None:
            app._notifications.clear()
            box.select_all()
            await _paste(pilot, box, text)
            await wait_for(pilot, lambda: said in [str(n.message) for n in app._notifications],
                           what=said)

        await paste("two", "Not pasted: this box takes only a number.")
        await paste("12", "Not pasted: this box takes at most 1 character.")
        assert box.value == "1"
        app._notifications.clear()
        box.select_all()
        await _paste(pilot, box, "1")  # the same text over itself: taken, nothing said
        await _paste(pilot, box, "two")  # (handled after it: said)
        await wait_for(pilot, lambda: app._notifications, what="the second paste said")
        assert [str(n.message) for n in app._notifications] == [
            "Not pasted: this box takes only a number."]
        assert box.value == "1"


async def _on_the_question_itself(pilot, types, answered: bool):
    """A text question of the example plan (answered or not), focused itself (as after ])."""
    from checklist_tui.tui.widgets.item_view import ItemView

    app = pilot.app
    await wait_for(pilot, lambda: plan_ready(app))
    session = app.screen.session
    visible = session.evaluate().visible_items
    item = next(i for _s, i in session.checklist.checklist.all_items()
                if i.type in types and i.id in visible
                and (session.plan.answers.get(i.id) is not None
                     and session.plan.answers[i.id].has_value) == answered)
    section = session.checklist.checklist.section_of()[item.id].id
    app.screen.jump(section, item.id)  # as ] or the palette: the question itself focused
    await wait_for(pilot, lambda: plan_ready(app) and isinstance(app.focused, ItemView)
                   and app.focused.item.id == item.id, what="the question itself")
    return item, session


async def _emptied(pilot, item) -> None:
    """The question's answer cleared, as Delete does (the example answers every one-line
    text question), the question itself focused again."""
    from checklist_tui.tui.widgets.item_view import ItemView

    app = pilot.app
    screen, session = app.screen, app.screen.session
    screen.on_item_view_answered(ItemView.Answered(item.id, None, clear=True))
    await wait_for(pilot, lambda: session.plan.answers.get(item.id) is None
                   or not session.plan.answers[item.id].has_value, what="cleared")
    view = screen.query_one(f"#item-{item.id}", ItemView)
    view.focus_control(step_in=False)
    await wait_for(pilot, lambda: app.focused is view, what="the question itself")
    return item, session


async def test_a_paste_on_a_text_question_itself_goes_into_its_box(plans) -> None:
    """rev7-tui 4: after ] the focus is on the question, not in its box, and a paste
    there was dropped without a word. It goes into the box and is saved from there."""
    from checklist_tui.core.definition_base import ItemType

    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        item, session = await _on_the_question_itself(pilot, (ItemType.LONG_TEXT,), False)
        assert app.focused.query(TextBox)  # its box still the light stand-in (text_box.py)
        app._driver.send_message(events.Paste("Pasted words\nand a second line"))
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea)
                       and app.focused.text == "Pasted words\nand a second line",
                       what="the paste in the box")
        assert app.focused.id == f"answer-{item.id}"
        await pilot.press("tab")
        await wait_for(pilot, lambda: session.plan.answers[item.id].value
                       == "Pasted words\nand a second line", what="saved (once: not twice)")


async def test_a_date_pasted_on_the_date_question_goes_into_its_box(plans) -> None:
    """A date copied with its line break, pasted on the date question itself: in its
    box (a one-line box: the line break left out), and saved from there."""
    from checklist_tui.core.definition_base import ItemType

    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        item, session = await _on_the_question_itself(pilot, (ItemType.DATE,), True)
        await _emptied(pilot, item)
        app._driver.send_message(events.Paste("05/11/2026\r\n"))
        await wait_for(pilot, lambda: isinstance(app.focused, LineBox)
                       and app.focused.value == "05/11/2026", what="the date in its box")
        await pilot.press("enter")
        await wait_for(pilot, lambda: session.plan.answers[item.id].value
                       == date(2026, 11, 5), what="saved")


async def test_a_paste_on_an_answered_text_question_changes_nothing(plans) -> None:
    """As a stray letter (rev7-tui 2): a paste is never put into a saved answer unseen."""
    from checklist_tui.core.definition_base import ItemType

    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        item, session = await _on_the_question_itself(
            pilot, (ItemType.SHORT_TEXT, ItemType.LONG_TEXT), True)
        before = session.plan.answers[item.id].value
        view = app.focused
        app._driver.send_message(events.Paste("Pasted words"))
        await wait_for(pilot, lambda: any("Not pasted: this question has an answer"
                                          in str(n.message) for n in app._notifications))
        assert app.focused is view and session.plan.answers[item.id].value == before
