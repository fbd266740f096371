"""Evaluate declarative conditions against answers. No eval, no code: just data."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from checklist_tui.core.dates import uk_date
from checklist_tui.core.definition import Condition
from checklist_tui.core.plan import Answer


def holds(cond: Condition, answers: Mapping[str, Answer]) -> bool:
    """True when ``cond`` is met by ``answers`` (only answers that count should be passed)."""
    if cond.all is not None:
        return all(holds(c, answers) for c in cond.all)
    if cond.any is not None:
        return any(holds(c, answers) for c in cond.any)
    if cond.not_ is not None:
        return not holds(cond.not_, answers)
    if cond.answered is not None:
        answer = answers.get(cond.answered)
        return answer is not None and answer.has_value
    answer = answers.get(cond.item or "")
    if answer is None or answer.not_applicable or answer.value is None:
        return False
    targets = [cond.equals] if cond.equals is not None else list(cond.in_ or [])
    return matches(answer.value, targets)


def weigh(cond: Condition, answers: Mapping[str, Answer],
          open_: Mapping[str, frozenset[str]]) -> bool | frozenset[str]:
    """``cond`` in three states: True or False when the answers given decide it, else the
    questions it waits for (never empty). ``answers`` are the answers that count;
    ``open_`` maps each question not answered yet (or not settled: "not yet"), and each
    hidden one that itself waits, to the questions it waits for. A question in neither
    is ruled out by an earlier answer, or not in the checklist: it will never be
    answered. ``holds`` (a question not answered matches nothing) decides what is shown;
    this says of what is not shown whether an answer still to come could show it."""
    if cond.all is not None or cond.any is not None:
        parts = [weigh(c, answers, open_) for c in (cond.all or cond.any or [])]
        decisive = cond.any is not None  # True decides "any", False decides "all"
        if decisive in parts:
            return decisive
        waits = frozenset().union(*(p for p in parts if not isinstance(p, bool)))
        return waits or not decisive
    if cond.not_ is not None:
        inner = weigh(cond.not_, answers, open_)
        return (not inner) if isinstance(inner, bool) else inner
    ident = cond.answered or cond.item or ""
    if ident not in answers:
        return open_.get(ident, False)
    return holds(cond, answers)


def matches(value: object, targets: list[bool | str]) -> bool:
    if isinstance(value, list):
        return any(t in value for t in targets if isinstance(t, str))
    return any(type(value) is type(t) and value == t for t in targets)


def not_recorded(prompt: str, due: date | None) -> str:
    """What a red flag says when it fires because nothing was recorded by the item's due
    point: that the answer is not recorded, never the finding the answer would make
    ("Not yet recorded: is the baby's father identified? It was due 26/10/2026.")."""
    question = prompt[:1].lower() + prompt[1:] if prompt[1:2].islower() else prompt
    late = f" It was due {uk_date(due)}." if due is not None else ""
    return f"Not yet recorded: {question}{late}"
