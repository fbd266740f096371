"""Who a people detail may name. A detail restricted to kinds of person (its
``person_kinds``, e.g. ``["father"]`` for "The father") names only people the plan's People
records as one of those kinds: the mother, or a visiting partner recorded as "not the
father", is never taken as the father (look-c 2). Anyone else named is refused when the
detail is set, and contradicts the answer if People changes after. The words here are the
words every view shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from checklist_tui.core.definition_item import Detail, Item
from checklist_tui.core.plan import Answer, Person, PersonKind

#: How a kind of person reads after "recorded in People as", where its label alone does not.
_AS = {PersonKind.MOTHER: "the mother", PersonKind.FATHER: "the father",
       PersonKind.MALE_CARER: "another male carer",
       PersonKind.ADULT_IN_HOUSEHOLD: "another adult in the household",
       PersonKind.VISITING_ADULT: "an adult who visits or stays",
       PersonKind.FAMILY_NETWORK: "family or friends network",
       PersonKind.CHILD: "another child", PersonKind.OTHER: "other"}


def as_kind(kind: PersonKind) -> str:
    """"the father", "an adult who visits or stays": a kind of person in a sentence."""
    return _AS.get(kind, kind.label.lower())


def allowed(detail: Detail, person: Person) -> bool:
    """Whether ``detail`` may name ``person``."""
    return not detail.person_kinds or person.kind in detail.person_kinds


def offered(detail: Detail, people: Sequence[Person],
            chosen: Iterable[str] = ()) -> list[Person]:
    """The people a list for ``detail`` offers: those it may name, then anyone already
    named who may not (so that they can be taken off), in People's order."""
    named = set(chosen)
    return ([p for p in people if allowed(detail, p)]
            + [p for p in people if not allowed(detail, p) and p.id in named])


def none_offered(detail: Detail) -> str:
    """What a list for ``detail`` says when People holds nobody it may name."""
    if not detail.person_kinds:
        return "No one is in People yet"
    return f"No one is recorded in People as {_expected(detail)}"


def _expected(detail: Detail) -> str:
    return " or ".join(as_kind(k) for k in detail.person_kinds)


def who(person: Person) -> str:
    """"Jay Lodger (Mother's brother)": a person with what People says they are to the baby."""
    said = person.relationship.strip()
    return f"{person.name} ({said})" if said else person.name


def wrong_people(detail: Detail, ids: Iterable[str], people: Sequence[Person]) -> list[str]:
    """Why ``detail`` may not name the people ``ids`` (those not in People are left to the
    check for missing details), each in one phrase that says who People does record:
    "Casey Partner (Mother's new partner (not the father)) is recorded in People as an
    adult who visits or stays, not as the father; People records the father: Jordan
    Sample". Empty when every one may be named."""
    if not detail.person_kinds:
        return []
    by_id = {p.id: p for p in people}
    wrong = [by_id[i] for i in ids if i in by_id and not allowed(detail, by_id[i])]
    if not wrong:
        return []
    right = [p.name for p in people if allowed(detail, p)]
    records = (f"People records {_expected(detail)}: {', '.join(right)}" if right else
               f"People records no one as {_expected(detail)}")
    return [f"{who(p)} is recorded in People as {as_kind(p.kind)}, not as "
            f"{_expected(detail)}; {records}" for p in wrong]


def named_wrongly(item: Item, answer: Answer | None, people: Sequence[Person]) -> list[str]:
    """Why the people an answer's details name contradict it (:func:`wrong_people`, for
    each of ``item``'s restricted people details); empty when they do not."""
    if answer is None or not answer.details:
        return []
    found: list[str] = []
    for detail in item.details:
        value = answer.details.get(detail.key)
        if detail.person_kinds and isinstance(value, list):
            found += wrong_people(detail, value, people)
    return found
