"""Escape user text for Markdown so it can never become a link, image, HTML or heading."""

from __future__ import annotations

import re

from checklist_tui.export.safe import plain

# Every ASCII punctuation character that Markdown (CommonMark/GFM) gives meaning to.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~=\"'&:^$%@])")


def md_text(text: str) -> str:
    """Inline text: every special character backslash-escaped; lines kept as hard breaks."""
    lines = plain(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    escaped = [_SPECIAL.sub(r"\\\1", line) for line in lines]
    return "  \n".join(escaped)


def md_cell(text: str) -> str:
    """Text inside a table cell: one line, pipes escaped."""
    return md_text(text).replace("  \n", "<br>") if "\n" in text else md_text(text)
