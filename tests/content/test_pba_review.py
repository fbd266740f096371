"""Pre-birth 2.2.0 after the independent practitioner review (notes/review-content.md).

Each test runs the shipped checklist through the engine, so it fails if the logic it
guards is put back: the tool must never claim more than it knows.
"""

from __future__ import annotations

import pytest

from checklist_tui.core.definition import PlanCheck
from checklist_tui.core.edit import set_answer
from checklist_tui.core.engine import evaluate
from checklist_tui.core.errors import PlanError
from checklist_tui.core.gaps import born_today
from checklist_tui.core.integrity import plan_check_failures
from checklist_tui.core.plan import Person, PersonKind, Plan
from tests.conftest import NOW, TODAY
from tests.core.helpers import answer, new_plan

PBA = "pre-birth-assessment"
BIRTH = ("birth-plan", "after-birth")


def _plan(catalogue, **answers):
    lc = catalogue.get(PBA)
    return lc, answer(new_plan(lc), lc, **answers)


def _ev(catalogue, **answers):
    lc, plan = _plan(catalogue, **answers)
    return evaluate(lc.checklist, plan, TODAY)


# -- #1: the birth plan is asked until the assessment says no plan is needed ---------------

@pytest.mark.parametrize(("outcome", "shown"), [
    (None, True), ("nfa", False), ("early_help", False),
    ("cin", True), ("icpc", True), ("legal", True)])
def test_birth_plan_and_after_birth_show_unless_no_plan_is_needed(
        catalogue, outcome, shown) -> None:
    ev = _ev(catalogue, **({"PBA-X06": outcome} if outcome else {}))
    for section in BIRTH:
        assert (section in ev.visible_sections) is shown, section
    assert ({"PBA-BP01", "PBA-BP03", "PBA-D01", "PBA-D02", "PBA-X09"} <= ev.visible_items) \
        is shown


def test_born_today_lists_the_birth_plan_while_the_recommendation_is_open(catalogue) -> None:
    lc, plan = _plan(catalogue, **{"PBA-S07A": "two"})
    listed = {e.item_id for e in born_today(lc.checklist, plan, TODAY).entries}
    assert {"PBA-BP01", "PBA-D01", "PBA-D02"} <= listed
    lc, plan = _plan(catalogue, **{"PBA-X06": "nfa"})
    listed = {e.item_id for e in born_today(lc.checklist, plan, TODAY).entries}
    assert not {"PBA-BP01", "PBA-D01", "PBA-D02"} & listed


def test_legal_planning_option_says_there_is_no_conference(catalogue) -> None:
    """'legal' hides the conference items, so it must mean that no conference is planned."""
    item = catalogue.get(PBA).checklist.item_map()["PBA-X06"]
    label = {o.value: o.label for o in item.options}["legal"]
    assert "no conference" in label
    assert "PBA-X08" in _ev(catalogue, **{"PBA-X06": "icpc", "PBA-X10": "yes"}).visible_items


# -- #2: a man who visits or stays counts, whether or not he "looks after the baby" -------

def test_other_men_are_any_man_in_or_visiting_the_home(catalogue) -> None:
    items = catalogue.get(PBA).checklist.item_map()
    f11 = items["PBA-F11"]
    assert "in or visiting the home" in f11.prompt and "even briefly" in f11.prompt
    assert "boyfriend" in f11.guidance and "not to look after the baby" in f11.guidance
    for item_id in ("PBA-F12", "PBA-E03"):  # the same definition wherever they are asked
        assert "in or visiting the home" in items[item_id].prompt, item_id
    assert "in or visiting the home" in items["PBA-F12"].rules[0].message


def _person(pid: str, kind: str, **extra) -> Person:
    return Person(id=pid, name=f"{pid} Example", kind=PersonKind(kind), **extra)


def test_f12_yes_needs_a_man_other_than_the_father_in_people(catalogue) -> None:
    lc, plan = _plan(catalogue, **{"PBA-F11": "yes"})
    plan.people = [_person("p1", "father", involvement="seen", assessment="done")]
    with pytest.raises(PlanError, match="no man other than the father"):
        set_answer(plan, lc.checklist, "PBA-F12", "yes", by="t", now=NOW)
    # the mother's boyfriend who only visits, recorded as a visiting adult who is a man
    plan.people.append(_person("p2", "visiting_adult", man=True, involvement="seen",
                               assessment="checks done"))
    set_answer(plan, lc.checklist, "PBA-F12", "yes", by="t", now=NOW)
    assert plan.answers["PBA-F12"].value == "yes"


def test_other_men_recorded_check_fails_with_only_the_father() -> None:
    plan = Plan.model_construct(people=[_person("p1", "father")])
    assert plan_check_failures(PlanCheck.OTHER_MEN_RECORDED, plan)
    plan = Plan.model_construct(people=[_person("p1", "father"), _person("p2", "male_carer")])
    assert plan_check_failures(PlanCheck.OTHER_MEN_RECORDED, plan) == []
    plan = Plan.model_construct(people=[_person("p1", "father"),
                                        _person("p3", "visiting_adult", man=False)])
    assert plan_check_failures(PlanCheck.OTHER_MEN_RECORDED, plan)


# -- #8: "invited" cannot hide "left out because unsafe" ---------------------------------

def _flags(ev) -> set[str]:
    return {f.rule_id for f in ev.red_flags}


