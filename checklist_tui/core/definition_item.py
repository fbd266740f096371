"""One checklist item and what it carries (``core.definition`` re-exports them): its
options, due point, details, cross-checks and rules.
"""

# No `from __future__ import annotations`: the field types are made as the module loads
# (from its bytecode), not compiled from their text on every start (core.strict_decode).

from dataclasses import field
from enum import StrEnum
from typing import Annotated

from checklist_tui.core.definition_base import Condition, Id, ItemType, Scalar, Severity
from checklist_tui.core.plan_kinds import PersonKind
from checklist_tui.core.plan_part import PlanPart
from checklist_tui.core.strict import Limit, Strict


class Option(Strict):
    value: Id
    """Stable value stored in plans; keep it when you reword the label."""
    label: Annotated[str, Limit(min_length=1)]
    """What the practitioner sees."""


class DuePoint(Strict):
    """When an item should be done: a gestation (weeks+days), or days after birth or discharge."""

    weeks: Annotated[int, Limit(ge=4, le=42)] | None = None
    """Weeks of gestation (40+0 is the expected delivery date)."""
    days: Annotated[int, Limit(ge=0, le=6)] = 0
    """Extra days with `weeks`, so 28 weeks 3 days is weeks = 28, days = 3."""
    days_after_birth: Annotated[int, Limit(ge=0, le=365)] | None = None
    """Days after the date of birth (counted from the EDD until the birth is recorded)."""
    days_after_discharge: Annotated[int, Limit(ge=0, le=365)] | None = None
    """Days after the discharge date (a "discharge" date detail; from the birth until then)."""
    days_after_seen: Annotated[int, Limit(ge=0, le=365)] | None = None
    """Days after the day an injury or concern was seen (a "seen" date detail; from the day
    the plan was started until then): 0 is the same day."""
    label: str = ""
    """Short name of the milestone for timelines, e.g. "Pre-birth conference"."""

    def validated(self) -> None:
        bases = [self.weeks, self.days_after_birth, self.days_after_discharge,
                 self.days_after_seen]
        if bases.count(None) != len(bases) - 1:
            raise ValueError("a due point needs either 'weeks' (with optional 'days'), "
                             "'days_after_birth', 'days_after_discharge' or "
                             "'days_after_seen': one of them")
        if self.weeks is None and self.days:
            raise ValueError("'days' goes with 'weeks'; use 'days_after_birth' alone")

    def describe(self) -> str:
        if self.weeks is not None:
            return f"{self.weeks}+{self.days} weeks"
        if self.days_after_seen == 0:
            return "the day it was seen"
        n, after = ((self.days_after_seen, "it was seen") if self.days_after_seen is not None
                    else (self.days_after_birth, "birth") if self.days_after_discharge is None
                    else (self.days_after_discharge, "discharge"))
        return f"{n or 0} day{'' if n == 1 else 's'} after {after}"


# Word lists: each member's value is its name in lower case (StrEnum's rule), as the
# checklists spell it: DetailKind.DATE is "date", DateKind.CORE_GROUP is "core_group".
DetailKind = StrEnum("DetailKind", "DATE PEOPLE TEXT PLACE")
DateKind = StrEnum("DateKind", "MEETING CONFERENCE CORE_GROUP REVIEW DISCHARGE SEEN BIRTH OTHER")


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
    label: Annotated[str, Limit(min_length=1)]
    """What the practitioner is asked for, e.g. "Date of the discharge planning meeting"."""
    date_kind: DateKind | None = None
    """For dates: meeting, conference, core_group, review, discharge, seen (the day an
    injury or concern was seen), birth or other."""
    required: bool = True
    """A "yes" or "done" without this detail is incomplete and blocks completion."""
    person_kinds: list[PersonKind] = field(default_factory=list)
    """For people: only people People records as one of these kinds may be named, e.g.
    ["father"] for "The father". Anyone else named is refused, and contradicts the answer
    if People changes after (the list offers these people only). Empty: anyone in People."""

    @property
    def key(self) -> str:
        return self.id or self.kind.value

    def validated(self) -> None:
        if self.date_kind is not None and self.kind != DetailKind.DATE:
            raise ValueError("'date_kind' goes only with kind = \"date\"")
        if self.person_kinds and self.kind != DetailKind.PEOPLE:
            raise ValueError("'person_kinds' goes only with kind = \"people\"")


