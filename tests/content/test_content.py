"""The shipped checklists: coverage, discipline, and skip logic and red flags on examples."""

from __future__ import annotations

from datetime import date

import pytest

from checklist_tui.core import store
from checklist_tui.core.checks import MAX_PAUSE_POINT_ITEMS
from checklist_tui.core.coverage import coverage
from checklist_tui.core.definition import ItemType, Severity
from checklist_tui.core.engine import DueStatus, evaluate
from tests.conftest import EXAMPLES, TODAY
from tests.core.helpers import answer, new_plan

CHECKLISTS = ["pre-birth-assessment", "discharge-planning-meeting", "looked-after-parent",
              "injury-non-mobile-baby"]


def test_all_four_checklists_ship_with_metadata(catalogue) -> None:
    assert sorted(catalogue.checklists) == sorted(CHECKLISTS)
    for lc in catalogue.checklists.values():
        c = lc.checklist
        assert c.owner and c.description and c.audience and c.review_date.year >= 2027


def test_every_recommendation_and_practice_message_is_cited(catalogue) -> None:
    rows = coverage(catalogue.sources, catalogue.ordered())
    assert not [r.source.id for r in rows if r.missing]
    must = {r.source.id for r in rows if r.source.must_cover}
    for rid in ["R1", "R2a", "R2b", "R2c", "R2d", "R3a", "R3b", "R3c", "R4", "R5", "R6a",
                "R6b", "R6c", "R7", "R8", "R9", "MOIM-P1", "MOIM-P2", "MOIM-P3", "MOIM-P4"]:
        assert rid in must


def test_items_are_short_single_questions(catalogue) -> None:
    for lc in catalogue.checklists.values():
        for _section, item in lc.checklist.all_items():
            assert len(item.prompt) <= 140, item.id
            assert item.prompt.count("?") <= 1, item.id
            assert "not un" not in item.prompt.lower(), item.id
            if item.guidance:
                assert item.guidance.count(".") <= 3, item.id


def test_every_item_says_why_it_matters(catalogue) -> None:
    """sources.toml says R9 is served by "the 'why this matters' guidance on every item";
    a pause point's tick says what the tool checks behind it and what only the people
    present can check (discharge 2.7.0: five ticks said nothing)."""
    for lc in catalogue.checklists.values():
        for _section, item in lc.checklist.all_items():
            assert item.guidance.strip(), item.id
    served = next(s for s in catalogue.sources.values() if s.id == "R9").served_by
    assert "guidance on every item" in served


