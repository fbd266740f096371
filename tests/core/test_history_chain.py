"""#8.11 and the tamper-evident history: edits outside the app are found and marked."""

from __future__ import annotations

import re
import shutil

import pytest

from checklist_tui.core import history, store
from checklist_tui.core.plan import FORMAT_VERSION, HistoryEntry
from tests.conftest import EXAMPLES, NOW

NAME = "family-t-like-twins.toml"


@pytest.fixture
def sealed(tmp_path):
    path = tmp_path / NAME
    shutil.copy(EXAMPLES / NAME, path)
    loaded = store.load(path)
    assert loaded.found_outside == "" and loaded.edited_outside == ""  # format 1: unsealed
    store.save(loaded)  # sealed at its first save
    text = path.read_text(encoding="utf-8")
    assert f"format_version = {FORMAT_VERSION}" in text and "\nseal = " in text
    assert text.count("\nhash = ") == len(loaded.plan.history)
    again = store.load(path)
    assert again.found_outside == "" and again.plan == loaded.plan
    return path


def _tables(text: str) -> tuple[str, list[str]]:
    head, *entries = text.split("\n[[history]]\n")
    return head, entries


TAMPER = {
    "entry edited": lambda t: re.sub(r'(\[\[history\]\]\n(?:.*\n)*?by = ")[^"]*', r"\1Someone Else",
                                     t, count=1),
    "entries reordered": lambda t: (lambda h, e: "\n[[history]]\n".join([h, e[1], e[0], *e[2:]]))(
        *_tables(t)),
    "history emptied": lambda t: _tables(t)[0] + "\n",
    "last entry removed": lambda t: "\n[[history]]\n".join([_tables(t)[0], *_tables(t)[1][:-1]]),
    "answer changed, no entry": lambda t: t.replace('value = "yes"', 'value = "no"', 1),
    "seal removed": lambda t: re.sub(r"\nseal = \"\w+\"", "", t),
    "all hashes removed": lambda t: re.sub(r'\n(seal|hash|prev) = "\w*"', "", t),
}


@pytest.mark.parametrize("kind", list(TAMPER))
def test_edit_outside_the_app_is_found_then_marked_in_history(sealed, kind) -> None:
    text = sealed.read_text(encoding="utf-8")
    tampered = TAMPER[kind](text)
    assert tampered != text
    sealed.write_text(tampered, encoding="utf-8")
    loaded = store.load(sealed)  # still opens
    assert loaded.found_outside, kind
    assert loaded.edited_outside.startswith(history.EDITED_OUTSIDE)
    count, found = len(loaded.plan.history), loaded.found_outside
    store.save(loaded)  # the next save writes the mark into the history
    again = store.load(sealed)
    assert again.found_outside == ""
    assert len(again.plan.history) == count + 1
    mark = again.plan.history[-1]
    assert mark.what == history.MARK_WHAT and mark.new == found
    assert again.edited_outside.startswith(f"{history.EDITED_OUTSIDE} (found 25/11/2026")


def test_saving_hashes_only_new_entries(sealed, monkeypatch) -> None:
    """Save cost does not grow with the history: old entries are not hashed again."""
    loaded = store.load(sealed)
    calls = []
    real = history.entry_hash
    monkeypatch.setattr(history, "entry_hash", lambda p, e: calls.append(e) or real(p, e))
    for n in range(3):
        loaded.plan.history.append(HistoryEntry(at=NOW, by="Pat", what="note", new=str(n)))
        store.save(loaded)
    assert len(calls) == 3
    assert store.load(sealed).found_outside == ""


def test_chain_survives_copies_and_new_plans(sealed, tmp_path) -> None:
    loaded = store.load(sealed)
    copy = store.write_copy(loaded, tmp_path / "elsewhere", "20261125-1000")
    assert store.load(copy).found_outside == ""


def test_same_size_change_by_another_program_is_still_a_conflict(sealed) -> None:
    """A save skips re-reading the file only while its identity (inode, size, times)
    is what we left: any write changes the change time."""
    from checklist_tui.core.errors import PlanConflictError

    loaded = store.load(sealed)
    data = bytearray(sealed.read_bytes())
    at = data.index(b"Alex")
    data[at:at + 4] = b"Alan"
    with open(sealed, "r+b") as fh:  # in place: same inode, same size
        fh.write(data)
    loaded.plan.history.append(HistoryEntry(at=NOW, by="Pat", what="note", new="x"))
    with pytest.raises(PlanConflictError):
        store.save(loaded)


def test_show_names_the_edit_outside_the_app(sealed, capsys) -> None:
    from checklist_tui.cli import main

    sealed.write_text(TAMPER["answer changed, no entry"](sealed.read_text("utf-8")), "utf-8")
    assert main(["show", str(sealed)]) == 0
    out = capsys.readouterr().out
    state = out.split("State: ", 1)[1].splitlines()
    assert state[1].strip().startswith(history.EDITED_OUTSIDE)


def test_history_text_round_trips_every_hostile_character(sealed) -> None:
    """Entries are written without tomli_w on the usual path: every control character,
    quote, backslash and non-ASCII text must come back exactly, with the chain intact."""
    loaded = store.load(sealed)
    nasty = "".join(chr(c) for c in range(32)) + "\x7f\"\\'\u2028\u202e\U0001f600"
    nasty += " é ]] [[x]] \\u0041"
    loaded.plan.history.append(HistoryEntry(at=NOW, by=nasty, what="note", target=nasty,
                                            old=nasty, new=nasty))
    store.save(loaded)
    again = store.load(sealed)
    assert again.found_outside == "" and again.plan.history[-1].new == nasty
    assert again.plan == loaded.plan