class PlanCheck(StrEnum):
    AGENCY_RECORDED = "agency_recorded"
    AGENCY_CONTACTS = "agency_contacts"
    MEN_RECORDED = "men_recorded"
    FATHER_RECORDED = "father_recorded"
    OTHER_MEN_RECORDED = "other_men_recorded"
    MEN_INVOLVEMENT = "men_involvement"
    ACTIONS_RECORDED = "actions_recorded"
    ACTIONS_OWNED = "actions_owned"


class CrossCheck(Strict):
    """A check of a "yes" or "done" against the plan's own data. Exactly one form:

    ``{ plan = "agency_contacts" }``, ``{ items_yes = ["ID", ...] }``,
    ``{ dates_on_day = ["ID", ...] }``, ``{ when = <condition>, message = "..." }``,
    ``{ answered_by = "father_recorded" }``, ``{ men_named = ["ID", ...] }``,
    ``{ age_at_least_months = 6, message = "..." }``.
    """

    plan: PlanCheck | None = None
    """agency_recorded: at least one agency; agency_contacts: every agency has a role, a
    named practitioner and contact details; men_recorded: at least one man in People;
    father_recorded: the father is in People; other_men_recorded: at least one man other
    than the father in People; men_involvement:
    every man has his involvement and assessment recorded, or a reason why not;
    actions_recorded: at least one action on the Actions page; actions_owned: every open
    action has an owner and a due date."""
    items_yes: list[Id] | None = None
    """These items are answered "yes" (or done), with their details."""
    dates_on_day: list[Id] | None = None
    """The date recorded with each of these items (its date detail) is "today" as this
    item says it: for "the dates recorded are today's date" on the day of discharge. In a
    pause point, the day it is confirmed (until then, the day the plan is looked at);
    elsewhere, the day this item is ticked."""
    when: Condition | None = None
    """This condition on the answers is true."""
    message: str = ""
    """What is wrong when the check fails (required with `when`)."""
    answered_by: PlanCheck | None = None
    """The plan's records answer this item's question "yes" while they pass this plan
    check (e.g. PBA-F01 with father_recorded): an answer of "no" or "unknown" is then
    contradicted, and an item nobody has answered raises no red flag as if its answer
    were the concern but says what the records hold. It does not check a "yes"."""
    men_named: list[Id] | None = None
    """The people named with each of these items (its people details), where it is
    answered "yes", include every man People records as living in or visiting the home
    (core.men_at_home): for "everyone at the address named" and "the advice given to
    every carer, any other man in or visiting the home included". The item may name
    itself."""
    age_at_least_months: Annotated[int, Limit(ge=1, le=216)] | None = None
    """A "yes" stands only for a baby at least this many months old (from the plan's date
    of birth) on the day the injury or concern was seen (a "seen" date detail), or else on
    the day it was answered; with no date of birth it does not stand. `message` (optional)
    says what to do instead, e.g. for "can the baby move about on their own?" with 6:
    "every baby under six months counts as not mobile"."""

    def validated(self) -> None:
        forms = [x for x in (self.plan, self.items_yes, self.dates_on_day, self.when,
                             self.answered_by, self.men_named, self.age_at_least_months)
                 if x is not None]
        if len(forms) != 1:
            raise ValueError("a cross-check needs exactly one of: plan, items_yes, "
                             "dates_on_day, when, answered_by, men_named, "
                             "age_at_least_months")
        for name, ids in (("items_yes", self.items_yes), ("dates_on_day", self.dates_on_day),
                          ("men_named", self.men_named)):
            if ids is not None and not ids:
                raise ValueError(f"'{name}' needs at least one item id")
        if self.when is not None and not self.message.strip():
            raise ValueError("a cross-check with 'when' needs a 'message' saying what is wrong")


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
    message: Annotated[str, Limit(min_length=1)]
    """What is wrong, in one sentence."""
    red_flag: bool = False
    """A red flag shows its escalation guidance prominently."""
    escalation: str = ""
    """What to do now, and who to tell. Required for red flags."""
    unless_contradicted: bool = False
    """Not shown while this item's own answer is contradicted by the plan: for a note that
    takes the answer as true (injury NAI-02B: "recorded as moving about on their own"
    under a Yes the baby's age contradicts). Only with `if_answer`; never on a red flag."""

    def validated(self) -> None:
        if (self.if_answer is None) == (self.when is None):
            raise ValueError("a rule needs either 'if_answer' or 'when', not both")
        if self.unless_contradicted and (self.red_flag or self.if_answer is None):
            raise ValueError(
                "'unless_contradicted' is for a note on this item's own answer (with "
                "'if_answer'): a red flag is never hidden")
        if self.red_flag and not self.escalation.strip():
            raise ValueError(
                "a red flag needs 'escalation' guidance: say what to do and who to tell")


