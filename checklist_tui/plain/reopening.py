"""Changing a completed, submitted or approved plan in plain mode: the full-screen app's
"Change a signed-off plan?" dialog as lines. First what the change does (whose approval
it voids, and when), then a yes, then the reason; nothing is changed on disk until all
three are given. The words and the rule for a reason are the core's (core.reopen_words)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checklist_tui.core import clock, review
from checklist_tui.core.edit_base import reason_needed
from checklist_tui.core.errors import PlanError, ReasonNeeded
from checklist_tui.core.reopen_words import (
    NOTHING_CHANGED,
    REASON_QUESTION,
    confirm_words,
    explanation,
    not_a_reason,
)
from checklist_tui.plain import words

if TYPE_CHECKING:
    from checklist_tui.plain.conversation import Conversation

YES = ("y", "yes")
NO = ("", "n", "no")


def ask_reason(conv: Conversation, exc: ReasonNeeded, change: str = "") -> str | None:
    """Say what changing the plan does, ask for a yes, then for the reason: the reason, or
    None when the person does not go on (said). Changes nothing."""
    c = conv.console
    plan = conv.session.plan
    text = explanation(exc, review.describe_signoff(plan), change,
                       submit=" (type submit)", complete=" (type complete)")
    c.say(*text.splitlines())
    go_on = f"Type yes to {confirm_words(exc).lower()}, or press Enter to leave it unchanged:"
    while True:
        typed = c.answer(go_on, about=text).lower()
        if typed in NO:
            c.say(NOTHING_CHANGED)
            return None
        if typed in YES:
            break
        c.say("Type yes to go on, or press Enter to leave the plan unchanged.")
    taken = {*conv.commands, *words.answer_words()}
    while True:
        reason = c.answer(f"{REASON_QUESTION}, or press Enter to leave it unchanged:")
        if not reason:
            c.say(NOTHING_CHANGED)
            return None
        problem = not_a_reason(reason, taken)
        if not problem:
            return reason
        c.say(problem)


def reason_first(conv: Conversation, change: str = "") -> bool:
    """Before a step that asks several things and then changes a finished plan: ask for
    the reason now, so nobody types the details first and learns afterwards what the
    change does. False when the person does not go on, or the plan is read-only (said)."""
    if not conv.writable():  # said before anything is typed in vain
        return False
    exc = reason_needed(conv.session.plan)
    if exc is None or conv.pending_reason:
        return True
    conv.pending_reason = ask_reason(conv, exc, change)
    return conv.pending_reason is not None


def reopen(conv: Conversation, reason: str) -> bool:
    """Reopen the plan with the reason given (kept in its history; a sign-off voided) and
    say its state; False (said) when the core refuses."""
    try:
        conv.session.edit(review.reopen, conv.checklist, reason, today=clock.today())
    except PlanError as exc:
        conv.console.say(f"Not changed: {exc}.")
        return False
    conv.console.say(f"Reopened with your reason. State: "
                     f"{review.describe_state(conv.session.plan)}.")
    return True
