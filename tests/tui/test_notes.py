"""Notes on an item take paragraphs: a pasted email keeps its lines, in order, without
raw escape bytes."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from tests.tui.helpers import copy_examples, go_to, make_app, plan_ready, wait_for

PASTED = "From: ward\r\n\r\nFirst line.\nSecond \x1b[31mline\x1b[0m.\n\tThird line\x07."
KEPT = "From: ward\n\nFirst line.\nSecond line.\n\tThird line."


async def test_pasted_note_keeps_its_lines_in_order(tmp_path) -> None:
    plans = copy_examples(tmp_path / "plans")
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await go_to(pilot, "PBA-S08B")
        note = app.screen.query_one("#note-PBA-S08B", TextArea)
        note.focus()
        await wait_for(pilot, lambda: app.focused is note)
        app._driver.send_message(events.Paste(PASTED))  # as a terminal paste arrives
        answers = app.screen.session.plan.answers
        await wait_for(pilot, lambda: answers["PBA-S08B"].note == KEPT, what="the note")
        assert note.region.height >= 5  # shown as paragraphs, not one scrolling line
