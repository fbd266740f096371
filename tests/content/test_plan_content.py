"""Pre-birth 2.1.0: the parts of the written plan the checklist now records (#13.1)."""

from __future__ import annotations

from datetime import date

import pytest

from checklist_tui.core.definition import DetailKind, ItemType
from checklist_tui.core.edit import set_detail
from checklist_tui.core.engine import DueStatus, evaluate
from checklist_tui.core.plan_part import DEFAULT_PARTS, PlanPart, risk_items, written_parts
from tests.conftest import NOW, TODAY
from tests.core.helpers import answer, new_plan

PBA = "pre-birth-assessment"


def _ev(catalogue, **answers):
    lc = catalogue.get(PBA)
    return evaluate(lc.checklist, answer(new_plan(lc), lc, **answers), TODAY)


def test_the_pre_birth_checklist_supplies_every_part_of_the_plan(catalogue) -> None:
    """Agencies and named contacts come from the plan's Agencies page, not an answer."""
    items = [i for _s, i in catalogue.get(PBA).checklist.all_items()]
    assert {i.plan_part for i in items if i.plan_part} == set(DEFAULT_PARTS) - {
        PlanPart.AGENCIES}
    assert catalogue.get(PBA).checklist.plan_parts is None  # the default parts, in order


def test_the_injury_plan_has_its_own_parts_and_supplies_each(catalogue) -> None:
    """Look-d 10: an injury plan laid out as a pre-birth plan said "Who must not be alone
    with the baby: not yet recorded" above an interim safety plan that named him."""
    checklist = catalogue.get("injury-non-mobile-baby").checklist
    parts = written_parts(checklist.plan_parts)
    assert parts[:5] == (PlanPart.SEEN, PlanPart.REFERRAL, PlanPart.INTERIM_SAFETY,
                         PlanPart.STRATEGY, PlanPart.OTHER_CHILDREN)
    assert not set(parts) & {PlanPart.BIRTH, PlanPart.NOT_ALONE, PlanPart.WHY_PLAN,
                             PlanPart.OUTCOMES}
    items = checklist.item_map()
    supplied = {i.plan_part for i in items.values() if i.plan_part}
    assert supplied == set(parts) - {PlanPart.AGENCIES}  # the Agencies page supplies that
    assert items["NAI-12"].plan_part == PlanPart.INTERIM_SAFETY
    assert "must not be alone" in items["NAI-12"].details[0].label


@pytest.mark.parametrize(("outcome", "shown"), [
    ("nfa", False), ("early_help", True), ("cin", True), ("icpc", True), ("legal", True)])
def test_the_written_plan_is_asked_for_whenever_there_is_a_plan(catalogue, outcome,
                                                                shown) -> None:
    ev = _ev(catalogue, **{"PBA-X06": outcome})
    assert ("written-plan" in ev.visible_sections) is shown
    for item in ("PBA-WP01", "PBA-WP02", "PBA-E01", "PBA-E04"):
        assert (item in ev.visible_items) is shown
    assert (("written-plan", "PBA-E01") in ev.open_required) is shown


@pytest.mark.parametrize(("risk", "outcome"), [
    ("PBA-P04", "PBA-O01"), ("PBA-P05", "PBA-O02"), ("PBA-P09", "PBA-O03"),
    ("PBA-P06", "PBA-O04"), ("PBA-P03", "PBA-O05")])
def test_an_outcome_is_asked_for_each_risk_found_and_only_then(catalogue, risk,
                                                               outcome) -> None:
    with_risk = _ev(catalogue, **{"PBA-X06": "icpc", risk: "yes"})
    assert outcome in with_risk.visible_items
    assert ("written-plan", outcome) in with_risk.open_required
    without = _ev(catalogue, **{"PBA-X06": "icpc", risk: "no"})
    assert outcome not in without.visible_items


def test_every_risk_outcome_names_the_risk_it_answers(catalogue) -> None:
    checklist = catalogue.get(PBA).checklist
    items = checklist.item_map()
    outcomes = [i for _s, i in checklist.all_items() if i.plan_part == PlanPart.OUTCOMES]
    assert len(outcomes) >= 6
    for item in outcomes:
        assert item.type == ItemType.LONG_TEXT, item.id
        risks = risk_items(item)
        if item.id == "PBA-O06":  # any other outcome: not tied to one risk
            assert risks == []
            continue
        assert risks, item.id
        for risk in risks:  # the risk item's "yes" is a concern: the outcome answers it
            assert "yes" in items[risk].concern, (item.id, risk)
    assert risk_items(items["PBA-X04"]) == []  # not an outcome item


