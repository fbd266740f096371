"""The questions plain mode asks inside a step, one line each: a text, a date, a yes or no
that may not be recorded yet, a yes to go on, and one of the plan's records by number.
Every prompt is read through ``Console.answer``, so ``cancel``, ``quit`` and ``help`` work
at each of them and are never taken as a name, a date or a reason."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from checklist_tui.core.plan_details import DetailsError, typed_date
from checklist_tui.core.reasons import not_a_reason
from checklist_tui.plain import words

if TYPE_CHECKING:
    from checklist_tui.plain.conversation import Conversation

T = TypeVar("T")

YES = ("y", "yes")
NO = ("n", "no")
#: What "not recorded yet" may be typed as, besides Enter.
UNRECORDED_WORDS = ("not recorded", "not known", "unknown", "u", "don't know", "dont know")


def ask_text(conv: Conversation, prompt: str, required: bool = False) -> str:
    while True:
        text = conv.console.answer(prompt)
        if text or not required:
            return text
        conv.console.say("This one is needed.")


def ask_date(conv: Conversation, prompt: str, required: bool = False) -> date | None:
    while True:
        text = conv.console.answer(prompt)
        if not text and not required:
            return None
        try:
            found = typed_date(text, "date")
        except DetailsError as exc:
            conv.console.say(f"{exc.reason}.")
            continue
        if found is not None:
            return found
        conv.console.say("This one is needed.")


def yes_no_unrecorded(conv: Conversation, question: str) -> bool | None:
    """Yes, no, or not recorded yet (None: nobody has said, never taken as "no"), as the
    app's People form offers."""
    while True:
        typed = conv.console.answer(f"{question} yes, no, or Enter if not recorded yet:").lower()
        if typed in (*YES, *NO):
            return typed in YES
        if not typed or typed in UNRECORDED_WORDS:
            return None
        conv.console.say("Type yes or no, or press Enter to leave it not recorded.")


def ask_reason(conv: Conversation, prompt: str, missing: str,
               read: Callable[[], str] | None = None) -> str:
    """A reason, by the core's rule for one (core.reasons: "ok", "y" or a command is no
    reason; ``missing`` says what to give), asked again until it is one; '' for Enter.
    ``read``: how it is asked, if not as one line under ``prompt``."""
    taken = {*conv.commands, *words.answer_words()}  # "y" here answers nothing
    while True:
        why = read() if read else conv.console.answer(prompt, about=missing)
        if not why:
            return ""
        problem = not_a_reason(why, missing, taken)
        if not problem:
            return why
        conv.console.say(problem)


def yes_or_no(conv: Conversation, prompt: str) -> bool:
    """A yes or a no that is part of what is recorded: asked again until one of them is
    typed, so Enter is never taken as either without the person saying it (rev8-core 12:
    Enter at "the copy given to the parents?" was recorded as no, unsaid)."""
    while True:
        typed = conv.console.answer(prompt).lower()
        if typed in (*YES, *NO):
            return typed in YES
        conv.console.say("Type yes or no" + (f": '{typed}' is neither." if typed else ".")
                         + " Type cancel to record nothing.")


def said_yes(conv: Conversation, prompt: str) -> bool:
    """A yes to go on: anything else (Enter included) is no."""
    return conv.console.answer(prompt).lower() in YES


def pick(conv: Conversation, records: Sequence[T], singular: str, plural_name: str,
         named: Callable[[T], str], described: Callable[[T], str], typed: str = ""
         ) -> T | None:
    """One of ``records``, by its number in the list read out (each ``described``), or by
    its name (``named``); what was typed after the command, as in "remove person 2", is
    tried first. None when there are none or the person presses Enter (said)."""
    if not records:
        conv.console.say(f"No {plural_name} are recorded yet. Type add {singular} to add one.")
        return None
    found = _match(records, named, typed) if typed else None
    if found is not None:
        return found
    if typed:
        conv.console.say(f"More than one {singular} matches '{typed}': say which by number."
                         if len(matches(records, named, typed)) > 1
                         else f"There is no {singular} '{typed}' in the list.")
    conv.console.say(f"Which {singular}?",
                     *(f"{n}. {described(r)}" for n, r in enumerate(records, 1)))
    while True:
        text = conv.console.answer("Number (or Enter to leave it):",
                                   about=f"The number of the {singular} in the list read "
                                         "out, or Enter to leave it.")
        if not text:
            conv.console.say("Nothing was changed.")
            return None
        found = _match(records, named, text)
        if found is not None:
            return found
        conv.console.say(f"Type a number from 1 to {len(records)}"
                         + (f": there is no {text} in the list." if text.isdigit() else "."))


def _match(records: Sequence[T], named: Callable[[T], str], text: str) -> T | None:
    """The record numbered ``text``, or the only one named ``text``, or else the only one
    whose name holds it ("blake" for Blake Example; never a guess between two)."""
    found = matches(records, named, text)
    return found[0] if len(found) == 1 else None


def matches(records: Sequence[T], named: Callable[[T], str], text: str) -> list[T]:
    if text.isdigit():
        return [records[int(text) - 1]] if 1 <= int(text) <= len(records) else []
    wanted = " ".join(text.lower().split())
    names = [" ".join(named(r).lower().split()) for r in records]
    exact = [r for r, n in zip(records, names, strict=True) if n == wanted]
    return exact or [r for r, n in zip(records, names, strict=True) if wanted in n]
