"""Text that holds a place but says nothing: "tbc", "?", "-", "see notes".

A "yes" that must carry a contingency plan, an agency's role or the person who will find
out is not in place when what was typed only holds the place for it (look-d D19: "The
contingency plan: tbc" counted as a contingency plan). One rule, used wherever the plan's
own text stands for something done.
"""

from __future__ import annotations

import re

#: What people type for "not written yet", compared after lower-casing and dropping
#: punctuation and spaces at either end. "None" is not here: "none found" is an answer.
_SAYS_NOTHING = frozenset({
    "tbc", "tba", "tbd", "tbs", "to be confirmed", "to be agreed", "to be arranged",
    "to be decided", "to follow", "pending", "n/a", "na", "todo", "to do", "unknown",
    "not known", "see notes", "see note", "see above", "as above", "see below", "later",
    "x", "xx", "xxx", "test",
})
_NO_WORD = re.compile(r"[^\W_]")


def says_nothing(text: str) -> bool:
    """True when ``text`` (not empty) only holds a place: a placeholder word, or no letter
    or digit at all ("?", "-", "...")."""
    said = " ".join(text.lower().split()).strip(" .,;:!?-_*()[]'\"")
    if not text.strip():
        return False
    return not _NO_WORD.search(said) or said in _SAYS_NOTHING


def only_says(text: str) -> str:
    """How a placeholder reads in a gap: ``it says only 'tbc'``."""
    return f"it says only '{' '.join(text.split())[:40]}'"


def filled(text: str) -> bool:
    """The text holds something: not empty and not a placeholder."""
    return bool(text.strip()) and not says_nothing(text)
