"""People, agencies and actions in a plan: one generic set of operations (add, find,
update, remove), each change refused or logged as every change is (``core.edit_base``).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, TypeVar

from checklist_tui.core import lazy
from checklist_tui.core.edit_base import editable, log
from checklist_tui.core.errors import PlanError
from checklist_tui.core.ids import new_id
from checklist_tui.core.plan import Action, Agency, Person, PersonKind, Plan
from checklist_tui.core.pydantic_errors import plain, where
from checklist_tui.core.reasons import not_a_reason
from checklist_tui.core.strict import Invalid, Strict, dump

T = TypeVar("T", bound=Strict)

_COLLECTIONS: dict[type[Strict], tuple[str, str]] = {
    Person: ("people", "person"),
    Agency: ("agencies", "agency"),
    Action: ("actions", "action"),
}


def _record_id(record: Strict) -> str:
    return str(dump(record, include={"id"})["id"])


SEPARATOR = "; "
"""Between a record's fields in a history entry ("name=Casey Partner; kind=...")."""
IN_A_VALUE = ";\u00a0"
"""A "; " inside a value is written with a no-break space (it reads and sounds the same),
so a value such as 'moved out; man=True' can never be read back as a field (rev8-core 3:
a reason holding "; man=True" hid a man from every view; core.men_left reads these)."""


def in_a_value(value: object) -> str:
    return str(value).replace(SEPARATOR, IN_A_VALUE)


def as_typed(value: str) -> str:
    """A value read back from a history entry, as it was typed."""
    return value.replace(IN_A_VALUE, SEPARATOR)


