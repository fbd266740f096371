"""What a confirmation saw, read from the plan's history: which answers say something
other than when it was made.

Every change to an answer is in the history with the value before it (core.edit), so
what an answer said at a confirmation is the value before the first change after it.
An answer given again with the same value, or changed and changed back, says what it
said then, unless on the way it said something that is a concern (``concern_passed``).
Used by the engine (the day a "today's date" tick speaks of) and by core.pause (whether
a confirmation still holds), each reading the history once per confirmation (``Since``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

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


class Since:
    """What the history says happened after the confirmation ``c``, read in one walk
    (however many answers are then asked about): the entries after it (``entries``),
    and for each answer the value each part had before its first change after it."""

    def __init__(self, plan: Plan, c: Confirmation) -> None:
        self.plan, self.c = plan, c
        self.entries = after(plan, c)
        self._seen: dict[str, dict[str, list[Any]]] = {}
        """Per target (an item, or ``item.detail``), per part: [what it said before its
        first change after ``c``, when it last changed]."""
        self._slots: dict[str, list[tuple[str, str]]] = {}
        """Per item, its (part, target) changed after ``c``, in the order first changed."""
        self._answers: dict[str, list[HistoryEntry]] = {}
        """Per target, the entries that changed its answer, in order."""
        parts, seen = _ANSWER_ENTRIES, self._seen
        for entry in self.entries:  # the one walk: as few steps as can be per entry
            part = parts.get(entry.what)
            if part is None:
                continue
            target = entry.target
            mine = seen.get(target)
            if mine is None:
                mine = seen[target] = {}
            slot = mine.get(part)
            if slot is None:
                mine[part] = [entry.old, entry.at]
                self._slots.setdefault(target.partition(".")[0], []).append((part, target))
            else:
                slot[1] = entry.at
            if part == "answer":
                answers = self._answers.get(target)
                if answers is None:
                    answers = self._answers[target] = []
                answers.append(entry)

    def answers(self, ident: str) -> list[HistoryEntry]:
        """The entries that changed the answer ``ident`` after ``c``, in order."""
        return self._answers.get(ident, [])

    def concern_passed(self, ident: str, concerns: Mapping[str, frozenset[str]]
                       ) -> tuple[str, datetime] | None:
        """The first concern (``concerns[ident]``: the answers that mean "not in place")
        that the answer ``ident`` was given after ``c`` and has since been changed from,
        with when: "no" and back to "yes" is something the people present at ``c`` never
        saw. None when it passed through none."""
        wanted = concerns.get(ident, frozenset())
        for entry in self.answers(ident)[:-1]:  # the last is what it says now
            if wanted & {v.strip().lower() for v in entry.new.split(",")}:
                return entry.new, entry.at
        return None

    def changed(self, ids: list[str], concerns: Mapping[str, frozenset[str]] | None = None,
                ) -> list[tuple[str, str, datetime]]:
        """Which of the answers ``ids`` say something other than when ``c`` was made:
        (item id, the part that differs: answer, details or note, when it last changed),
        in the order of ``ids``. A part changed and changed back is not listed, unless the
        answer passed through one of its ``concerns`` on the way (look-c 7: a bruise check
        answered "no" and then "yes" again is an event nobody present saw). An answer
        given after ``c`` that its history does not account for (edited outside the app)
        is listed."""
        found: list[tuple[str, str, datetime]] = []
        for ident in ids:
            answer = self.plan.answers.get(ident)
            slots = self._slots.get(ident, [])
            differ = [(part, self._seen[target][part][1]) for part, target in slots
                      if _now_says(answer, part, target.partition(".")[2])
                      != self._seen[target][part][0]
                      or (part == "answer" and concerns is not None
                          and self.concern_passed(ident, concerns) is not None)]
            if differ:
                part, at = max(differ, key=lambda s: s[1])
                found.append((ident, part, at))
            elif not slots and answer is not None and answer.answered_at > self.c.at:
                found.append((ident, "answer", answer.answered_at))
        return found
