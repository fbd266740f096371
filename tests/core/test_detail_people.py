"""look-c 2: "Is the baby's father identified?" (PBA-F01) took the mother, or the mother's
new partner recorded as "not the father", as the father, and the milestone read done. A
people detail restricted to kinds of person (``person_kinds``) names only people People
records as one of them: anyone else is refused when set, and contradicts the answer when
People changes after, in words that say who People records as the father."""

from __future__ import annotations

from datetime import timedelta

import pytest

from checklist_tui.core.definition import Detail
from checklist_tui.core.detail_people import offered
from checklist_tui.core.edit import Person, add_record, set_answer, set_detail, update_record
from checklist_tui.core.engine import DueStatus, evaluate
from checklist_tui.core.errors import PlanError
from checklist_tui.core.plan import PersonKind
from checklist_tui.core.plan_gaps import plan_gaps
from checklist_tui.core.strict import Invalid
from tests.conftest import NOW, TODAY
from tests.core.helpers import new_plan

PBA = "pre-birth-assessment"
EDD = TODAY + timedelta(weeks=10)


@pytest.fixture
def family(catalogue):
    lc = catalogue.get(PBA)
    plan = new_plan(lc, edd=EDD)
    people = {
        "mother": add_record(plan, Person, by="t", now=NOW, name="Kim Example",
                             kind=PersonKind.MOTHER),
        "partner": add_record(plan, Person, by="t", now=NOW, name="Casey Partner",
                              kind=PersonKind.VISITING_ADULT, man=True,
                              relationship="Mother's new partner (not the father)"),
        "father": add_record(plan, Person, by="t", now=NOW, name="Jordan Sample",
                             kind=PersonKind.FATHER),
    }
    set_answer(plan, lc.checklist, "PBA-F01", "yes", by="t", now=NOW)
    return lc, plan, people


def _f01(lc, plan):
    ev = evaluate(lc.checklist, plan, TODAY)
    [due] = [d for d in ev.due if d.item_id == "PBA-F01"]
    return ev, due


@pytest.mark.parametrize(("who", "words"), [
    ("mother", "Kim Example is recorded in People as the mother, not as the father; "
               "People records the father: Jordan Sample"),
    ("partner", "Casey Partner (Mother's new partner (not the father)) is recorded in People "
                "as an adult who visits or stays, not as the father; People records the "
                "father: Jordan Sample"),
])
def test_naming_someone_people_does_not_record_as_the_father_is_refused(family, who,
                                                                        words) -> None:
    lc, plan, people = family
    with pytest.raises(PlanError) as refused:
        set_detail(plan, lc.checklist, "PBA-F01", "people", [people[who].id], by="t", now=NOW)
    assert str(refused.value) == f"PBA-F01: The father (add him on the People page): {words}"
    assert not plan.answers["PBA-F01"].details  # nothing recorded
    ev, due = _f01(lc, plan)
    assert "PBA-F01" not in ev.done_items and due.status != DueStatus.DONE


def test_the_father_named_is_done(family) -> None:
    lc, plan, people = family
    set_detail(plan, lc.checklist, "PBA-F01", "people", [people["father"].id], by="t", now=NOW)
    ev, due = _f01(lc, plan)
    assert "PBA-F01" in ev.done_items and due.status == DueStatus.DONE
    assert not [p for p in ev.contradicted if p.item_id == "PBA-F01"]


def test_a_father_recorded_again_as_someone_else_contradicts_the_answer(family) -> None:
    lc, plan, people = family
    set_detail(plan, lc.checklist, "PBA-F01", "people", [people["father"].id], by="t", now=NOW)
    # People learns he is not the father after all: the yes no longer holds
    update_record(plan, Person, people["father"].id, by="t", now=NOW,
                  kind=PersonKind.VISITING_ADULT, relationship="Not the father (DNA test)",
                  why="A DNA test says he is not the father")  # out of the men: look-d D2
    ev, due = _f01(lc, plan)
    [problem] = [p for p in ev.contradicted if p.item_id == "PBA-F01"]
    assert problem.reasons == (
        "Jordan Sample (Not the father (DNA test)) is recorded in People as an adult who "
        "visits or stays, not as the father; People records no one as the father",)
    assert "PBA-F01" not in ev.done_items and due.status != DueStatus.DONE
    assert any(g.item_id == "PBA-F01" and g.label == "CONTRADICTED"
               for g in plan_gaps(lc.checklist, plan, ev))
    assert any(b.startswith("PBA-F01 is contradicted by the plan: Jordan Sample")
               for b in ev.blockers())


def test_the_list_offers_the_father_and_anyone_already_named(family) -> None:
    lc, plan, people = family
    [detail] = lc.checklist.item_map()["PBA-F01"].details
    assert [p.name for p in offered(detail, plan.people)] == ["Jordan Sample"]
    assert [p.name for p in offered(detail, plan.people, [people["mother"].id])] == [
        "Jordan Sample", "Kim Example"]  # named before the rule: shown, to be taken off
    anyone = Detail(kind="people", label="Who will care for the baby")
    assert [p.name for p in offered(anyone, plan.people)] == [
        "Kim Example", "Casey Partner", "Jordan Sample"]


def test_person_kinds_goes_only_with_people() -> None:
    with pytest.raises(Invalid):
        Detail(kind="text", label="The father", person_kinds=["father"])
