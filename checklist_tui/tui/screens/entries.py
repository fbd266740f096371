"""A full screen of things to deal with under headings (Outstanding, Gaps and risks): a
title line over an ``EntryList``. Enter goes back with the entry chosen, and the plan
screen goes where it is fixed; Escape goes back with nothing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, OptionList, Static

from checklist_tui.core.outstanding import Entry
from checklist_tui.tui.screens.base import PlanViewScreen
from checklist_tui.tui.text import lit
from checklist_tui.tui.widgets.entry_list import EntryList

Groups = list[tuple[str, list[Entry]]]


class EntriesScreen(PlanViewScreen):
    #: The title's and the list's ids (``app.tcss`` gives the list the screen's height).
    TITLE_ID = ""
    LIST_ID = ""
    #: What the list says when there is nothing in it.
    EMPTY = ""

    def compose(self) -> ComposeResult:
        yield Static("", id=self.TITLE_ID, classes="title")
        yield EntryList(id=self.LIST_ID)
        yield Footer()

    def on_mount(self) -> None:
        self.show()

    def title_and_groups(self) -> tuple[str, Groups]:
        """The title line, and the entries under their headings."""
        raise NotImplementedError

    def show(self) -> None:
        title, groups = self.title_and_groups()
        self.query_one(f"#{self.TITLE_ID}", Static).update(lit(title))
        rows = self.query_one(EntryList)
        rows.show(groups, self.EMPTY)
        rows.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        entry = self.query_one(EntryList).entry(event.option.id)
        if entry is not None:
            self.dismiss(entry)
