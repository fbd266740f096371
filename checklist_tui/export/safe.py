"""Make user text inert for each output: terminal, Markdown, HTML, Word."""

from __future__ import annotations

import re

# C0/C1 control characters except tab and newline, and DEL: these include ESC,
# which could otherwise move the cursor or rewrite the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# ... and, for user text in a document, the bidirectional controls that open a scope
# (embeddings, overrides, isolates, and their ends): a right-to-left override in a
# note would otherwise reverse the rest of a line or a table row. Right-to-left
# letters themselves are kept; they are isolated instead (``isolate``).
# This and _RTL are compiled when first used (re keeps them), by documents only: the
# screen's first frame needs only _CONTROL, and these two cost 0.5 ms to compile.
_CONTROL_OR_BIDI = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"

# Characters with a right-to-left direction (Hebrew, Arabic, Syriac, Thaana, NKo,
# Samaritan, Mandaic, their presentation forms, and the right-to-left marks).
_RTL = ("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u200f\u061c"
        "\U00010800-\U00010fff\U0001e800-\U0001efff]")

FSI, PDI = "\u2068", "\u2069"


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def plain(text: str) -> str:
    """Text safe to print to a terminal: control characters shown, not obeyed."""
    return _CONTROL.sub(_shown, text)


def inert(text: str) -> str:
    """User text for a document: control and bidirectional-scope characters shown."""
    return re.sub(_CONTROL_OR_BIDI, _shown, text)


def has_rtl(text: str) -> bool:
    return re.search(_RTL, text) is not None


def isolate(text: str) -> str:
    """Plain-text bidi isolation: right-to-left text cannot reorder what is around it.

    Text with no right-to-left letters is left as it is, so pasted summaries carry
    no invisible characters they do not need. Call on text already made ``inert``.
    """
    return f"{FSI}{text}{PDI}" if has_rtl(text) else text
