"""A simple message or confirmation dialog.

It takes only keys typed once it could be read: an Escape (or Enter) typed in the same
burst as the one that asked the question was meant for the screen before it, not as its
answer. Escape Escape typed fast in a half-filled form asked "Discard…?" and the second
Escape closed the question at once, before anyone could read it. A terminal hands over a
lone Escape only after a short wait (it might start a longer key code), so the second of
two fast Escapes arrives after the question is up: keys are taken from ``READ_FIRST``
seconds after it was shown, less than anyone takes to read it. A key not taken is said
under the words ("Not taken: Escape, typed as this appeared"), so that a key that
seemed to do nothing is explained; it never chooses for anyone.

Each line wraps under its own start (a reason "- ..." under its text), never at column
0 (``tui.hanging``): a list of reasons reads as a list at 80x24.

Two Tab stops at most, both buttons, and one of them has the focus (and shows it) from
the moment the dialog is drawn: the default, the one that changes nothing (look-a 14:
the scrolling frame around the words was a third stop where nothing showed, and a
dialog could open with neither button marked). The words are a Tab stop only when
they do not fit, and then they show a bar while they have the focus."""

from __future__ import annotations

from textual import events
from textual._time import get_time
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from checklist_tui.tui.hanging import Hanging
from checklist_tui.tui.text import lit
from checklist_tui.tui.typed_ahead import key_names

#: The button that goes back to a form without throwing anything away ("Cancel" read as
#: "cancel what I typed").
KEEP_EDITING = "Keep editing"


class _Words(VerticalScroll):
    """The message's lines: a Tab stop only when they need scrolling to be read."""

    def allow_focus(self) -> bool:
        return self.max_scroll_y > 0


class MessageScreen(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "dismiss(False)", "Close", id="close"),
                Binding("left", "app.focus_previous", show=False),
                Binding("right", "app.focus_next", show=False)]
    """Left and Right move between the buttons, as Tab and Shift+Tab do (look-d 28)."""

    AUTO_FOCUS = ""  # the default button, in on_mount: never another one first

    def __init__(self, title: str, lines: list[str], confirm: str | None = None,
                 cancel: str = "Cancel", close: str = "Close", harmless: bool = False):
        """``harmless``: ``confirm`` does what was just asked for and destroys nothing
        (create the folder to export into): it is the default, Enter's. Else the default
        is the button that changes nothing."""
        super().__init__()
        self.title_text, self.lines, self.confirm = title, lines, confirm
        self.cancel, self.close = cancel, close
        self.harmless = harmless and confirm is not None
        self._not_taken: list[events.Key] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(lit(self.title_text, "bold"), classes="title")
            with _Words(id="message-words"):
                yield Static(Hanging.of_text(lit("\n".join(self.lines))))
            yield Static("", id="message-not-taken")
            with Horizontal(classes="buttons"):
                if self.confirm:
                    yield Button(self.confirm, id="yes", compact=True,
                                 variant="primary" if self.harmless else "warning")
                    yield Button(self.cancel, id="no", compact=True)
                else:
                    yield Button(self.close, id="no", variant="primary", compact=True)

    READ_FIRST = 0.4
    """Seconds after the dialog is shown in which a key is taken as typed before it."""
    _takes_keys_from = float("inf")
    """From when keys are the dialog's (Textual's clock, as a key's ``time``)."""

    shown_at = float("inf")

    def on_mount(self) -> None:
        self.shown_at = get_time()
        self._takes_keys_from = self.shown_at + self.READ_FIRST
        default = "#yes" if self.harmless else "#no"
        self.set_focus(self.query_one(default, Button))  # at once: keys typed next go here

    def on_key(self, event: events.Key) -> None:
        if event.time < self._takes_keys_from:  # typed before it could be read
            event.stop()
            event.prevent_default()
            self._not_taken.append(event)
            said = self.query_one("#message-not-taken", Static)
            said.update(lit(f"Not taken: {key_names(self._not_taken)}, typed as this "
                            "appeared. Read it, then choose."))
            said.add_class("shown")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
