"""``plan_part``: which part of the written plan an item's answer supplies."""

from __future__ import annotations

import json

from checklist_tui.core.definition import CHOICE_TYPES, TEXT_TYPES
from checklist_tui.core.plan_part import PlanPart
from tests.conftest import ROOT


def test_the_documented_parts_are_exactly_the_format_s_parts() -> None:
    doc = (ROOT / "docs" / "checklist-format.md").read_text(encoding="utf-8")
    rows = [line for line in doc.splitlines() if line.startswith("| `") and " | " in line]
    documented = {row.split("`")[1]: row.split(" | ")[1] for row in rows
                  if row.split("`")[1] in {p.value for p in PlanPart}}
    assert documented == {p.value: p.label for p in PlanPart}
    schema = json.loads((ROOT / "docs" / "checklist-schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["PlanPart"]["enum"] == [p.value for p in PlanPart]


def test_every_part_has_a_heading_and_a_meaning() -> None:
    for part in PlanPart:
        assert part.label and part.label[0].isupper()
        assert part.meaning and not part.meaning.endswith(".")


def test_a_tagged_item_carries_something_to_put_in_the_plan(catalogue) -> None:
    """A bare yes/no under "Birth arrangements" would say nothing: a tagged item is a text,
    a date or a choice, or carries details (the text, people, date or place of a yes)."""
    bare = [item.id for lc in catalogue.ordered() for _s, item in lc.checklist.all_items()
            if item.plan_part is not None and item.type not in TEXT_TYPES | CHOICE_TYPES
            and not item.details]
    assert bare == []


def test_the_shipped_checklists_supply_the_arrangements(catalogue) -> None:
    def parts(checklist_id: str) -> set[PlanPart]:
        lc = catalogue.get(checklist_id)
        return {i.plan_part for _s, i in lc.checklist.all_items() if i.plan_part}

    assert {PlanPart.BIRTH, PlanPart.CONTINGENCY, PlanPart.MEN,
            PlanPart.DISCHARGE} <= parts("pre-birth-assessment")
    assert {PlanPart.DISCHARGE, PlanPart.NOT_ALONE, PlanPart.CONTINGENCY,
            PlanPart.REVIEW} <= parts("discharge-planning-meeting")
