"""Plain mode's first question on a plan opened for editing: who is making the changes.

As the full-screen app asks it (tui/screens/who_dialog.py), with the same words and the
same rule (``core.who``): the name and role offered are those of whoever last made
changes to this plan on this computer, else the plan's practitioner, and Enter keeps
them. ``cancel`` looks at the plan without changing anything (``who`` between answers says it
then, or later when someone else takes the keyboard); ``quit`` stops.
"""

from __future__ import annotations

from checklist_tui.core.session import PlanSession
from checklist_tui.core.who import NOT_SAID as NOBODY_SAID
from checklist_tui.core.who import QUESTION, WHY_ASKED, Who, not_a, offered, only_looking
from checklist_tui.plain.console import Cancelled, Console, Quit

#: Why the plan is read-only after ``cancel``.
NOT_SAID = f"{NOBODY_SAID} (type who to say, and change it)"


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
        session.read_only_reason = NOT_SAID
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
    except Quit:
        return True
    return False


def _said(console: Console, session: PlanSession) -> None:
    """Name, then role; then every change is recorded as them (and the plan can be changed
    again if it was opened only to look because nobody said)."""
    offer = offered(session.plan, session.said)
    who = Who(_one(console, "Your name", offer.name, "name"),
              _one(console, "Your role", offer.role, "role"))
    session.changes_by(who)
    if only_looking(session.read_only_reason):
        session.read_only_reason = None
    console.say(f"Every change will be recorded as made by {who.by}.")


def _one(console: Console, label: str, kept: str, what: str) -> str:
    """One of the two answers: typed, or the one offered kept with Enter; asked again,
    with why, until it is a name (or a role)."""
    about = (f"{QUESTION} {WHY_ASKED} Type your {what}"
             + (f", or press Enter to keep {kept}." if kept else ".")
             + " Type cancel to look without changing anything, or quit to stop.")
    while True:
        typed = console.answer(f"{label}" + (f", or Enter for {kept}:" if kept else ":"),
                               about)
        given = " ".join((typed or kept).split())
        problem = not_a(what, given)
        if problem is None:
            return given
        console.say(problem)
