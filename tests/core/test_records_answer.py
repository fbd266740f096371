"""look-sw 6, second half (#12): where the plan's own records answer what an item asks
(an ``answered_by`` cross-check), the item's red flag and the gaps read them, and
an answer they contradict says so. PBA-F01 reads People's father, PBA-F11 its other men."""

from __future__ import annotations

from datetime import timedelta

import pytest

from checklist_tui.core.edit import Person, add_record, set_answer
from checklist_tui.core.engine import evaluate
from checklist_tui.core.gaps import item_flags
from checklist_tui.core.plan import PersonKind
from checklist_tui.core.plan_gaps import plan_gaps
from tests.conftest import NOW, TODAY
from tests.core.helpers import new_plan

PBA = "pre-birth-assessment"
EDD = TODAY + timedelta(weeks=10)  # 30 weeks today: "Father identified" (20 weeks) is overdue


@pytest.fixture
def pba(catalogue):
    return catalogue.get(PBA)


def _person(plan, name, kind, **extra):
    return add_record(plan, Person, by="t", now=NOW, name=name, kind=kind, **extra)


def _flags(lc, plan, item):
    ev = evaluate(lc.checklist, plan, TODAY)
    return ev, [f for f in ev.fired if f.item_id == item]


def test_an_unanswered_father_question_reads_the_father_in_people(pba) -> None:
    plan = new_plan(pba, edd=EDD)
    ev, [flag] = _flags(pba, plan, "PBA-F01")
    assert flag.red_flag and flag.message.startswith("Not yet recorded: is the baby's father")
    _person(plan, "Jordan Sample", PersonKind.FATHER)
    ev, flags = _flags(pba, plan, "PBA-F01")
    assert flags == []  # nobody said he is not identified, and People names him
    [held] = [p for p in ev.from_records if p.item_id == "PBA-F01"]
    assert held.reasons == ("People records the father: Jordan Sample (father)",)
    item = pba.checklist.item_map()["PBA-F01"]
    assert ("IN THE RECORDS: People records the father: Jordan Sample (father). Answer this "
            "question to say so here.") in item_flags(item, plan, ev)
    [late] = [g for g in plan_gaps(pba.checklist, plan, ev) if g.item_id == "PBA-F01"]
    assert late.label == "OVERDUE" and (
        ": not answered, though People records the father: Jordan Sample (father) (PBA-F01)"
        in late.text)
    assert "PBA-F01 is required and not answered yet" in ev.blockers()  # still to be answered


def test_a_male_carer_is_not_the_father(pba) -> None:
    plan = new_plan(pba, edd=EDD)
    _person(plan, "Sam Example", PersonKind.MALE_CARER)
    ev, [flag] = _flags(pba, plan, "PBA-F01")
    assert flag.message.startswith("Not yet recorded:")
    assert not [p for p in ev.from_records if p.item_id == "PBA-F01"]


@pytest.mark.parametrize("value", ["no", "unknown"])
def test_no_or_unknown_while_people_names_the_father_is_contradicted(pba, value) -> None:
    plan = new_plan(pba, edd=EDD)
    _person(plan, "Jordan Sample", PersonKind.FATHER)
    set_answer(plan, pba.checklist, "PBA-F01", value, by="t", now=NOW, owner="A. Worker",
               by_date=TODAY + timedelta(days=7))
    ev = evaluate(pba.checklist, plan, TODAY)
    [problem] = [p for p in ev.contradicted if p.item_id == "PBA-F01"]
    assert problem.reasons == ("People records the father: Jordan Sample (father)",)
    assert not [o for o in ev.open_answers if o.item_id == "PBA-F01"]
    assert any(b.startswith("PBA-F01 is contradicted by the plan: People records the father")
               for b in ev.blockers())
    [gap] = [g for g in plan_gaps(pba.checklist, plan, ev)
             if g.item_id == "PBA-F01" and g.label == "CONTRADICTED"]
    assert f"Answered {value.capitalize()}, but People records the father" in gap.text


def test_a_yes_is_not_checked_by_what_answers_the_question(pba) -> None:
    """answered_by says what a "no" or nothing means; a "yes" still needs its details (the
    father chosen from People), and is never refused for it."""
    plan = new_plan(pba, edd=EDD)
    set_answer(plan, pba.checklist, "PBA-F01", "yes", by="t", now=NOW)
    ev = evaluate(pba.checklist, plan, TODAY)
    assert not ev.contradicted and "PBA-F01" in {p.item_id for p in ev.incomplete}


def test_other_men_read_people_and_an_unrecorded_adult_counts_neither_way(pba) -> None:
    """PBA-F11 "is there any other man?": "no" while People records a male carer, or a
    visiting partner recorded as a man, is contradicted; an adult nobody has said is a man
    is not counted either way (never a man, never proof of no man)."""
    plan = new_plan(pba, edd=EDD)
    _person(plan, "Jordan Sample", PersonKind.FATHER)
    set_answer(plan, pba.checklist, "PBA-F11", "no", by="t", now=NOW)
    visitor = _person(plan, "Alex Visitor", PersonKind.VISITING_ADULT)
    ev = evaluate(pba.checklist, plan, TODAY)
    assert visitor.man is None and "PBA-F11" not in {p.item_id for p in ev.contradicted}
    _person(plan, "Pat Partner", PersonKind.VISITING_ADULT, man=True)
    ev = evaluate(pba.checklist, plan, TODAY)
    [problem] = [p for p in ev.contradicted if p.item_id == "PBA-F11"]
    assert problem.reasons == ("People records a man other than the father: Pat Partner "
                               "(adult who visits or stays)",)


def test_an_unanswered_other_men_question_says_what_people_holds(pba) -> None:
    plan = new_plan(pba, edd=EDD)
    _person(plan, "Sam Example", PersonKind.MALE_CARER)
    ev = evaluate(pba.checklist, plan, TODAY)
    [held] = [p for p in ev.from_records if p.item_id == "PBA-F11"]
    assert held.reasons == ("People records a man other than the father: Sam Example "
                            "(other male carer)",)
