"""Plain mode keeps the plan's people, agencies and actions true, as the app and the command
line can (look-d D25): change and remove each, mark an action done, record a copy given
out and hear who holds one; the same core operations, refusals and history as the app."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from checklist_tui.core import clock, edit, review, store
from checklist_tui.core.plan import ActionStatus, PlanState
from checklist_tui.core.review_file import change_plan
from checklist_tui.plain import between, words
from checklist_tui.plain.console import Console
from checklist_tui.plain.conversation import Conversation
from tests.conftest import EXAMPLES, NOW, TODAY
from tests.core.helpers import check_again
from tests.plain.test_plain import _talk

EARLY = "early-pre-birth.toml"  # a draft: Robin (mother), Sam (father, not at home), 4 actions
READY = "discharge-ready-for-sign-off.toml"  # completed, with Blake (visiting man)


def _copy(tmp_path: Path, example: str) -> Path:
    path = tmp_path / "plans" / example
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLES / example, path)
    return path


def _after(out: str, command: str) -> str:
    return out.partition(f"Answer: {command}\n")[2]


def test_change_person_saves_one_field_at_a_time_as_the_core_edit_does(tmp_path,
                                                                      catalogue) -> None:
    path = _copy(tmp_path, EARLY)
    _code, out = _talk(path, catalogue, [
        "change person", "2", "5", "yes", "4", "none", "5", "yes", "", "quit"])
    said = _after(out, "change person")
    assert "1. Robin Example, Mother, Mother, lives in the household." in said
    assert "Changing Sam Example. What to change:" in said
    assert "5. Lives in the household: no." in said
    assert "a man" not in said.lower()  # a father's record needs no "is he a man?"
    assert "Saved: Lives in the household, yes (it was no)." in said
    assert "Saved: Their role around the baby, not recorded (it was Plans to live with" in said
    assert "Not changed: Lives in the household was already yes." in said
    assert "Finished changing Sam Example." in said
    sam = store.load(path).plan.people[1]
    assert sam.in_household is True and sam.role == ""

    # the same two changes made with the core's own operation give the same plan
    twin = store.load(_copy(tmp_path / "twin", EARLY)).plan
    for fields in ({"in_household": True}, {"role": ""}):
        edit.update_record(twin, edit.Person, sam.id, by="x", now=clock.now(), **fields)
    assert twin.people == store.load(path).plan.people
    edits = [h for h in store.load(path).plan.history if h.what == "person.edit"]
    assert [h.target for h in edits] == [sam.id, sam.id]


def test_change_by_name_or_number_after_the_command_and_edit_as_another_word(
        tmp_path, catalogue) -> None:
    path = _copy(tmp_path, EARLY)
    _code, out = _talk(path, catalogue, [
        "edit agency perinatal mental health team", "3", "Reviews Robin at 20, 28 and 32 weeks",
        "", "change action 9", "", "quit"])
    assert "Changing Perinatal mental health team." in out
    assert "Which agency?" not in out
    assert "There is no action '9' in the list." in out
    assert "Nothing was changed." in out
    plan = store.load(path).plan
    assert plan.agencies[1].role == "Reviews Robin at 20, 28 and 32 weeks"
    assert [h.what for h in plan.history].count("agency.edit") == 1


def test_a_needed_field_is_never_emptied_and_a_date_must_be_a_date(tmp_path,
                                                                   catalogue) -> None:
    path = _copy(tmp_path, EARLY)
    before = store.load(path).plan.actions[0]
    _code, out = _talk(path, catalogue, [
        "change action 1", "1", "none", "", "4", "31/02/2027", "", "", "quit"])
    said = _after(out, "change action 1")
    assert "What is to be done is needed: type the new words, or press Enter to keep it." in said
    assert "Kept: What is to be done, Contact the father directly by phone." in said
    assert "31/02/2027" in said and "Kept: Due, 02/12/2026." in said
    assert store.load(path).plan.actions[0] == before


def test_a_man_is_removed_only_with_a_reason_and_the_history_keeps_it(tmp_path,
                                                                      catalogue) -> None:
    path = _copy(tmp_path, EARLY)
    before = path.read_bytes()
    _code, out = _talk(path, catalogue, ["remove person Sam Example", "", "quit"])
    assert "Sam Example is counted among the people around the baby." in out
    assert "Not removed: Sam Example stays in the plan." in out
    assert path.read_bytes() == before  # nothing at all written

    _code, out = _talk(path, catalogue, [
        "remove person 2", "ok", "yes", "Added by mistake: the father is Sam Sample", "quit"])
    said = _after(out, "remove person 2")
    assert said.count("'ok' is not a reason.") == 1
    assert said.count("'yes' is a command or an answer, not a reason.") == 1
    assert "Removed Sam Example, with your reason." in said
    plan = store.load(path).plan
    assert [p.name for p in plan.people] == ["Robin Example"]
    entry = plan.history[-1]
    assert (entry.what, entry.new) == (
        "person.remove", "removed: Added by mistake: the father is Sam Sample")


def test_anyone_else_is_removed_after_a_yes(tmp_path, catalogue) -> None:
    path = _copy(tmp_path, EARLY)
    _code, out = _talk(path, catalogue, ["delete agency 2", "no", "remove agency 2", "yes",
                                         "remove action", "4", "y", "remove person 1", "",
                                         "quit"])
    assert "Not removed: 'Perinatal mental health team' stays in the plan." in out
    assert "Removed Perinatal mental health team." in out
    assert "Removed Housing application for a move before the birth." in out
    # the mother lives in the household: she too is removed only with a reason
    assert "Robin Example is counted among the people around the baby." in out
    plan = store.load(path).plan
    assert [a.agency for a in plan.agencies] == ["Community midwifery"]
    assert len(plan.actions) == 3 and len(plan.people) == 2


def test_action_done_and_its_status_read_back_in_the_listing(tmp_path, catalogue) -> None:
    path = _copy(tmp_path, EARLY)
    _code, out = _talk(path, catalogue, [
        "add action", "Ring the housing officer (fictional)", "A. Worker", "", "01/11/2026", "",
        "actions", "action done 5", "action done 5", "action status", "2", "2", "actions",
        "quit"])
    assert ("'Ring the housing officer (fictional)' was due on 01/11/2026: it is OVERDUE "
            "already.") in out
    first, _, second = _after(out, "actions").partition("Answer: actions\n")
    assert "Due 01/11/2026. Status: Not started. OVERDUE." in first
    assert ("Saved: 'Ring the housing officer (fictional)' is now done (it was not started)."
            in out)
    assert "Not changed: 'Ring the housing officer (fictional)' is already done." in out
    assert "Saved: 'Perinatal mental health review of Robin' is now in progress" in out
    assert "Status: Done." in second and "OVERDUE" not in second
    plan = store.load(path).plan
    assert [a.status for a in plan.actions][1:] == [
        ActionStatus.IN_PROGRESS, ActionStatus.NOT_STARTED, ActionStatus.NOT_STARTED,
        ActionStatus.DONE]


def test_a_change_to_a_completed_plan_asks_the_reason_before_anything_else(tmp_path,
                                                                          catalogue) -> None:
    path = _copy(tmp_path, READY)
    assert store.load(path).plan.state == PlanState.COMPLETED
    _code, out = _talk(path, catalogue, [
        "action done 1", "yes", "The review meeting was held early", "quit"])
    said = _after(out, "action done 1")
    assert said.startswith("You are changing: the status of the action 'Review meeting after "
                           "discharge'")
    assert said.index("reason") < said.index("Saved: 'Review meeting after discharge' is now")
    plan = store.load(path).plan
    assert plan.state == PlanState.AMENDED and plan.actions[0].status == ActionStatus.DONE


def test_share_records_a_copy_and_distribution_says_who_holds_one(tmp_path,
                                                                  catalogue) -> None:
    path = _copy(tmp_path, READY)
    change_plan(path, catalogue.get,
                lambda p, c: review.submit(p, c, by="Drew Demo", now=NOW, today=TODAY))
    change_plan(path, catalogue.get, lambda p, c: review.decide(
        p, c, decision="approved", rationale="Proportionate plan.", name="Sam Senior",
        role="Team manager", now=NOW, today=TODAY))
    _code, out = _talk(path, catalogue, [
        "distribution", "share", "no", "Example GP surgery", "GP", "Secure email", "",
        "copies", "share", "yes", "", "", "By hand", "20/11/2026", "distribution", "quit"])
    assert "Nobody is recorded as given a copy of this plan yet." in out
    assert "Recorded: a copy given to Example GP surgery (GP) on 25/11/2026, Secure email." \
        in out
    assert "Recorded: a copy given to the parents on 20/11/2026, By hand." in out
    assert "Given on an earlier day, so this copy is not counted as saying what the plan " \
           "says now." in out
    last = out.rpartition("Answer: distribution\n")[2]
    assert "Copies given: 2." in last
    assert "1. Example GP surgery, GP, given 25/11/2026, Secure email" in last
    assert "2. The parents' copy, given 20/11/2026, By hand" in last
    plan = store.load(path).plan
    assert plan.state == PlanState.APPROVED  # who has a copy is not what the plan says
    assert [(d.to, d.parents) for d in plan.distribution] == [
        ("Example GP surgery", False), ("The parents", True)]
    assert [h.what for h in plan.history][-2:] == ["shared", "shared"]


def test_distribution_says_a_copy_the_plan_has_moved_on_from(tmp_path, catalogue) -> None:
    path = _copy(tmp_path, EARLY)
    _code, out = _talk(path, catalogue, [
        "share", "no", "Example GP surgery", "", "", "", "change person 2", "5", "yes", "",
        "distribution", "quit"])
    last = _after(out, "distribution")
    assert "OUT OF DATE: the plan has changed since." in last
    assert "Give them the current plan and record it (type share)." in last
    assert "(Distribution, D)" not in last  # no key of an app that is not there


def test_who_is_present_refuses_a_number_not_in_the_list(tmp_path, catalogue) -> None:
    """rev7-core 8: "12, 0" was recorded as two people present."""
    path = _copy(tmp_path, READY)

    def checked_today(plan, checklist) -> None:  # confirming today needs today's checks
        review.reopen(plan, checklist, "Checks done again on the ward", by="t",
                      now=clock.now(), today=clock.today())
        for item in ("DPM-H01", "DPM-H07", "DPM-C12"):  # the same words, that day
            check_again(plan, checklist, item, clock.today(), by="t", now=clock.now())

    change_plan(path, catalogue.get, checked_today)
    _code, out = _talk(path, catalogue, [
        "go DPM-K01", "confirm", "Morgan Ward", "Ward midwife", "12, 0",
        "1, Example Social Worker C", "yes", "quit"])
    said = _after(out, "confirm")
    assert "There is no 12 or 0 in the list:" in said
    assert "with Quinn Example (Mother); Example Social Worker C present." in said
    latest = max(store.load(path).plan.confirmations, key=lambda c: c.at)
    assert latest.present == ["Quinn Example (Mother)", "Example Social Worker C"]


def test_cancel_inside_a_change_keeps_what_was_saved_and_says_so(tmp_path, catalogue) -> None:
    path = _copy(tmp_path, EARLY)
    _code, out = _talk(path, catalogue, ["change person 2", "5", "yes", "6", "cancel", "quit"])
    assert "Cancelled: what was saved before stays saved; nothing more was changed." in out
    assert store.load(path).plan.people[1].in_household is True


def _help_text() -> str:
    return " ".join(words.HELP).lower()


def test_help_names_every_command(tmp_path, catalogue) -> None:
    """Every command plain mode takes is in its help, alias or not."""
    path = _copy(tmp_path, EARLY)
    import io

    from checklist_tui.core.session import PlanSession

    session = PlanSession.open(path, catalogue.get, read_only=True)
    conv = Conversation(Console(io.StringIO(), io.StringIO()), session, catalogue.sources)
    text = _help_text()
    missing = [key for key in between.table(conv) if key and not re.search(
        rf"(^|[\s,(]){re.escape(key)}([\s,:.)]|$)", text)]
    assert missing == []
    assert set(between.TAKES_WHICH) <= set(between.table(conv))


@pytest.mark.parametrize("command", ["edit person", "remove agency", "action done", "share",
                                     "distribution"])
def test_the_new_commands_are_commands_not_answers(tmp_path, catalogue, command) -> None:
    path = _copy(tmp_path, EARLY)
    _code, out = _talk(path, catalogue, [command, "cancel", "quit"])
    assert "is not an answer to this question" not in out


@pytest.mark.parametrize("command", ["change person", "remove agency 1", "action done",
                                     "add person", "plan details", "birth"])
def test_a_read_only_plan_says_so_before_anything_is_asked(tmp_path, catalogue,
                                                           command) -> None:
    path = _copy(tmp_path, EARLY)
    before = path.read_bytes()
    _code, out = _talk(path, catalogue, [command, "quit"], read_only=True)
    said = _after(out, command).splitlines()
    assert said[0] == "Not changed: the plan is read-only (opened read-only)."
    assert "Which" not in said[1] and "Name:" not in said[1]
    assert path.read_bytes() == before


def test_timeline_reads_each_milestone_in_date_order_and_open_actions(tmp_path,
                                                                     catalogue) -> None:
    """The app's Timeline is a chart; plain mode says it as sentences, OVERDUE in words."""
    from checklist_tui.core.engine import evaluate
    from checklist_tui.core.vocabulary import due_label

    path = _copy(tmp_path, EARLY)
    _code, out = _talk(path, catalogue, [
        "add action", "Ring the GP (fictional)", "A. Worker", "", "20/11/2026", "",
        "action done 1", "timeline", "quit"])
    said = _after(out, "timeline")
    plan = store.load(path).plan
    ev = evaluate(catalogue.get(plan.checklist_id).checklist, plan, TODAY)
    dated = sorted((d for d in ev.due if d.due_date), key=lambda d: d.due_date)
    assert dated and f"Milestones: {len(dated)}." in said
    places = [said.index(f"{n}. {d.label}, due {d.due_date:%d/%m/%Y}")
              for n, d in enumerate(dated, 1)]
    assert places == sorted(places)
    assert all(f": {due_label(d.status)}." in said for d in dated)
    assert "Actions not done or cancelled: 4, 1 OVERDUE." in said
    assert ("Action: Ring the GP (fictional), due 20/11/2026 (5 days ago): OVERDUE." in said)
    assert "Contact the father directly by phone" not in said  # done: not on the timeline


