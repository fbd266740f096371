"""Gaps and risks: what is wrong or not known in the plan, the father and male carers
first, each in words (what, why it is a concern, who will find out and by when, OVERDUE).
Enter goes to where it is fixed, as in Outstanding; items merely unanswered are not here."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, OptionList, Static

from checklist_tui.core.dates import plural
from checklist_tui.core.gaps import gap_entry, gaps_and_risks, grouped_gaps
from checklist_tui.core.session import PlanSession
from checklist_tui.core.vocabulary import NO_GAPS
from checklist_tui.tui import commands
from checklist_tui.tui.screens.base import AppScreen
from checklist_tui.tui.text import lit
from checklist_tui.tui.widgets.entry_list import EntryList


class GapsScreen(AppScreen):
    COMMANDS_DECLARED = commands.GAPS

    def __init__(self, session: PlanSession):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Static("", id="gaps-title", classes="title")
        yield EntryList(id="gaps")
        yield Footer()

    def on_mount(self) -> None:
        checklist, plan = self.session.checklist.checklist, self.session.plan
        gaps = gaps_and_risks(checklist, plan, self.session.evaluate())
        men = sum(g.about_men for g in gaps)
        self.query_one("#gaps-title", Static).update(lit(
            f"Gaps and risks: {plural(len(gaps), 'thing')}, {men} about the father and male "
            "carers. Enter goes there; Escape goes back."))
        rows = self.query_one(EntryList)
        rows.show([(heading, [gap_entry(g, why=True) for g in members])
                   for heading, members in grouped_gaps(gaps)], NO_GAPS)
        rows.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        entry = self.query_one(EntryList).entry(event.option.id)
        if entry is not None:
            self.dismiss(entry)

    def action_back(self) -> None:
        self.dismiss(None)
