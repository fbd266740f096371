"""Checklists 2.0.0: the new skip logic and red flags the practice review asked for."""

from __future__ import annotations

from datetime import date

import pytest

from checklist_tui.core.definition import ItemType, Severity
from checklist_tui.core.engine import evaluate
from tests.conftest import TODAY
from tests.core.helpers import answer, new_plan


def _ev(catalogue, checklist_id, **answers):
    lc = catalogue.get(checklist_id)
    return evaluate(lc.checklist, answer(new_plan(lc), lc, **answers), TODAY)


def _flags(ev) -> set[str]:
    return {f.rule_id for f in ev.red_flags}


# -- pre-birth: skip logic -----------------------------------------------------------

@pytest.mark.parametrize(("outcome", "shown"), [
    ("nfa", False), ("early_help", False), ("cin", True), ("icpc", True), ("legal", True)])
def test_birth_plan_section_shows_for_every_plan_not_only_domestic_abuse(
        catalogue, outcome, shown) -> None:
    ev = _ev(catalogue, "pre-birth-assessment", **{"PBA-X06": outcome, "PBA-P04": "no"})
    assert ("birth-plan" in ev.visible_sections) is shown
    assert ("PBA-BP01" in ev.visible_items) is shown
    assert "PBA-R07" not in ev.visible_items  # the domestic-abuse ward questions stay under P04


def test_two_babies_item_shows_for_twins_not_for_a_single_premature_baby(catalogue) -> None:
    single_early = _ev(catalogue, "pre-birth-assessment",
                       **{"PBA-S07A": "one", "PBA-S07B": "yes"})
    assert "PBA-B04" not in single_early.visible_items
    twins = _ev(catalogue, "pre-birth-assessment", **{"PBA-S07A": "two"})
    assert "PBA-B04" in twins.visible_items


def test_youth_justice_is_separate_from_care_status(catalogue) -> None:
    yj_only = _ev(catalogue, "pre-birth-assessment",
                  **{"PBA-S08A": "no", "PBA-S08B": "yes"})
    assert "looked-after-parent" not in yj_only.visible_sections
    assert "PBA-A06" in yj_only.visible_items
    in_care = _ev(catalogue, "pre-birth-assessment",
                  **{"PBA-S08A": "yes", "PBA-S08B": "no"})
    assert "looked-after-parent" in in_care.visible_sections
    assert "PBA-L07" in in_care.visible_items and "PBA-A06" not in in_care.visible_items


def test_substance_use_disclosed_brings_follow_through(catalogue) -> None:
    follow = {"PBA-P12", "PBA-P13", "PBA-P14"}
    assert not follow & _ev(catalogue, "pre-birth-assessment",
                            **{"PBA-P05": "no"}).visible_items
    ev = _ev(catalogue, "pre-birth-assessment", **{"PBA-P05": "yes"})
    assert follow <= ev.visible_items
    assert {i for _s, i in ev.open_required} >= follow


def test_mental_health_is_a_trigger_with_a_suicide_red_flag(catalogue) -> None:
    ev = _ev(catalogue, "pre-birth-assessment", **{"PBA-P09": "yes", "PBA-P11": "yes"})
    assert {"PBA-P10", "PBA-P11"} <= ev.visible_items
    flag = next(f for f in ev.red_flags if f.rule_id == "PBA-P11.suicide-risk")
    assert "999" in flag.escalation


def test_father_core_items_are_required_when_he_is_identified(catalogue) -> None:
    ev = _ev(catalogue, "pre-birth-assessment", **{"PBA-F01": "yes", "PBA-F02": "yes"})
    open_ids = {i for _s, i in ev.open_required}
    assert {"PBA-F03", "PBA-F07B", "PBA-F08", "PBA-F08B", "PBA-F13"} <= open_ids


def test_legal_planning_is_asked_alongside_any_recommendation(catalogue) -> None:
    ev = _ev(catalogue, "pre-birth-assessment", **{"PBA-X06": "icpc", "PBA-X10": "yes"})
    assert {"PBA-X11", "PBA-X12", "PBA-X08", "PBA-F14"} <= ev.visible_items
    items = catalogue.get("pre-birth-assessment").checklist.item_map()
    assert [d.kind for d in items["PBA-X08"].details] == ["date"] and items["PBA-X08"].due


# -- pre-birth: red flags -------------------------------------------------------------

@pytest.mark.parametrize(("answers", "rule"), [
    ({"PBA-P03": "yes"}, "PBA-P03.previous-child"),
    ({"PBA-S10": "yes"}, "PBA-S10.late"),
    ({"PBA-C01": "yes"}, "PBA-C01.disengaging"),
    ({"PBA-F01": "yes", "PBA-F02": "yes", "PBA-F03": "no"}, "PBA-F03.not-alone"),
    ({"PBA-X06": "cin", "PBA-BP06": "no"}, "PBA-BP06.not-warned"),
    ({"PBA-X06": "icpc"}, "PBA-X06.no-strategy"),
])
def test_pre_birth_red_flags(catalogue, answers, rule) -> None:
    assert rule in _flags(_ev(catalogue, "pre-birth-assessment", **answers))


