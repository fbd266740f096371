"""Who will find out, and by when: asked for "not yet", and "unknown" on a risk question."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Label, Static

from checklist_tui.core.dates import parse_date, uk_date
from checklist_tui.tui.screens.form import FormScreen
from checklist_tui.tui.text import join, lit
from checklist_tui.tui.widgets.line_box import LineBox


class FollowUpScreen(FormScreen[tuple[str, date]]):
    def __init__(self, prompt: str, answer_label: str, owner: str = "",
                 by_date: date | None = None):
        super().__init__()
        self.prompt, self.answer_label = prompt, answer_label
        self.owner, self.by_date = owner, by_date
        self.title = f"{answer_label}: who will find out?"

    def fields(self) -> ComposeResult:
        yield Static(join(lit(self.prompt, "bold"), "\n",
                          lit(f"'{self.answer_label}'"), " stays open until it is answered: "
                          "it is listed in Outstanding with who and by when, and turns "
                          "overdue after the date."))
        yield Label("Who will find out (name and role) *", classes="field-label")
        yield LineBox(self.owner, id="owner", placeholder="e.g. Pat Sample, social worker",
                      compact=True)
        yield Label("By when (DD/MM/YYYY) *", classes="field-label")
        yield LineBox(uk_date(self.by_date) if self.by_date else "", id="by-date",
                      placeholder="DD/MM/YYYY", compact=True)

    def on_mount(self) -> None:
        self.query_one("#owner", Input).focus()

    def save(self) -> None:
        owner = self.query_one("#owner", Input)
        when = self.query_one("#by-date", Input)
        if not owner.value.strip():
            self.refuse("Say who will find out.", owner)
            return
        try:
            by_date = parse_date(when.value)
        except ValueError as exc:
            self.refuse(str(exc), when)
            return
        self.dismiss((owner.value.strip(), by_date))
