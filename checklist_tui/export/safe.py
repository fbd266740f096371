"""Make user text inert for each output: terminal, Markdown, HTML."""

from __future__ import annotations

import re

# C0/C1 control characters except tab and newline, and DEL: these include ESC,
# which could otherwise move the cursor or rewrite the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(text: str) -> str:
    """Text safe to print to a terminal: control characters shown, not obeyed."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
