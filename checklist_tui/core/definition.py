"""The checklist definition format: what a partnership writes in a TOML file.

Every model forbids unknown keys so that a typo is an error with a suggestion,
never a silently ignored setting. Field docstrings become descriptions in the
JSON Schema (``docs/checklist-schema.json``) that checklist authors can use: only
``core.schema`` reads them (reading them at import cost most of pydantic's start-up).
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from checklist_tui.core.plan_part import PlanPart

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_-]*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=64)]
SEMVER = re.compile(r"^\d+\.\d+\.\d+$")

#: A value a condition or rule can compare an answer with.
Scalar = bool | str


class Strict(BaseModel):
    # defer_build: schemas are built on first use, not at import (faster start-up).
    # No use_attribute_docstrings here: core.schema adds the descriptions when it is asked.
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)


class ItemType(StrEnum):
    CHECK = "check"
    YES_NO = "yes_no"
    YES_NO_UNKNOWN = "yes_no_unknown"
    SINGLE_CHOICE = "single_choice"
    MULTI_CHOICE = "multi_choice"
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    DATE = "date"


#: The stored value of a "not yet" answer (items with ``not_yet = true``).
NOT_YET = "not_yet"
#: Item types that can be answered "not yet" and carry details.
TICK_TYPES = {"check", "yes_no", "yes_no_unknown"}
CHOICE_TYPES = {ItemType.SINGLE_CHOICE, ItemType.MULTI_CHOICE}
TEXT_TYPES = {ItemType.SHORT_TEXT, ItemType.LONG_TEXT, ItemType.DATE}
FIXED_VALUES: dict[ItemType, tuple[Scalar, ...]] = {
    ItemType.CHECK: (True,),
    ItemType.YES_NO: ("yes", "no"),
    ItemType.YES_NO_UNKNOWN: ("yes", "no", "unknown"),
}


class Severity(StrEnum):
    ERROR = "error"  # blocks completion
    WARNING = "warning"  # needs an acknowledgement, which is recorded
    INFO = "info"  # just shows


class Condition(Strict):
    """When something applies. Exactly one form per table:

    ``{ item = "ID", equals = "yes" }``, ``{ item = "ID", in = ["no", "unknown"] }``,
    ``{ answered = "ID" }``, ``{ all = [...] }``, ``{ any = [...] }``, ``{ not = {...} }``.
    """

    item: Id | None = None
    """The item whose answer is compared (with `equals` or `in`)."""
    equals: Scalar | None = None
    """True when the item's answer is this value (for multiple choice: includes it)."""
    in_: list[Scalar] | None = Field(default=None, alias="in")
    """True when the item's answer is one of these values."""
    answered: Id | None = None
    """True when this item has an answer that counts."""
    all: list[Condition] | None = None
    """True when every condition in the list is true."""
    any: list[Condition] | None = None
    """True when at least one condition in the list is true."""
    not_: Condition | None = Field(default=None, alias="not")
    """True when the condition inside is false."""

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        has = {
            name
            for name in ("item", "equals", "in_", "answered", "all", "any", "not_")
            if getattr(self, name) is not None
        }
        forms = [{"item", "equals"}, {"item", "in_"}, {"answered"}, {"all"}, {"any"}, {"not_"}]
        if has not in forms:
            shown = ", ".join(sorted(n.rstrip("_") for n in has)) or "nothing"
            raise ValueError(
                f"a condition needs exactly one of: item+equals, item+in, answered, all, any, "
                f"not (found {shown})"
            )
        for name in ("all", "any"):
            value = getattr(self, name)
            if value is not None and not value:
                raise ValueError(f"'{name}' needs at least one condition")
        return self

    def items(self) -> set[str]:
        """Every item id this condition depends on."""
        found: set[str] = set()
        if self.item:
            found.add(self.item)
        if self.answered:
            found.add(self.answered)
        for sub in (self.all or []) + (self.any or []):
            found |= sub.items()
        if self.not_ is not None:
            found |= self.not_.items()
        return found


class Option(Strict):
    value: Id
    """Stable value stored in plans; keep it when you reword the label."""
    label: str = Field(min_length=1)
    """What the practitioner sees."""


class DuePoint(Strict):
    """When an item should be done: a gestation (weeks+days), or days after birth or discharge."""

    weeks: int | None = Field(default=None, ge=4, le=42)
    """Weeks of gestation (40+0 is the expected delivery date)."""
    days: int = Field(default=0, ge=0, le=6)
    """Extra days with `weeks`, so 28 weeks 3 days is weeks = 28, days = 3."""
    days_after_birth: int | None = Field(default=None, ge=0, le=365)
    """Days after the date of birth (counted from the EDD until the birth is recorded)."""
    days_after_discharge: int | None = Field(default=None, ge=0, le=365)
    """Days after the discharge date (a "discharge" date detail; from the birth until then)."""
    label: str = ""
    """Short name of the milestone for timelines, e.g. "Pre-birth conference"."""

    @model_validator(mode="after")
    def _one_basis(self) -> DuePoint:
        if [self.weeks, self.days_after_birth, self.days_after_discharge].count(None) != 2:
            raise ValueError("a due point needs either 'weeks' (with optional 'days'), "
                             "'days_after_birth' or 'days_after_discharge': one of them")
        if self.weeks is None and self.days:
            raise ValueError("'days' goes with 'weeks'; use 'days_after_birth' alone")
        return self

    def describe(self) -> str:
        if self.weeks is not None:
            return f"{self.weeks}+{self.days} weeks"
        n, after = ((self.days_after_birth, "birth") if self.days_after_discharge is None
                    else (self.days_after_discharge, "discharge"))
        return f"{n or 0} day{'' if n == 1 else 's'} after {after}"


