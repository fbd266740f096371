"""Notes on an item take paragraphs: a pasted email keeps its lines, in order, without
raw escape bytes. An empty note is a light stand-in until it is focused; Tab, Shift+Tab
and typing at once all reach the real text box."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from checklist_tui.tui.widgets.note_box import NoteBox
from tests.tui.helpers import copy_examples, go_to, make_app, plan_ready, wait_for

PASTED = "From: ward\r\n\r\nFirst line.\nSecond \x1b[31mline\x1b[0m.\n\tThird line\x07."
KEPT = "From: ward\n\nFirst line.\nSecond line.\n\tThird line."


async def test_pasted_note_keeps_its_lines_in_order(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await go_to(pilot, "PBA-S08B")
        app.screen.query_one("#notebox-PBA-S08B", NoteBox).focus()
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea)
                       and app.focused.id == "note-PBA-S08B", what="the note box")
        note = app.focused
        app._driver.send_message(events.Paste(PASTED))  # as a terminal paste arrives
        answers = app.screen.session.plan.answers
        await wait_for(pilot, lambda: answers["PBA-S08B"].note == KEPT, what="the note")
        assert note.region.height >= 5  # shown as paragraphs, not one scrolling line


async def test_an_empty_note_becomes_a_text_box_with_tab_and_keeps_what_is_typed(
        tmp_path) -> None:
    plans = copy_examples(tmp_path / "plans")
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await go_to(pilot, "PBA-S08B")
        screen = app.screen
        assert not screen.query("#note-PBA-S08B")  # no text box built for an empty note
        box = screen.query_one("#notebox-PBA-S08B", NoteBox)
        assert str(box.render()) == "Note (optional)"
        await pilot.press("tab", *"Seen", "enter", *"at home")  # typed straight away
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea)
                       and app.focused.id == "note-PBA-S08B", what="the text box")
        assert not screen.query("#notebox-PBA-S08B")
        await pilot.press("tab")  # on to the next question: the note is committed
        answers = screen.session.plan.answers
        await wait_for(pilot, lambda: answers["PBA-S08B"].note == "Seen\nat home",
                       what="the note")
        await pilot.press("shift+tab")  # back into the (now real) note box
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == "note-PBA-S08B", what="back in the note")
