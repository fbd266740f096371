"""What a confirmation saw, read from the plan's history: which answers say something
other than when it was made.

Every change to an answer is in the history with the value before it (core.edit), so
what an answer said at a confirmation is the value before the first change after it.
An answer given again with the same value, or changed and changed back, says what it
said then, unless on the way it said something that is a concern (``concern_passed``).
Used by the engine (the day a "today's date" tick speaks of) and by core.pause (whether
a confirmation still holds).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from checklist_tui.core.answers import stringify
from checklist_tui.core.plan import Answer, Confirmation, HistoryEntry, Plan

#: The history entries that change what an answer says, by the part they change.
_ANSWER_ENTRIES = {"answer": "answer", "clear": "answer", "detail": "details", "note": "note"}


def after(plan: Plan, c: Confirmation) -> list[HistoryEntry]:
    """The history entries made after the confirmation ``c`` (after its own entry; by
    time when the history does not hold it, as in a file edited outside the app)."""
    history = plan.history
    for n in range(len(history) - 1, -1, -1):
        entry = history[n]
        if entry.what == "confirm" and entry.target == c.section and entry.at == c.at:
            return history[n + 1:]
    return [e for e in history if e.at > c.at]


def _now_says(answer: Answer | None, part: str, key: str) -> str:
    """What ``answer`` says now of one part, as the history writes it."""
    if answer is None:
        return ""
    if part == "answer":
        return "n/a" if answer.not_applicable else stringify(answer.value)
    if part == "details":
        return stringify((answer.details or {}).get(key))
    return answer.note


def concern_passed(plan: Plan, c: Confirmation, ident: str,
                   concerns: Mapping[str, frozenset[str]]) -> tuple[str, datetime] | None:
    """The first concern (``concerns[ident]``: the answers that mean "not in place") that
    the answer ``ident`` was given after ``c`` and has since been changed from, with when:
    "no" and back to "yes" is something the people present at ``c`` never saw. None when
    it passed through none."""
    wanted = concerns.get(ident, frozenset())
    entries = [e for e in after(plan, c)
               if _ANSWER_ENTRIES.get(e.what) == "answer" and e.target == ident]
    for entry in entries[:-1]:  # the last is what it says now, compared on its own
        if wanted & {v.strip().lower() for v in entry.new.split(",")}:
            return entry.new, entry.at
    return None


def changed_since(plan: Plan, c: Confirmation, ids: list[str],
                  concerns: Mapping[str, frozenset[str]] | None = None,
                  ) -> list[tuple[str, str, datetime]]:
    """Which of the answers ``ids`` say something other than when ``c`` was made:
    (item id, the part that differs: answer, details or note, when it last changed), in
    the order of ``ids``. A part changed and changed back is not listed, unless the answer
    passed through one of its ``concerns`` on the way (look-c 7: a bruise check answered
    "no" and then "yes" again is an event nobody present saw). An answer given after
    ``c`` that its history does not account for (edited outside the app) is listed."""
    wanted = set(ids)
    before: dict[tuple[str, str, str], str] = {}
    last: dict[tuple[str, str, str], datetime] = {}
    for entry in after(plan, c):
        part = _ANSWER_ENTRIES.get(entry.what)
        ident, _dot, key = entry.target.partition(".")
        if part is None or ident not in wanted:
            continue
        slot = (ident, part, key)
        before.setdefault(slot, entry.old)
        last[slot] = entry.at
    found: list[tuple[str, str, datetime]] = []
    for ident in ids:
        answer = plan.answers.get(ident)
        slots = [slot for slot in before if slot[0] == ident]
        differ = [slot for slot in slots
                  if _now_says(answer, slot[1], slot[2]) != before[slot]
                  or (slot[1] == "answer" and concerns is not None
                      and concern_passed(plan, c, ident, concerns) is not None)]
        if differ:
            slot = max(differ, key=lambda s: last[s])
            found.append((ident, slot[1], last[slot]))
        elif not slots and answer is not None and answer.answered_at > c.at:
            found.append((ident, "answer", answer.answered_at))
    return found