class FieldReader:
    """Reads back a record's fields as :func:`_summary` writes them ("name=Casey Partner;
    kind=visiting_adult; ..."), for the fields ``keys``: split only where one of them
    begins (a value written before rev8-core 3 may hold "; " itself), each value as it was
    typed. ``split`` (compiled when first used) is the splitting pattern."""

    def __init__(self, keys: tuple[str, ...]):
        self.keys = keys
        self.split = lazy.pattern("; (?=(?:" + "|".join(map(re.escape, keys)) + ")=)")

    def read(self, summary: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in self.split.split(summary) if summary else []:
            key, sep, value = part.partition("=")
            if sep and key in self.keys:
                out[key] = as_typed(value)
        return out


def _summary(record: Strict) -> str:
    data = dump(record, mode="json", exclude={"id"}, exclude_defaults=True)
    return SEPARATOR.join(f"{k}={in_a_value(v)}" for k, v in data.items())


def add_record(plan: Plan, model: type[T], *, by: str, now: datetime, **fields: Any) -> T:
    attr, label = _COLLECTIONS[model]
    try:
        record = model(id=new_id(model.__name__), **fields)
    except Invalid as exc:
        err = exc.errors()[0]
        raise PlanError(f"{label} {where(err)}: {plain(err)}") from None
    editable(plan, by, now)
    getattr(plan, attr).append(record)
    log(plan, by, now, f"{label}.add", _record_id(record), None, _summary(record))
    return record


def find_record(plan: Plan, model: type[T], record_id: str) -> T:
    attr, label = _COLLECTIONS[model]
    for record in getattr(plan, attr):
        if record.id == record_id:
            found: T = record
            return found
    raise PlanError(f"no {label} with id '{record_id}' in this plan")


def update_record(plan: Plan, model: type[T], record_id: str, *, by: str, now: datetime,
                  why: str = "", **fields: Any) -> T:
    """Change a record; a change that takes a person out of the men, or out of the people
    around the baby (``leaves_the_men``), only with ``why``, a real reason, kept in the
    history entry's ``new`` (``; why=...``)."""
    attr, label = _COLLECTIONS[model]
    record = find_record(plan, model, record_id)
    merged = dump(record) | fields
    try:
        updated = model(**merged)
    except Invalid as exc:
        err = exc.errors()[0]
        raise PlanError(f"{label} {where(err)}: {plain(err)}") from None
    if updated == record:
        return record
    asked = isinstance(record, Person) and isinstance(updated, Person) \
        and leaves_the_men(record, updated)
    if asked and (refusal := not_a_reason(why, CHANGE_WHY)):
        assert isinstance(record, Person)
        raise PlanError(f"{record.name} is counted among the people around the baby: "
                        f"{refusal}")
    editable(plan, by, now)
    records = getattr(plan, attr)
    records[records.index(record)] = updated
    log(plan, by, now, f"{label}.edit", record_id, _summary(record), _summary(updated)
        + (f"{SEPARATOR}{WHY_KEY}={in_a_value(why.strip())}" if asked else ""))
    return updated


#: Said when a man, or anyone living in or visiting the home, is removed without a reason.
REMOVE_WHY = ("Say why they are removed from People, for example 'moved out on 20/11/2026' "
              "or 'added by mistake'.")


#: Said when a man is recorded as not a man, or someone around the baby as no longer
#: around it, without a reason.
CHANGE_WHY = ("Say why, for example 'recorded as a man by mistake' or 'moved out on "
              "20/11/2026, no longer visits'.")
WHY_KEY = "why"
"""The reason for such a change, after the record in the history entry's ``new``."""


def leaves_the_men(old: Person, new: Person) -> bool:
    """A change that takes a person out of the men (a man recorded as not a man) or out
    of the people around the baby (``around_the_baby``): it changes what the plan says
    about who is around the baby as removing them would, so it needs a reason too (look-d
    D2: "Max Partner" changed to family network, not a man, and nothing named him again)."""
    return (old.is_man and not new.is_man) or (around_the_baby(old)
                                                and not around_the_baby(new))


def change_needs_why(plan: Plan, person_id: str, **fields: Any) -> bool:
    """Whether changing the person ``person_id`` as ``fields`` say takes them out of the
    men or the people around the baby (``leaves_the_men``): a form asks why before it
    saves (the change is refused without a reason). False for fields the record refuses:
    the change itself says why not."""
    return bool(change_words(plan, person_id, **fields))


def change_words(plan: Plan, person_id: str, **fields: Any) -> str:
    """What changing the person as ``fields`` say takes them out of, in the words a form
    asking why uses ("no longer counted among the men (the father and male carers)"), or
    "" when the change needs no reason (rev8-tui 4: the form said 'the men or the people
    around the baby', then 'is counted among the people around the baby')."""
    record = find_record(plan, Person, person_id)
    try:
        updated = Person(**(dump(record) | fields))
    except Invalid:
        return ""
    if record.is_man and not updated.is_man:
        return "no longer counted among the men (the father and male carers)"
    if around_the_baby(record) and not around_the_baby(updated):
        return "no longer counted among the people living in or visiting the home"
    return ""


def around_the_baby(person: Person) -> bool:
    """A man, or anyone living in or visiting the home: removing them changes what the plan
    says about who is around the baby, so it is done only with a reason (look-d D2)."""
    return bool(person.is_man or person.in_household) or person.kind in (
        PersonKind.FATHER, PersonKind.MALE_CARER, PersonKind.ADULT_IN_HOUSEHOLD,
        PersonKind.VISITING_ADULT)


def remove_record(plan: Plan, model: type[T], record_id: str, *, by: str, now: datetime,
                  why: str = "") -> None:
    """Remove a record; a person around the baby (``around_the_baby``) only with ``why``,
    a real reason (core.reasons), kept in the history entry's ``new``."""
    attr, label = _COLLECTIONS[model]
    record = find_record(plan, model, record_id)
    if isinstance(record, Person) and around_the_baby(record):
        refusal = not_a_reason(why, REMOVE_WHY)
        if refusal:
            raise PlanError(f"{record.name} is counted among the people around the baby: "
                            f"{refusal}")
    editable(plan, by, now)
    getattr(plan, attr).remove(record)
    log(plan, by, now, f"{label}.remove", record_id, _summary(record),
        f"removed: {why.strip()}" if why.strip() else None)
