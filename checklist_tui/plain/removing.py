"""Removing a person, agency or action in plain mode, as the app's Delete and the command
line's ``remove`` do (``core.edit_records.remove_record``): a man, or anyone living in or
visiting the home, only with a reason the history keeps (look-d D2), anyone else after a
yes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from checklist_tui.core import edit
from checklist_tui.core.edit_records import REMOVE_WHY, around_the_baby
from checklist_tui.core.plan import Person
from checklist_tui.plain import asking
from checklist_tui.plain.records import SINGULAR, Model, a_kind, name_of, pick
from checklist_tui.plain.reopening import reason_first

if TYPE_CHECKING:
    from checklist_tui.plain.conversation import Conversation


def removing(model: Model) -> Callable[[Conversation, str], None]:
    """The ``remove`` command for ``model``'s records."""
    return lambda conv, typed: remove(conv, model, typed)


def remove(conv: Conversation, model: Model, typed: str = "") -> None:
    """Remove a person, agency or action: a person around the baby only with the reason
    the core asks for (look-d D2), anyone else after a yes."""
    record = pick(conv, model, typed)
    if record is None or not reason_first(
            conv, f"{name_of(record)}, {a_kind(model)} removed from the plan"):
        return
    c = conv.console
    name = name_of(record)
    why = ""
    if isinstance(record, Person) and around_the_baby(record):
        c.say(f"{name} is counted among the people around the baby. The plan's history "
              "keeps who removed them, when and why.")
        why = asking.ask_reason(conv, "Why are they removed? Or press Enter to keep them:",
                                REMOVE_WHY)
        if not why:
            c.say(f"Not removed: {name} stays in the plan.")
            return
    else:
        c.say(f"Remove the {SINGULAR[model]} '{name}'? It will be removed from the plan; the "
              "plan's history keeps a record of it.")
        if not asking.said_yes(conv, "Type yes to remove it, or press Enter to keep it:"):
            c.say(f"Not removed: '{name}' stays in the plan.")
            return
    conv.change_then(lambda: c.say(f"Removed {name}" + (", with your reason." if why else ".")),
                     edit.remove_record, model, record.id, why=why)
