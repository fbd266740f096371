"""A list of things to deal with, under headings; Enter on a row gives its Entry (where it
is fixed). Outstanding and Gaps and risks both show their rows with it."""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from checklist_tui.core.outstanding import Entry
from checklist_tui.tui.text import join, lit


class EntryList(OptionList):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: dict[str, Entry] = {}

    def show(self, groups: list[tuple[str, list[Entry]]], empty: str) -> None:
        """Headings with their count, then each row: label, text, what to do, notes
        (a note's lines indented under it). ``empty`` is said when there are no rows."""
        self.clear_options()
        self._entries = {}
        rows: list[Option | None] = []
        for heading, entries in groups:
            rows.append(Option(lit(f"{heading} ({len(entries)})", "bold underline"),
                               disabled=True))
            for n, entry in enumerate(entries):
                key = f"{entry.label}-{n}-{entry.item_id or entry.record_id}"
                self._entries[key] = entry
                text = join(f"{entry.label}: ", lit(entry.text))
                if entry.guidance:
                    text.append("\n    What to do: ")
                    text.append(lit(entry.guidance))
                for line in entry.note.splitlines():
                    text.append("\n    ")
                    text.append(lit(line))
                rows.append(Option(text, id=key))
        if not self._entries:
            rows.append(Option(lit(empty), disabled=True))
        self.add_options(rows)
        first = next((i for i, r in enumerate(rows) if r is not None and not r.disabled), None)
        if first is not None:
            self.highlighted = first

    def entry(self, option_id: str | None) -> Entry | None:
        return self._entries.get(option_id or "")
