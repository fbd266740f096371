"""What is not a reason, by one rule, wherever a person must say why or what: reopening a
finished plan (``core.reopen_words``), acknowledging a warning or red flag, a manager's
approval or return, and the answer to a manager's challenge. Each is written into the
plan's history and read later as someone's account of what was done or decided, so "y",
"ok" or "." must never stand as one (look-d 11). The app's forms, plain mode and the
command line all ask by this rule, and the core refuses by it whatever asked."""

from __future__ import annotations

from collections.abc import Iterable

from checklist_tui.core import lazy
from checklist_tui.core.errors import PlanError

#: What each place asks for, said when what was typed is not it.
ACKNOWLEDGE = "Say what you have done or decided."
APPROVE = "Say why this plan is safe to sign off."
RETURN = "Say what must change before it can be signed off."
ANSWER = "Write your answer to the manager's question."

_A_WORD = lazy.pattern(r"[^\W\d_]{3,}")
"""A word of three letters or more: a reason has at least one."""


def not_a_reason(text: str, missing: str, commands: Iterable[str] = ()) -> str:
    """Why ``text`` cannot stand as the reason asked for, or '' when it can: nothing
    typed, no word of three letters or more (such as "ok", "y", "." or "12"), or one of
    ``commands`` (words that mean something else where the reason is asked, such as plain
    mode's "back" or an answer's "yes"). ``missing`` says what to give instead."""
    said = " ".join(text.lower().split()).strip(" .!?")
    if not said:
        return missing
    if said in commands:
        return f"'{text.strip()}' is a command or an answer, not a reason. {missing}"
    if not _A_WORD.search(said):
        return f"'{text.strip()}' is not a reason. {missing}"
    return ""


def refuse_non_reason(text: str, missing: str) -> None:
    """Raise the refusal (PlanError) when ``text`` is not a reason: the core's own check,
    whatever asked (a command line, a form, plain mode)."""
    problem = not_a_reason(text, missing)
    if problem:
        raise PlanError(problem)
