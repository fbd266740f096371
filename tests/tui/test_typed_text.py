"""tui.text.typed: what a text box keeps of typed, pasted or stored text."""

from __future__ import annotations

import pytest

from checklist_tui.tui.text import typed


@pytest.mark.parametrize("stored, kept", [
    ("one\r\ntwo\rthree", "one\ntwo\nthree"),
    ("one\u2028two\u2029three", "one\ntwo\nthree"),  # a text box splits lines on these
    ("\x1b[31mred\x1b[0m plain", "red plain"),
    ("a\x00b\x07c\x9bd", "abcd"),
])
def test_typed_keeps_text_and_line_breaks_only(stored: str, kept: str) -> None:
    assert typed(stored) == kept


def test_a_text_box_gives_back_what_typed_shows_it() -> None:
    """A box loaded with typed(stored) must read back equal to typed(stored), or only
    tabbing through it would rewrite the plan (the campaign's long run found U+2028)."""
    from textual.widgets.text_area import Document

    for stored in ("one\u2028two\u2029three", "a\r\nb", "plain"):
        assert typed(Document(typed(stored)).text) == typed(stored)
