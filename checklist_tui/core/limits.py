"""The stated limits on what the app reads. Each is refused with one clear line naming
the file and the place, before anything else looks at the data (documented in
docs/limits.md and SECURITY.md)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

#: Largest checklist or sources file read.
MAX_CHECKLIST_BYTES = 5 * 1024 * 1024
#: Largest plan file read (a plan with 50,000 history entries is about 10 MB).
MAX_PLAN_BYTES = 64 * 1024 * 1024
#: Deepest nesting of tables and lists in any file (conditions inside conditions count).
MAX_NESTING = 32
#: Most items in one checklist.
MAX_ITEMS = 10_000
#: Longest single piece of text (an answer, a note, a prompt) in characters.
MAX_TEXT = 100_000


def too_big(size: int, limit: int) -> str | None:
    if size > limit:
        return f"is too large (over {limit:,} bytes, the limit)"
    return None


def _where(keys: list[Any]) -> str:
    return "".join(f"[{k + 1}]" if isinstance(k, int) else f".{k}" for k in keys).lstrip(".")


Place = tuple[Any, Any] | None
"""Where a value is: (where its parent is, its key), None at the top (a list of keys is
made only for a value that is refused)."""


def _keys(path: Place) -> list[Any]:
    keys = []
    while path is not None:
        path, key = path
        keys.append(key)
    return keys[::-1]


def check_shape(data: Any) -> tuple[str, str] | None:
    """(problem, place) for the first nesting or text limit broken, else None. One pass,
    without recursion, so hostile depth cannot crash it."""
    return walk(data)[0]


def walk(data: Any, window: tuple[date, date] | None = None
         ) -> tuple[tuple[str, str] | None, tuple[date, str] | None]:
    """One pass over ``data`` for ``check_shape``'s problem and, with ``window``, the first
    date outside it (the day and its place): a plan is walked once for both (#12.2).
    Each is the one a walk for it alone finds first; the rest is not looked at once a limit
    is broken."""
    if _nothing_wrong(data, window):
        return None, None
    stack: list[tuple[Any, int, Place]] = [(data, 1, None)]
    outside: tuple[date, str] | None = None
    while stack:
        node, depth, path = stack.pop()
        if isinstance(node, dict | list):
            if depth > MAX_NESTING:
                return (f"is nested more than {MAX_NESTING} levels deep",
                        _where(_keys(path))), None
            pairs = node.items() if isinstance(node, dict) else enumerate(node)
            for key, value in pairs:
                if isinstance(key, str) and len(key) > 200:
                    return ("has a key longer than 200 characters", _where(_keys(path))), None
                stack.append((value, depth + 1, (path, key)))
        elif isinstance(node, str):
            if len(node) > MAX_TEXT:
                return (f"has a text of {len(node):,} characters; the limit is {MAX_TEXT:,}",
                        _where(_keys(path))), None
        elif window is not None and outside is None and isinstance(node, date):
            day = node.date() if isinstance(node, datetime) else node
            if not window[0] <= day <= window[1]:
                outside = (day, _where(_keys(path)))
    return None, outside


def _nothing_wrong(data: Any, window: tuple[date, date] | None) -> bool:
    """True when ``walk`` would find nothing: a quicker pass for what every file the app
    wrote is, without noting where each value is (#12.2). False for anything it is not
    sure of (``walk`` then finds what it is and where, in its own order)."""
    lowest, highest = window if window is not None else (date.min, date.max)
    stack: list[tuple[Any, int]] = [([data], 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_NESTING:
            return False
        if type(node) is dict:
            try:
                if node and max(map(len, node)) > 200:
                    return False
            except TypeError:  # a key that is not text
                return False
            node = node.values()
        for value in node:
            kind = type(value)
            if kind is str:
                if len(value) > MAX_TEXT:
                    return False
            elif kind is dict or kind is list:
                stack.append((value, depth + 1))
            elif kind is datetime:
                if not lowest <= value.date() <= highest:
                    return False
            elif kind is date:
                if not lowest <= value <= highest:
                    return False
            elif kind not in _LEAVES:
                return False
    return True


_LEAVES = frozenset({int, float, bool, time, type(None)})
"""The other values a TOML or JSON file gives, which ``walk`` does not look at."""


def count_items(data: Any) -> int:
    sections = data.get("sections") if isinstance(data, dict) else None
    if not isinstance(sections, list):
        return 0
    return sum(len(s["items"]) for s in sections
               if isinstance(s, dict) and isinstance(s.get("items"), list))
