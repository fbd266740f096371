"""The engine on the mini checklist and on realistic plans."""

from __future__ import annotations

from datetime import date, timedelta

from checklist_tui.core.dates import date_at_gestation, gestation_label, timing_summary
from checklist_tui.core.definition import Severity
from checklist_tui.core.edit import acknowledge, add_record, set_not_applicable
from checklist_tui.core.engine import DueStatus, evaluate
from checklist_tui.core.plan import Action, ActionStatus, Agency, Answer
from tests.conftest import NOW, TODAY
from tests.core.helpers import answer, new_plan


def test_gestation_arithmetic() -> None:
    edd = date(2027, 3, 1)
    assert date_at_gestation(edd, 40) == edd
    assert date_at_gestation(edd, 30) == edd - timedelta(weeks=10)
    assert gestation_label(edd, edd - timedelta(days=10)) == "38+4"
    assert "3 days old" in timing_summary(edd, date(2026, 11, 22), TODAY)
    assert "1 day to EDD" in timing_summary(TODAY + timedelta(days=1), None, TODAY)
    assert "past EDD" in timing_summary(TODAY - timedelta(days=2), None, TODAY)


def test_item_visibility_follows_answers_live(mini) -> None:
    plan = new_plan(mini)
    ev = evaluate(mini.checklist, plan, TODAY)
    assert "father_seen" not in ev.visible_items
    answer(plan, mini, father_known="yes")
    assert "father_seen" in evaluate(mini.checklist, plan, TODAY).visible_items
    answer(plan, mini, father_known="no")
    assert "father_seen" not in evaluate(mini.checklist, plan, TODAY).visible_items


def test_section_condition_hides_whole_section(mini) -> None:
    plan = new_plan(mini)
    ev = evaluate(mini.checklist, plan, TODAY)
    assert "care" not in ev.visible_sections
    assert not ev.section("care").visible
    answer(plan, mini, lac="yes")
    ev = evaluate(mini.checklist, plan, TODAY)
    assert {"pa_told", "where", "visit"} <= ev.visible_items
    assert ev.section("care").visible


def test_progress_and_open_required(mini) -> None:
    plan = new_plan(mini)
    ev = evaluate(mini.checklist, plan, TODAY)
    assert (ev.answered, ev.total) == (0, 2)
    assert ev.open_required == [("people", "father_known"), ("people", "lac")]
    answer(plan, mini, father_known="yes", father_seen="yes", lac="yes")
    ev = evaluate(mini.checklist, plan, TODAY)
    assert (ev.answered, ev.total) == (3, 6)
    assert ev.section("people").complete
    assert ev.open_required == [("care", "pa_told")]
    assert ev.percent == 50


def test_red_flag_fires_needs_acknowledgement(mini) -> None:
    plan = answer(new_plan(mini), mini, father_known="no", lac="no")
    ev = evaluate(mini.checklist, plan, TODAY)
    [flag] = ev.red_flags
    assert flag.rule_id == "father_known.not_identified"
    assert flag.severity == Severity.WARNING and flag.blocking
    assert "Discuss with your manager" in flag.escalation
    assert not ev.can_complete
    acknowledge(plan, mini.checklist, flag.rule_id, "Discussed with manager", by="t", now=NOW)
    ev = evaluate(mini.checklist, plan, TODAY)
    assert ev.red_flags[0].acknowledgement is not None
    assert ev.can_complete


def test_hidden_answer_is_kept_not_counted_and_in_history(mini) -> None:
    plan = answer(new_plan(mini), mini, father_known="yes", father_seen="no", lac="no")
    answer(plan, mini, father_known="no")
    ev = evaluate(mini.checklist, plan, TODAY)
    assert plan.answers["father_seen"].value == "no"  # never destroyed
    assert [s.item_id for s in ev.no_longer_applies] == ["father_seen"]
    assert "father_seen" not in ev.visible_items
    assert ev.answered == 2
    assert any(h.target == "father_seen" and h.new == "no" for h in plan.history)


def test_hidden_answer_does_not_drive_other_conditions(mini) -> None:
    plan = answer(new_plan(mini), mini, lac="yes", where="home")
    answer(plan, mini, lac="no")
    ev = evaluate(mini.checklist, plan, TODAY)
    assert "where" not in ev.visible_items


def test_answers_to_removed_items_are_kept_and_listed(mini) -> None:
    plan = new_plan(mini)
    plan.answers["retired_item"] = Answer(value="yes", answered_at=NOW, answered_by="t")
    ev = evaluate(mini.checklist, plan, TODAY)
    assert [s.item_id for s in ev.not_in_checklist] == ["retired_item"]
    assert ev.total == 2