def test_what_is_expected_of_the_men_is_asked_when_they_are_known(catalogue) -> None:
    none = _ev(catalogue, **{"PBA-X06": "cin"})
    assert "PBA-E02" not in none.visible_items and "PBA-E03" not in none.visible_items
    known = _ev(catalogue, **{"PBA-X06": "cin", "PBA-F01": "yes", "PBA-F11": "yes"})
    assert {"PBA-E02", "PBA-E03"} <= known.visible_items
    items = catalogue.get(PBA).checklist.item_map()
    assert items["PBA-E02"].about_men and items["PBA-E03"].about_men


def test_a_yes_without_its_content_is_incomplete(catalogue) -> None:
    """Under 2.1.0 a "yes" to the analysis, strengths or exclusion items must carry the
    words that go in the plan."""
    ev = _ev(catalogue, **{"PBA-X06": "icpc", "PBA-X01": "yes", "PBA-X02": "yes",
                           "PBA-BP03": "yes", "PBA-D01": "yes", "PBA-D02": "yes"})
    incomplete = {p.item_id for p in ev.incomplete}
    assert {"PBA-X01", "PBA-X02", "PBA-BP03", "PBA-D01", "PBA-D02"} <= incomplete


def test_nobody_barred_from_being_alone_with_the_baby_is_noted_when_there_is_violence(
        catalogue) -> None:
    quiet = _ev(catalogue, **{"PBA-X06": "icpc", "PBA-D02": "no", "PBA-P06": "no"})
    assert "PBA-D02.violence-named" not in {f.rule_id for f in quiet.fired}
    noted = _ev(catalogue, **{"PBA-X06": "icpc", "PBA-D02": "no", "PBA-P06": "yes"})
    assert "PBA-D02.violence-named" in {f.rule_id for f in noted.fired}
    unknown = _ev(catalogue, **{"PBA-X06": "icpc", "PBA-D02": "unknown"})
    assert "PBA-D02" in {a.item_id for a in unknown.open_answers}


def test_core_group_and_review_are_dates_and_a_late_core_group_misses_its_due_point(
        catalogue) -> None:
    items = catalogue.get(PBA).checklist.item_map()
    assert items["PBA-D03"].date_detail.date_kind == "core_group"
    assert items["PBA-D04"].date_detail.date_kind == "review"
    assert [d.kind for d in items["PBA-BP09"].details] == [DetailKind.PLACE]
    lc = catalogue.get(PBA)
    plan = answer(new_plan(lc, edd=date(2027, 3, 1)), lc, **{"PBA-X06": "icpc"})
    # 32 weeks of an EDD of 01/03/2027 is 04/01/2027: a core group booked after it is late
    answer(plan, lc, **{"PBA-D03": True})
    set_detail(plan, lc.checklist, "PBA-D03", "date", date(2027, 1, 20), by="t", now=NOW)
    due = {d.item_id: d for d in evaluate(lc.checklist, plan, TODAY).due}["PBA-D03"]
    assert due.status != DueStatus.DONE
    set_detail(plan, lc.checklist, "PBA-D03", "date", date(2026, 12, 17), by="t", now=NOW)
    due = {d.item_id: d for d in evaluate(lc.checklist, plan, TODAY).due}["PBA-D03"]
    assert due.status == DueStatus.BOOKED  # met, by a meeting still to come


def test_the_midwife_visit_is_due_a_day_after_discharge_not_birth(catalogue) -> None:
    """L9: a baby kept on the ward for a week is not overdue for a home visit."""
    from checklist_tui.core.engine import discharge_date, due_date

    lc = catalogue.get("discharge-planning-meeting")
    items = lc.checklist.item_map()
    assert items["DPM-V03"].due.describe() == "1 day after discharge"
    plan = new_plan(lc, edd=date(2026, 11, 20), dob=date(2026, 11, 18))
    assert due_date(lc.checklist, plan, items["DPM-V03"], plan.dob) == date(2026, 11, 19)
    answer(plan, lc, **{"DPM-V01": "yes"})
    set_detail(plan, lc.checklist, "DPM-V01", "date", date(2026, 11, 26), by="t", now=NOW)
    assert discharge_date(lc.checklist, plan) == date(2026, 11, 26)
    assert due_date(lc.checklist, plan, items["DPM-V03"], plan.dob) == date(2026, 11, 27)
    due = {d.item_id: d for d in evaluate(lc.checklist, plan, TODAY).due}["DPM-V03"]
    assert due.status != DueStatus.OVERDUE  # today 25/11, still on the ward
    assert items["DPM-V05"].due.days_after_birth == 14  # the new-birth visit: from birth
