"""The stated limits on what the app reads. Each is refused with one clear line naming
the file and the place, before anything else looks at the data (documented in
docs/limits.md and SECURITY.md)."""

from __future__ import annotations

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


def check_shape(data: Any) -> tuple[str, str] | None:
    """(problem, place) for the first nesting or text limit broken, else None. One pass,
    without recursion, so hostile depth cannot crash it."""
    stack: list[tuple[Any, int, list[Any]]] = [(data, 1, [])]
    while stack:
        node, depth, keys = stack.pop()
        if isinstance(node, dict | list):
            if depth > MAX_NESTING:
                return (f"is nested more than {MAX_NESTING} levels deep", _where(keys))
            pairs = node.items() if isinstance(node, dict) else enumerate(node)
            for key, value in pairs:
                if isinstance(key, str) and len(key) > 200:
                    return ("has a key longer than 200 characters", _where(keys))
                if isinstance(value, dict | list | str):
                    stack.append((value, depth + 1, [*keys, key]))
        elif isinstance(node, str) and len(node) > MAX_TEXT:
            return (f"has a text of {len(node):,} characters; the limit is {MAX_TEXT:,}",
                    _where(keys))
    return None


def count_items(data: Any) -> int:
    sections = data.get("sections") if isinstance(data, dict) else None
    if not isinstance(sections, list):
        return 0
    return sum(len(s["items"]) for s in sections
               if isinstance(s, dict) and isinstance(s.get("items"), list))
