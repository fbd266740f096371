"""The plan's kinds of thing: where an answer came from, who a person is, how far an action
has got. Kept apart from the plan's models (``core.plan``, which re-exports them) so that the
command line's grammar can offer them as choices without loading pydantic."""

from __future__ import annotations

from enum import StrEnum


class Worded(StrEnum):
    """A kind whose label is its value in words: ``not_started`` reads "Not started"."""

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class InfoSource(StrEnum):
    SEEN = "seen"
    PARENT = "parent"
    AGENCY = "agency"
    UNCHECKED = "unchecked"

    @property
    def label(self) -> str:
        return {
            "seen": "Seen or verified",
            "parent": "Reported by a parent",
            "agency": "Reported by an agency",
            "unchecked": "Not yet checked",
        }[self.value]


class PersonKind(StrEnum):
    MOTHER = "mother"
    FATHER = "father"
    MALE_CARER = "male_carer"
    ADULT_IN_HOUSEHOLD = "adult_in_household"
    VISITING_ADULT = "visiting_adult"
    FAMILY_NETWORK = "family_network"
    CHILD = "child"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "mother": "Mother",
            "father": "Father",
            "male_carer": "Other male carer",
            "adult_in_household": "Other adult in the household",
            "visiting_adult": "Adult who visits or stays",
            "family_network": "Family or friends network",
            "child": "Other child",
            "other": "Other",
        }[self.value]

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
