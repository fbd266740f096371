"""look-d 1, 3 and 24: what a pause point's confirmation did not see is said in full, never
only the first change: every answer it vouches for that changed (from what, to what, with
the question's words and the reason given), every person, agency and plan detail changed
(and every action when its items rest on the Actions page), every new red flag; and what
stops it now never hides what changed."""

from __future__ import annotations

from datetime import timedelta

from checklist_tui.core.catalogue import load_checklist, load_sources
from checklist_tui.core.edit import (
    Action,
    Agency,
    Person,
    add_record,
    clear_answer,
    log,
    remove_record,
    set_details,
    set_note,
)
from checklist_tui.core.engine import evaluate
from checklist_tui.core.locations import builtin_checklists_dir
from checklist_tui.core.pause import completion_blockers, pause_status
from checklist_tui.core.plan import PersonKind
from tests.conftest import DATA, NOW, TODAY
from tests.core.test_integrity import put
from tests.core.test_pause_since import LATER, STAMP, _confirmed, _status

LATE2 = LATER + timedelta(hours=1)
STAMP2 = LATE2.astimezone().strftime("%d/%m/%Y %H:%M")


def _jay(plan) -> None:
    add_record(plan, Person, by="Lead", now=LATER, name="Jay Lodger",
               kind=PersonKind.ADULT_IN_HOUSEHOLD, man=True, in_household=True,
               role="Must not be alone with the baby", involvement="Not yet seen",
               assessment="Checks requested")


def test_every_change_is_listed_not_only_the_first(lc) -> None:
    """A note changed first, then a man moving in, then the police removed from Agencies:
    before, only the note was said ('1 more ...' at most), so the man was never named."""
    plan = _confirmed(lc)
    set_note(plan, "k_men", "Fred was there too.", by="Lead", now=LATER)
    _jay(plan)
    police = next(a for a in plan.agencies if a.agency == "Police")
    remove_record(plan, Agency, police.id, by="Lead", now=LATE2)
    status = _status(plan, lc)
    assert not status.holds
    assert status.unseen == (
        f"the note on 'Every man around the baby is involved and assessed.' (k_men) was "
        f"changed on {STAMP}, after this confirmation; also: "
        f"Jay Lodger (a man, in the household; role: Must not be alone with the baby) was "
        f"added to People on {STAMP}; the agency Police was removed from Agencies on "
        f"{STAMP2}.")
    assert status.line().endswith(f"Since then: {status.why}")
    [blocker] = [b for b in completion_blockers(lc.checklist, plan,
                                                evaluate(lc.checklist, plan, TODAY))
                 if b.startswith("Pause point")]
    assert "Jay Lodger" in blocker and "the agency Police was removed" in blocker


def test_what_stops_it_now_does_not_hide_what_changed(lc) -> None:
    """The contingency plan answered No (its tick is now contradicted) and a man moved in:
    both are said, the contradiction first."""
    plan = _confirmed(lc)
    _jay(plan)
    put(plan, lc, "contingency", "no")  # put() records it at NOW: give it a later time
    plan.history[-1] = plan.history[-1].model_copy(update={"at": LATE2})
    status = _status(plan, lc)
    assert "(k_sleep) is contradicted" in status.problem
    assert status.why.startswith(status.problem + " Also: 'Is there a contingency plan?' ")
    assert "Jay Lodger (a man, in the household; role: Must not be alone with the baby) " \
        "was added to People" in status.line()
    assert "'Is there a contingency plan?' (contingency) was changed from 'Yes' to 'No' on " \
        f"{STAMP2}" in status.line()


def test_a_changed_answer_says_from_what_to_what_and_the_reason_given(lc) -> None:
    """look-d 24: 'was answered again' read as the same answer confirmed again."""
    plan = _confirmed(lc)
    log(plan, "Lead", LATER, "reason", "plan", "completed", "Grandmother withdrew")
    log(plan, "Lead", LATER, "state", "plan", "completed", "amended")
    put(plan, lc, "contingency", "no")
    plan.history[-1] = plan.history[-1].model_copy(update={"at": LATER})
    assert "'Is there a contingency plan?' (contingency) was changed from 'Yes' to 'No' on " \
        f"{STAMP} (reason: Grandmother withdrew), after this confirmation." \
        in _status(plan, lc).unseen


