"""The plan's kinds of thing: where an answer came from, who a person is, how far an action
has got. Kept apart from the plan's models (``core.plan``, which re-exports them) so that the
command line's grammar can offer them as choices without loading pydantic."""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Worded(StrEnum):
    """A kind stored as its value and shown as its label, both on the member's line: the value
    in words (``NOT_STARTED = "not_started"`` reads "Not started"), or the label given after
    it (``SEEN = "seen", "Seen or verified"``)."""

    _value_: str
    label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label or value.replace("_", " ").capitalize()
        return member


class InfoSource(Worded):
    SEEN = "seen", "Seen or verified"
    PARENT = "parent", "Reported by a parent"
    AGENCY = "agency", "Reported by an agency"
    UNCHECKED = "unchecked", "Not yet checked"


class PersonKind(Worded):
    MOTHER = "mother"
    FATHER = "father"
    MALE_CARER = "male_carer", "Other male carer"
    ADULT_IN_HOUSEHOLD = "adult_in_household", "Other adult in the household"
    VISITING_ADULT = "visiting_adult", "Adult who visits or stays"
    FAMILY_NETWORK = "family_network", "Family or friends network"
    CHILD = "child", "Other child"
    OTHER = "other"

    @property
    def is_male_carer(self) -> bool:
        return self in (PersonKind.FATHER, PersonKind.MALE_CARER)

    @property
    def adult_of_unknown_sex(self) -> bool:
        """Kinds where only the person's record can say whether he is a man."""
        return self not in (PersonKind.FATHER, PersonKind.MALE_CARER, PersonKind.MOTHER,
                            PersonKind.CHILD)


class ActionStatus(Worded):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"
