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

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import Field, field_validator

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
from checklist_tui.core.strict import Strict

__all__ = [
    "CHOICE_TYPES", "FIXED_VALUES", "ID_PATTERN", "NOT_YET", "SEMVER", "TEXT_TYPES",
    "TICK_TYPES", "Checklist", "Condition", "CrossCheck", "DateKind", "Detail", "DetailKind",
    "DuePoint", "Id", "Item", "ItemType", "Option", "PlanCheck", "Rule", "Scalar", "Section",
    "Severity", "Source", "SourcesFile", "Strict", "Timescales", "rule_id",
]

SEMVER = re.compile(r"^\d+\.\d+\.\d+$")


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