def test_no_strategy_flag_clears_once_a_strategy_discussion_is_recorded(catalogue) -> None:
    ev = _ev(catalogue, "pre-birth-assessment", **{"PBA-X06": "icpc", "PBA-W01A": "yes"})
    assert "PBA-X06.no-strategy" not in _flags(ev)
    assert {"PBA-W01B", "PBA-W02"} <= ev.visible_items
    # held without a midwife is still held: no false "no strategy discussion" flag
    ev = _ev(catalogue, "pre-birth-assessment",
             **{"PBA-X06": "icpc", "PBA-W01A": "yes", "PBA-W01B": "no"})
    assert "PBA-X06.no-strategy" not in _flags(ev)
    assert "PBA-W01B.no-midwife" in {f.rule_id for f in ev.fired}


# -- discharge ------------------------------------------------------------------------

def test_discharge_not_agreed_safe_blocks(catalogue) -> None:
    ev = _ev(catalogue, "discharge-planning-meeting", **{"DPM-C12": "no"})
    flag = next(f for f in ev.fired if f.rule_id == "DPM-C12.not-agreed")
    assert flag.red_flag and flag.severity == Severity.ERROR and not ev.can_complete


def test_safer_sleep_and_crying_have_the_same_severity(catalogue) -> None:
    items = catalogue.get("discharge-planning-meeting").checklist.item_map()
    severities = {i: [(r.severity, r.red_flag) for r in items[i].rules]
                  for i in ("DPM-S01", "DPM-S02", "DPM-S04")}
    assert len({tuple(v) for v in severities.values()}) == 1
    assert severities["DPM-S01"] == [(Severity.WARNING, True)]


def test_changed_risk_asks_for_a_strategy_discussion(catalogue) -> None:
    ev = _ev(catalogue, "discharge-planning-meeting", **{"DPM-M04": "yes", "DPM-M05": "no"})
    assert "DPM-M05.no-strategy" in _flags(ev)
    assert "DPM-M05" not in _ev(catalogue, "discharge-planning-meeting",
                                **{"DPM-M04": "no"}).visible_items


def test_pause_point_confirms_safe_discharge(catalogue) -> None:
    last = catalogue.get("discharge-planning-meeting").checklist.sections[-1]
    assert "DPM-K10" in [i.id for i in last.items]
    assert "safe" in next(i for i in last.items if i.id == "DPM-K10").prompt


# -- injury and looked-after parent -----------------------------------------------------

def test_injury_checklist_covers_other_signs_other_children_and_men(catalogue) -> None:
    items = catalogue.get("injury-non-mobile-baby").checklist.item_map()
    assert "twin" in items["NAI-11"].prompt
    assert "lip" in items["NAI-03B"].prompt and "eye" in items["NAI-03B"].prompt
    assert "man" in items["NAI-04B"].prompt and items["NAI-04B"].required
    assert "roll" in items["NAI-02B"].guidance
    ev = _ev(catalogue, "injury-non-mobile-baby", **{"NAI-16": "no"})
    assert "NAI-16.not-told" in _flags(ev)


def test_injury_mobile_baby_note_follows_the_new_polarity(catalogue) -> None:
    lc = catalogue.get("injury-non-mobile-baby")  # a yes stands only from six months old
    plan = answer(new_plan(lc, edd=None, dob=date(2025, 11, 1)), lc, **{"NAI-02B": "yes"})
    fired = {f.rule_id for f in evaluate(lc.checklist, plan, TODAY).fired}
    assert fired == {"NAI-02B.mobile"}
    assert not _ev(catalogue, "injury-non-mobile-baby", **{"NAI-02B": "no"}).fired


def test_looked_after_parent_path_for_a_care_leaver_father(catalogue) -> None:
    ev = _ev(catalogue, "looked-after-parent", **{"LAC-00": "father", "LAC-24": "no"})
    assert "LAC-24.father-left-out" in _flags(ev)
    assert "LAC-24" not in _ev(catalogue, "looked-after-parent",
                               **{"LAC-00": "pregnant"}).visible_items


def test_twin_offsets_are_the_same_in_every_checklist(catalogue) -> None:
    offsets = {lc.id: lc.checklist.timescales.multiple_birth_weeks_earlier
               for lc in catalogue.checklists.values()
               if any(i.due and i.due.weeks for _s, i in lc.checklist.all_items())}
    assert len(set(offsets.values())) == 1, offsets
    assert "looked-after-parent" in offsets


