"""look-sw: the core never claims more than it knows (red flags on questions nobody answered,
pause-point confirmations, "today's date" items, people and agencies)."""

from __future__ import annotations

from datetime import UTC, timedelta

from checklist_tui.core.edit import set_answer
from checklist_tui.core.engine import evaluate
from checklist_tui.core.outstanding import outstanding
from tests.conftest import EXAMPLES, NOW, TODAY
from tests.core.helpers import new_plan

EDD = TODAY + timedelta(weeks=20)  # f_seen is due at 22 weeks: two weeks ago
LATE = TODAY + timedelta(weeks=3)


def put(plan, lc, item, value, **kw):
    set_answer(plan, lc.checklist, item, value, by="tester", now=NOW, **kw)


def test_red_flag_on_an_unanswered_overdue_item_says_not_recorded_not_the_finding(lc) -> None:
    """look-sw 6: nobody has said the father was not seen alone, so the red flag says the
    answer is not recorded; once somebody answers "no", it says the finding."""
    plan = new_plan(lc, edd=EDD)
    [flag] = evaluate(lc.checklist, plan, LATE).red_flags
    assert flag.item_id == "f_seen"
    assert flag.message.startswith("Not yet recorded: has the father been seen alone?")
    assert "It was due " in flag.message
    words = " ".join(e.text for e in outstanding(lc.checklist, plan, LATE))
    assert "has not been seen alone" not in words and "Not yet recorded" in words
    put(plan, lc, "f_seen", "no")
    [flag] = evaluate(lc.checklist, plan, LATE).red_flags
    assert flag.message == "The father has not been seen alone."
    put(plan, lc, "f_seen", "yes")
    assert not evaluate(lc.checklist, plan, LATE).red_flags
    assert not evaluate(lc.checklist, new_plan(lc, edd=EDD), TODAY).red_flags  # not due yet


# -- look-sw 5: a confirmation holds only for what it saw ----------------------------------

def _confirmed(lc):
    from checklist_tui.core.edit import confirm_pause_point
    from tests.core.test_integrity import pause_point_ready

    plan = new_plan(lc, edd=EDD)
    pause_point_ready(plan, lc)
    confirm_pause_point(plan, lc.checklist, "confirm", ["Sam"], by="Lead", now=NOW, today=TODAY)
    return plan


def _status(plan, lc):
    from checklist_tui.core.pause import pause_status

    return pause_status(lc.checklist, plan, evaluate(lc.checklist, plan, TODAY), "confirm")


def test_a_tick_cleared_and_made_again_changes_nothing_the_confirmation_saw(lc) -> None:
    """#12: what a confirmation saw is compared, not when it was answered: a tick
    cleared (no longer holds: not done) and made again says what it said then."""
    from checklist_tui.core.edit import clear_answer

    plan = _confirmed(lc)
    assert _status(plan, lc).holds
    later = NOW + timedelta(hours=2)
    clear_answer(plan, "k_men", by="Lead", now=later)
    assert not _status(plan, lc).holds and "k_men" in _status(plan, lc).problem
    set_answer(plan, lc.checklist, "k_men", True, by="Lead", now=later)
    assert _status(plan, lc).holds, _status(plan, lc).line()


def test_an_answer_given_again_with_the_same_value_changes_nothing(lc) -> None:
    """#12: answering again with the same value is no change: no history entry, no new
    time, the confirmation holds; a session says the plan did not change."""
    plan = _confirmed(lc)
    entries, at = len(plan.history), plan.answers["sleep"].answered_at
    for item, value in (("sleep", "yes"), ("sleep", "Yes"), ("k_men", True),
                        ("k_men", "done")):
        set_answer(plan, lc.checklist, item, value, by="Lead", now=NOW + timedelta(hours=1))
    assert len(plan.history) == entries and plan.answers["sleep"].answered_at == at
    assert _status(plan, lc).holds


def test_an_answer_changed_and_changed_back_holds_a_real_change_does_not(lc) -> None:
    """k_sleep vouches for "sleep" and "contingency" (its items_yes): "sleep" changed to
    no is contradicted, and back to yes says what the people present heard; the
    contingency plan's text or a note changed after the confirmation is something they
    did not hear, and it may be confirmed again."""
    from checklist_tui.core.edit import confirm_pause_point, set_detail, set_note

    plan = _confirmed(lc)
    set_answer(plan, lc.checklist, "sleep", "no", by="Lead", now=NOW + timedelta(hours=1))
    assert "contradicted" in _status(plan, lc).line()
    set_answer(plan, lc.checklist, "sleep", "yes", by="Lead", now=NOW + timedelta(hours=2))
    assert _status(plan, lc).holds, _status(plan, lc).line()
    set_detail(plan, lc.checklist, "contingency", "text", "Plan C.", by="Lead",
               now=NOW + timedelta(hours=3))
    status = _status(plan, lc)
    assert not status.holds and not status.problem
    assert "Since then: the details recorded with contingency were changed on " \
        in status.line()
    set_detail(plan, lc.checklist, "contingency", "text", "Plan B.", by="Lead",
               now=NOW + timedelta(hours=4))
    assert _status(plan, lc).holds
    set_note(plan, "k_men", "Fred was there too.", by="Lead", now=NOW + timedelta(hours=5))
    assert "Since then: the note on k_men was changed on " in _status(plan, lc).line()
    confirm_pause_point(plan, lc.checklist, "confirm", ["Sam"], by="Lead",
                        now=NOW + timedelta(hours=6), today=TODAY)
    assert _status(plan, lc).holds


