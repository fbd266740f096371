"""Lines that wrap with a hanging indent: each line's continuation is indented under its
own start, never drawn at column 0, so that a row of a list (Outstanding, Gaps and risks),
a line of the plan a manager reviews, or a reason in a dialog reads as one block at 80x24,
in order, line by line, as a screen reader reads it.

One rule, two uses: :class:`Hanging` is a renderable, wrapped to whatever width it is
drawn at (an option of a list); :func:`hang_text` is the same wrapping done once, to a
width given, as a ``Text`` (a screen that re-wraps it on resize, and reads back as text)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

#: The marks that start a line of a list ("- reason"): its continuation goes under the
#: text after the mark, not under the mark.
BULLETS = ("- ", "• ", "* ")


class Hanging:
    """``lines``: (text, indent) pairs; a line starts ``indent`` cells in and its
    continuation lines ``hang`` cells further in. ``str()`` is the text, one line each."""

    def __init__(self, lines: Iterable[tuple[Text, int]], hang: int = 2) -> None:
        self.lines = list(lines)
        self.hang = hang

    @classmethod
    def of_text(cls, text: Text, hang: int = 2) -> Hanging:
        """``text``'s lines, each starting as far in as its leading spaces say."""
        return cls(_split(text), hang)

    def __str__(self) -> str:
        return "\n".join(" " * indent + text.plain for text, indent in self.lines)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in wrapped(console, self.lines, options.max_width, self.hang):
            line.end = "\n"
            yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((indent + text.cell_len for text, indent in self.lines), default=0)
        return Measurement(min(widest, self.hang * 2 + 10), widest)


def wrapped(console: Console, lines: Iterable[tuple[Text, int]], width: int,
            hang: int = 2) -> list[Text]:
    """Each (text, indent) line wrapped to ``width``: it starts ``indent`` cells in, and
    goes on ``hang`` cells further in (a line of a list, "- ...", under its text)."""
    out: list[Text] = []
    for text, indent in lines:
        more = len(next((b for b in BULLETS if text.plain.startswith(b)), "")) or hang
        room = max(width - indent, 12)
        for n, line in enumerate(_wrap(console, text, room, more)):
            out.append(Text.assemble(" " * (indent + (more if n else 0)), line))
    return out


def hang_text(console: Console, text: Text, width: int, hang: int = 2) -> Text:
    """``text`` wrapped to ``width`` once, its lines with a hanging indent (as
    :class:`Hanging` draws it), as one ``Text``."""
    return Text("\n").join(wrapped(console, _split(text), width, hang))


def _split(text: Text) -> list[tuple[Text, int]]:
    lines = []
    for line in text.split("\n", allow_blank=True):
        indent = len(line.plain) - len(line.plain.lstrip(" "))
        lines.append((line[indent:], indent))
    return lines


def _wrap(console: Console, text: Text, width: int, hang: int) -> list[Text]:
    """``text`` wrapped to ``width``, its second and later lines to ``width - hang``."""
    width = max(width, 1)
    if not text.plain:
        return [Text()]
    first = text.wrap(console, width)
    if len(first) <= 1:
        return list(first)
    head = first[0]
    start = len(head.plain)
    rest = text[start:]
    rest = rest[len(rest.plain) - len(rest.plain.lstrip(" ")):]
    head.rstrip()
    return [head, *rest.wrap(console, max(width - hang, 1))]