def test_due_points_on_meetings_are_met_by_dates_not_ticks(catalogue) -> None:
    for lc in catalogue.checklists.values():
        for _s, item in lc.checklist.all_items():
            label = (item.due.label if item.due else "").lower()
            if any(w in label for w in ("meeting", "conference", "review", "visit")):
                assert item.type == ItemType.DATE or any(
                    d.kind == "date" for d in item.details), item.id


# -- the #10 format features, applied throughout -------------------------------------------

def test_every_pause_point_item_has_a_cross_check(catalogue) -> None:
    for lc in catalogue.checklists.values():
        for section in lc.checklist.sections:
            if section.pause_point:
                assert [i.id for i in section.items if not i.cross_checks] == [], lc.id


def test_every_risk_rule_names_its_answer_as_a_concern(catalogue) -> None:
    """An answer that fires a warning or an error is a concern: it belongs in Gaps and risks."""
    for lc in catalogue.checklists.values():
        for _s, item in lc.checklist.all_items():
            for rule in item.rules:
                if rule.severity != Severity.INFO and rule.if_answer \
                        and item.type in (ItemType.YES_NO, ItemType.YES_NO_UNKNOWN):
                    assert set(rule.if_answer) <= set(item.concern), f"{lc.id}:{item.id}"


@pytest.mark.parametrize(("checklist_id", "item_id", "kinds"), [
    ("pre-birth-assessment", "PBA-F01", ["people"]),
    ("pre-birth-assessment", "PBA-W01A", ["date"]),
    ("pre-birth-assessment", "PBA-X08", ["date"]),
    ("pre-birth-assessment", "PBA-X09", ["date"]),
    ("pre-birth-assessment", "PBA-X11", ["date"]),
    ("pre-birth-assessment", "PBA-X04", ["text"]),
    ("pre-birth-assessment", "PBA-BP01", ["text"]),
    ("pre-birth-assessment", "PBA-BP03", ["people", "text"]),
    ("pre-birth-assessment", "PBA-N03", ["place"]),
    ("discharge-planning-meeting", "DPM-M01", ["date"]),
    ("discharge-planning-meeting", "DPM-R08", ["date"]),
    ("discharge-planning-meeting", "DPM-V01", ["date"]),
    ("discharge-planning-meeting", "DPM-C01", ["place"]),
    ("discharge-planning-meeting", "DPM-C02", ["people"]),
    ("discharge-planning-meeting", "DPM-C04", ["people"]),
    ("discharge-planning-meeting", "DPM-C08B", ["people", "text"]),
    ("discharge-planning-meeting", "DPM-R03", ["text"]),
    ("looked-after-parent", "LAC-08", ["place"]),
    ("injury-non-mobile-baby", "NAI-12", ["text"]),
])
def test_items_that_assert_content_carry_it(catalogue, checklist_id, item_id, kinds) -> None:
    item = catalogue.get(checklist_id).checklist.item_map()[item_id]
    assert [d.kind for d in item.details] == kinds
    assert all(d.required for d in item.details)


def test_a_yes_without_its_detail_is_incomplete(catalogue) -> None:
    ev = _ev(catalogue, "pre-birth-assessment", **{"PBA-X06": "cin", "PBA-BP01": "yes"})
    assert "PBA-BP01" in {i.item_id for i in ev.incomplete}
    assert not ev.can_complete


def test_safe_discharge_tick_is_refused_until_social_care_has_agreed(catalogue) -> None:
    from checklist_tui.core.edit import set_answer
    from checklist_tui.core.errors import PlanError
    from tests.conftest import NOW

    lc = catalogue.get("discharge-planning-meeting")
    plan = answer(new_plan(lc), lc, **{"DPM-C12": "no"})
    with pytest.raises(PlanError, match="DPM-K10"):
        set_answer(plan, lc.checklist, "DPM-K10", True, by="tester", now=NOW)
    plan = answer(new_plan(lc), lc, **{"DPM-C03": "daytime", "DPM-C04": "no"})
    with pytest.raises(PlanError, match="another adult must be present"):
        set_answer(plan, lc.checklist, "DPM-K03", True, by="tester", now=NOW)


def test_not_yet_on_the_birth_plan_waits_for_its_due_point(catalogue) -> None:
    from datetime import date

    lc = catalogue.get("pre-birth-assessment")
    plan = answer(new_plan(lc, edd=date(2027, 3, 1)), lc,
                  **{"PBA-X06": "icpc", "PBA-W01A": "yes", "PBA-BP06": "not_yet"})
    assert "PBA-BP06.not-warned" not in _flags(evaluate(lc.checklist, plan, TODAY))
    late = date(2027, 2, 20)  # after the 32-week birth-plan point: the item still isn't done
    ev = evaluate(lc.checklist, plan, late)
    assert "PBA-BP06" in {o.item_id for o in ev.open_answers}
