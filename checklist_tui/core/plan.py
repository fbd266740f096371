"""The plan: a practitioner's filled-in checklist, as kept in a TOML file.

Plans are written by the app but must stay readable by a person. The format is
versioned (``format_version``); a newer version than this code knows is refused.
"""

# No `from __future__ import annotations`: the field types are made as the module loads
# (from its bytecode), not compiled from their text on every start (core.strict_decode).

from dataclasses import field
from datetime import date, datetime
from typing import Annotated, Any

from checklist_tui.core.plan_kinds import ActionStatus as ActionStatus
from checklist_tui.core.plan_kinds import InfoSource as InfoSource
from checklist_tui.core.plan_kinds import PersonKind as PersonKind
from checklist_tui.core.plan_kinds import Worded
from checklist_tui.core.strict import Limit, Strict

FORMAT_VERSION = 2
"""2: history entries carry hashes and the file a seal (core.history); 1 is read too."""

AnswerValue = bool | date | list[str] | str
#: A detail kept with an answer: a date, person ids, a text or an address.
DetailValue = date | list[str] | str


class Model(Strict):
    """A part of the plan: checked again whenever a field is set, not only when it is read."""

    def __setattr__(self, name: str, value: Any) -> None:
        from checklist_tui.core import checked

        checked.assign(self, name, value)


class PlanState(Worded):
    DRAFT = "draft"
    COMPLETED = "completed"
    SUBMITTED = "submitted_for_review"
    RETURNED = "returned"
    APPROVED = "approved"
    AMENDED = "amended"
    ENTERED_IN_ERROR = "entered_in_error"


#: States in which the plan is locked against edits.
LOCKED_STATES = {PlanState.ENTERED_IN_ERROR}
"""(An approved plan is not locked: a change needs a reason and voids the sign-off.)"""


class Answer(Model):
    value: AnswerValue | None = None
    not_applicable: bool = False
    note: str = ""
    source: InfoSource | None = None
    answered_at: datetime
    answered_by: str
    owner: str | None = None
    """Who will find out, for a "not yet" or "unknown" answer."""
    by_date: date | None = None
    """By when they will find out."""
    details: dict[str, DetailValue] | None = None
    """The content a "yes" carries (keyed by the checklist's detail ids)."""

    @property
    def has_value(self) -> bool:
        return self.not_applicable or self.value not in (None, "", [])


ShortText = Annotated[str, Limit(max_length=200)]


class Person(Model):
    id: str
    name: ShortText
    kind: PersonKind
    relationship: ShortText = ""
    """How they relate to the baby, e.g. "Maternal grandmother"."""
    role: ShortText = ""
    """Their role around the baby, e.g. "Will share care at weekends"."""
    in_household: bool | None = None
    """Lives in the household? None: nobody has said (never taken as "no")."""
    man: bool | None = None
    """Is this person a man? None: not yet recorded (plans made before the question)."""
    involvement: str = ""
    """What has been done to involve them."""
    assessment: str = ""
    """What has been assessed about them (checks, history, their part in the plan)."""
    reason_not_involved: str = ""
    """Why he has not been involved or assessed, if he has not."""
    notes: str = ""

    @property
    def is_man(self) -> bool:
        """Counted among the father and male carers."""
        if self.man is not None:
            return self.man
        return self.kind.is_male_carer

    @property
    def household_words(self) -> str:
        """"Yes", "No" or "Not recorded": what the plan holds on living in the household."""
        return {True: "Yes", False: "No", None: "Not recorded"}[self.in_household]

    @property
    def man_unrecorded(self) -> bool:
        return self.man is None and self.kind.adult_of_unknown_sex


class Agency(Model):
    id: str
    agency: ShortText
    practitioner: ShortText = ""
    role: str = ""
    """Their role and responsibility in this plan."""
    contact: ShortText = ""


class Action(Model):
    id: str
    what: str
    owner: ShortText = ""
    agency: ShortText = ""
    due: date | None = None
    status: ActionStatus = ActionStatus.NOT_STARTED
    outcome: ShortText = ""
    """The outcome this action serves, in the practitioner's words (the plan groups
    actions under it); '' when it is not linked to one."""


class Acknowledgement(Model):
    rule: str
    by: str
    at: datetime
    reason: str = ""


class Confirmation(Model):
    """A pause point read aloud and confirmed."""

    section: str
    by: str
    at: datetime
    present: list[str] = field(default_factory=list)
    """Who was there (names and roles, as typed)."""


class Shared(Model):
    """A copy of the plan given to someone: a person, team or agency, or the parents."""

    to: ShortText
    on: date
    parents: bool = False
    """True when this is the copy given to the parents."""
    by: str = ""
    role: ShortText = ""
    """Their agency or role, e.g. "Health visitor, Example Healthcare NHS Trust"."""
    how: ShortText = ""
    """How the copy was given, e.g. "Secure email", "By hand at the core group"."""
    content_hash: str = ""
    """The hash of what the plan said when the copy was given (core.review.content_hash,
    without challenges), so a copy the plan has since moved on from reads as out of date
    (core.copies); '' for a copy recorded before it was kept."""


APPROVED = "approved"
RETURNED = "returned"
DECISIONS = (APPROVED, RETURNED)
"""What a manager's decision (``SignOff.decision``) can be; a plan file saying anything
else is refused when it is read (core.plancheck)."""


class SignOff(Model):
    by: str
    role: str
    at: datetime
    decision: str
    rationale: str = ""
    content_hash: str = ""
    """For an approval: the hash of the plan's content that was approved (core.review)."""
    checklist_version: str = ""


class Challenge(Model):
    """A manager's question on one item, which the practitioner must answer."""

    id: str
    item: str
    text: str
    by: str
    role: str = ""
    at: datetime
    response: str = ""
    responded_by: str = ""
    responded_at: datetime | None = None

    @property
    def open(self) -> bool:
        return not self.response.strip()


class HistoryEntry(Model):
    at: datetime
    by: str
    what: str
    target: str = ""
    old: str = ""
    new: str = ""


class Plan(Model):
    format_version: int = FORMAT_VERSION
    id: str
    checklist_id: str
    checklist_version: str
    checklist_hash: str
    case_ref: Annotated[str, Limit(min_length=1, max_length=80)]
    edd: date | None = None
    dob: date | None = None
    babies_expected: Annotated[int, Limit(ge=1, le=8)] = 1
    prematurity_likely: bool = False
    practitioner: str = ""
    practitioner_role: str = ""
    state: PlanState = PlanState.DRAFT
    created: datetime
    updated: datetime
    answers: dict[str, Answer] = field(default_factory=dict)
    acknowledgements: list[Acknowledgement] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    confirmations: list[Confirmation] = field(default_factory=list)
    signoff: SignOff | None = None
    reviews: list[SignOff] = field(default_factory=list)
    """Every manager decision (approved or returned), oldest first."""
    challenges: list[Challenge] = field(default_factory=list)
    distribution: list[Shared] = field(default_factory=list)
    """Who the plan was shared with and when (not part of its content: sharing an
    approved plan does not void the approval)."""
    history: list[HistoryEntry] = field(default_factory=list)

    @property
    def read_only_reason(self) -> str | None:
        if self.state in LOCKED_STATES:
            return f"this plan is {self.state.label.lower()} and can no longer be changed"
        return None
