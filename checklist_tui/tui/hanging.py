"""Lines that wrap with a hanging indent: each line's continuation is indented under its
own start, never drawn at column 0, so that a row of a list (Outstanding, Gaps and risks)
reads as one block at 80x24, in order, line by line, as a screen reader reads it."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text


class Hanging:
    """``lines``: (text, indent) pairs; a line starts ``indent`` cells in and its
    continuation lines ``hang`` cells further in. ``str()`` is the text, one line each."""

    def __init__(self, lines: Iterable[tuple[Text, int]], hang: int = 2) -> None:
        self.lines = list(lines)
        self.hang = hang

    def __str__(self) -> str:
        return "\n".join(text.plain for text, _indent in self.lines)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        for text, indent in self.lines:
            for n, line in enumerate(_wrap(console, text, width - indent, self.hang)):
                pad = indent + (self.hang if n else 0)
                yield Text.assemble(" " * pad, line, end="\n")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((indent + text.cell_len for text, indent in self.lines), default=0)
        return Measurement(min(widest, self.hang * 2 + 10), widest)


def _wrap(console: Console, text: Text, width: int, hang: int) -> list[Text]:
    """``text`` wrapped to ``width``, its second and later lines to ``width - hang``."""
    width = max(width, 1)
    first = text.wrap(console, width)
    if len(first) <= 1:
        return list(first)
    head = first[0]
    start = len(head.plain)
    rest = text[start:]
    rest = rest[len(rest.plain) - len(rest.plain.lstrip(" ")):]
    return [head, *rest.wrap(console, max(width - hang, 1))]
