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


async def test_tab_from_a_box_just_put_in_place_goes_on_not_back_to_the_top(
        plans) -> None:
    """Tab, Tab, n typed quickly on a loaded machine answered the section's FIRST question
    (its Yes became a No): the second Tab reached the real note box the moment it was put
    in its place, before it was laid out, and Textual orders the focus by where widgets
    are drawn: a box not yet drawn is at the top, so the next stop was the question's own
    answer. Tab now goes on from where the box is in the screen (and the stand-in it
    replaced is no longer a stop)."""
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await go_to(pilot, "PBA-S08B")
        screen = app.screen
        order = [w.id for w in screen.focus_chain]
        after = order[order.index("notebox-PBA-S08B") + 1]
        before = order[order.index("notebox-PBA-S08B") - 1]
        stand_in = screen.query_one("#notebox-PBA-S08B", NoteBox)
        real = TextArea(id="note-PBA-S08B")
        stand_in.real = real  # as StandIn.on_focus does, without waiting for a frame
        stand_in.can_focus = False
        await stand_in.parent.mount(real, before=stand_in)
        screen.set_focus(real)
        assert not real.virtual_region.area  # not laid out yet: the race the keys won
        screen.focus_next()
        assert app.focused is not None and app.focused.id == after, app.focused
        screen.set_focus(real)
        screen.focus_previous()
        assert app.focused is not None and app.focused.id == before, app.focused
