"""A simple message or confirmation dialog."""

from __future__ import annotations

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

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
