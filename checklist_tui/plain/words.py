"""What a person may type at a question, spelled out, with the short forms accepted."""

from __future__ import annotations

from dataclasses import dataclass

from checklist_tui.core.answers import NA_LABEL, NOT_YET_SPELLINGS, YES_NO_LABELS
from checklist_tui.core.definition import NOT_YET, Item, ItemType

NOT_APPLICABLE = "n/a"

HELP = [
    "Commands you can type at any question:",
    "help, or h: this list.",
    "?, or why: why the question matters and the recommendations it serves.",
    "skip, or just Enter: leave the question for now and go on.",
    "back: the previous question.",
    "repeat, or r: read the whole question again.",
    "go ID: the question with that id, for example go PBA-F01.",
    "note: add or change a note on this question.",
    "source: where the information came from.",
    "clear: remove the answer to this question.",
    "details: add the details a yes needs, such as a date or names; or record again words "
    "written on an earlier day than the check they record (same, or new words).",
    "confirm: confirm a pause point, saying who is present.",
    "respond: answer a manager's challenge on this question.",
    "where: how far the plan has got.",
    "who: say who is making changes from now on, your name and role (asked when the plan "
    "opens): every change is recorded as made by them.",
    "outstanding: everything still open.",
    "gaps: the gaps and risks in this plan.",
    "born today: what would not be in place if the baby were born today.",
    "timeline: the milestones and open actions in date order, with what is OVERDUE.",
    "people, agencies, actions: list them.",
    "add person, add agency, add action: add one.",
    "change person, change agency, change action (or edit person, edit agency, edit "
    "action): change one. Each of its lines is read out with a number; type the number of "
    "the one to change.",
    "remove person, remove agency, remove action (or delete person, delete agency, delete "
    "action): remove one. Removing a man, or anyone living in or visiting the home, asks "
    "why.",
    "action done: mark an action done.",
    "action status: give an action another status, such as in progress or cancelled.",
    "After change, remove, action done and action status you may say which one, by its "
    "number in the list or its name, for example remove person 2.",
    "birth: record that the baby has been born, with the date of birth, for example "
    "birth 22/11/2026.",
    "plan details: change the plan's details: the expected delivery date, the date of "
    "birth, the case reference, the babies expected, the practitioner.",
    "share: record that a copy of the plan was given to someone, or the parents' copy.",
    "distribution, or copies: who has been given a copy, and whether it is out of date.",
    "acknowledge: acknowledge a warning or red flag, with your reason.",
    "export: write the plan summary to a file.",
    "complete: mark the plan complete.",
    "submit: submit a completed plan for review.",
    "A change to a completed, submitted or approved plan first says what it does, then "
    "asks for your reason.",
    "An answer in words that begins like a command, such as 'action done by police on "
    "Monday', or is another question's id, is neither recorded nor run until you say "
    "which you meant.",
    "When a command or an answer asks for more, such as a name or a date, type cancel "
    "there to go back with nothing more changed, or help to hear what is asked.",
    "save and quit, quit, q, or exit: stop here. Everything is already saved.",
]


#: Short forms for the fixed answers; each key is what may be typed.
_SHORT = {
    "y": "yes", "yes": "yes",
    "n": "no", "no": "no",
    "u": "unknown", "unknown": "unknown", "dk": "unknown", "don't know": "unknown",
    "x": NOT_APPLICABLE, "na": NOT_APPLICABLE, "n/a": NOT_APPLICABLE,
    "not applicable": NOT_APPLICABLE,
    "d": "done", "done": "done",
    "ny": NOT_YET, "later": NOT_YET, **dict.fromkeys(NOT_YET_SPELLINGS, NOT_YET),
}


@dataclass(frozen=True)
class Choice:
    value: object
    """What the core edit operations take, or NOT_APPLICABLE."""
    spoken: str
    """The answer as it is read back."""


def allowed(item: Item) -> list[str]:
    """The answers spelled out, in the order they are offered."""
    words: list[str] = []
    if item.type == ItemType.CHECK:
        words.append("done")
    elif item.type in (ItemType.YES_NO, ItemType.YES_NO_UNKNOWN):
        words += ["yes", "no"]
        if item.type == ItemType.YES_NO_UNKNOWN:
            words.append("unknown")
    if item.not_yet:
        words.append("not yet")
    if item.allow_na:
        words.append("not applicable")
    return words


def describe_allowed(item: Item) -> str:
    """One line saying how to answer ``item``."""
    if item.type in (ItemType.SINGLE_CHOICE, ItemType.MULTI_CHOICE):
        many = item.type == ItemType.MULTI_CHOICE
        text = ("Type the numbers of all that apply, separated by commas" if many
                else "Type the number of one option")
    elif item.type == ItemType.DATE:
        text = "Type the date: day, month and year, such as 20/05/2027"
    elif item.type == ItemType.SHORT_TEXT:
        text = "Type the answer on one line"
    elif item.type == ItemType.LONG_TEXT:
        text = "Type 'write' to write the answer over several lines"
    else:
        return "Answers: " + ", ".join(allowed(item)) + "."
    if item.allow_na:
        text += ", or 'not applicable'"
    return text + "."


def parse(item: Item, text: str) -> Choice | None:
    """The answer ``text`` stands for, or None when it is not an answer to ``item``."""
    lowered = " ".join(text.lower().split())
    short = _SHORT.get(lowered)
    if short == NOT_APPLICABLE:
        return Choice(NOT_APPLICABLE, NA_LABEL) if item.allow_na else None
    if short == NOT_YET:
        return Choice(NOT_YET, YES_NO_LABELS[NOT_YET]) if item.not_yet else None
    if item.type == ItemType.CHECK:
        return Choice(True, "Done") if short in ("done", "yes") else None
    if item.type in (ItemType.YES_NO, ItemType.YES_NO_UNKNOWN):
        if short in allowed(item):
            return Choice(short, YES_NO_LABELS[short])
        return None
    if item.type == ItemType.SINGLE_CHOICE:
        option = _option(item, lowered)
        return Choice(option[0], option[1]) if option else None
    if item.type == ItemType.MULTI_CHOICE:
        parts = [p.strip() for p in lowered.replace(";", ",").split(",") if p.strip()]
        found = [_option(item, p) for p in parts]
        if not parts or any(f is None for f in found):
            return None
        picked = [f for f in found if f is not None]
        return Choice([v for v, _ in picked], "; ".join(label for _, label in picked))
    if item.type == ItemType.DATE:
        return Choice(text.strip(), text.strip()) if text.strip() else None
    if item.type == ItemType.SHORT_TEXT:
        return Choice(text, text) if text else None
    return None


def could_answer(item: Item, text: str) -> bool:
    """Whether ``text`` could be meant as the answer to ``item``: any words at a question
    answered in words, a fixed answer or an option at the others. A date question's
    answer is a date, so words there never are (the core would refuse them anyway)."""
    if item.type == ItemType.DATE:
        return False
    return parse(item, text) is not None


def _option(item: Item, typed: str) -> tuple[str, str] | None:
    if typed.isdigit() and 1 <= int(typed) <= len(item.options):
        option = item.options[int(typed) - 1]
        return option.value, option.label
    for option in item.options:
        if typed in (option.value.lower(), option.label.lower()):
            return option.value, option.label
    return None


def answer_words() -> set[str]:
    """Every fixed answer as it may be typed ("y", "no", "not yet" ...): never a reason."""
    return set(_SHORT)
