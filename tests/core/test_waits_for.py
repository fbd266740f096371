"""A section or question whose condition rests on a question nobody has answered yet
waits for it: it is never "does not apply" before anyone asked (look-d 13: "Looked-after
or care-leaver parent: does not apply" before anyone asked whether a parent is looked
after; the Family T mother was a looked-after child)."""

from __future__ import annotations

import pytest

from checklist_tui.core.conditions import weigh
from checklist_tui.core.definition import Condition
from checklist_tui.core.engine import evaluate
from checklist_tui.core.plan import Answer
from tests.conftest import NOW, TODAY
from tests.core.helpers import answer, new_plan


def ans(value) -> Answer:
    return Answer(value=value, answered_at=NOW, answered_by="t")


ANSWERS = {"yes": ans("yes"), "no": ans("no")}
OPEN = {"open": frozenset({"open"}), "later": frozenset({"root"})}


@pytest.mark.parametrize(("spec", "expected"), [
    ({"item": "yes", "equals": "yes"}, True),
    ({"item": "no", "equals": "yes"}, False),
    ({"item": "open", "equals": "yes"}, {"open"}),
    ({"item": "later", "equals": "yes"}, {"root"}),  # waits for what it waits for
    ({"item": "gone", "equals": "yes"}, False),  # ruled out: never asked
    ({"answered": "open"}, {"open"}),
    ({"not": {"item": "open", "equals": "yes"}}, {"open"}),
    ({"all": [{"item": "no", "equals": "yes"}, {"answered": "open"}]}, False),
    ({"all": [{"item": "yes", "equals": "yes"}, {"answered": "open"}]}, {"open"}),
    ({"any": [{"item": "yes", "equals": "yes"}, {"answered": "open"}]}, True),
    ({"any": [{"answered": "later"}, {"answered": "open"}]}, {"open", "root"}),
])
def test_weigh_three_states(spec, expected) -> None:
    said = weigh(Condition.model_validate(spec), ANSWERS, OPEN)
    assert said == (expected if isinstance(expected, bool) else frozenset(expected))


def test_section_waits_until_its_question_is_answered(mini) -> None:
    plan = new_plan(mini)
    ev = evaluate(mini.checklist, plan, TODAY)
    care = ev.section("care")
    assert care is not None and not care.visible
    assert care.waits_for == ("lac",)
    assert ev.waiting["pa_told"] == ("lac",)
    assert ev.waiting["father_seen"] == ("father_known",)
    assert ev.may_grow
    answer(plan, mini, lac="no", father_known="no")
    ev = evaluate(mini.checklist, plan, TODAY)
    care = ev.section("care")
    assert care is not None and not care.visible and care.waits_for == ()
    assert ev.waiting == {} and not ev.may_grow


def test_not_yet_is_still_waited_for(catalogue) -> None:
    loaded = catalogue.get("pre-birth-assessment")
    plan = answer(new_plan(loaded), loaded, **{"PBA-F01": "not_yet"})
    ev = evaluate(loaded.checklist, plan, TODAY)
    assert "PBA-F01" in ev.visible_items and ev.waiting["PBA-F02"] == ("PBA-F01",)


def test_looked_after_parent_waits_for_s08a(catalogue) -> None:
    loaded = catalogue.get("pre-birth-assessment")
    plan = new_plan(loaded)
    ev = evaluate(loaded.checklist, plan, TODAY)
    section = ev.section("looked-after-parent")
    assert section is not None and not section.visible
    assert section.waits_for == ("PBA-S08A",)
    assert "PBA-F02" in ev.waiting
    answer(plan, loaded, **{"PBA-S08A": "no"})
    section = evaluate(loaded.checklist, plan, TODAY).section("looked-after-parent")
    assert section is not None and section.waits_for == ()


def test_a_list_line_says_what_it_waits_for_in_words(catalogue) -> None:
    """rev7-tui 11: the section list said "(waits for PBA-S08A)": the checklist's
    numbering, where every other view names the question's words."""
    from checklist_tui.core.vocabulary import waits_for_short

    checklist = catalogue.get("pre-birth-assessment").checklist
    section_of = checklist.section_of()
    first, other = section_of["PBA-S08A"].title, section_of["PBA-F01"].title
    assert first != other
    assert waits_for_short(checklist, ("PBA-S08A",)) == f"waits for an answer in {first}"
    same = next(i.id for i in section_of["PBA-S08A"].items if i.id != "PBA-S08A")
    assert waits_for_short(checklist, ("PBA-S08A", same)) == f"waits for answers in {first}"
    assert waits_for_short(checklist, ("PBA-S08A", "PBA-F01")) == (
        f"waits for answers in {first} and 1 other section")
    assert waits_for_short(checklist, ()) == "n/a"
