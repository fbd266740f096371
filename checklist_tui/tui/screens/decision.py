"""The manager's form: approve or return a plan with reasons, or challenge one item.

A form like every other (``FormScreen``, look-c 12): Enter moves to the next box and
decides only from the last box or the button, it opens in the first box still empty, and
Escape asks before throwing away what was typed."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Label, Select, Static, TextArea

from checklist_tui.core import reasons
from checklist_tui.tui.screens.form import FormScreen
from checklist_tui.tui.text import lit, typed
from checklist_tui.tui.widgets.line_box import LineBox


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


GO_WORDS = {"approved": "Approve", "returned": "Return", "challenge": "Add challenge"}
#: What a decision's text must give ("ok" or "." is not a reason: core.reasons).
WHY = {"approved": reasons.APPROVE, "returned": reasons.RETURN}


class DecisionForm(FormScreen[Decision]):
    def __init__(self, kind: str, name: str = "", role: str = "",
                 items: list[tuple[str, str]] | None = None, item: str = "",
                 about: str = ""):
        super().__init__()
        self.kind, self.name_default, self.role_default = kind, name, role
        self.items, self.item = items or [], item
        self.about = about
        """The plan decided on, in words (case reference and file): the form covers it."""
        self.title = TITLES[kind]
        self.SAVE_WORDS = GO_WORDS[kind]  # type: ignore[misc]

    def fields(self) -> ComposeResult:
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
        yield LineBox(self.name_default, id="decision-name", max_length=120, compact=True)
        yield Label("Your role")
        yield LineBox(self.role_default or "Team manager", id="decision-role",
                      max_length=120, compact=True)
        yield Label(TEXT_LABELS[self.kind])
        yield TextArea(id="decision-text", soft_wrap=True)

    def on_mount(self) -> None:
        """The first box still empty has the focus (look-c 12: with the name remembered it
        opened in the rationale, and the manager's name went into it)."""
        boxes = ["#decision-name", "#decision-role", "#decision-text"]
        if self.kind == "challenge" and not self.item:
            boxes.insert(0, "#decision-item")
        for box in boxes:
            if not self._value(box):
                break
        self.query_one(box).focus()

    def _value(self, box: str) -> str:
        widget = self.query_one(box)
        if isinstance(widget, Select):
            return widget.value if isinstance(widget.value, str) else ""
        if isinstance(widget, TextArea):
            return typed(widget.text).strip()
        return typed(widget.value).strip() if isinstance(widget, Input) else ""

    def save(self) -> None:
        name, role = self._value("#decision-name"), self._value("#decision-role")
        text = self._value("#decision-text")
        item = self._value("#decision-item") if self.kind == "challenge" else "-"
        missing = [(what, box) for what, value, box in (
            ("the item", item, "#decision-item"), ("your name", name, "#decision-name"),
            ("your role", role, "#decision-role"),
            (TEXT_NAMES[self.kind], text, "#decision-text")) if not value]
        if missing:
            self.refuse("Please give " + " and ".join(w for w, _b in missing) + ".",
                        self.query_one(missing[0][1]))
            return
        problem = reasons.not_a_reason(text, WHY[self.kind]) if self.kind in WHY else ""
        if problem:
            self.refuse(problem, self.query_one("#decision-text"))
            return
        self.dismiss(Decision(self.kind, name, role, text, item if item != "-" else ""))
