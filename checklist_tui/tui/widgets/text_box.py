"""A text, date or note box drawn as what it holds until it is first focused.

Textual's Input (about 2 ms to build) and TextArea (2 to 3 ms) were, after the drop-down,
the heaviest part of an item that nobody had reached yet. A ``TextBox`` is drawn like the
box (the same border and size), showing its text, or, when empty, a hint in words
("Type the answer", "DD/MM/YYYY", "Note (optional)": never only a colour). It is reached
by Tab, Shift+Tab or a click like the box, and the moment it gets the focus the real box
is put in its place (``stand_in.StandIn``), with the same text.

No key typed meanwhile is lost, and none lands out of order: keys reach the app one at a
time (``typed_ahead.py``), so a key that reached this box first arrives after the real
box has the focus. A letter, a space, pasted text and Enter in a text area are passed
on to the real box (behind its Focus, which selects an Input's text, so typing replaces
it as in any box). Every other key (Backspace, the arrows, Home, End, Enter in a
one-line box, Tab, Escape) is a binding, which the app runs on the real box, since it
has the focus by then. Imports no core."""

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
        # "-empty" given with the classes, not set after: setting a class styles the
        # widget at once, mounted or not (2.5 ms for a section's six empty notes).
        super().__init__(shown or hint, id=id, markup=False,
                         classes=classes if shown else f"{classes} -empty",
                         make_real=lambda: make_box(self.text))
        self.text = shown
        self.one_line = one_line
        """True when it stands in for a one-line box (an Input: Enter commits)."""
        self.hint = hint

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

    def _pass_on(self, event: events.Key | events.Paste) -> None:
        """Pass ``event`` to the real box, behind its Focus (which selects an Input's
        text, so that typing replaces it), so it is handled there as if typed there."""
        box = self.box
        if box is None:
            return
        event.stop()
        event.prevent_default()
        pass_on(box, events.Paste(event.text) if isinstance(event, events.Paste)
                else events.Key(event.key, event.character))

    def on_key(self, event: events.Key) -> None:
        """A letter (or Enter in a text area) typed while the real box was put in."""
        if (event.is_printable and event.character) or (
                event.key == "enter" and not self.one_line):
            self._pass_on(event)

    def on_paste(self, event: events.Paste) -> None:
        self._pass_on(event)


def is_text_box(widget: Widget | None) -> bool:
    """A box whose text keys change: a text box, or its light stand-in."""
    return isinstance(widget, Input | TextArea | TextBox)


def pass_on(widget: Widget, event: events.Key | events.Paste) -> None:
    """Give ``widget`` a key or paste as the app gives it one typed (forwarded): one it
    does not stop goes up to the app as handled, never taken there as a new one. (A
    paste posted as new went into a text area, went on up, and was pasted again.)"""
    widget._forward_event(event)
