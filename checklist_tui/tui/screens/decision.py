"""The manager's form: approve or return a plan with reasons, or challenge one item."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from checklist_tui.tui.screens.form import ESCAPE_HINT
from checklist_tui.tui.text import lit


@dataclass(frozen=True)
class Decision:
    kind: str  # "approved", "returned" or "challenge"
    name: str
    role: str
    text: str
    item: str = ""


TITLES = {
    "approved": "Approve this plan",
    "returned": "Return this plan to the practitioner",
    "challenge": "Challenge one item",
}
#: What the error line calls the text box when it is empty.
TEXT_NAMES = {"approved": "the rationale", "returned": "the reasons",
              "challenge": "your question"}
TEXT_LABELS = {
    "approved": "Rationale: why this plan is safe to sign off",
    "returned": "Reasons: what must change before you can sign it off",
    "challenge": "Your question about this item (the practitioner must answer it)",
}


class DecisionForm(ModalScreen[Decision | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="cancel-decision")]

    def __init__(self, kind: str, name: str = "", role: str = "",
                 items: list[tuple[str, str]] | None = None, item: str = "",
                 about: str = ""):
        super().__init__()
        self.kind, self.name_default, self.role_default = kind, name, role
        self.items, self.item = items or [], item
        self.about = about
        """The plan decided on, in words (case reference and file): the form covers it."""

    def compose(self) -> ComposeResult:
        # As every form: the title stays at the top and the error line and buttons at the
        # bottom; only the fields between them scroll (a whole item's prompt, wrapped, made
        # the form taller than 80x24 and pushed the buttons out of sight).
        with VerticalScroll(classes="dialog form", id="decision"):
            yield Static(lit(f"{TITLES[self.kind]}  {ESCAPE_HINT}", "bold"),
                         classes="title form-title")
            with Vertical(classes="form-foot"):
                yield Static("", id="decision-problem", classes="error-line")
                with Horizontal(classes="buttons"):
                    label = {"approved": "Approve", "returned": "Return",
                             "challenge": "Add challenge"}[self.kind]
                    yield Button(label, id="decision-go", variant="primary", compact=True)
                    yield Button("Cancel", id="decision-cancel", compact=True)
            if self.about:
                yield Static(lit(f"Plan: {self.about}"), id="decision-about")
            if self.kind == "challenge":
                yield Label("Item")
                # The whole question, never cut: the manager chooses what to challenge
                # by reading it (Select wraps a long one, in the list and once chosen).
                options = [(lit(label), ident) for ident, label in self.items]
                if self.item:
                    yield Select(options, value=self.item, id="decision-item", compact=True,
                                 prompt="Choose the item")
                else:
                    yield Select(options, id="decision-item", compact=True,
                                 prompt="Choose the item")
            yield Label("Your name")
            yield Input(self.name_default, id="decision-name", max_length=120, compact=True)
            yield Label("Your role")
            yield Input(self.role_default or "Team manager", id="decision-role",
                        max_length=120, compact=True)
            yield Label(TEXT_LABELS[self.kind])
            yield TextArea(id="decision-text", soft_wrap=True)

    def on_mount(self) -> None:
        first = "#decision-name" if not self.name_default else "#decision-text"
        if self.kind == "challenge" and not self.item:
            first = "#decision-item"
        self.query_one(first).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id != "decision-go":
            self.dismiss(None)
            return
        name = self.query_one("#decision-name", Input).value.strip()
        role = self.query_one("#decision-role", Input).value.strip()
        text = self.query_one("#decision-text", TextArea).text.strip()
        item = ""
        if self.kind == "challenge":
            chosen = self.query_one("#decision-item", Select).value
            item = chosen if isinstance(chosen, str) else ""
        missing = [what for what, value in (("the item", item if self.kind == "challenge"
                                             else "-"), ("your name", name),
                                            ("your role", role),
                                            (TEXT_NAMES[self.kind], text))
                   if not value]
        if missing:
            self.query_one("#decision-problem", Static).update(
                "Please give " + " and ".join(missing) + ".")
            return
        self.dismiss(Decision(self.kind, name, role, text, item))
