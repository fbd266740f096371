"""A one-line box that keeps all of a paste. Textual's Input keeps the first line of a
pasted text and drops the rest without a word (look-d 17: an agency's contact pasted as
"Office ..." and "Out of hours ..." lost its out-of-hours number). Here the lines are
joined with "; " and the box says so; a paste the box cannot take (longer than it holds)
is said, never cut. Every one-line box of a form, and a text answer's box, is one."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

JOIN = "; "


def one_line(text: str) -> str:
    """Pasted text as one line: a single line as it is; several lines each trimmed, the
    empty ones left out, joined with "; "."""
    lines = text.splitlines()
    if len(lines) == 1:  # (a line ending in a line break is one line)
        return lines[0]
    return JOIN.join(line.strip() for line in lines if line.strip())


class LineBox(Input):
    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # (Input's own keeps the first line only)
        event.stop()
        text = one_line(event.text)
        if not text:
            return
        before = self.value
        self.replace(text, *sorted(self.selection))
        if self.value == before:  # refused: too long for the box, or not its kind of text
            room = f": this box holds {self.max_length} characters" if self.max_length else ""
            self.notify(f"Not pasted{room}.", severity="warning", markup=False)
        elif len([line for line in event.text.splitlines() if line.strip()]) > 1:
            self.notify(f"The pasted lines are joined with '{JOIN.strip()}' (a one-line box).",
                        markup=False)