def test_a_father_left_out_says_so_and_why(catalogue) -> None:
    invited = _ev(catalogue, **{"PBA-F01": "yes", "PBA-F09A": "yes"})
    assert "PBA-F09B" not in invited.visible_items
    unsafe = _ev(catalogue, **{"PBA-F01": "yes", "PBA-F09A": "no", "PBA-F09B": "yes"})
    assert "PBA-F09B" in unsafe.visible_items
    assert "PBA-F09B.not-invited" not in _flags(unsafe)
    item = catalogue.get(PBA).checklist.item_map()["PBA-F09B"]
    assert item.details and item.details[0].required  # why, who decided, how he hears
    left_out = _ev(catalogue, **{"PBA-F01": "yes", "PBA-F09A": "no", "PBA-F09B": "no"})
    assert "PBA-F09B.not-invited" in _flags(left_out)


def test_an_old_f09_yes_is_not_carried_because_it_may_hide_an_exclusion(catalogue) -> None:
    lc = catalogue.get(PBA)
    for new_id in ("PBA-F09A", "PBA-F09B"):
        mapping = lc.checklist.item_map()[new_id].replaces["PBA-F09"]
        assert "yes" not in mapping and mapping.get("no") == "no"


# -- #6: the domestic abuse risk level is recorded, and MARAC is asked only when high ------

DA = {"PBA-P04": "yes", "PBA-R05A": "yes"}


@pytest.mark.parametrize(("level", "asked"), [
    (None, False), ("standard", False), ("medium", False), ("not_scored", False),
    ("high", True)])
def test_marac_is_asked_when_the_recorded_risk_is_high(catalogue, level, asked) -> None:
    ev = _ev(catalogue, **DA, **({"PBA-R05R": level} if level else {}))
    assert "PBA-R05R" in ev.visible_items
    assert ("PBA-R05B" in ev.visible_items) is asked


def test_high_risk_without_marac_is_a_red_flag_and_not_applicable_is_gone(catalogue) -> None:
    ev = _ev(catalogue, **DA, **{"PBA-R05R": "high", "PBA-R05B": "no"})
    assert "PBA-R05B.no-marac" in _flags(ev)
    assert not catalogue.get(PBA).checklist.item_map()["PBA-R05B"].allow_na


# -- #7: self-harm and suicide are asked of every parent ------------------------------------

def test_self_harm_is_asked_even_with_no_known_mental_health_problem(catalogue) -> None:
    ev = _ev(catalogue, **{"PBA-P09": "no", "PBA-P11": "yes"})
    assert "PBA-P11" in ev.visible_items
    assert "PBA-P11.suicide-risk" in _flags(ev)


# -- #5: one severity per risk (as the discharge and looked-after checklists) --------------

@pytest.mark.parametrize(("answers", "flag"), [
    ({"PBA-F01": "yes", "PBA-F08": "no"}, "PBA-F08.no-icon"),
    ({"PBA-B03": "no"}, "PBA-B03.sleep-risks"),
    ({"PBA-B06": "no"}, "PBA-B06.no-safe-sleep-place"),
    ({"PBA-P04": "yes", "PBA-R07": "no"}, "PBA-R07.no-ward-safety"),
    ({"PBA-S08A": "yes", "PBA-L03A": "no"}, "PBA-L03A.not-told"),
])
def test_the_same_risk_is_a_red_flag_here_as_elsewhere(catalogue, answers, flag) -> None:
    assert flag in _flags(_ev(catalogue, **answers))


def test_who_copes_with_the_crying_is_required(catalogue) -> None:
    assert catalogue.get(PBA).checklist.item_map()["PBA-B02"].required


# -- #13: a parent under 16 with an adult partner -------------------------------------------

def test_a_parent_under_16_with_an_adult_partner_is_a_red_flag(catalogue) -> None:
    assert "PBA-S11B" not in _ev(catalogue, **{"PBA-S11": "no"}).visible_items
    young = _ev(catalogue, **{"PBA-S11": "yes", "PBA-S11B": "yes", "PBA-S11C": "yes"})
    assert "PBA-S11C.adult-partner" in _flags(young)
    peers = _ev(catalogue, **{"PBA-S11": "yes", "PBA-S11B": "yes", "PBA-S11C": "no"})
    assert "PBA-S11C.adult-partner" not in _flags(peers)
    assert "PBA-S11C" not in _ev(catalogue, **{"PBA-S11": "yes",
                                               "PBA-S11B": "no"}).visible_items


# -- #15: words -----------------------------------------------------------------------------

def test_icon_in_its_official_words_and_one_name_for_youth_justice(catalogue) -> None:
    items = catalogue.get(PBA).checklist.item_map()
    dpm = catalogue.get("discharge-planning-meeting").checklist.item_map()["DPM-S02"]
    for item_id in ("PBA-F08", "PBA-B02"):
        assert "Comforting methods can help" in items[item_id].guidance
        assert "Never, ever shake a baby" in items[item_id].guidance
    assert "Comforting methods can help" in dpm.guidance
    assert items["PBA-A06"].guidance.startswith("The youth justice service")
    assert "in the men who harmed" not in items["PBA-P09"].guidance


# -- #9: "the actions are identified" cannot stand on an empty Actions page ----------------

@pytest.mark.parametrize("item_id", ["PBA-X03", "PBA-X05"])
def test_actions_identified_needs_an_action(catalogue, item_id) -> None:
    lc, plan = _plan(catalogue)
    assert plan.actions == []
    with pytest.raises(PlanError, match="no action is recorded on the Actions page"):
        set_answer(plan, lc.checklist, item_id, "yes", by="t", now=NOW)


# -- s11ex's finding: a recommendation is not a completed assessment ------------------------

def test_assessment_complete_is_the_managers_sign_off_not_the_recommendation(
        catalogue) -> None:
    items = catalogue.get(PBA).checklist.item_map()
    assert items["PBA-X06"].due is None
    assert items["PBA-X07"].due is not None
    assert items["PBA-X07"].due.label == "Assessment complete"
