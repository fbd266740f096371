"""The checklist definition format: what a partnership writes in a TOML file.

Every model forbids unknown keys so that a typo is an error with a suggestion,
never a silently ignored setting. Field docstrings become descriptions in the
JSON Schema (``docs/checklist-schema.json``) that checklist authors can use: only
``core.schema`` reads them (reading them at import cost most of pydantic's start-up).

The format is kept in three modules, by job: ``definition_base`` (ids,
answer types, severities, conditions), ``definition_item`` (an item and what it carries)
and this one (a section, the checklist as a whole, the sources file). Import any of their
names from here.
"""

# No `from __future__ import annotations`: the field types are made as the module loads
# (from its bytecode), not compiled from their text on every start (core.strict_decode).

import re
from dataclasses import field
from datetime import date
from typing import Annotated, Literal

from checklist_tui.core.definition_base import (
    CHOICE_TYPES,
    FIXED_VALUES,
    ID_PATTERN,
    NOT_YET,
    TEXT_TYPES,
    TICK_TYPES,
    Condition,
    Id,
    ItemType,
    Scalar,
    Severity,
)
from checklist_tui.core.definition_item import (
    CrossCheck,
    DateKind,
    Detail,
    DetailKind,
    DuePoint,
    Item,
    Option,
    PlanCheck,
    Rule,
    rule_id,
)
from checklist_tui.core.plan_part import PlanPart
from checklist_tui.core.strict import After, Limit, Strict, defaults

__all__ = [
    "CHOICE_TYPES", "FIXED_VALUES", "ID_PATTERN", "NOT_YET", "SEMVER", "TEXT_TYPES",
    "TICK_TYPES", "Checklist", "Condition", "CrossCheck", "DateKind", "Detail", "DetailKind",
    "DuePoint", "Id", "Item", "ItemType", "Option", "PlanCheck", "Rule", "Scalar", "Section",
    "Severity", "Source", "SourcesFile", "Strict", "Timescales", "rule_id",
]

SEMVER = re.compile(r"^\d+\.\d+\.\d+$")


def _semver(value: str) -> str:
    if not SEMVER.match(value):
        raise ValueError(f"'{value}' is not a semantic version like 1.0.0")
    return value


class Section(Strict):
    id: Id
    title: Annotated[str, Limit(min_length=1)]
    description: str = ""
    """What this phase is for and when it happens."""
    pause_point: bool = False
    """A short stop-and-confirm list of killer items (at most nine)."""
    show_if: Condition | None = None
    """The whole section is shown only when this condition is true."""
    items: Annotated[list[Item], Limit(min_length=1)]


class Timescales(Strict):
    multiple_birth_weeks_earlier: Annotated[int, Limit(ge=0, le=12)] = 2
    """Gestation due points move this many weeks earlier for twins or likely prematurity."""
    due_soon_days: Annotated[int, Limit(ge=0, le=90)] = 14
    """A due point is 'due soon' this many days ahead."""


class Checklist(Strict):
    id: Id
    """Stable id; plans record it. A local checklist with a built-in's id replaces it."""
    title: Annotated[str, Limit(min_length=1)]
    version: Annotated[str, After(_semver)]
    """Semantic version, e.g. 1.2.0. Change it whenever the content changes."""
    audience: Annotated[str, Limit(min_length=1)]
    """Who uses it, e.g. "Assessing social worker"."""
    description: Annotated[str, Limit(min_length=1)]
    """Who uses it and when."""
    owner: Annotated[str, Limit(min_length=1)]
    """Who maintains it (a team or role, not a person's name)."""
    review_date: date
    """When the content must next be reviewed."""
    mode: Literal["do-confirm", "read-do"] = "do-confirm"
    """do-confirm: work from memory then confirm; read-do: read each step, then do it."""
    timescales: Timescales = field(default_factory=defaults(Timescales))
    takes_edd: bool = True
    """false for a checklist about a baby already born (the injury checklist): its plans
    take no expected delivery date, and one typed for it is refused."""
    plan_parts: list[PlanPart] | None = None
    """The parts of this checklist's written plan, in order, e.g. ["seen", "referral",
    "interim_safety", ...] for the injury checklist. Leave it out for the parts of a
    pre-birth, child protection or discharge plan (why_plan, strengths, must_change,
    outcomes, parents_expected, contingency, birth, discharge, not_alone, men, agencies,
    core_group, review). A part listed that no item supplies says "Not yet recorded: this
    checklist does not ask for it"; a part not listed is not in the written plan, so every
    item's plan_part must be listed."""
    sections: Annotated[list[Section], Limit(min_length=1)]

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
    title: Annotated[str, Limit(min_length=1)]
    summary: Annotated[str, Limit(min_length=1)]
    """One line, in our own words."""
    group: Annotated[str, Limit(min_length=1)]
    """e.g. "Family T recommendation", "Family T theme", "Myth of Invisible Men"."""
    must_cover: bool = False
    """Every shipped set of checklists must have at least one item citing this source."""
    served_by: str = ""
    """For a must-cover source that ticks cannot serve: what serves it instead (for example
    the team manager's assurance report). Coverage then reports it as served there."""
    citation: str = ""
    """Where the source can be found (kept as text; the app never goes online)."""


class SourcesFile(Strict):
    sources: Annotated[list[Source], Limit(min_length=1)]
