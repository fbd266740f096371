"""A list of things to deal with, under headings; Enter on a row gives its Entry (where it
is fixed). Outstanding and Gaps and risks both show their rows with it."""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from checklist_tui.core.outstanding import Entry
from checklist_tui.tui.hanging import Hanging
from checklist_tui.tui.text import join, lit

#: How far a row's "What to do" and note lines start in from its first line.
INDENT = 4


class EntryList(OptionList):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: dict[str, Entry] = {}

    def show(self, groups: list[tuple[str, list[Entry]]], empty: str) -> None:
        """Headings with their count, then each row: label, text, what to do, notes
        (a note's lines indented under it; every line wraps with a hanging indent).
        ``empty`` is said when there are no rows."""
        self.clear_options()
        self._entries = {}
        rows: list[Option | None] = []
        for heading, entries in groups:
            # bold, never underlined: the highlighted row is underlined, so a heading and
            # the row under it differ in shape, not only in colour (look-b 10)
            rows.append(Option(lit(f"{heading} ({len(entries)})", "bold"), disabled=True))
            for n, entry in enumerate(entries):
                key = f"{entry.label}-{n}-{entry.item_id or entry.record_id}"
                self._entries[key] = entry
                lines = [(join(f"{entry.label}: ", lit(entry.text)), 0)]
                if entry.guidance:
                    lines.append((join("What to do: ", lit(entry.guidance)), INDENT))
                lines += [(lit(line), INDENT) for line in entry.note.splitlines()]
                rows.append(Option(Hanging(lines), id=key))
        if not self._entries:
            rows.append(Option(lit(empty), disabled=True))
        self.add_options(rows)
        first = next((i for i, r in enumerate(rows) if r is not None and not r.disabled), None)
        if first is not None:
            self.highlighted = first

    def entry(self, option_id: str | None) -> Entry | None:
        return self._entries.get(option_id or "")