def test_due_points_from_edd_and_status(mini) -> None:
    plan = new_plan(mini, edd=TODAY + timedelta(weeks=21))  # 19+0 today
    ev = evaluate(mini.checklist, plan, TODAY)
    [due] = ev.due
    assert due.due_date == TODAY + timedelta(weeks=1)
    assert due.status == DueStatus.DUE_SOON
    plan.edd = TODAY + timedelta(weeks=25)
    assert evaluate(mini.checklist, plan, TODAY).due[0].status == DueStatus.UPCOMING
    plan.edd = TODAY + timedelta(weeks=19)
    assert evaluate(mini.checklist, plan, TODAY).due[0].status == DueStatus.OVERDUE
    answer(plan, mini, father_known="yes")
    assert evaluate(mini.checklist, plan, TODAY).due[0].status == DueStatus.DONE


def test_no_or_unknown_does_not_meet_a_due_point(mini) -> None:
    plan = answer(new_plan(mini, edd=TODAY + timedelta(weeks=19)), mini, father_known="unknown")
    assert evaluate(mini.checklist, plan, TODAY).due[0].status == DueStatus.OVERDUE


def test_twins_move_gestation_due_points_earlier(mini) -> None:
    single = new_plan(mini)
    twins = new_plan(mini, babies_expected=2)
    premature = new_plan(mini, prematurity_likely=True)
    d1 = evaluate(mini.checklist, single, TODAY).due[0].due_date
    assert evaluate(mini.checklist, twins, TODAY).due[0].due_date == d1 - timedelta(weeks=2)
    assert evaluate(mini.checklist, premature, TODAY).due[0].due_date == d1 - timedelta(weeks=2)


def test_days_after_birth_provisional_until_born(mini) -> None:
    plan = answer(new_plan(mini, edd=date(2027, 3, 1)), mini, lac="yes")
    visit = next(d for d in evaluate(mini.checklist, plan, TODAY).due if d.item_id == "visit")
    assert visit.provisional and visit.due_date == date(2027, 3, 4)
    plan.dob = date(2027, 2, 20)
    visit = next(d for d in evaluate(mini.checklist, plan, TODAY).due if d.item_id == "visit")
    assert not visit.provisional and visit.due_date == date(2027, 2, 23)


def test_born_today_makes_prebirth_milestones_overdue(mini) -> None:
    plan = answer(new_plan(mini, edd=date(2027, 5, 1)), mini, lac="yes")
    normal = {d.item_id: d.status for d in evaluate(mini.checklist, plan, TODAY).due}
    assert normal["father_known"] == DueStatus.UPCOMING
    born = {d.item_id: d for d in evaluate(mini.checklist, plan, TODAY, assume_born=TODAY).due}
    assert born["father_known"].due_date == TODAY
    assert born["father_known"].status == DueStatus.OVERDUE
    assert born["pa_told"].due_date == date(2026, 11, 14)
    assert born["pa_told"].status == DueStatus.OVERDUE
    assert born["visit"].status == DueStatus.DUE_SOON
    assert born["visit"].due_date == TODAY + timedelta(days=3)


def test_no_edd_means_no_date(mini) -> None:
    ev = evaluate(mini.checklist, new_plan(mini, edd=None), TODAY)
    assert ev.due[0].status == DueStatus.NO_DATE


def test_integrity_checks(mini) -> None:
    plan = answer(new_plan(mini), mini, father_known="yes", lac="no", father_seen="yes")
    add_record(plan, Action, by="t", now=NOW, what="Visit", owner="", due=None)
    add_record(plan, Action, by="t", now=NOW, what="Done already", status=ActionStatus.DONE)
    add_record(plan, Agency, by="t", now=NOW, agency="Police")
    kinds = sorted(i.kind for i in evaluate(mini.checklist, plan, TODAY).integrity)
    assert kinds == ["action_due", "action_owner", "agency_contact", "agency_role"]
    assert not evaluate(mini.checklist, plan, TODAY).can_complete


def test_not_applicable_counts_as_answered(catalogue) -> None:
    loaded = catalogue.get("pre-birth-assessment")
    plan = new_plan(loaded)
    set_not_applicable(plan, loaded.checklist, "PBA-S03", by="t", now=NOW)
    ev = evaluate(loaded.checklist, plan, TODAY)
    assert ev.section("start").answered == 1
