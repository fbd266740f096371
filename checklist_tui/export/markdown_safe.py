"""Escape user text for Markdown so it can never become a link, image, HTML or heading.

Escaping is kept to what can create structure, so a summary pasted as raw text into
a case record still reads naturally. Bare web addresses are put in code spans,
because renderers that auto-link addresses would otherwise make them clickable.
"""

from __future__ import annotations

import re

from checklist_tui.export.safe import plain

_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(\s*)([#>+=\-]|\d+[.)])")
_URL = re.compile(r"(?i)\b(?:[a-z][a-z0-9+.\-]*://|www\.|mailto:)\S+|\S+@\S+\.\S+")


def _code_span(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _line(line: str) -> str:
    parts: list[str] = []
    last = 0
    for match in _URL.finditer(line):
        parts.append(_INLINE.sub(r"\\\1", line[last:match.start()]))
        parts.append(_code_span(match.group()))
        last = match.end()
    parts.append(_INLINE.sub(r"\\\1", line[last:]))
    escaped = "".join(parts)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped, count=1)


def md_text(text: str) -> str:
    """Inline text: structure escaped; line breaks kept as Markdown hard breaks."""
    lines = plain(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "  \n".join(_line(line) for line in lines)


def md_cell(text: str) -> str:
    """Text inside a table cell: on one line, with line breaks shown as <br>."""
    lines = plain(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(_line(line).strip() for line in lines)