class DetailKind(StrEnum):
    DATE = "date"
    PEOPLE = "people"
    TEXT = "text"
    PLACE = "place"


class DateKind(StrEnum):
    MEETING = "meeting"
    CONFERENCE = "conference"
    CORE_GROUP = "core_group"
    REVIEW = "review"
    DISCHARGE = "discharge"
    BIRTH = "birth"
    OTHER = "other"


class Detail(Strict):
    """Content a positive answer must carry, e.g. the date of the meeting or who supervises.

    ``{ kind = "date", date_kind = "discharge", label = "Discharge date" }``,
    ``{ kind = "people", label = "Who must not be alone with the baby" }``,
    ``{ kind = "text", label = "The contingency plan" }``,
    ``{ kind = "place", label = "Address" }``.
    """

    id: Id | None = None
    """Stable key in plans; defaults to the kind. Needed only when an item has two of a kind."""
    kind: DetailKind
    """date, people (chosen from the plan's People), text (several lines) or place (an address)."""
    label: str = Field(min_length=1)
    """What the practitioner is asked for, e.g. "Date of the discharge planning meeting"."""
    date_kind: DateKind | None = None
    """For dates: meeting, conference, core_group, review, discharge, birth or other."""
    required: bool = True
    """A "yes" or "done" without this detail is incomplete and blocks completion."""

    @property
    def key(self) -> str:
        return self.id or self.kind.value

    @model_validator(mode="after")
    def _date_kind(self) -> Detail:
        if self.date_kind is not None and self.kind != DetailKind.DATE:
            raise ValueError("'date_kind' goes only with kind = \"date\"")
        return self


class PlanCheck(StrEnum):
    AGENCY_RECORDED = "agency_recorded"
    AGENCY_CONTACTS = "agency_contacts"
    MEN_RECORDED = "men_recorded"
    MEN_INVOLVEMENT = "men_involvement"
    ACTIONS_OWNED = "actions_owned"


class CrossCheck(Strict):
    """A check of a "yes" or "done" against the plan's own data. Exactly one form:

    ``{ plan = "agency_contacts" }``, ``{ items_yes = ["ID", ...] }``,
    ``{ when = <condition>, message = "..." }``.
    """

    plan: PlanCheck | None = None
    """agency_recorded: at least one agency; agency_contacts: every agency has a role and a
    named practitioner or contact; men_recorded: at least one man in People; men_involvement:
    every man has his involvement and assessment recorded, or a reason why not;
    actions_owned: every open action has an owner and a due date."""
    items_yes: list[Id] | None = None
    """These items are answered "yes" (or done), with their details."""
    when: Condition | None = None
    """This condition on the answers is true."""
    message: str = ""
    """What is wrong when the check fails (required with `when`)."""

    @model_validator(mode="after")
    def _one_form(self) -> CrossCheck:
        forms = [x for x in (self.plan, self.items_yes, self.when) if x is not None]
        if len(forms) != 1:
            raise ValueError("a cross-check needs exactly one of: plan, items_yes, when")
        if self.items_yes is not None and not self.items_yes:
            raise ValueError("'items_yes' needs at least one item id")
        if self.when is not None and not self.message.strip():
            raise ValueError("a cross-check with 'when' needs a 'message' saying what is wrong")
        return self


class Rule(Strict):
    """A check on the answers: a red flag, a warning or a note."""

    id: Id | None = None
    """Stable id for acknowledgements; defaults to the rule's position."""
    severity: Severity
    """error blocks completion; warning needs an acknowledgement; info just shows."""
    if_answer: list[Scalar] | None = None
    """Fires when this item's own answer is one of these values."""
    when: Condition | None = None
    """Fires when this condition is true (instead of `if_answer`)."""
    message: str = Field(min_length=1)
    """What is wrong, in one sentence."""
    red_flag: bool = False
    """A red flag shows its escalation guidance prominently."""
    escalation: str = ""
    """What to do now, and who to tell. Required for red flags."""

    @model_validator(mode="after")
    def _check(self) -> Rule:
        if (self.if_answer is None) == (self.when is None):
            raise ValueError("a rule needs either 'if_answer' or 'when', not both")
        if self.red_flag and not self.escalation.strip():
            raise ValueError(
                "a red flag needs 'escalation' guidance: say what to do and who to tell")
        return self


