"""Outstanding: everything still open, grouped; Enter goes to where it is fixed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from checklist_tui.core import clock
from checklist_tui.core.dates import plural
from checklist_tui.core.outstanding import Entry, grouped, outstanding
from checklist_tui.core.session import PlanSession
from checklist_tui.tui import commands
from checklist_tui.tui.screens.base import AppScreen
from checklist_tui.tui.text import join, lit


class OutstandingScreen(AppScreen):
    COMMANDS_DECLARED = commands.OUTSTANDING
    BINDINGS = commands.bindings(COMMANDS_DECLARED)
    HELP = ("Outstanding: everything still open. Enter goes to the place to fix it. "
            "b shows what would not be in place if the baby were born today.")

    def __init__(self, session: PlanSession):
        super().__init__()
        self.session = session
        self.born_today = False
        self._entries: dict[str, Entry] = {}

    def compose(self) -> ComposeResult:
        yield Static("", id="out-title", classes="title")
        yield OptionList(id="outstanding")
        yield Footer()

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        today = clock.today()
        found = outstanding(self.session.checklist.checklist, self.session.plan, today,
                            assume_born=today if self.born_today else None)
        title = self.query_one("#out-title", Static)
        mode = ("IF THE BABY WERE BORN TODAY: these would not be in place. "
                if self.born_today else "")
        title.update(join(mode, f"Outstanding: {plural(len(found), 'thing')}. Enter to go there; "
                          "b to toggle 'born today'."))
        options = self.query_one(OptionList)
        options.clear_options()
        self._entries = {}
        rows: list[Option | None] = []
        for heading, entries in grouped(found):
            rows.append(Option(lit(f"{heading} ({len(entries)})", "bold underline"),
                               disabled=True))
            for n, entry in enumerate(entries):
                key = f"{entry.label}-{n}-{entry.item_id or entry.record_id}"
                self._entries[key] = entry
                text = join(f"{entry.label}: ", lit(entry.text))
                if entry.guidance:
                    text.append("\n    What to do: ")
                    text.append(lit(entry.guidance))
                if entry.note:
                    text.append("\n    ")
                    text.append(lit(entry.note))
                rows.append(Option(text, id=key))
        if not found:
            rows.append(Option("Nothing is outstanding.", disabled=True))
        options.add_options(rows)
        options.focus()
        first = next((i for i, r in enumerate(rows) if r is not None and not r.disabled), None)
        if first is not None:
            options.highlighted = first

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        entry = self._entries.get(event.option.id or "")
        if entry is not None:
            self.dismiss(entry)

    def action_born_today(self) -> None:
        self.born_today = not self.born_today
        self.show()

    def action_back(self) -> None:
        self.dismiss(None)
