"""The manager's form: approve or return a plan with reasons, or challenge one item.

A form like every other (``FormScreen``, look-c 12): Enter moves to the next box and
decides only from the last box or the button, it opens in the first box still empty, and
Escape asks before throwing away what was typed.

Who decides is asked as the rest of the app asks who is making changes (core.who,
tui/screens/who_dialog.py): said on the command line (``review --as``), it is taken and
shown, and not asked; otherwise the name and role boxes start empty (never filled in with
the last person, nor a role nobody gave), with placeholders, whoever said who they were
earlier in this run, else last on this plan on this computer, is offered as a button
naming them (a choice made on purpose), and a placeholder ("tbc", "?") is refused by the
same rule (s8who: the form asked the manager's name again, defaulted to the last reviewer
and to "Team manager")."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from checklist_tui.core import reasons
from checklist_tui.core.who import Who, not_a
from checklist_tui.tui.screens.form import FormScreen
from checklist_tui.tui.text import lit, typed
from checklist_tui.tui.widgets.who_boxes import who_boxes


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
    def __init__(self, kind: str, items: list[tuple[str, str]] | None = None,
                 item: str = "", about: str = "", taken: Who | None = None,
                 offer: Who | None = None):
        """``taken``: who decides, said before (``--as``): not asked. ``offer``: who may
        be deciding (said earlier in this run, or last on this plan here), a button."""
        super().__init__()
        self.kind, self.taken, self.offer = kind, taken, offer
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
        if self.taken is not None:
            yield Static(lit(f"Recorded as {self.taken.by}, as you said when the app "
                             "was started or earlier in this run."), id="decision-by")
        else:
            yield from who_boxes("decision", self.offer, "Alex Manager", "Team manager")
        yield Label(TEXT_LABELS[self.kind])
        yield TextArea(id="decision-text", soft_wrap=True)

    def on_mount(self) -> None:
        """The first box still empty has the focus (look-c 12: with the name remembered it
        opened in the rationale, and the manager's name went into it)."""
        self._focus_first_empty()

    def _box_ids(self) -> list[str]:
        boxes = ["#decision-text"] if self.taken is not None else [
            "#decision-name", "#decision-role", "#decision-text"]
        if self.kind == "challenge" and not self.item:
            boxes.insert(0, "#decision-item")
        return boxes

    def _focus_first_empty(self) -> None:
        boxes = self._box_ids()
        box = next((b for b in boxes if not self._value(b)), boxes[-1])
        self.query_one(box).focus()

    @on(Button.Pressed, "#decision-same")
    def _same(self, event: Button.Pressed) -> None:
        """"I am NAME": their name and role in the boxes (to be read, and changed if need
        be), and on to the first box still empty."""
        event.stop()
        if self.offer is not None:
            self.query_one("#decision-name", Input).value = self.offer.name
            self.query_one("#decision-role", Input).value = self.offer.role
            self._focus_first_empty()

    def _value(self, box: str) -> str:
        widget = self.query_one(box)
        if isinstance(widget, Select):
            return widget.value if isinstance(widget.value, str) else ""
        if isinstance(widget, TextArea):
            return typed(widget.text).strip()
        return typed(widget.value).strip() if isinstance(widget, Input) else ""

    def save(self) -> None:
        if self.taken is not None:
            name, role = self.taken.name, self.taken.role
        else:
            name = " ".join(self._value("#decision-name").split())
            role = " ".join(self._value("#decision-role").split())
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
        for what, value, box in (("name", name, "#decision-name"),
                                 ("role", role, "#decision-role")):
            problem = None if self.taken is not None else not_a(what, value)
            if problem:  # "tbc", "?": the rule for who is making changes (core.who)
                self.refuse(problem, self.query_one(box))
                return
        problem = reasons.not_a_reason(text, WHY[self.kind]) if self.kind in WHY else ""
        if problem:
            self.refuse(problem, self.query_one("#decision-text"))
            return
        self.dismiss(Decision(self.kind, name, role, text, item if item != "-" else ""))
