"""A one-line box that keeps all of a paste. Textual's Input keeps the first line of a
pasted text and drops the rest without a word (look-d 17: an agency's contact pasted as
"Office ..." and "Out of hours ..." lost its out-of-hours number). Here the lines are
joined with "; " and the box says so; a paste the box cannot take (longer than it holds,
or not a number in a number box) is said, with the reason, never cut."""

from __future__ import annotations

import re

from textual import events
from textual.widgets import Input

from checklist_tui.core.dates import plural

JOIN = "; "
#: What a number box takes (for the reason a paste is refused; Input decides).
NUMBERS = {"integer": r"[-+]?\d*", "number": r"[-+]?\d*\.?\d*"}


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
        start, end = sorted(self.selection)
        wanted = f"{self.value[:start]}{text}{self.value[end:]}"  # as Input.replace makes it
        self.replace(text, start, end)
        if self.value != wanted:  # refused (the same text pasted over itself is not)
            self.notify(f"Not pasted: {self.refusal(wanted)}.", severity="warning",
                        markup=False)
        elif len([line for line in event.text.splitlines() if line.strip()]) > 1:
            self.notify(f"The pasted lines are joined with '{JOIN.strip()}' (a one-line box).",
                        markup=False)

    def refusal(self, wanted: str) -> str:
        """Why the box does not take ``wanted`` (rev7-tui 8: "two" pasted in the number
        of babies was said to be too long, in "1 characters")."""
        if self.type in NUMBERS and not re.fullmatch(NUMBERS[self.type], wanted.strip()):
            return "this box takes only a number"
        if self.max_length and len(wanted) > self.max_length:
            return f"this box takes at most {plural(self.max_length, 'character')}"
        return "this box does not take that text"
