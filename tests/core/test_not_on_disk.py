"""What leaving would lose, in words."""

from __future__ import annotations

from checklist_tui.core.not_on_disk import describe
from checklist_tui.core.plan import HistoryEntry
from tests.conftest import NOW


def _entry(what: str, target: str) -> HistoryEntry:
    return HistoryEntry(at=NOW, by="A. Worker", what=what, target=target)


def test_nothing_then_one_answer_then_many_changes_in_words() -> None:
    items = {"PBA-F01", "PBA-F02", "PBA-F03"}
    assert describe([], items) == "nothing"
    assert describe([_entry("answer", "PBA-F01")], items) == \
        "your last change (the answer to PBA-F01)"
    entries = [_entry("answer", "PBA-F01"), _entry("answer", "PBA-F02"),
               _entry("answer", "PBA-F01"), _entry("note", "PBA-F03"),
               _entry("detail", "PBA-F02.date"), _entry("people.add", "p1"),
               _entry("details", "edd")]
    assert describe(entries, items) == (
        "your last 7 changes (the answers to PBA-F01 and PBA-F02; the note on PBA-F03; "
        "changes to People; 1 other change)")


def test_a_long_list_of_items_is_cut_short_with_how_many_more() -> None:
    ids = [f"PBA-F{n:02}" for n in range(1, 8)]
    said = describe([_entry("answer", i) for i in ids], ids)
    assert said == ("your last 7 changes (the answers to PBA-F01, PBA-F02, PBA-F03, "
                    "PBA-F04 and 3 more)")
