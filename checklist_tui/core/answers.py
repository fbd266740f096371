"""What counts as a valid answer to each item type, and how answers read as text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from checklist_tui.core.dates import parse_date, uk_date
from checklist_tui.core.definition import (
    CHOICE_TYPES,
    NOT_YET,
    DateKind,
    Detail,
    DetailKind,
    Item,
    ItemType,
)
from checklist_tui.core.detail_people import wrong_people
from checklist_tui.core.plan import Answer, AnswerValue, DetailValue, Person

NA_LABEL = "Not applicable"
NOT_YET_LABEL = "Not yet"
YES_NO_LABELS = {"yes": "Yes", "no": "No", "unknown": "Unknown", NOT_YET: NOT_YET_LABEL}
NOT_YET_SPELLINGS = ("not_yet", "not yet", "not-yet", "notyet")
MAX_SHORT_TEXT = 300


def coerce(item: Item, value: object) -> AnswerValue:
    """Return the canonical stored value for ``value``, or raise ValueError saying why."""
    kind = item.type
    if isinstance(value, str) and value.strip().lower() in NOT_YET_SPELLINGS:
        if item.not_yet:
            return NOT_YET
        raise ValueError("this item cannot be answered 'not yet'")
    if kind == ItemType.CHECK:
        if value is True or (isinstance(value, str) and value.lower() in ("true", "done", "yes")):
            return True
        if item.not_yet:
            raise ValueError("a check item is done (true), not yet, or left unanswered")
        raise ValueError("a check item is either done (true) or left unanswered")
    if kind in (ItemType.YES_NO, ItemType.YES_NO_UNKNOWN):
        allowed = ("yes", "no") if kind == ItemType.YES_NO else ("yes", "no", "unknown")
        if isinstance(value, bool):
            value = "yes" if value else "no"
        if isinstance(value, str) and value.lower() in allowed:
            return value.lower()
        shown = allowed + (("not yet",) if item.not_yet else ())
        raise ValueError(f"answer must be one of: {', '.join(shown)}")
    if kind in CHOICE_TYPES:
        options = {o.value for o in item.options}
        if kind == ItemType.SINGLE_CHOICE:
            if isinstance(value, str) and value in options:
                return value
            raise ValueError(f"answer must be one of: {', '.join(sorted(options))}")
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ValueError("a multiple-choice answer is a list of option values")
        unknown = [v for v in values if v not in options]
        if unknown:
            raise ValueError(f"'{unknown[0]}' is not an option here")
        # keep the checklist's order, drop repeats
        return [o.value for o in item.options if o.value in values]
    if kind == ItemType.DATE:
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            return parse_date(value)
        raise ValueError("answer must be a date")
    if not isinstance(value, str):
        raise ValueError("answer must be text")
    if kind == ItemType.SHORT_TEXT:
        if "\n" in value:
            raise ValueError("a short answer fits on one line")
        if len(value) > MAX_SHORT_TEXT:
            raise ValueError(f"a short answer is at most {MAX_SHORT_TEXT} characters")
    return value


def display(item: Item | None, answer: Answer) -> str:
    """Plain text for an answer, as a person would read it."""
    if answer.not_applicable:
        return NA_LABEL
    return display_value(item, answer.value)


def display_value(item: Item | None, value: object) -> str:
    """Plain text for an answer's value (``display``), as a person would read it."""
    if value is None or value == "" or value == []:
        return "(no answer)"
    if item is None:
        return stringify(value)
    if value == NOT_YET:
        return NOT_YET_LABEL
    if item.type == ItemType.CHECK:
        return "Done" if value is True else "(no answer)"
    if item.type in (ItemType.YES_NO, ItemType.YES_NO_UNKNOWN) and isinstance(value, str):
        return YES_NO_LABELS.get(value, value)
    if item.type in CHOICE_TYPES:
        labels = {o.value: o.label for o in item.options}
        values = value if isinstance(value, list) else [value]
        return "; ".join(labels.get(str(v), str(v)) for v in values)
    if isinstance(value, date):
        return uk_date(value)
    return str(value)


def stringify(value: object, *, yes: str = "true", no: str = "false",
              between: str = ", ") -> str:
    """Compact text for a stored value: nothing for None, ISO dates, ``true``/``false``
    and choices joined by ``between`` (history entries take the defaults; the CSV export
    says ``yes``/``no`` and puts ``; `` between choices)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes if value else no
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return between.join(str(v) for v in value)
    return str(value)


#: Dates of something that has already happened: never after today.
HAPPENED = (DateKind.SEEN, DateKind.BIRTH)


def date_refused(detail: Detail, value: date, dob: date | None, today: date) -> str:
    """Why ``value`` cannot be this date detail, in one sentence; "" if it can. The day an
    injury was seen, or a birth, is never after today, and nothing is seen before the baby
    was born: a slip of one digit would otherwise move every due point it counts from."""
    if detail.date_kind not in HAPPENED:
        return ""
    if value > today:
        return (f"{detail.label}: {uk_date(value)} is after today ({uk_date(today)}); "
                "type the day it happened")
    if detail.date_kind == DateKind.SEEN and dob is not None and value < dob:
        return (f"{detail.label}: {uk_date(value)} is before the baby's date of birth "
                f"({uk_date(dob)}); check the date")
    return ""


def coerce_detail(detail: Detail, value: object, people: Sequence[Person]) -> DetailValue:
    """The stored value of one detail, or ValueError saying why not (a people detail
    names only people in ``people``, of the kinds it allows)."""
    if detail.kind == DetailKind.DATE:
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return parse_date(value)
            except ValueError as exc:
                raise ValueError(f"{detail.label}: {exc}") from None
        raise ValueError(f"{detail.label}: a date is needed")
    if detail.kind == DetailKind.PEOPLE:
        ids = [value] if isinstance(value, str) else value
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise ValueError(f"{detail.label}: choose people from the plan's People")
        unknown = [i for i in ids if i not in {p.id for p in people}]
        if unknown:
            raise ValueError(f"{detail.label}: '{unknown[0]}' is not in this plan's People")
        wrong = wrong_people(detail, ids, people)
        if wrong:
            raise ValueError(f"{detail.label}: {'; '.join(wrong)}")
        return list(dict.fromkeys(ids))
    if not isinstance(value, str):
        raise ValueError(f"{detail.label}: text is needed")
    if detail.kind == DetailKind.PLACE and len(value) > MAX_SHORT_TEXT * 2:
        raise ValueError(f"{detail.label}: at most {MAX_SHORT_TEXT * 2} characters")
    return value
