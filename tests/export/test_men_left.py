"""look-d D2: a man removed from People vanished from every export ("Casey" appeared
nowhere), and a man recorded as not a man likewise. The written plan's men section lists
each, with who, when and why, in every format; a redacted copy names neither him nor the
person who removed him."""

from __future__ import annotations

import json
from datetime import timedelta

import jsonschema

from checklist_tui.core import store
from checklist_tui.core.edit import remove_record, update_record
from checklist_tui.core.plan import Person, PlanState
from checklist_tui.export.json_schema import export_schema
from checklist_tui.export.writer import render
from tests.conftest import EXAMPLES, NOW
from tests.export.docx_structure import docx_structure

WHY = "Moved out on 20/11/2026"


def _plan(catalogue):
    plan = store.load(EXAMPLES / "family-t-like-twins.toml").plan.model_copy(deep=True)
    plan.state = PlanState.DRAFT
    lc = catalogue.get(plan.checklist_id)
    jesse = next(p for p in plan.people if p.name == "Jesse Example")
    remove_record(plan, Person, jesse.id, by="Sam Social (fictional)",
                  now=NOW + timedelta(minutes=5), why=WHY)
    return lc, plan


def test_a_removed_man_is_listed_in_every_written_format(catalogue) -> None:
    lc, plan = _plan(catalogue)
    stamp = (NOW + timedelta(minutes=5)).astimezone().strftime("%d/%m/%Y %H:%M")
    said = f"Removed from People on {stamp} by Sam Social (fictional)"
    markdown = render("markdown", lc, plan, False, catalogue.sources)
    men = markdown[markdown.index("The men recorded in this plan"):
                   markdown.index("Other people around the baby")]
    assert "Jesse Example" in men and WHY in men and said in men
    assert "Mother's ex-partner; visits and sometimes stays" in men
    html = render("html", lc, plan, False, catalogue.sources)
    assert "Jesse Example" in html and WHY in html and said in html
    body = json.dumps(docx_structure(render("docx", lc, plan, False, catalogue.sources)))
    assert "Jesse Example" in body and WHY in body and said in body
    data = json.loads(render("json", lc, plan, False, catalogue.sources))
    jsonschema.validate(data, export_schema())
    [left] = data["computed"]["men_left"]
    assert (left["name"], left["what"], left["by"], left["why"]) == (
        "Jesse Example", "Removed from People", "Sam Social (fictional)", WHY)


def test_the_as_shipped_examples_list_no_one_gone(catalogue) -> None:
    for path in sorted(EXAMPLES.glob("*.toml")):
        plan = store.load(path).plan
        lc = catalogue.get(plan.checklist_id)
        text = render("markdown", lc, plan, False, catalogue.sources)
        assert "Men removed from People" not in text, path.name


def test_a_redacted_copy_names_neither_him_nor_who_removed_him(catalogue) -> None:
    lc, plan = _plan(catalogue)
    text = render("markdown", lc, plan, True, catalogue.sources)
    assert "Men removed from People or recorded as not a man" in text
    assert "Jesse" not in text and "Sam Social" not in text
    assert WHY in text


def test_a_man_recorded_as_not_a_man_is_listed_too(catalogue) -> None:
    lc, plan = _plan(catalogue)
    other = next(p for p in plan.people if p.is_man and p.kind.value != "father")
    update_record(plan, Person, other.id, by="t", now=NOW, man=False,
                  why="Recorded as a man by mistake")
    text = render("markdown", lc, plan, False, catalogue.sources)
    assert "Recorded as not a man on " in text and "Recorded as a man by mistake" in text


def test_show_lists_him_after_the_gaps(catalogue) -> None:
    from checklist_tui.export.show_report import render_show
    from checklist_tui.export.summary import build

    lc, plan = _plan(catalogue)
    lines = render_show(build(lc, plan, NOW, catalogue.sources)).splitlines()
    at = lines.index("Men removed from People or recorded as not a man:")
    assert lines[at + 1].startswith("  Jesse Example (Mother's ex-partner; visits and "
                                    "sometimes stays): Removed from People on ")
    assert lines[at + 1].endswith(f"by Sam Social (fictional): {WHY}")
