"""Answer a manager's challenge on an item: the challenge as asked (who, when, what),
the item it is about, and the practitioner's answer. The answer goes through the
session (``core.review.respond``) into the plan's history."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, Static, TextArea

from checklist_tui.core.plan import Challenge
from checklist_tui.core.reasons import ANSWER, not_a_reason
from checklist_tui.core.vocabulary import signed
from checklist_tui.tui.screens.form import FormScreen
from checklist_tui.tui.text import join, lit, typed


class ChallengeAnswerScreen(FormScreen[str]):
    """Dismisses with the answer, or None when cancelled (nothing changed)."""

    TITLE = "Answer the manager's challenge"
    SAVE_WORDS = "Save answer"

    def __init__(self, challenge: Challenge, prompt: str, more: int = 0):
        super().__init__()
        self.challenge, self.prompt, self.more = challenge, prompt, more

    def fields(self) -> ComposeResult:
        c = self.challenge
        who = signed(c.by, c.role)
        yield Static(join(lit(self.prompt, "bold"), lit(f"  ({c.item})"), "\n",
                          lit(f"Challenge from {who}, {c.at.astimezone():%d/%m/%Y %H:%M}:"),
                          "\n", lit(c.text)), id="challenge-text")
        if self.more:
            yield Static(f"{self.more} more challenge{'s' if self.more != 1 else ''} not "
                         "yet answered after this one.", classes="hint")
        yield Label("Your answer (kept in the plan's history) *", classes="field-label")
        yield TextArea(id="challenge-answer", soft_wrap=True)

    def on_mount(self) -> None:
        self.query_one("#challenge-answer", TextArea).focus()

    def save(self) -> None:
        area = self.query_one("#challenge-answer", TextArea)
        text = typed(area.text).strip()
        problem = not_a_reason(text, ANSWER)  # the core's rule: "ok" answers nothing
        if problem:
            self.refuse(problem, area)
            return
        self.dismiss(text)
