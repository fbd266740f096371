"""Acknowledge a warning, with a reason that is recorded in the plan."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Label, Static

from checklist_tui.core.engine import FiredRule
from checklist_tui.core.reasons import ACKNOWLEDGE, not_a_reason
from checklist_tui.tui.screens.form import FormScreen
from checklist_tui.tui.text import join, lit
from checklist_tui.tui.widgets.line_box import LineBox


class AcknowledgeScreen(FormScreen[tuple[str, str]]):
    TITLE = "Acknowledge a warning"
    SAVE_WORDS = "Acknowledge"
    SAVE_VARIANT = "warning"

    def __init__(self, fired: FiredRule):
        super().__init__()
        self.fired = fired

    def fields(self) -> ComposeResult:
        yield Static(join("! ", lit(self.fired.message, "bold"), "\n", "What to do: ",
                          lit(self.fired.escalation or "see the guidance")))
        yield Label("What have you done or decided? (recorded in the plan)",
                    classes="field-label")
        yield LineBox(id="reason", placeholder="e.g. Discussed with team manager on 25/11",
                      compact=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def save(self) -> None:
        field = self.query_one(Input)
        problem = not_a_reason(field.value, ACKNOWLEDGE)  # the core's rule: "y" is not one
        if problem:
            self.refuse(problem, field)
            return
        self.dismiss((self.fired.rule_id, field.value.strip()))

