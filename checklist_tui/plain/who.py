"""Plain mode's first question on a plan opened for editing: who is making the changes.

As the full-screen app asks it (tui/screens/who_dialog.py), with the same words and the
same rule (``core.who``): the name and role offered are those of whoever last made
changes to this plan on this computer, else the plan's practitioner, and Enter keeps
them. ``cancel`` looks at the plan without changing anything; ``quit`` stops.
"""

from __future__ import annotations

from checklist_tui.core.session import PlanSession
from checklist_tui.core.who import QUESTION, WHY_ASKED, Who, not_a, offered
from checklist_tui.plain.console import Cancelled, Console, Quit

#: Why the plan is read-only after ``cancel``.
NOT_SAID = "nobody said who is making changes (open it again to change it)"


def ask(console: Console, session: PlanSession) -> bool:
    """Ask who is making changes and record every change as them; False when the person
    typed ``quit`` (the conversation does not start). A read-only plan asks nothing."""
    if session.read_only:
        return True
    offer = offered(session.plan)
    console.say(f"Plan {session.plan.case_ref}. {QUESTION}", WHY_ASKED,
                "Type cancel to look at the plan without changing anything.")
    try:
        name = _one(console, "Your name", offer.name, "name")
        role = _one(console, "Your role", offer.role, "role")
    except Cancelled:
        session.read_only_reason = NOT_SAID
        return True
    except Quit:
        return False
    who = Who(name, role)
    session.changes_by(who)
    console.say(f"Every change will be recorded as made by {who.by}.")
    return True


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