class Item(Strict):
    id: Id
    """Stable id, kept apart from the wording; plans and exports cite it."""
    prompt: str = Field(min_length=1)
    """One short question or instruction."""
    type: ItemType
    """check, yes_no, yes_no_unknown, single_choice, multi_choice, short_text, long_text, date."""
    guidance: str = ""
    """Why this matters, in one or two sentences; shown on demand."""
    required: bool = False
    """A required item must be answered (while it is shown) before completion."""
    allow_na: bool = False
    """The item may be answered "not applicable"."""
    options: list[Option] = Field(default_factory=list)
    """Choices for single_choice and multi_choice items."""
    show_if: Condition | None = None
    """The item is shown only when this condition is true."""
    rules: list[Rule] = Field(default_factory=list)
    """Red flags, warnings and notes raised by the answers."""
    refs: list[Id] = Field(min_length=1)
    """Ids from sources.toml: the recommendations and practice sources this item serves."""
    due: DuePoint | None = None
    """When the item should be done, counted from the EDD or the date of birth."""
    not_yet: bool = False
    """The item may be answered "not yet" (yes_no, yes_no_unknown and check items)."""
    concern: list[Scalar] = Field(default_factory=list)
    """Answers that are a concern, e.g. ["no", "unknown"]: listed under Gaps and risks."""
    about_men: bool = False
    """The item is about the father or other male carers: its gaps and risks rank first."""
    details: list[Detail] = Field(default_factory=list)
    """What a "yes" or "done" must carry (a date, people, a text, a place)."""
    cross_checks: list[CrossCheck] = Field(default_factory=list)
    """Checks of a "yes" or "done" against the plan's own data."""
    needed_at_birth: bool = False
    """Must be in place when the baby is born: listed in "if the baby were born today"."""
    plan_part: PlanPart | None = None
    """The part of the written plan this item's answer supplies, e.g. "birth" (see PlanPart)."""
    replaces: dict[Id, dict[str, Scalar]] = Field(default_factory=dict)
    """Ids of earlier versions' items this item replaces, each with a table from an old answer
    to the answer it means here, carried by `upgrade`; {} when no answer carries over."""

    @property
    def date_detail(self) -> Detail | None:
        return next((d for d in self.details if d.kind == DetailKind.DATE), None)


class Section(Strict):
    id: Id
    title: str = Field(min_length=1)
    description: str = ""
    """What this phase is for and when it happens."""
    pause_point: bool = False
    """A short stop-and-confirm list of killer items (at most nine)."""
    show_if: Condition | None = None
    """The whole section is shown only when this condition is true."""
    items: list[Item] = Field(min_length=1)


class Timescales(Strict):
    multiple_birth_weeks_earlier: int = Field(default=2, ge=0, le=12)
    """Gestation due points move this many weeks earlier for twins or likely prematurity."""
    due_soon_days: int = Field(default=14, ge=0, le=90)
    """A due point is 'due soon' this many days ahead."""


class Checklist(Strict):
    id: Id
    """Stable id; plans record it. A local checklist with a built-in's id replaces it."""
    title: str = Field(min_length=1)
    version: str
    """Semantic version, e.g. 1.2.0. Change it whenever the content changes."""
    audience: str = Field(min_length=1)
    """Who uses it, e.g. "Assessing social worker"."""
    description: str = Field(min_length=1)
    """Who uses it and when."""
    owner: str = Field(min_length=1)
    """Who maintains it (a team or role, not a person's name)."""
    review_date: date
    """When the content must next be reviewed."""
    mode: Literal["do-confirm", "read-do"] = "do-confirm"
    """do-confirm: work from memory then confirm; read-do: read each step, then do it."""
    timescales: Timescales = Field(default_factory=Timescales)
    sections: list[Section] = Field(min_length=1)

    @field_validator("version")
    @classmethod
    def _version(cls, value: str) -> str:
        if not SEMVER.match(value):
            raise ValueError(f"'{value}' is not a semantic version like 1.0.0")
        return value

    def all_items(self) -> list[tuple[Section, Item]]:
        return [(s, i) for s in self.sections for i in s.items]

    def item_map(self) -> dict[str, Item]:
        return {i.id: i for s in self.sections for i in s.items}

    def section_of(self) -> dict[str, Section]:
        return {i.id: s for s in self.sections for i in s.items}

    def item_count(self) -> int:
        return sum(len(s.items) for s in self.sections)


class Source(Strict):
    id: Id
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    """One line, in our own words."""
    group: str = Field(min_length=1)
    """e.g. "Family T recommendation", "Family T theme", "Myth of Invisible Men"."""
    must_cover: bool = False
    """Every shipped set of checklists must have at least one item citing this source."""
    served_by: str = ""
    """For a must-cover source that ticks cannot serve: what serves it instead (for example
    the team manager's assurance report). Coverage then reports it as served there."""
    citation: str = ""
    """Where the source can be found (kept as text; the app never goes online)."""


class SourcesFile(Strict):
    sources: list[Source] = Field(min_length=1)


def rule_id(item: Item, index: int) -> str:
    """The stable, plan-wide id of an item's rule."""
    rule = item.rules[index]
    return f"{item.id}.{rule.id or index + 1}"
