"""How a reason names a question: in its own words, with its id in brackets ("'Have both
parents been told, in plain words, why the assessment is happening and what…' (PBA-S01)"),
never by the id alone: a practitioner reads the question, not the checklist's numbering
(the id is there to find it with ``go`` or Ctrl+P). Used by every reason that refuses a
change (completion, submission, a pause point's confirmation)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from checklist_tui.core.definition import Item

#: How long a question may be before it is cut (with "…") in a reason.
LIMIT = 70


def named(item: Item, limit: int = LIMIT) -> str:
    """An item named in a sentence: its question, cut to ``limit``, then its id."""
    prompt = item.prompt if len(item.prompt) <= limit else item.prompt[: limit - 1] + "…"
    return f"'{prompt}' ({item.id})"


def namer(items: Mapping[str, Item]) -> Callable[[str], str]:
    """:func:`named` for an item id (an id the checklist does not hold stays as it is)."""
    return lambda ident: named(items[ident]) if ident in items else ident
