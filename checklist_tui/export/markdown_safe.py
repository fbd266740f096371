"""Escape user text for Markdown so it can never become a link, image, HTML or heading.

Escaping is kept to what can create structure, so a summary pasted as raw text into
a case record still reads naturally. Web and email addresses are put in code spans,
because renderers that auto-link addresses would otherwise make them clickable.

Everything here is linear in the length of the text: words are found with one
non-backtracking pattern and each is tested with plain string operations (a
backtracking address pattern made a 60,000-character word take seconds).
"""

from __future__ import annotations

import re

from checklist_tui.export.safe import inert, isolate

_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# A line that would start a block: a heading, quote, list item, thematic break,
# setext underline or table. Only punctuation can be escaped in CommonMark, so an
# ordered-list marker "1." becomes "1\." (not "\1.").
_BLOCK_START = re.compile(r"^(\s*)(?:([#>+=\-])|(\d{1,9})([.)]))")
_WORD = re.compile(r"[^\s|]+")
_SCHEMES = ("http:", "https:", "ftp:", "mailto:", "file:", "www.", "data:", "javascript:")


def _is_address(word: str) -> bool:
    low = word.lower()
    if "://" in low or "www." in low or low.startswith(_SCHEMES):
        return True
    at = low.find("@")
    return at > 0 and "." in low[at + 1:]


def _code_span(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _line(line: str) -> str:
    parts: list[str] = []
    last = 0
    for match in _WORD.finditer(line):
        if _is_address(match.group()):
            parts.append(_INLINE.sub(r"\\\1", line[last:match.start()]))
            parts.append(_code_span(match.group()))
            last = match.end()
    parts.append(_INLINE.sub(r"\\\1", line[last:]))
    escaped = "".join(parts)
    return _BLOCK_START.sub(_escape_start, escaped, count=1)


def _escape_start(m: re.Match[str]) -> str:
    if m.group(2):
        return f"{m.group(1)}\\{m.group(2)}"
    return f"{m.group(1)}{m.group(3)}\\{m.group(4)}"


def _lines(text: str) -> list[str]:
    return inert(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")


def md_text(text: str) -> str:
    """Inline text: structure escaped; line breaks kept as Markdown hard breaks.

    A hard break is a backslash at the end of the line (CommonMark and pandoc
    both honour it, and editors do not strip it as they strip trailing spaces).
    """
    return isolate("\\\n".join(_line(line) for line in _lines(text)))


def md_cell(text: str) -> str:
    """Text inside a table cell, which must stay on one line.

    A pipe table cell cannot hold a line break that survives every converter
    (pandoc drops ``<br>`` when writing Word), so lines are joined with " / ".
    Multi-line text belongs in lists, not tables; the summary puts it there.
    """
    lines = [_line(line).strip() for line in _lines(text)]
    return isolate(" / ".join(line for line in lines if line))
