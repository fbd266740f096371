"""The men around the home, and whether a list of people names every one of them (a
checklist's ``men_named`` cross-check). "Safer sleep and crying advice given to every
carer, any other man in or visiting the home included" stayed ticked after a man moved
into the flat, because the tool checked only that someone was named (look-c 1): the man
who arrived last is the one nobody checked. The words here are the words every view shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from checklist_tui.core.definition_item import DetailKind, Item
from checklist_tui.core.detail_people import as_kind, who
from checklist_tui.core.plan import Answer, Person, PersonKind

#: Kinds of person that People records as living in or visiting the home.
HOME_KINDS = frozenset({PersonKind.MALE_CARER, PersonKind.ADULT_IN_HOUSEHOLD,
                        PersonKind.VISITING_ADULT})


def at_home(person: Person) -> bool:
    """A man People records as living in or visiting the home: one who lives in the
    household, another male carer, an adult in the household or one who visits or stays,
    and any man whose living in the household is not recorded (not knowing is never taken
    as "no"). Only a man recorded as not living in the household, and not as a carer or a
    visitor, is left out."""
    return person.is_man and (person.in_household is not False or person.kind in HOME_KINDS)


def _why(person: Person) -> str:
    """How People records ``person``, after "though People records him"."""
    if person.in_household:
        return "as a man who lives in the household"
    if person.kind == PersonKind.MALE_CARER:
        return f"as {as_kind(person.kind)}"
    if person.kind in HOME_KINDS:
        return f"as {as_kind(person.kind)}, a man"
    whom = "the father" if person.kind == PersonKind.FATHER else "a man"
    return f"as {whom}, and not whether he lives in the household"


def named(item: Item, answer: Answer) -> set[str]:
    """The people (ids) an answer's people details name."""
    found: set[str] = set()
    for detail in item.details:
        value = (answer.details or {}).get(detail.key)
        if detail.kind == DetailKind.PEOPLE and isinstance(value, list):
            found.update(value)
    return found


def list_name(item: Item) -> str:
    """"'Who was given the safer-sleep advice' (DPM-S01)": an item's list of people."""
    label = next((d.label for d in item.details if d.kind == DetailKind.PEOPLE), item.prompt)
    return f"'{label}' ({item.id})"


def left_off(lists: Sequence[tuple[Item, Answer]], people: Sequence[Person]) -> list[str]:
    """Why the lists of people given with these "yes" answers do not name every man People
    records as living in or visiting the home: one reason per man left off, naming him and
    every list he is missing from. Empty when each list names them all."""
    reasons = []
    for man in (p for p in people if at_home(p)):
        missing = [list_name(item) for item, answer in lists if man.id not in named(item, answer)]
        if missing:
            reasons.append(f"{who(man)} is not named in {' or '.join(missing)}, though "
                           f"People records him {_why(man)}")
    return reasons
