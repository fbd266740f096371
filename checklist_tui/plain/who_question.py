"""Plain mode's first question on a plan opened for editing: who is making the changes.

As the full-screen app asks it (tui/screens/who_dialog.py), with the same words and the
same rule (``core.who``): the name and role are typed; whoever last made changes to this
plan on this computer (or said so earlier in this run) is offered by name, and taken
only when the person types ``same`` (Enter alone keeps nobody: rev8-tui 1). ``cancel``
looks at the plan without changing anything (``who`` between answers says it then, or
later when someone else takes the keyboard); ``quit`` stops.
"""

from __future__ import annotations

from checklist_tui.core.errors import PlanLockedError
from checklist_tui.core.session import PlanSession
from checklist_tui.core.who import NOT_SAID as NOBODY_SAID
from checklist_tui.core.who import QUESTION, WHY_ASKED, Who, not_a, offered, only_looking
from checklist_tui.plain.console import Cancelled, Console, Quit

#: Typed for the person offered ("Last here: ...").
SAME = "same"

#: Why the plan is read-only after ``cancel``.
NOT_SAID = f"{NOBODY_SAID}: type who to say who you are and change it"


def ask(console: Console, session: PlanSession) -> bool:
    """Ask who is making changes and record every change as them; False when the person
    typed ``quit`` (the conversation does not start). A read-only plan asks nothing."""
    if session.read_only:
        return True
    console.say(f"Plan {session.plan.case_ref}. {QUESTION}", WHY_ASKED,
                "Type cancel to look at the plan without changing anything.")
    try:
        _said(console, session)
    except Cancelled:
        session.only_look(NOT_SAID)
    except Quit:
        return False
    return True


def change(console: Console, session: PlanSession) -> bool:
    """``who``, between answers: someone else takes the keyboard (or nobody said, and the
    plan was opened only to look). True when the person typed ``quit``."""
    if session.read_only and not only_looking(session.read_only_reason):
        console.say(f"Read-only: {session.read_only_reason}. Nothing can be changed.")
        return False
    console.say(QUESTION, WHY_ASKED)
    try:
        _said(console, session)
    except Cancelled:
        console.say("Nothing changed: " + (f"changes are still recorded as made by "
                                           f"{session.user}." if not session.read_only
                                           else "the plan is still only looked at."))
    except PlanLockedError as exc:  # only looked at, and someone else has it open now
        console.say(f"{exc}. The plan is still only looked at.")
    except Quit:
        return True
    return False


def _said(console: Console, session: PlanSession) -> None:
    """Name, then role (or ``same`` for the person offered); then every change is recorded
    as them (and the plan can be changed again if it was opened only to look because
    nobody said)."""
    offer = offered(session.plan, session.said)
    if offer is not None:
        console.say(f"Last here: {offer.by}. If that is you, type same.")
    name = _one(console, "Your name", "name", offer)
    who = offer if name is None and offer is not None else \
        Who(name or "", _one(console, "Your role", "role") or "")
    if only_looking(session.read_only_reason):
        session.look_no_longer()  # the lock again (refused if someone else has it now)
    session.changes_by(who)
    console.say(f"Every change will be recorded as made by {who.by}.")


def _one(console: Console, label: str, what: str, offer: Who | None = None) -> str | None:
    """One of the two answers, asked again, with why, until it is a name (or a role);
    None when the person typed ``same`` for the person ``offer``ed."""
    about = (f"{QUESTION} {WHY_ASKED} Type your {what}"
             + (f", or same if you are {offer.by}." if offer is not None else ".")
             + " Type cancel to look without changing anything, or quit to stop.")
    taken = _taken()
    while True:
        given = " ".join((console.answer(f"{label}:", about) or "").split())
        if given.lower() == SAME:
            if offer is not None:
                return None
            console.say(f"Nobody is offered to be the same as: type your {what}.")
            continue
        problem = (f"'{given}' is a command or an answer, not a {what}: say your {what}."
                   if given.lower() in taken or _a_command(given) else not_a(what, given))
        if problem is None:
            return given
        console.say(problem)


def _a_command(given: str) -> bool:
    """A command with what it works on after it ("go PBA-S10", "action done 1", "remove
    person 2"): never a name. "Go Yamada" is a name: after ``go`` or ``birth`` only words
    holding a digit make it a command."""
    from checklist_tui.plain.between import TAKES_WHICH

    lowered = " ".join(given.lower().split())
    return any(lowered.startswith(f"{key} ") and (" " in key or any(
        c.isdigit() for c in lowered)) for key in TAKES_WHICH)


def _taken() -> set[str]:
    """Plain mode's command words and fixed answers: never a name or a role (rev8-core 5:
    'share', then 'no', was recorded as the person making changes, "share (no)")."""
    from typing import cast

    from checklist_tui.plain import between, words
    from checklist_tui.plain.conversation import Conversation

    # the table's words only: its commands are never run here
    return {*between.table(cast(Conversation, None)), *words.answer_words()} - {""}
