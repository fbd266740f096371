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
from textual.widget import Widget
from textual.widgets import Static, TextArea

PLACEHOLDER = "Note (optional)"


class NoteBox(Static, can_focus=True):
    def __init__(self, item_id: str, make_area: Callable[[], TextArea]) -> None:
        super().__init__(PLACEHOLDER, id=f"notebox-{item_id}", classes="note note-box",
                         markup=False)
        self._make_area = make_area
        self.area: TextArea | None = None

    async def on_focus(self, event: events.Focus) -> None:
        parent = self.parent
        if self.area is not None or not isinstance(parent, Widget):
            return
        self.area = self._make_area()
        await parent.mount(self.area, before=self)
        if self.screen.focused is self:  # (Tab may have moved on meanwhile: then not)
            self.screen.set_focus(self.area)
        self.call_later(self.remove)  # after the keys that reached this box first

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
