"""An item's empty note, drawn as its placeholder until it is first focused.

A text box (Textual's TextArea) is the heaviest widget of an item: building one for
every empty note took about a third of the time to show a section. A ``NoteBox`` looks
the same ("Note (optional)"), is reached by Tab, Shift+Tab or a click like the box, and
puts the real text box in its place the moment it gets the focus. Keys typed while the
box is being put in go into it, in order. A note that already has text is a text box
from the start (see ``ItemView``)."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widgets import Static, TextArea

from checklist_tui.tui.widgets.stand_in import StandIn

PLACEHOLDER = "Note (optional)"


class NoteBox(StandIn, Static, can_focus=True):
    def __init__(self, item_id: str, make_area: Callable[[], TextArea]) -> None:
        super().__init__(PLACEHOLDER, id=f"notebox-{item_id}", classes="note note-box",
                         markup=False, make_real=make_area)

    @property
    def area(self) -> TextArea | None:
        """The text box put in its place, once it has been focused."""
        real = self.real
        return real if isinstance(real, TextArea) else None

    def on_key(self, event: events.Key) -> None:
        """A key typed while the text box was put in goes into it."""
        area = self.area
        if area is None or not area.is_mounted:
            return
        text = "\n" if event.key == "enter" else event.character
        if text and (text == "\n" or text.isprintable()):
            event.stop()
            event.prevent_default()
            area.insert(text)
