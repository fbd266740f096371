"""Peeking at a file's first lines reads them as ``str.splitlines`` does, the first few
thousand characters first (#12.2): the same lines in the same order, whatever the line
breaks and wherever the first chunk ends."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checklist_tui.core import peek

BREAKS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "a", "b", "=", " "]


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(st.sampled_from(BREAKS), max_size=40), first=st.integers(1, 12))
def test_lines_are_splitlines(parts: list[str], first: int) -> None:
    text = "".join(parts)
    original = peek.FIRST_CHARS
    peek.FIRST_CHARS = first  # (a small first chunk, so that it ends anywhere)
    try:
        assert list(peek._lines(text)) == text.splitlines()
    finally:
        peek.FIRST_CHARS = original


@pytest.mark.parametrize("before", [0, 100, peek.FIRST_CHARS - 8, peek.FIRST_CHARS - 3,
                                    peek.FIRST_CHARS + 50, 20_000])
def test_the_id_is_found_wherever_it_is_before_any_table(tmp_path: Path, before: int) -> None:
    path = tmp_path / "c.toml"
    path.write_text("# " + "x" * before + "\r\n" + 'id = "found"\r\n[section]\n',
                    encoding="utf-8")
    assert peek.first_value(path, "id") == "found"
    path.write_text("# " + "x" * before + "\n[section]\n" + 'id = "inside"\n', encoding="utf-8")
    assert peek.first_value(path, "id") is None
