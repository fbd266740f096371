"""A simple message or confirmation dialog.

It takes only keys typed once it is there: an Escape (or Enter) typed in the same burst
as the one that asked the question was meant for the screen before it, not as its answer.
Escape Escape typed fast in a half-filled form asked "Discard…?" and the second Escape
closed the question at once, before anyone could read it."""

from __future__ import annotations

from textual import events
from textual._time import get_time
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from checklist_tui.tui.text import lit


class MessageScreen(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "dismiss(False)", "Close", id="close")]

    def __init__(self, title: str, lines: list[str], confirm: str | None = None):
        super().__init__()
        self.title_text, self.lines, self.confirm = title, lines, confirm

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(lit(self.title_text, "bold"), classes="title")
            with VerticalScroll():
                yield Static(lit("\n".join(self.lines)))
            with Horizontal(classes="buttons"):
                if self.confirm:
                    yield Button(self.confirm, id="yes", variant="warning", compact=True)
                    yield Button("Cancel", id="no", compact=True)
                else:
                    yield Button("Close", id="no", variant="primary", compact=True)

    _shown_at = float("inf")
    """When the dialog was put up (Textual's clock, as a key's ``time``)."""

    def on_mount(self) -> None:
        self._shown_at = get_time()
        self.query_one("#no", Button).focus()

    def on_key(self, event: events.Key) -> None:
        if event.time < self._shown_at:  # typed before the question was asked
            event.stop()
            event.prevent_default()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
