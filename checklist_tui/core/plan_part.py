"""Which part of the written plan an item's answer supplies (the item's ``plan_part``).

A plan document (a child protection or pre-birth plan, a birth or discharge plan) has
parts that people look for: why there is a plan, the strengths, what must change, and so
on. An item tagged with one of these parts supplies that part: the exports put its answer,
note and details under the part's heading in "The plan". The set of parts is fixed; the
headings are defined here, once. Which parts a checklist's written plan has, and in what
order, is the checklist's own (its ``plan_parts``): by default the parts of a pre-birth,
child protection or discharge plan (:data:`DEFAULT_PARTS`); the injury checklist's plan
has its own (look-d 10: an injury plan laid out as a pre-birth plan told a strategy
discussion that nobody was recorded as not to be left alone with the baby).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checklist_tui.core.definition import Item


class PlanPart(StrEnum):
    WHY_PLAN = "why_plan"
    STRENGTHS = "strengths"
    MUST_CHANGE = "must_change"
    OUTCOMES = "outcomes"
    PARENTS_EXPECTED = "parents_expected"
    MEN = "men"
    CONTINGENCY = "contingency"
    BIRTH = "birth"
    DISCHARGE = "discharge"
    NOT_ALONE = "not_alone"
    AGENCIES = "agencies"
    CORE_GROUP = "core_group"
    REVIEW = "review"
    SEEN = "seen"
    REFERRAL = "referral"
    INTERIM_SAFETY = "interim_safety"
    STRATEGY = "strategy"
    OTHER_CHILDREN = "other_children"

    @property
    def label(self) -> str:
        """The heading of this part in the written plan."""
        return _LABELS[self]

    @property
    def meaning(self) -> str:
        """What an item tagged with this part supplies (for checklist authors)."""
        return _MEANINGS[self]


#: The parts of a plan whose checklist does not list its own (``Checklist.plan_parts``),
#: in order (#13.1): what is wrong and what must happen first, then the arrangements, the
#: people and agencies, and the dates that hold it together.
DEFAULT_PARTS = (
    PlanPart.WHY_PLAN, PlanPart.STRENGTHS, PlanPart.MUST_CHANGE, PlanPart.OUTCOMES,
    PlanPart.PARENTS_EXPECTED, PlanPart.CONTINGENCY, PlanPart.BIRTH, PlanPart.DISCHARGE,
    PlanPart.NOT_ALONE, PlanPart.MEN, PlanPart.AGENCIES, PlanPart.CORE_GROUP, PlanPart.REVIEW)


def written_parts(declared: list[PlanPart] | None) -> tuple[PlanPart, ...]:
    """The parts of a checklist's written plan, in order: those it lists (``plan_parts``),
    else :data:`DEFAULT_PARTS`."""
    return tuple(declared) if declared else DEFAULT_PARTS


def risk_items(item: Item) -> list[str]:
    """For an "outcomes" item: the items whose answer shows the risk it answers (an outcome
    item is shown only when its risk is there, so they are the items of its ``show_if``).
    Empty for other items and for an outcome not tied to one risk."""
    if item.plan_part != PlanPart.OUTCOMES or item.show_if is None:
        return []
    return sorted(item.show_if.items())


_LABELS = {
    PlanPart.WHY_PLAN: "Why there is a plan",
    PlanPart.STRENGTHS: "Strengths",
    PlanPart.MUST_CHANGE: "What must change",
    PlanPart.OUTCOMES: "Outcomes for the baby",
    PlanPart.PARENTS_EXPECTED: "What is expected of each parent",
    PlanPart.MEN: "The father and the men around the baby",
    PlanPart.CONTINGENCY: "Contingency plan",
    PlanPart.BIRTH: "Birth arrangements",
    PlanPart.DISCHARGE: "Discharge arrangements",
    PlanPart.NOT_ALONE: "Who must not be alone with the baby",
    PlanPart.AGENCIES: "Agencies and named contacts",
    PlanPart.CORE_GROUP: "Core group",
    PlanPart.REVIEW: "Review",
    PlanPart.SEEN: "What was seen and when",
    PlanPart.REFERRAL: "Referral and paediatric appraisal",
    PlanPart.INTERIM_SAFETY: ("Interim safety plan: where and with whom the baby stays, and "
                              "who must not be alone with the baby"),
    PlanPart.STRATEGY: "Strategy discussion",
    PlanPart.OTHER_CHILDREN: "Other children (a twin especially)",
}

_MEANINGS = {
    PlanPart.WHY_PLAN: "the worries, in the family's own words and the professionals'",
    PlanPart.STRENGTHS: "what is going well and what protects the baby",
    PlanPart.MUST_CHANGE: "what must change for the baby to be safe, in plain words",
    PlanPart.OUTCOMES: "what the baby needs to be safe and well, each linked to the risk "
                       "it addresses",
    PlanPart.PARENTS_EXPECTED: "what each parent (and the men around the baby) must do",
    PlanPart.MEN: "the father and other men: who they are, their part in the plan, help for them",
    PlanPart.CONTINGENCY: "what happens if the plan is not followed or the situation changes",
    PlanPart.BIRTH: "place of birth, who the ward calls, who is kept off the unit and why",
    PlanPart.DISCHARGE: "when and where the baby goes on leaving hospital, with whom, and "
                        "supervision",
    PlanPart.NOT_ALONE: "anyone who must not be alone with the baby",
    PlanPart.AGENCIES: "each agency's role and named contact",
    PlanPart.CORE_GROUP: "core group meeting dates and members",
    PlanPart.REVIEW: "when the plan is next reviewed",
    PlanPart.SEEN: "an injury or mark: what was seen, when, the explanation given, and "
                   "earlier marks in the records",
    PlanPart.REFERRAL: "the referral to children's social care (its reference, who took it) "
                       "and the urgent paediatric appraisal (who, when, where)",
    PlanPart.INTERIM_SAFETY: "where and with whom the baby stays during enquiries, and who "
                             "must not be alone with the baby",
    PlanPart.STRATEGY: "the strategy discussion: when, and what it decided",
    PlanPart.OTHER_CHILDREN: "the other children in the home, and what was decided for each",
}