class Item(Strict):
    id: Id
    """Stable id, kept apart from the wording; plans and exports cite it."""
    prompt: Annotated[str, Limit(min_length=1)]
    """One short question or instruction."""
    type: ItemType
    """check, yes_no, yes_no_unknown, single_choice, multi_choice, short_text, long_text, date."""
    guidance: str = ""
    """Why this matters, in one or two sentences; shown on demand."""
    required: bool = False
    """A required item must be answered (while it is shown) before completion."""
    allow_na: bool = False
    """The item may be answered "not applicable"."""
    options: list[Option] = field(default_factory=list)
    """Choices for single_choice and multi_choice items."""
    show_if: Condition | None = None
    """The item is shown only when this condition is true."""
    rules: list[Rule] = field(default_factory=list)
    """Red flags, warnings and notes raised by the answers."""
    refs: Annotated[list[Id], Limit(min_length=1)]
    """Ids from sources.toml: the recommendations and practice sources this item serves."""
    due: DuePoint | None = None
    """When the item should be done, counted from the EDD or the date of birth."""
    not_yet: bool = False
    """The item may be answered "not yet" (yes_no, yes_no_unknown and check items)."""
    concern: list[Scalar] = field(default_factory=list)
    """Answers that are a concern, e.g. ["no", "unknown"]: listed under Gaps and risks."""
    about_men: bool = False
    """The item is about the father or other male carers: its gaps and risks rank first."""
    details: list[Detail] = field(default_factory=list)
    """What a "yes" or "done" must carry (a date, people, a text, a place)."""
    cross_checks: list[CrossCheck] = field(default_factory=list)
    """Checks of a "yes" or "done" against the plan's own data."""
    needed_at_birth: bool = False
    """Must be in place when the baby is born: listed in "if the baby were born today"."""
    plan_part: PlanPart | None = None
    """The part of the written plan this item's answer supplies, e.g. "birth" (see PlanPart)."""
    replaces: dict[Id, dict[str, Scalar]] = field(default_factory=dict)
    """Ids of earlier versions' items this item replaces, each with a table from an old answer
    to the answer it means here, carried by `upgrade`; {} when no answer carries over."""

    @property
    def date_detail(self) -> Detail | None:
        return next((d for d in self.details if d.kind == DetailKind.DATE), None)


def rule_id(item: Item, index: int) -> str:
    """The stable, plan-wide id of an item's rule."""
    rule = item.rules[index]
    return f"{item.id}.{rule.id or index + 1}"
