"""A text, date or note box drawn as what it holds until it is first focused.

Textual's Input (about 2 ms to build) and TextArea (2 to 3 ms) were, after the drop-down,
the heaviest part of an item that nobody had reached yet. A ``TextBox`` is drawn like the
box (the same border and size), showing its text, or, when empty, a hint in words
("Type the answer", "DD/MM/YYYY", "Note (optional)": never only a colour). It is reached
by Tab, Shift+Tab or a click like the box, and the moment it gets the focus the real box
is put in its place (``stand_in.StandIn``), with the same text.

No key typed meanwhile is lost, and none lands out of order: keys reach the app one at a
time (``typed_ahead.py``), so a key that reached this box first arrives after the real
box has the focus. A letter, a space or pasted text is typed into the real box here;
Enter is a new line in a text area. Every other key (Backspace, the arrows, Home, End,
Enter in a one-line box, Tab, Escape) is a binding, which the app runs on the real box,
since it has the focus by then. Imports no core."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from checklist_tui.tui.widgets.stand_in import StandIn


class TextBox(StandIn, Static, can_focus=True):
    """``shown``: the text the box holds ('' for none: ``hint`` is shown instead);
    ``make_box`` makes the real box holding a text."""

    def __init__(self, shown: str, hint: str, *, id: str, classes: str,
                 make_box: Callable[[str], Input | TextArea], one_line: bool) -> None:
        super().__init__(shown or hint, id=id, classes=classes, markup=False,
                         make_real=lambda: make_box(self.text))
        self.text = shown
        self.one_line = one_line
        """True when it stands in for a one-line box (an Input: Enter commits)."""
        self.hint = hint
        self.set_class(not shown, "-empty")

    def show_text(self, shown: str) -> None:
        """Show what the box holds now (the plan's answer changed, e.g. cleared)."""
        self.text = shown
        self.set_class(not shown, "-empty")
        self.update(shown or self.hint)

    @property
    def box(self) -> Input | TextArea | None:
        """The real box put in its place, once it has been focused and mounted."""
        real = self.real
        return real if isinstance(real, Input | TextArea) and real.is_mounted else None

    def _type(self, text: str) -> bool:
        """Type ``text`` into the real box (a one-line box takes a paste's first line,
        as it does itself); False while there is no real box yet."""
        box = self.box
        if box is None:
            return False
        if isinstance(box, TextArea):
            box.insert(text)
        else:
            box.insert_text_at_cursor((text.splitlines() or [""])[0])
        return True

    def on_key(self, event: events.Key) -> None:
        """A letter (or Enter in a text area) typed while the real box was put in."""
        if event.key == "enter":
            text = "" if self.one_line else "\n"
        else:
            text = event.character or "" if event.is_printable else ""
        if text and self._type(text):
            event.stop()
            event.prevent_default()

    def on_paste(self, event: events.Paste) -> None:
        if self._type(event.text):
            event.stop()
            event.prevent_default()


def is_text_box(widget: Widget | None) -> bool:
    """A box whose text keys change: a text box, or its light stand-in."""
    return isinstance(widget, Input | TextArea | TextBox)
