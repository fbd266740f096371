"""``locations.entries`` finds what ``Path.glob`` finds for the same plain pattern (#12.2:
opening a plan looked for its temporary files and the checklists by glob, compiling a
pattern each time), whatever the names, including glob's own special characters."""

from __future__ import annotations

import glob
import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checklist_tui.core.locations import entries

PARTS = st.sampled_from([".", "a", "A", "toml", ".toml", ".tmp-", "[x]", "*", "?", "-", "ß"])
NAMES = st.lists(PARTS, min_size=1, max_size=5).map("".join)


def _glob(folder: Path, start: str, then: str, end: str) -> set[Path]:
    pattern = glob.escape(start) + "*" + (glob.escape(then) + "*" if then else "") \
        + glob.escape(end)
    return set(folder.glob(pattern))


@settings(max_examples=300, deadline=None)
@given(names=st.sets(NAMES, max_size=8), start=st.one_of(st.just(""), NAMES),
       then=st.one_of(st.just(""), NAMES), end=st.one_of(st.just(""), NAMES))
def test_entries_are_what_glob_finds(tmp_path_factory, names, start, then, end) -> None:
    folder = tmp_path_factory.mktemp("f")
    for name in names:
        if name not in (".", ".."):
            (folder / name).write_text("", encoding="utf-8")
    try:
        assert set(entries(folder, start, then, end)) == _glob(folder, start, then, end)
    finally:
        shutil.rmtree(folder)


def test_a_folder_that_is_not_there_has_no_entries(tmp_path: Path) -> None:
    assert entries(tmp_path / "gone", end=".toml") == [] == list(
        (tmp_path / "gone").glob("*.toml"))
