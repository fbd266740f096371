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