def test_timeline_says_what_an_injury_plans_dates_rest_on(tmp_path, catalogue) -> None:
    from datetime import date

    loaded = store.create(tmp_path / "plans", catalogue.get("injury-non-mobile-baby"),
                          case_ref="INJ-1", now=clock.now(), dob=date(2026, 11, 8))
    _code, out = _talk(loaded.path, catalogue, ["timeline", "quit"])
    said = _after(out, "timeline")
    assert "Timeline: born 08/11/2026, 17 days old." in said
    assert "Counted from the day this plan was started: record the day it was seen" in said


def test_a_man_recorded_as_not_a_man_is_asked_why_and_still_listed(tmp_path,
                                                                  catalogue) -> None:
    """look-d D2 second half, as the app's dialog and `person edit --why` ask it: the core
    refuses the change without a real reason; plain mode asks, and `people` then lists him
    under the men no longer recorded as men, with who, when and why."""
    path = _copy(tmp_path, READY)  # completed: the reason for changing it is asked first
    before = path.read_bytes()
    _code, out = _talk(path, catalogue, [
        "change person blake", "yes", "A change to who visits (fictional)", "5", "no", "",
        "", "quit"])
    said = _after(out, "change person blake")
    assert "With that, Blake Example is no longer counted among the men" in said
    assert "Not changed: A man (a partner who visits or stays counts) stays yes." in said
    assert path.read_bytes() == before  # nothing at all: not even the reopening

    _code, out = _talk(path, catalogue, [
        "change person blake", "yes", "A change to who visits (fictional)", "5", "no", "ok",
        "Recorded as a man by mistake (fictional)", "", "people", "quit"])
    said = _after(out, "change person blake")
    assert said.count("'ok' is not a reason.") == 1
    assert "Saved: A man (a partner who visits or stays counts), no (it was yes)." in said
    plan = store.load(path).plan
    assert plan.people[3].man is False
    assert plan.history[-1].new.endswith("; why=Recorded as a man by mistake (fictional)")
    listed = _after(out, "people")
    assert "Men removed from People or recorded as not a man: 1." in listed
    assert ("Blake Example (Mother's former partner): Recorded as not a man on 25/11/2026"
            in listed)
    assert listed.split("Men removed from People")[1].count(
        "Recorded as a man by mistake (fictional)") == 1


