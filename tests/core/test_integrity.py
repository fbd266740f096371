"""#10: a plan records what it claims: not yet, concerns, details, cross-checks, men."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from checklist_tui.core.dates import date_at_gestation
from checklist_tui.core.edit import (
    add_record,
    confirm_pause_point,
    remove_record,
    set_answer,
    set_detail,
    update_record,
)
from checklist_tui.core.engine import DueStatus, evaluate
from checklist_tui.core.errors import PlanError
from checklist_tui.core.gaps import (
    CONCERN,
    CONTRADICTED,
    INCOMPLETE,
    NOT_KNOWN,
    PLAN_CHECK,
    born_today,
    gaps_and_risks,
)
from checklist_tui.core.outstanding import outstanding
from checklist_tui.core.plan import Action, ActionStatus, Agency, Person, PersonKind
from tests.conftest import DATA, NOW, TODAY
from tests.core.helpers import new_plan

EDD = TODAY + timedelta(weeks=20)  # 20+0 weeks today: f_seen is due at 22, meeting at 30


def put(plan, lc, item, value, **kw):
    set_answer(plan, lc.checklist, item, value, by="tester", now=NOW, **kw)


def person(plan, **fields):
    return add_record(plan, Person, by="tester", now=NOW, **fields)


def pause_point_ready(plan, lc) -> None:
    """Everything the test checklist's pause point ("confirm") needs done: an agency, the
    father recorded, safer sleep and the contingency plan answered, its three items ticked."""
    add_record(plan, Agency, by="t", now=NOW, agency="Police", role="Checks", contact="PPU",
               practitioner="Example Officer D")
    person(plan, name="Fred Example", kind=PersonKind.FATHER, involvement="Seen twice",
           assessment="Checks back")
    put(plan, lc, "sleep", "yes")
    put(plan, lc, "contingency", "yes")
    set_detail(plan, lc.checklist, "contingency", "text", "Plan B.", by="t", now=NOW)
    for item in ("k_agencies", "k_men", "k_sleep"):
        put(plan, lc, item, True)


# -- 1. not yet and unknown carry an owner and a date -----------------------------------

def test_not_yet_needs_owner_and_date_and_is_open(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    with pytest.raises(PlanError, match=r"owner.*date"):
        put(plan, lc, "f_seen", "not yet")
    with pytest.raises(PlanError, match="owner"):
        put(plan, lc, "f_seen", "not_yet", owner=" ", by_date=TODAY)
    assert "f_seen" not in plan.answers or not plan.answers["f_seen"].has_value
    put(plan, lc, "f_seen", "not yet", owner="Sam Worker", by_date=TODAY + timedelta(days=7))
    ev = evaluate(lc.checklist, plan, TODAY)
    [open_answer] = ev.open_answers
    assert open_answer.item_id == "f_seen" and not open_answer.overdue
    assert "f_seen" not in ev.done_items and ev.section("father").answered == 0
    assert not ev.can_complete
    assert any("f_seen is not yet done (Sam Worker, by" in b for b in ev.blockers())
    entry = next(e for e in outstanding(lc.checklist, plan, TODAY)
                 if e.item_id == "f_seen" and e.label == "NOT YET")
    assert "Not yet done: Sam Worker, by" in entry.note
    late = outstanding(lc.checklist, plan, TODAY + timedelta(days=8))
    assert "OVERDUE" in {e.label for e in late if e.item_id == "f_seen"}
    assert "NOT YET" not in {e.label for e in late if e.item_id == "f_seen"}
    assert [h.what for h in plan.history] == ["answer", "follow-up"]


def test_not_yet_refused_where_the_checklist_does_not_allow_it(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    with pytest.raises(PlanError, match="cannot be answered 'not yet'"):
        put(plan, lc, "violence", "not yet", owner="A", by_date=TODAY)


def test_unknown_on_required_or_risk_item_needs_owner_and_is_not_known(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    with pytest.raises(PlanError, match="'unknown' needs who will find out"):
        put(plan, lc, "violence", "unknown")
    put(plan, lc, "violence", "unknown", owner="Police liaison", by_date=TODAY - timedelta(days=1))
    ev = evaluate(lc.checklist, plan, TODAY)
    assert ev.open_answers[0].overdue  # the date has passed
    [gap] = gaps_and_risks(lc.checklist, plan, ev)
    assert gap.label == NOT_KNOWN and gap.about_men and "Police liaison" in gap.follow_up
    assert "OVERDUE" in gap.follow_up
    put(plan, lc, "violence", "no")  # found out: the owner and date are cleared
    assert plan.answers["violence"].owner is None and plan.answers["violence"].by_date is None


def test_red_flag_waits_for_the_due_point(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    put(plan, lc, "f_seen", "not yet", owner="Sam Worker", by_date=TODAY + timedelta(weeks=3))
    assert evaluate(lc.checklist, plan, TODAY).red_flags == []
    after_due = date_at_gestation(EDD, 22) + timedelta(days=1)
    assert [f.rule_id for f in evaluate(lc.checklist, plan, after_due).red_flags] == [
        "f_seen.not_seen"]
    unanswered = new_plan(lc, edd=EDD)
    assert evaluate(lc.checklist, unanswered, TODAY).red_flags == []
    assert evaluate(lc.checklist, unanswered, after_due).red_flags


# -- 2. concerns: gaps and risks, men first, apart from the merely unanswered -------------

def test_concerns_ranked_men_first_and_unanswered_kept_out(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    put(plan, lc, "sleep", "no")
    put(plan, lc, "f_seen", "no")
    ev = evaluate(lc.checklist, plan, TODAY)
    gaps = gaps_and_risks(lc.checklist, plan, ev)
    assert [(g.label, g.item_id) for g in gaps] == [(CONCERN, "f_seen"), (CONCERN, "sleep")]
    assert gaps[0].red_flag and gaps[0].about_men and not gaps[1].about_men
    assert "f_known" not in {g.item_id for g in gaps}  # unanswered is not a concern
    put(plan, lc, "f_seen", "yes")
    assert [g.item_id for g in gaps_and_risks(lc.checklist, plan,
                                              evaluate(lc.checklist, plan, TODAY))] == ["sleep"]


# -- 3. items that stand for content carry it ----------------------------------------------

def test_yes_without_its_detail_is_incomplete_and_blocks(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    put(plan, lc, "contingency", "yes")
    ev = evaluate(lc.checklist, plan, TODAY)
    assert [(p.item_id, p.reasons) for p in ev.incomplete] == [
        ("contingency", ("The contingency plan",))]
    assert "contingency" not in ev.done_items
    assert any("contingency is incomplete, missing: The contingency plan" in b
               for b in ev.blockers())
    assert gaps_and_risks(lc.checklist, plan, ev)[0].label == INCOMPLETE
    set_detail(plan, lc.checklist, "contingency", "text", "Call the duty team.", by="t", now=NOW)
    ev = evaluate(lc.checklist, plan, TODAY)
    assert not ev.incomplete and "contingency" in ev.done_items


def test_people_detail_comes_from_people_table(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    put(plan, lc, "barred", "yes")
    with pytest.raises(PlanError, match="not in this plan's People"):
        set_detail(plan, lc.checklist, "barred", "people", ["nobody"], by="t", now=NOW)
    man = person(plan, name="Alan Example", kind=PersonKind.VISITING_ADULT, man=True)
    set_detail(plan, lc.checklist, "barred", "people", [man.id], by="t", now=NOW)
    assert "barred" in evaluate(lc.checklist, plan, TODAY).done_items
    remove_record(plan, Person, man.id, by="t", now=NOW,
                  why="Added by mistake (test)")  # the person goes: incomplete again
    assert evaluate(lc.checklist, plan, TODAY).incomplete[0].item_id == "barred"
    with pytest.raises(PlanError, match="no detail 'date'"):
        set_detail(plan, lc.checklist, "barred", "date", "01/01/2027", by="t", now=NOW)


def test_due_point_met_by_the_date_not_the_tick(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    due = date_at_gestation(EDD, 30)
    put(plan, lc, "meeting", True)
    state = evaluate(lc.checklist, plan, TODAY).due
    meeting = next(d for d in state if d.item_id == "meeting")
    assert meeting.status != DueStatus.DONE  # ticked but no date
    set_detail(plan, lc.checklist, "meeting", "date", due + timedelta(weeks=3), by="t", now=NOW)
    meeting = next(d for d in evaluate(lc.checklist, plan, TODAY).due if d.item_id == "meeting")
    assert meeting.status != DueStatus.DONE and meeting.booked == due + timedelta(weeks=3)
    late_text = [e.text for e in outstanding(lc.checklist, plan, due - timedelta(days=3))
                 if e.item_id == "meeting"]
    assert late_text and late_text[0].endswith(", 21 days late")  # after the due date
    set_detail(plan, lc.checklist, "meeting", "date", due - timedelta(days=2), by="t", now=NOW)
    meeting = next(d for d in evaluate(lc.checklist, plan, TODAY).due if d.item_id == "meeting")
    assert meeting.status == DueStatus.BOOKED  # met, but the meeting is still to come
    meeting = next(d for d in evaluate(lc.checklist, plan, due).due if d.item_id == "meeting")
    assert meeting.status == DueStatus.DONE


# -- 4. pause points check themselves against the plan -------------------------------------

def test_contradicted_tick_is_refused_then_accepted(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    with pytest.raises(PlanError, match=r"^k_agencies: cannot be ticked: no agency is recorded"):
        put(plan, lc, "k_agencies", True)
    agency = add_record(plan, Agency, by="t", now=NOW, agency="Police", role="Checks")
    with pytest.raises(PlanError, match="no named practitioner"):
        put(plan, lc, "k_agencies", True)
    update_record(plan, Agency, agency.id, by="t", now=NOW, practitioner="Example Officer D")
    with pytest.raises(PlanError, match=r"no contact details \(phone"):  # a name is not one
        put(plan, lc, "k_agencies", True)
    update_record(plan, Agency, agency.id, by="t", now=NOW, contact="Public protection unit")
    put(plan, lc, "k_agencies", True)
    assert "k_agencies" in evaluate(lc.checklist, plan, TODAY).done_items


def test_tick_later_contradicted_is_shown_and_not_evidence(lc, catalogue) -> None:
    from checklist_tui.export.summary import build

    plan = new_plan(lc, edd=EDD)
    put(plan, lc, "sleep", "yes")
    put(plan, lc, "contingency", "yes")
    set_detail(plan, lc.checklist, "contingency", "text", "Plan B.", by="t", now=NOW)
    put(plan, lc, "k_sleep", True)
    put(plan, lc, "sleep", "no")  # the plan now says otherwise
    ev = evaluate(lc.checklist, plan, TODAY)
    [problem] = ev.contradicted
    assert problem.item_id == "k_sleep" and "sleep is not answered yes" in problem.reasons[0]
    assert "k_sleep" not in ev.done_items and not ev.can_complete
    labels = {g.label for g in gaps_and_risks(lc.checklist, plan, ev)}
    assert CONTRADICTED in labels
    summary = build(lc, plan, NOW, catalogue.sources)
    assert all("k_sleep" not in row.items for row in summary.trace)
    put(plan, lc, "sleep", "yes")  # resolved: the tick counts again
    summary = build(lc, plan, NOW, catalogue.sources)
    assert any("k_sleep" in row.items for row in summary.trace)


def test_when_cross_check_message(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    put(plan, lc, "sleep", "yes")
    put(plan, lc, "contingency", "yes")
    set_detail(plan, lc.checklist, "contingency", "text", "Plan B.", by="t", now=NOW)
    put(plan, lc, "f_known", "no")
    with pytest.raises(PlanError, match="the father is not identified"):
        put(plan, lc, "k_sleep", True)


def test_pause_point_confirmation_records_who_and_when(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    with pytest.raises(PlanError,
                       match=r"cannot be confirmed: '.*' \(k_agencies\) is not answered"):
        confirm_pause_point(plan, lc.checklist, "confirm", ["Sam"], by="t", now=NOW, today=TODAY)
    with pytest.raises(PlanError, match="not a pause point"):
        confirm_pause_point(plan, lc.checklist, "plan", ["Sam"], by="t", now=NOW, today=TODAY)
    pause_point_ready(plan, lc)
    with pytest.raises(PlanError, match="who was present"):
        confirm_pause_point(plan, lc.checklist, "confirm", [" "], by="t", now=NOW, today=TODAY)
    record = confirm_pause_point(plan, lc.checklist, "confirm", ["Sam (midwife)", "Mother"],
                                 by="Lead", now=NOW, today=TODAY)
    assert (record.by, record.at, record.present) == ("Lead", NOW, ["Sam (midwife)", "Mother"])
    assert plan.history[-1].what == "confirm"


# -- 5. men are counted as men ---------------------------------------------------------------

def test_visiting_man_counted_and_needs_involvement(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    visitor = person(plan, name="Vic Example", kind=PersonKind.VISITING_ADULT, man=True)
    person(plan, name="Gran Example", kind=PersonKind.FAMILY_NETWORK, man=False)
    ev = evaluate(lc.checklist, plan, TODAY)
    assert [p.name for p in ev.men] == ["Vic Example"]
    [issue] = [i for i in ev.integrity if i.target_id == visitor.id]
    assert issue.kind == "man_involvement" and "involvement or assessment" in issue.message
    assert issue.page == "people"
    gaps = gaps_and_risks(lc.checklist, plan, ev)
    assert gaps[0].label == PLAN_CHECK and gaps[0].about_men
    with pytest.raises(PlanError, match="Vic Example"):
        put(plan, lc, "k_men", True)
    update_record(plan, Person, visitor.id, by="t", now=NOW,
                  reason_not_involved="Police advise no contact with children")
    assert not [i for i in evaluate(lc.checklist, plan, TODAY).integrity
                if i.target_id == visitor.id]


def test_old_plan_person_without_sex_asks_once(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    father = person(plan, name="Dad Example", kind=PersonKind.FATHER)
    lodger = person(plan, name="Lee Example", kind=PersonKind.ADULT_IN_HOUSEHOLD)
    assert father.is_man and father.man is None  # a father needs no question
    ev = evaluate(lc.checklist, plan, TODAY)
    kinds = {(i.kind, i.target_id) for i in ev.integrity}
    assert ("man_unrecorded", lodger.id) in kinds and ("man_involvement", father.id) in kinds
    update_record(plan, Person, lodger.id, by="t", now=NOW, man=True)
    ev = evaluate(lc.checklist, plan, TODAY)
    assert {p.name for p in ev.men} == {"Dad Example", "Lee Example"}
    assert ("man_unrecorded", lodger.id) not in {(i.kind, i.target_id) for i in ev.integrity}


# -- 6. actions and agencies in the checks -------------------------------------------------

def test_overdue_action_and_agency_without_contact(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    action = add_record(plan, Action, by="t", now=NOW, what="See the father alone", owner="Sam",
                        due=TODAY - timedelta(days=5), status=ActionStatus.IN_PROGRESS)
    add_record(plan, Action, by="t", now=NOW, what="Done thing", owner="Sam",
               due=TODAY - timedelta(days=5), status=ActionStatus.DONE)
    add_record(plan, Agency, by="t", now=NOW, agency="Drug service", role="Treatment")
    ev = evaluate(lc.checklist, plan, TODAY)
    assert [a.id for a in ev.overdue_actions] == [action.id]
    found = outstanding(lc.checklist, plan, TODAY)
    over = [e for e in found if e.record_id == action.id]
    assert over[0].label == "OVERDUE" and "overdue: due" in over[0].text
    assert any(e.label == "PLAN CHECK" and "no named practitioner and no contact details"
               in e.text for e in found)
    assert all("See the father" not in b for b in ev.blockers())  # shown, not blocking


# -- 7. born today means born today ------------------------------------------------------

def test_born_today_lists_only_what_would_not_be_in_place(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    put(plan, lc, "sleep", "yes")
    put(plan, lc, "address", "yes")  # no address given: not in place
    view = born_today(lc.checklist, plan, TODAY)
    assert [(e.item_id, e.why) for e in view.entries] == [
        ("barred", "not answered"), ("contingency", "not answered"),
        ("address", "incomplete, missing: Discharge address")]
    assert "3 things would not be in place" in view.headline.lower()
    assert "f_known" not in {e.item_id for e in view.entries}  # not needed at birth
    twins = new_plan(lc, edd=EDD, babies_expected=2)
    assert "2 babies are expected" in born_today(lc.checklist, twins, TODAY).headline
    # Once born, the same list of what is not in place now, never an empty one (look-c 3:
    # an early birth emptied it and Outstanding said "Nothing is outstanding")
    born = new_plan(lc, edd=EDD, dob=TODAY - timedelta(days=1))
    put(born, lc, "sleep", "yes")
    put(born, lc, "address", "yes")
    view = born_today(lc.checklist, born, TODAY)
    assert [e.item_id for e in view.entries] == ["barred", "contingency", "address"]
    assert view.headline.startswith(f"The baby was born on {(TODAY - timedelta(days=1)):%d/%m/%Y}.")
    assert "3 things needed at birth are not in place." in view.headline


def test_born_today_includes_unassessed_men_and_contactless_agencies(lc) -> None:
    plan = new_plan(lc, edd=EDD)
    person(plan, name="Vic Example", kind=PersonKind.VISITING_ADULT, man=True)
    add_record(plan, Agency, by="t", now=NOW, agency="Drug service", role="Treatment")
    texts = [e.text for e in born_today(lc.checklist, plan, TODAY).entries]
    assert any("Vic Example" in t for t in texts)
    assert any("Drug service" in t for t in texts)


def test_plan_file_round_trip_keeps_new_fields(lc, tmp_path) -> None:
    from checklist_tui.core import store

    plan = new_plan(lc, edd=EDD)
    put(plan, lc, "f_seen", "not yet", owner="Sam", by_date=date(2027, 1, 2))
    put(plan, lc, "contingency", "yes")
    set_detail(plan, lc.checklist, "contingency", "text", "Line one\nline two", by="t", now=NOW)
    person(plan, name="Vic Example", kind=PersonKind.VISITING_ADULT, man=True,
           assessment="Checks back")
    path = tmp_path / "p.toml"
    path.write_text(store.to_toml(plan), encoding="utf-8")
    again = store.parse_plan(path.read_bytes(), path)
    assert again.answers["f_seen"].owner == "Sam"
    assert again.answers["f_seen"].by_date == date(2027, 1, 2)
    assert again.answers["contingency"].details == {"text": "Line one\nline two"}
    assert again.people[0].man is True and again.people[0].assessment == "Checks back"
    assert "owner" not in store.to_toml(new_plan(lc))  # nothing new in an untouched plan


# -- the format: mistakes are one located line ------------------------------------------

@pytest.mark.parametrize(("old", "new", "expected"), [
    ('concern = ["no"]\nneeded_at_birth', 'concern = ["maybe"]\nneeded_at_birth',
     "'concern' names 'maybe'"),
    ('type = "yes_no"\nnot_yet = true', 'type = "short_text"\nnot_yet = true',
     "'not_yet' works on check"),
    ('items_yes = ["sleep", "contingency"]', 'items_yes = ["slep"]',
     "cross-check names item 'slep'"),
    ('{ kind = "text", label = "The contingency plan" }',
     '{ kind = "text", label = "A" }, { kind = "text", label = "B" }', "two details share"),
    ('{ plan = "agency_recorded" }', '{ plan = "agency_recorded", items_yes = ["sleep"] }',
     "exactly one of: plan, items_yes, dates_on_day, when, answered_by"),
    ('items_yes = ["sleep", "contingency"]', 'dates_on_day = ["sleep"]',
     "'dates_on_day' names 'sleep', which records no date"),
    (', message = "the father is not identified"', "", "needs a 'message'"),
    ('{ kind = "place", label', '{ kind = "place", date_kind = "review", label',
     "'date_kind' goes only with"),
])
def test_format_mistakes_are_reported(tmp_path, old, new, expected) -> None:
    from checklist_tui.core.catalogue import validate_paths

    text = (DATA / "good" / "integrity.toml").read_text()
    assert old in text
    path = tmp_path / "broken.toml"
    path.write_text(text.replace(old, new, 1))
    _count, problems = validate_paths([path])
    assert any(expected in p.line() for p in problems), [p.line() for p in problems]


def test_shipped_items_converted_for_examples(catalogue) -> None:
    items = catalogue.get("discharge-planning-meeting").checklist.item_map()
    assert items["DPM-K06"].cross_checks and items["DPM-C08B"].details
    pba = catalogue.get("pre-birth-assessment").checklist.item_map()
    assert pba["PBA-P06"].concern and pba["PBA-P06"].about_men


def test_a_due_point_met_by_a_date_still_to_come_is_booked_not_done(lc) -> None:
    """A meeting booked for next week meets its due point, but it has not happened: the
    timeline and the exports must not say "done"."""
    plan = new_plan(lc, edd=EDD)
    due = date_at_gestation(EDD, 30)
    put(plan, lc, "meeting", "yes")
    set_detail(plan, lc.checklist, "meeting", "date", TODAY + timedelta(days=7), by="t", now=NOW)
    meeting = next(d for d in evaluate(lc.checklist, plan, TODAY).due if d.item_id == "meeting")
    assert meeting.status == DueStatus.BOOKED and meeting.booked == TODAY + timedelta(days=7)
    later = next(d for d in evaluate(lc.checklist, plan, TODAY + timedelta(days=8)).due
                 if d.item_id == "meeting")
    assert later.status == DueStatus.DONE  # the date has passed
    assert due > TODAY + timedelta(days=8)
