"""What would be lost, in words: the changes made since the plan was last written to
disk ("your last 2 changes (the answers to PBA-F01 and PBA-F02)"), for the question
asked before leaving while a save hangs or fails. Never "some answers": the user decides
whether to wait or go, so they are told exactly what."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from checklist_tui.core.plan import HistoryEntry

#: A change to one item, by the history's ``what``; the phrase names the item.
ITEM_KINDS = {"answer": "answer", "clear": "answer", "follow-up": "answer",
              "detail": "answer", "source": "answer", "note": "note"}
RECORD_PAGES = {"people": "People", "agencies": "Agencies", "actions": "Actions"}
SHOWN_IDS = 4


def _ids(ids: Sequence[str]) -> str:
    shown = list(ids[:SHOWN_IDS])
    if len(ids) > SHOWN_IDS:
        shown.append(f"{len(ids) - SHOWN_IDS} more")
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def describe(entries: Sequence[HistoryEntry], item_ids: Iterable[str]) -> str:
    """The changes in ``entries`` (history entries not on disk), in words."""
    if not entries:
        return "nothing"
    items = set(item_ids)
    by_kind: dict[str, list[str]] = {"answer": [], "note": []}
    pages: list[str] = []
    other = 0
    for entry in entries:
        target = entry.target.split(".")[0]
        kind = ITEM_KINDS.get(entry.what)
        page = RECORD_PAGES.get(entry.what.split(".")[0])
        if kind and target in items:
            if target not in by_kind[kind]:
                by_kind[kind].append(target)
        elif page:
            if page not in pages:
                pages.append(page)
        else:
            other += 1
    phrases = []
    for kind, ids in by_kind.items():
        if ids:
            phrases.append(f"the {kind}{'s' if len(ids) > 1 else ''} "
                           f"{'to' if kind == 'answer' else 'on'} {_ids(ids)}")
    if pages:
        phrases.append(f"changes to {_ids(pages)}")
    if other:
        phrases.append("1 other change" if other == 1 else f"{other} other changes")
    head = "your last change" if len(entries) == 1 else f"your last {len(entries)} changes"
    return f"{head} ({'; '.join(phrases)})"