def test_a_record_is_named_by_part_of_its_name_but_never_guessed(tmp_path, catalogue) -> None:
    path = _copy(tmp_path, EARLY)
    _code, out = _talk(path, catalogue, ["change person example", "", "change person sam",
                                         "", "quit"])
    assert "More than one person matches 'example': say which by number." in out
    assert "Changing Sam Example." in out


def test_details_records_words_written_on_an_earlier_day_again(tmp_path, catalogue) -> None:
    """rev8-core 2: a re-dated check's words were refused as written on an earlier day,
    and plain mode (the screen-reader route) could neither record them again nor say so:
    'details' said nothing at all."""
    from checklist_tui.core.engine import evaluate
    from checklist_tui.core.plan import PlanState

    path = _copy(tmp_path, READY)
    loaded = store.load(path)
    checklist = catalogue.get(loaded.plan.checklist_id).checklist
    loaded.plan.state = PlanState.DRAFT  # changed as a draft: no reason asked here
    for ident in ("DPM-H01", "DPM-H07"):
        edit.set_detail(loaded.plan, checklist, ident, "date", TODAY, by="t", now=NOW)
    store.save(loaded)
    ev = evaluate(checklist, store.load(path).plan, TODAY)
    assert "DPM-K01" in {p.item_id for p in ev.contradicted}
    _code, out = _talk(path, catalogue, [
        "go DPM-H07", "details", "", "same", "go DPM-H01", "details", "", "", "details", "",
        "new", "Example Paediatrician (fictional) checked again today: well.", "end",
        "quit"])  # (Enter keeps each date: it is today's already)
    said = _after(out, "details")
    assert "written on Sunday 22 November 2026" in said
    assert "Recorded again as written today, with your name." in said
    assert "Left as they are: written on an earlier day." in out
    plan = store.load(path).plan
    last = [e for e in plan.history if e.what == "detail"][-2:]
    assert last[0].old == last[0].new  # DPM-H07's words, recorded again
    assert last[1].new.startswith("Example Paediatrician (fictional) checked again today")
    ev = evaluate(checklist, plan, TODAY)
    assert "DPM-K01" not in {p.item_id for p in ev.contradicted}
    _code, out = _talk(path, catalogue, ["go DPM-H07", "details", "", "quit"])
    assert "Kept: 25/11/2026." in out and "written on" not in _after(out, "details")


def test_details_changes_a_date_already_recorded_then_asks_about_its_words(
        tmp_path, catalogue) -> None:
    """rev9-core 2: the discharge guidance says to change the date of a check done again
    on the day the baby leaves; plain mode's details said "Nothing is missing" and the
    only way was to clear the answer and lose its words. Now each date is offered to keep
    or change, and then the words, written before the new date, are asked about."""
    path = _copy(tmp_path, READY)
    loaded = store.load(path)
    loaded.plan.state = PlanState.DRAFT  # changed as a draft: no reason asked here
    store.save(loaded)
    old = loaded.plan.answers["DPM-H07"]
    assert old.details["date"] < TODAY
    _code, out = _talk(path, catalogue, ["go DPM-H07", "details", "25/11/2026", "same",
                                         "quit"])
    said = _after(out, "details")
    assert f"Date checked: {old.details['date']:%d/%m/%Y}. Type the new date" in said \
        or "Type the new date, or press Enter to keep it:" in said
    assert "Recorded again as written today, with your name." in said
    answer = store.load(path).plan.answers["DPM-H07"]
    assert answer.details["date"] == TODAY and answer.details["text"] == old.details["text"]