def test_a_cleared_answer_says_what_it_said(lc) -> None:
    plan = _confirmed(lc)
    clear_answer(plan, "f_known", by="Lead", now=LATER)
    assert _status(plan, lc).unseen == (
        f"'Is the baby's father identified?' (f_known) was cleared on {STAMP} (it said "
        "'Yes'), after this confirmation.")


def test_an_agency_changed_or_added_after_it_means_it_no_longer_holds(lc) -> None:
    """look-d 3: a change to Agencies, as to People, is something the people present did
    not see."""
    from checklist_tui.core.edit import update_record

    plan = _confirmed(lc)
    police = next(a for a in plan.agencies if a.agency == "Police")
    update_record(plan, Agency, police.id, by="Lead", now=LATER, contact="")
    assert _status(plan, lc).unseen.startswith(
        f"Agencies' record of Police was changed on {STAMP}, after this confirmation")
    plan = _confirmed(lc)
    add_record(plan, Agency, by="Lead", now=LATER, agency="Health visiting", role="Visits",
               contact="01632 960000", practitioner="Example Health Visitor")
    assert _status(plan, lc).unseen == (f"the agency Health visiting was added to Agencies "
                                        f"on {STAMP}, after this confirmation.")


def test_the_number_of_babies_changed_after_it_means_it_no_longer_holds(lc) -> None:
    plan = _confirmed(lc)
    set_details(plan, by="Lead", now=LATER, babies_expected=2)
    status = _status(plan, lc)
    assert not status.holds
    assert status.unseen == (f"the number of babies was changed from 1 to 2 on {STAMP}, "
                             "after this confirmation.")


def test_actions_count_only_when_the_items_rest_on_them(lc, tmp_path) -> None:
    plan = _confirmed(lc)
    add_record(plan, Action, by="Lead", now=LATER, what="Book the new-birth visit")
    assert _status(plan, lc).holds  # no item of this pause point reads the Actions page
    text = (DATA / "good" / "integrity.toml").read_text(encoding="utf-8").replace(
        'cross_checks = [{ plan = "men_recorded" }, { plan = "men_involvement" }]',
        'cross_checks = [{ plan = "men_recorded" }, { plan = "men_involvement" }, '
        '{ plan = "actions_recorded" }]')
    assert "actions_recorded" in text
    (tmp_path / "integrity.toml").write_text(text, encoding="utf-8")
    sources, _problems = load_sources(builtin_checklists_dir() / "sources.toml")
    resting, problems = load_checklist(tmp_path / "integrity.toml",
                                       {s.id: s for s in sources})
    assert resting is not None, problems
    plan = _confirmed(lc)
    add_record(plan, Action, by="Lead", now=NOW - timedelta(minutes=1),
               what="Book the new-birth visit", owner="Sam", due=TODAY)
    plan.history.insert(-2, plan.history.pop())  # added before the confirmation
    assert pause_status(resting.checklist, plan, evaluate(resting.checklist, plan, TODAY),
                        "confirm").holds
    add_record(plan, Action, by="Lead", now=LATER, what="Visit weekly", owner="Sam",
               due=TODAY)
    status = pause_status(resting.checklist, plan, evaluate(resting.checklist, plan, TODAY),
                          "confirm")
    assert status is not None and status.unseen == (
        f"the action 'Visit weekly' was added to Actions on {STAMP}, after this "
        "confirmation.")


def test_a_date_changed_after_it_is_said_as_dates_are_said_everywhere(lc) -> None:
    """rev7-core 7: the history keeps a plan detail's date in ISO ('2026-11-20'); the
    people reading a confirmation aloud read DD/MM/YYYY everywhere else."""
    plan = _confirmed(lc)
    edd = plan.edd
    set_details(plan, by="Lead", now=LATER, dob=TODAY - timedelta(days=2),
                edd=edd + timedelta(days=7))
    unseen = _status(plan, lc).unseen
    born, due = (d.strftime("%d/%m/%Y") for d in (TODAY - timedelta(days=2),
                                                    edd + timedelta(days=7)))
    assert (f"the date of birth was changed from nothing to {born} on {STAMP}"
            in unseen), unseen
    assert (f"the expected delivery date was changed from {edd.strftime('%d/%m/%Y')} to "
            f"{due} on {STAMP}" in unseen), unseen
    assert "2026-" not in unseen and "2027-" not in unseen, unseen
