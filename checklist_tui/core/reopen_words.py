"""What the app says before a completed, submitted or approved plan is changed, and the
rule for the reason it asks: the same words in the full-screen app's "Change a
signed-off plan?" dialog (``tui.screens.reason``) and in plain mode (``plain.reopening``).

Nothing here changes a plan: ``core.review.reopen`` does, with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from checklist_tui.core import reasons
from checklist_tui.core.definition import Checklist
from checklist_tui.core.errors import ReasonNeeded

VOID_AND_CHANGE = "Void the sign-off and change it"
"""What confirming does to an approved plan (the dialog's button, plain mode's question)."""
CHANGE_IT = "Change it"
"""What confirming does to a completed or submitted plan."""
REASON_QUESTION = "Why are you changing it? (kept in the plan's history)"
REASON_MISSING = "Say why you are changing it."
NOTHING_CHANGED = "Nothing was changed."

def confirm_words(exc: ReasonNeeded) -> str:
    """What confirming the change does: "Void the sign-off and change it" or "Change it"."""
    return VOID_AND_CHANGE if exc.voids_signoff else CHANGE_IT


def explanation(exc: ReasonNeeded, signoff: str, change: str = "", *,
                submit: str = " (m)", complete: str = " (c)") -> str:
    """What the change does, before it is made: the change (``change``, in words), the
    state, the sign-off it voids (``signoff``, as ``review.describe_signoff`` says it) and
    what must happen again. ``submit`` and ``complete`` say how to do those steps (the
    full-screen app's keys by default)."""
    state = exc.state_label.lower()
    what = f"You are changing: {change}\n" if change else ""
    if exc.voids_signoff:
        return (f"{what}This plan is approved ({signoff}). Changing it voids the sign-off: "
                f"the plan goes back to amended and must be completed, submitted{submit} "
                "and signed off again.")
    if state.startswith("submitted"):
        return (f"{what}This plan is awaiting a manager's sign-off. Changing it takes it "
                "back from the manager: it becomes amended and must be completed and "
                f"submitted{submit} again.")
    return (f"{what}This plan is {state}. Changing it makes it amended: it must be marked "
            f"complete{complete} again.")


def change_words(checklist: Checklist, args: tuple[Any, ...]) -> str:
    """The item an edit's arguments are about, in words ('' when not about one item)."""
    items = checklist.item_map()
    item = next((items[a] for a in args if isinstance(a, str) and a in items), None)
    return f"{item.prompt} ({item.id})" if item is not None else ""


def not_a_reason(text: str, commands: Iterable[str] = ()) -> str:
    """Why ``text`` cannot be the reason for changing a finished plan, or '' when it can
    (the rule every reason is asked by: ``core.reasons.not_a_reason``)."""
    return reasons.not_a_reason(text, REASON_MISSING, commands)