def test_a_red_flag_there_when_confirmed_changed_and_back_is_not_new(lc) -> None:
    from checklist_tui.core.edit import confirm_pause_point
    from tests.core.test_integrity import pause_point_ready

    plan = new_plan(lc, edd=EDD)
    pause_point_ready(plan, lc)
    put(plan, lc, "f_seen", "no")
    confirm_pause_point(plan, lc.checklist, "confirm", ["Sam"], by="Lead",
                        now=NOW + timedelta(minutes=5), today=TODAY)
    for n, value in enumerate(("yes", "no"), 1):
        set_answer(plan, lc.checklist, "f_seen", value, by="Lead",
                   now=NOW + timedelta(hours=n))
    assert evaluate(lc.checklist, plan, TODAY).red_flags and _status(plan, lc).holds


def test_an_answer_edited_outside_the_app_after_the_confirmation_is_a_change(lc) -> None:
    """No history entry accounts for it: what it said then is not known, so it is not
    taken to be the same."""
    plan = _confirmed(lc)
    plan.answers["sleep"].answered_at = NOW + timedelta(hours=1)
    assert "Since then: sleep was answered again on " in _status(plan, lc).line()


def test_a_red_flag_raised_after_the_confirmation_means_it_no_longer_holds(lc) -> None:
    plan = _confirmed(lc)
    set_answer(plan, lc.checklist, "f_seen", "no", by="Lead", now=NOW + timedelta(hours=1))
    status = _status(plan, lc)
    assert not status.holds
    assert ("a red flag was raised after this confirmation: The father has not been seen "
            "alone. (f_seen)") in status.line()


def test_a_red_flag_already_there_when_confirmed_does_not_undo_it(lc) -> None:
    from checklist_tui.core.edit import confirm_pause_point
    from tests.core.test_integrity import pause_point_ready

    plan = new_plan(lc, edd=EDD)
    pause_point_ready(plan, lc)
    put(plan, lc, "f_seen", "no")
    confirm_pause_point(plan, lc.checklist, "confirm", ["Sam"], by="Lead",
                        now=NOW + timedelta(minutes=5), today=TODAY)
    assert evaluate(lc.checklist, plan, TODAY).red_flags and _status(plan, lc).holds


# -- look-sw 5: "the dates recorded are today's date" is compared --------------------------

def test_todays_date_ticks_compare_the_dates_recorded(catalogue) -> None:
    """DPM-K01 says the dates recorded with DPM-H01 and DPM-H07 are today's: a tick made
    on another day reads CONTRADICTED with both dates in words, and is refused."""
    from datetime import datetime

    import pytest

    from checklist_tui.core import store
    from checklist_tui.core.edit import clear_answer, set_detail
    from checklist_tui.core.errors import PlanError
    from checklist_tui.core.plan import PlanState

    lc = catalogue.get("discharge-planning-meeting")
    plan = store.load(EXAMPLES / "discharge-ready-for-sign-off.toml").plan
    day = date_of(plan.answers["DPM-K01"].answered_at)
    assert plan.answers["DPM-H01"].details["date"] == day  # the example: all on one day
    ev = evaluate(lc.checklist, plan, day)
    assert {"DPM-K01", "DPM-K10"} <= ev.done_items
    earlier = day - timedelta(days=1)
    plan.state = PlanState.DRAFT  # changed without the reopening reason: not what is tested
    set_detail(plan, lc.checklist, "DPM-H01", "date", earlier, by="t", now=NOW)
    [problem] = [p for p in evaluate(lc.checklist, plan, day).contradicted
                 if p.item_id == "DPM-K01"]
    assert problem.reasons == (
        f"the date recorded with DPM-H01 is {words(earlier)}, 1 day before this was ticked "
        f"on {words(day)}",)
    set_detail(plan, lc.checklist, "DPM-H01", "date", day, by="t", now=NOW)
    clear_answer(plan, "DPM-K01", by="t", now=NOW)
    four_days_on = datetime.combine(day + timedelta(days=4), datetime.min.time().replace(
        hour=12), tzinfo=UTC)
    with pytest.raises(PlanError, match=r"DPM-H01 is .*, 4 days before this was ticked on"):
        set_answer(plan, lc.checklist, "DPM-K01", True, by="t", now=four_days_on)


def date_of(at):
    from checklist_tui.core.integrity import day_of

    return day_of(at)


def words(d):
    from checklist_tui.core.dates import words_date

    return words_date(d)


def test_a_session_says_an_answer_given_again_did_not_change_the_plan(tmp_path, catalogue):
    """#12: the one place that decides "did the plan change?" (PlanSession) says no, and
    nothing is left to save, when a tick is given again three days after it was made."""
    import shutil
    from pathlib import Path

    from checklist_tui.core.session import PlanSession

    path = Path(shutil.copy(EXAMPLES / "discharge-ready-for-sign-off.toml", tmp_path))
    session = PlanSession.open(path, catalogue.get)
    try:
        checklist = session.checklist.checklist
        assert not session.edit(set_answer, checklist, "DPM-K01", True)
        assert not session.state.dirty and session.changes == 0
    finally:
        session.close()
