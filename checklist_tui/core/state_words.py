"""Where a plan stands, as sentences, for the views that read it out line by line (plain
mode, a screen reader): the same words as the plan header and ``show`` (core.review), so
a voided approval never reads as "Approved" and a file edited outside the app says so."""

from __future__ import annotations

from checklist_tui.core.dates import plural
from checklist_tui.core.plan import Plan
from checklist_tui.core.review import (
    describe_signoff,
    describe_state,
    open_challenges,
    returned_because,
)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def state_sentences(plan: Plan, edited_outside: str = "") -> list[str]:
    """The state (with "changed since approval" or "two decisions conflict"), "Edited
    outside the app …" when it was, the sign-off (or that there is none), a return's
    reason, and how many of a manager's challenges wait for an answer."""
    lines = [f"State: {_sentence(describe_state(plan))}"]
    if edited_outside:
        lines.append(_sentence(edited_outside))
    back = returned_because(plan)  # who returned it, when and why: the sign-off and more
    lines.append(_sentence(back) if back else f"Sign-off: {_sentence(describe_signoff(plan))}")
    waiting = len(open_challenges(plan))
    if waiting:
        lines.append(f"{plural(waiting, 'challenge')} from a manager not yet answered.")
    return lines
