"""Acknowledge a warning, with a reason that is recorded in the plan."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from checklist_tui.core.engine import FiredRule
from checklist_tui.tui.screens.form import FormScreen
from checklist_tui.tui.text import join, lit


class AcknowledgeScreen(FormScreen[tuple[str, str]]):
    def __init__(self, fired: FiredRule):
        super().__init__()
        self.fired = fired

    def compose(self) -> ComposeResult:
        f = self.fired
        with Vertical(classes="dialog"):
            yield Static("Acknowledge a warning  (Escape to cancel)", classes="title")
            yield Static(
                join(
                    "! ",
                    lit(f.message, "bold"),
                    "\n",
                    "What to do: ",
                    lit(f.escalation or "see the guidance"),
                )
            )
            yield Label(
                "What have you done or decided? (recorded in the plan)", classes="field-label"
            )
            yield Input(
                id="reason", placeholder="e.g. Discussed with team manager on 25/11", compact=True
            )
            with Horizontal(classes="buttons"):
                yield Button("Acknowledge", id="save", variant="warning", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def save(self) -> None:
        reason = self.query_one(Input).value.strip()
        if not reason:
            self.notify("Say what you have done or decided.", severity="warning")
            return
        self.dismiss((self.fired.rule_id, reason))

