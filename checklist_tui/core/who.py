"""Who is making the changes: the one rule for whom an open plan's changes are recorded as.

A plan is often changed by someone other than its practitioner: the ward midwife
re-dates a check on the social worker's plan, a colleague covers a visit (look-d D12:
every change was recorded as the plan's practitioner, whoever was at the keyboard). The
app and plain mode ask once, when a plan is opened for editing, who is making the
changes (name and role), offering as a choice the person who said so last for this plan
on this computer (never filled in, never the practitioner unasked); the command line takes
``--as``. Every history entry, answer,
acknowledgement and confirmation the session makes is recorded as that person
(``core.session``, ``by=``).

What was said is remembered per computer account (the config folder, owner-only): plan
ids and the names and roles given for them, nothing of the plans' content.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from checklist_tui.core import locations
from checklist_tui.core.placeholder import says_nothing
from checklist_tui.core.record import Record
from checklist_tui.core.vocabulary import signed

if TYPE_CHECKING:
    from checklist_tui.core.plan import Plan

#: Recorded when nobody was named and the plan names no practitioner.
NOBODY_NAMED = "practitioner"
#: How many plans' last names are kept (the oldest are forgotten first).
KEPT = 500
FILE_NAME = "who.json"

QUESTION = "Who is making changes to this plan?"
#: How a plan opened only to look, because nobody said who was making changes, begins
#: its read-only reason (each way in says, after it, how to say who and change it).
NOT_SAID = "nobody said who is making changes"
WHY_ASKED = ("Every change you make is recorded in the plan's history under this name "
             "and role.")


class Who(Record):
    """A person making changes: their name and role, as they gave them."""

    name: str
    role: str = ""

    @property
    def by(self) -> str:
        """How the plan records them: "Name (Role)", as every view writes who did what."""
        return signed(self.name.strip(), self.role.strip())


def said_as(text: str) -> Who:
    """Who ``--as`` says: "Morgan Example (Ward midwife)" is a name and a role, as every
    view writes them (``Who.by``), so the role is kept and the person can be offered next
    time; a name alone has no role (s8who: ``--as`` had no role, and was never offered)."""
    text = " ".join(text.split())
    name, bracket, role = text[:-1].rpartition(" (") if text.endswith(")") else ("", "", "")
    if bracket and name.strip() and role.strip():
        return Who(name.strip(), role.strip())
    return Who(text, "")


def same_person(one: str, other: str) -> bool:
    """Two names as typed, taken as one person: case, spacing and a bracket at the end
    aside ("Drew Demo" is "drew demo (example midwife)"; "" is nobody)."""
    first, second = (said_as(text).name.casefold() for text in (one, other))
    return bool(first) and first == second


def approving_own(name: str, practitioner: str) -> str:
    """Why ``name`` cannot approve a plan whose practitioner they are, or '': a manager's
    approval is another person's check of the work (rev9-tui 2)."""
    return (f"{name} is this plan's practitioner, and cannot approve it; nothing was "
            "changed" if same_person(name, practitioner) else "")


def only_looking(reason: str | None) -> bool:
    """True when a plan is read-only only because nobody said who is making changes (saying
    it makes the plan changeable again)."""
    return bool(reason) and str(reason).startswith(NOT_SAID)


def recorded_as(plan: Plan, given: str | Who | None = None) -> str:
    """The one rule: who a change to ``plan`` is recorded as. The person who said who they
    are (``--as``, the app's or plain mode's question), else the plan's practitioner as
    the plan names them, else "practitioner"."""
    said = given.by if isinstance(given, Who) else (given or "")
    return said.strip() or plan.practitioner.strip() or NOBODY_NAMED


def refusal(name: str, role: str) -> str | None:
    """Why a name and role given for "who is making changes" cannot be recorded, in one
    sentence, or None (see ``not_a``)."""
    return not_a("name", name) or not_a("role", role)


def not_a(what: str, text: str) -> str | None:
    """Why ``text`` is not a ``what`` ("name" or "role") for who is making changes, or None.
    Both are needed; neither may only hold a place ("tbc", "?", "x") nor be a single
    character (a key pressed by mistake)."""
    missing = f"Say your {what}."
    if not text.strip():
        return missing
    said = " ".join(text.lower().split())
    if says_nothing(text) or len(text.strip()) < 2 or said in ("name", "role") \
            or "your name" in said or "your role" in said:  # a command's words, copied
        return f"'{' '.join(text.split())[:40]}' is not a {what}: say your {what}."
    return None


def offered(plan: Plan, said_here: Who | None = None) -> Who | None:
    """Who is offered as a choice when the question is asked (never filled in for the
    person: Enter, Enter must not record someone else): whoever said who they are earlier
    in this run of the app, else whoever last made changes to this plan on this computer;
    None when nobody has. The plan's practitioner is never offered: the person at the
    keyboard is often someone else (look-d D12)."""
    if said_here is not None and said_here.name.strip():
        return said_here
    return remembered(plan.id)


def file_path() -> Path:
    return locations.config_dir() / FILE_NAME


def _read() -> dict[str, dict[str, str]]:
    try:
        data = json.loads(file_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    plans = data.get("plans") if isinstance(data, dict) else None
    if not isinstance(plans, dict):
        return {}
    return {k: v for k, v in plans.items()
            if isinstance(v, dict) and all(isinstance(v.get(f), str) for f in
                                           ("name", "role", "at"))}


def remembered(plan_id: str) -> Who | None:
    """Who last said they were making changes to this plan on this computer, if anyone
    (a missing or damaged file remembers nobody)."""
    found = _read().get(plan_id)
    if found is None or refusal(found["name"], found["role"]) is not None:
        return None
    return Who(found["name"], found["role"])


def remember(plan_id: str, who: Who, now: datetime) -> bool:
    """Keep ``who`` as the last person making changes to this plan on this computer.
    False when it could not be written (nothing else depends on it: the question is asked
    again next time, offering the practitioner). Someone who gave no role (``--as NAME``)
    is not kept: they could not be offered, and whoever was kept before stays."""
    if refusal(who.name, who.role) is not None:
        return False
    plans = _read()
    plans.pop(plan_id, None)
    plans[plan_id] = {"name": who.name.strip(), "role": who.role.strip(),
                      "at": now.isoformat()}
    kept = dict(sorted(plans.items(), key=lambda kv: kv[1]["at"])[-KEPT:])
    path = file_path()
    try:
        locations.ensure_private_dir(path.parent)
        partial = path.with_name(f".{FILE_NAME}.{os.getpid()}.tmp")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"plans": kept}, fh, ensure_ascii=False, indent=1)
        os.replace(partial, path)
    except OSError:
        return False
    return True