def test_warnings_stay_rare(catalogue) -> None:
    """Warnings ask to be acknowledged, so too many get clicked through. Errors block instead
    and are counted apart: they are reserved for killer items (a discharge not agreed safe)."""
    for lc in catalogue.checklists.values():
        items = lc.checklist.all_items()
        warnings = [r for _s, i in items for r in i.rules if r.severity == Severity.WARNING]
        errors = [r for _s, i in items for r in i.rules if r.severity == Severity.ERROR]
        assert len(warnings) <= max(3, lc.checklist.item_count() // 6), lc.id
        assert len(errors) <= 4, lc.id


def test_discharge_pause_point(catalogue) -> None:
    checklist = catalogue.get("discharge-planning-meeting").checklist
    last = checklist.sections[-1]
    assert last.pause_point and last.title == "Confirm before discharge"
    assert len(last.items) <= MAX_PAUSE_POINT_ITEMS
    assert all(i.type == ItemType.CHECK and i.required for i in last.items)


def test_injury_checklist_is_read_do(catalogue) -> None:
    assert catalogue.get("injury-non-mobile-baby").checklist.mode == "read-do"


def _example(name):
    return store.load(EXAMPLES / name).plan


# -- pre-birth: skip logic and red flags ------------------------------------------

def test_pre_birth_looked_after_section_follows_care_status(catalogue) -> None:
    lc = catalogue.get("pre-birth-assessment")
    family_t = _example("family-t-like-twins.toml")
    assert "looked-after-parent" in evaluate(lc.checklist, family_t, TODAY).visible_sections
    early = _example("early-pre-birth.toml")
    assert "looked-after-parent" not in evaluate(lc.checklist, early, TODAY).visible_sections


def test_pre_birth_father_skip_logic(catalogue) -> None:
    lc = catalogue.get("pre-birth-assessment")
    plan = answer(new_plan(lc), lc, **{"PBA-F01": "no"})
    ev = evaluate(lc.checklist, plan, TODAY)
    assert "PBA-F01R" in ev.visible_items and "PBA-F02" not in ev.visible_items
    assert ("father", "PBA-F01R") in ev.open_required
    # PBA-A01 is unanswered past its 20-week due point, so its red flag fires too
    assert [f.rule_id for f in ev.red_flags] == ["PBA-F01.not-identified", "PBA-A01.no-checks"]
    answer(plan, lc, **{"PBA-F01": "yes"})
    ev = evaluate(lc.checklist, plan, TODAY)
    assert "PBA-F01R" not in ev.visible_items and "PBA-F02" in ev.visible_items
    assert "PBA-P02" in ev.visible_items


def test_family_t_example_red_flags_and_due(catalogue) -> None:
    lc = catalogue.get("pre-birth-assessment")
    ev = evaluate(lc.checklist, _example("family-t-like-twins.toml"), TODAY)
    fired = {f.rule_id: f for f in ev.fired}
    assert fired["PBA-A05.declined"].acknowledgement is not None
    assert fired["PBA-X05.no-lead"].red_flag  # an action with no owner, said so
    assert "PBA-X03.no-early-actions" not in fired  # agreed at the conference since
    assert "PBA-R05A" in ev.visible_items  # domestic abuse history adds risk assessment
    assert "PBA-B04" in ev.visible_items  # twins
    assert "PBA-A06" in ev.visible_items  # known to youth justice: an agency item, not LAC
    assert {"PBA-WP01", "PBA-O01", "PBA-O02", "PBA-E02", "PBA-E03", "PBA-BP03",
            "PBA-D02"} <= ev.done_items  # the written plan is answered
    overdue = {d.item_id for d in ev.due if d.status == DueStatus.OVERDUE}
    assert {"PBA-S06", "PBA-X08", "PBA-D03"} <= overdue  # the conference was held late
    assert not ev.can_complete


def test_early_example_father_contact_is_not_yet_with_owner_and_no_flag_before_due(
        catalogue) -> None:
    lc = catalogue.get("pre-birth-assessment")
    ev = evaluate(lc.checklist, _example("early-pre-birth.toml"), TODAY)
    assert ev.red_flags == []  # "not yet" before the 22-week due point fires nothing
    waiting = next(o for o in ev.open_answers if o.item_id == "PBA-F02")
    assert waiting.answer.owner == "Pat Sample" and not waiting.overdue
    later = date(2027, 1, 20)  # after 22 weeks: the flag fires
    assert "PBA-F02.not-contacted" in {f.rule_id for f in evaluate(lc.checklist,
                                                                  _example("early-pre-birth.toml"),
                                                                  later).red_flags}


def test_pre_birth_no_agency_checks_is_blocking(catalogue) -> None:
    lc = catalogue.get("pre-birth-assessment")
    ev = evaluate(lc.checklist, answer(new_plan(lc), lc, **{"PBA-A01": "no"}), TODAY)
    flag = next(f for f in ev.fired if f.item_id == "PBA-A01")
    assert flag.red_flag and flag.severity == Severity.ERROR
    assert "PBA-A02" not in ev.visible_items


# -- discharge -------------------------------------------------------------------

def test_discharge_example_is_ready_for_sign_off(catalogue) -> None:
    lc = catalogue.get("discharge-planning-meeting")
    plan = _example("discharge-ready-for-sign-off.toml")
    ev = evaluate(lc.checklist, plan, TODAY)
    assert plan.state.value == "completed"
    assert ev.can_complete and ev.answered == ev.total
    assert "DPM-C04" in ev.visible_items and "DPM-C05" not in ev.visible_items
    assert "DPM-C09" not in ev.visible_items


@pytest.mark.parametrize(("item", "value", "rule"), [
    ("DPM-R02", "yes", "DPM-R02.leaving"),
    ("DPM-M02", "no", "DPM-M02.father-not-invited"),
    ("DPM-R01", "no", "DPM-R01.roles-missing"),
    ("DPM-S02", "no", "DPM-S02.icon-missed"),
])
def test_discharge_red_flags(catalogue, item, value, rule) -> None:
    lc = catalogue.get("discharge-planning-meeting")
    ev = evaluate(lc.checklist, answer(new_plan(lc), lc, **{item: value}), TODAY)
    assert rule in {f.rule_id for f in ev.red_flags}


def test_discharge_supervision_skip_logic(catalogue) -> None:
    lc = catalogue.get("discharge-planning-meeting")
    plan = answer(new_plan(lc), lc, **{"DPM-C03": "none"})
    assert "DPM-C04" not in evaluate(lc.checklist, plan, TODAY).visible_items
    answer(plan, lc, **{"DPM-C03": "separate"})
    ev = evaluate(lc.checklist, plan, TODAY)
    assert {"DPM-C05", "DPM-C06", "DPM-C09"} <= ev.visible_items
    assert "DPM-C04" not in ev.visible_items


# -- looked-after parent and injury --------------------------------------------------

def test_looked_after_parent_under_18_skip_logic(catalogue) -> None:
    lc = catalogue.get("looked-after-parent")
    plan = answer(new_plan(lc), lc, **{"LAC-04A": "no"})
    assert "LAC-04" not in evaluate(lc.checklist, plan, TODAY).visible_items
    answer(plan, lc, **{"LAC-04A": "yes"})
    ev = evaluate(lc.checklist, plan, TODAY)
    assert ("known", "LAC-04") in ev.open_required


def test_injury_emergency_red_flag(catalogue) -> None:
    lc = catalogue.get("injury-non-mobile-baby")
    ev = evaluate(lc.checklist, answer(new_plan(lc), lc, **{"NAI-01": "yes"}), TODAY)
    [flag] = ev.red_flags
    assert flag.rule_id == "NAI-01.emergency" and "999" in flag.escalation


def test_looked_after_parent_red_flag(catalogue) -> None:
    lc = catalogue.get("looked-after-parent")
    ev = evaluate(lc.checklist, answer(new_plan(lc), lc, **{"LAC-11": "no"}), TODAY)
    assert [f.rule_id for f in ev.red_flags] == ["LAC-11.no-agreement"]


def test_injury_reassurance_is_an_instruction_and_consent_is_always_asked(catalogue) -> None:
    lc = catalogue.get("injury-non-mobile-baby")
    item = lc.checklist.item_map()["NAI-05B"]
    assert item.type == ItemType.CHECK and item.required and "Refer even if" in item.prompt
    plan = answer(new_plan(lc), lc, **{"NAI-02B": "unknown", "NAI-09": "no"})
    ev = evaluate(lc.checklist, plan, TODAY)
    assert "NAI-02B.unsure" in {f.rule_id for f in ev.fired}
    assert "NAI-10B" in ev.visible_items  # consent is not hidden behind the strategy discussion
