"""User text on screen: always literal, never markup, never terminal control codes."""

from __future__ import annotations

from rich.text import Text

from checklist_tui.export.safe import plain


def lit(text: str, style: str = "") -> Text:
    """A Text that shows ``text`` exactly as typed (control characters made visible)."""
    return Text(plain(text), style=style)


Parts = list[str | Text]
"""Pieces of a line: plain strings are the app's own words, Text comes from ``lit``."""


def join(*parts: str | Text) -> Text:
    out = Text()
    for part in parts:
        out.append(part if isinstance(part, Text) else Text(part))
    return out
