"""An item's empty note, drawn as its placeholder until it is first focused.

A text box (Textual's TextArea) is the heaviest widget of an item: building one for
every empty note took about a third of the time to show a section. A ``NoteBox`` looks
the same ("Note (optional)"), is reached by Tab, Shift+Tab or a click like the box, and
puts the real text box in its place the moment it is focused; keys typed while the box
is being put in go into it, in order (``text_box.TextBox``). A note that already has
text is a text box from the start (see ``ItemView``)."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import TextArea

from checklist_tui.tui.widgets.text_box import TextBox

PLACEHOLDER = "Note (optional)"


class NoteBox(TextBox):
    def __init__(self, item_id: str, make_area: Callable[[], TextArea]) -> None:
        super().__init__("", PLACEHOLDER, id=f"notebox-{item_id}", classes="note note-box",
                         make_box=lambda _text: make_area(), one_line=False)

