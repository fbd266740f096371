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


def _problems(catalogue, tmp_path, old: str, new: str) -> list[str]:
    from pathlib import Path

    from checklist_tui.core.catalogue import load_checklist

    text = Path(catalogue.get("injury-non-mobile-baby").path).read_text(encoding="utf-8")
    changed = text.replace(old, new, 1)
    assert changed != text
    path = tmp_path / "injury.toml"
    path.write_text(changed, encoding="utf-8")
    _loaded, problems = load_checklist(path, catalogue.sources)
    return [f"{p.place}: {p.message} ({p.hint})" for p in problems]


def test_every_items_part_is_a_part_of_its_checklists_plan(catalogue, tmp_path) -> None:
    """An answer is never left out of the written plan unseen (look-d 10's plan_parts)."""
    listed = 'plan_parts = ["seen", "referral", "interim_safety", "strategy", '
    [said] = _problems(catalogue, tmp_path, listed, listed.replace('"interim_safety", ', ''))
    assert "item 'NAI-12'" in said and "plan_part 'interim_safety' is not a part of this " \
        "checklist's written plan (add it to the checklist's 'plan_parts')" in said
    said = _problems(catalogue, tmp_path, listed, listed.replace('"strategy", ',
                                                                '"strategy", "seen", '))
    assert said == ["plan_parts: 'seen' is listed twice (list each part once)"]
    without = _problems(catalogue, tmp_path, listed.replace("plan_parts", "\nplan_parts"),
                        "\n# " + listed)  # no list: the default parts have no "seen"
    assert any("item 'NAI-03'" in p and "'seen' is not one of the default parts" in p
               for p in without)
