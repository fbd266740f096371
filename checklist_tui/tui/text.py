"""User text on screen: always literal, never markup, never terminal control codes."""

from __future__ import annotations

import re

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


# A terminal escape sequence (CSI, OSC, or a two-byte escape), kept whole so that
# nothing of it is left behind as stray letters; then any other control character.
_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
_TYPED_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def typed(text: str) -> str:
    """What someone typed or pasted, as it is kept: line breaks as \\n, in their order;
    raw escape sequences and other control characters left out. The Unicode line and
    paragraph separators are line breaks too, as a text box splits lines on them (else
    only tabbing through a box would rewrite a note that holds one)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return _TYPED_CONTROL.sub("", _ESCAPE.sub("", text))
