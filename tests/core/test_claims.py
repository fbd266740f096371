"""look-sw: the core never claims more than it knows (red flags on questions nobody answered,
pause-point confirmations, "today's date" items, people and agencies)."""

from __future__ import annotations

from datetime import UTC, timedelta

from checklist_tui.core.edit import set_answer
from checklist_tui.core.engine import evaluate
from checklist_tui.core.outstanding import outstanding
from tests.conftest import EXAMPLES, NOW, TODAY
from tests.core.helpers import check_again, new_plan

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
    no is contradicted, and back to yes is still something the people present did not
    hear (look-c 7: "no" is a concern; it may be confirmed again); the contingency plan's
    text changed and changed back says what they heard; changed, or a note changed, after
    the confirmation is something they did not hear."""
    from checklist_tui.core.edit import confirm_pause_point, set_detail, set_note

    plan = _confirmed(lc)
    set_answer(plan, lc.checklist, "sleep", "no", by="Lead", now=NOW + timedelta(hours=1))
    assert "contradicted" in _status(plan, lc).line()
    set_answer(plan, lc.checklist, "sleep", "yes", by="Lead", now=NOW + timedelta(hours=2))
    status = _status(plan, lc)
    assert not status.holds and not status.problem
    one, two = (NOW + timedelta(hours=h) for h in (1, 2))
    assert status.line().endswith(
        f"Since then: 'Has safer sleep been discussed with every carer?' (sleep) was answered "
        f"'No' on {one.astimezone():%d/%m/%Y %H:%M}, then 'Yes' "
        f"again on {two.astimezone():%d/%m/%Y %H:%M}, after this confirmation.")
    confirm_pause_point(plan, lc.checklist, "confirm", ["Sam"], by="Lead",
                        now=NOW + timedelta(hours=2, minutes=30), today=TODAY)
    assert _status(plan, lc).holds
    set_detail(plan, lc.checklist, "contingency", "text", "Plan C.", by="Lead",
               now=NOW + timedelta(hours=3))
    status = _status(plan, lc)
    assert not status.holds and not status.problem
    assert "Since then: the details recorded with 'Is there a contingency plan?' " \
        "(contingency) were changed on " in status.line()
    set_detail(plan, lc.checklist, "contingency", "text", "Plan B.", by="Lead",
               now=NOW + timedelta(hours=4))
    assert _status(plan, lc).holds
    set_note(plan, "k_men", "Fred was there too.", by="Lead", now=NOW + timedelta(hours=5))
    assert "Since then: the note on 'Every man around the baby is involved and assessed.' " \
        "(k_men) was changed on " in _status(plan, lc).line()
    confirm_pause_point(plan, lc.checklist, "confirm", ["Sam"], by="Lead",
                        now=NOW + timedelta(hours=6), today=TODAY)
    assert _status(plan, lc).holds


def test_a_red_flag_acknowledged_when_confirmed_cleared_and_raised_again_is_new(lc) -> None:
    """The acknowledgement weighed the raising it saw; "not seen alone" cleared (yes) and
    raised again (no) after the confirmation is a new event nobody has weighed (before
    s7, the acknowledgement counted for ever and the confirmation held)."""
    from checklist_tui.core.edit import acknowledge, confirm_pause_point
    from tests.core.test_integrity import pause_point_ready

    plan = new_plan(lc, edd=EDD)
    pause_point_ready(plan, lc)
    put(plan, lc, "f_seen", "no")
    # an open red flag is weighed before confirming: acknowledged with what is being done
    acknowledge(plan, lc.checklist, "f_seen.not_seen", "Seeing him alone on Monday", by="Lead",
                now=NOW)
    confirm_pause_point(plan, lc.checklist, "confirm", ["Sam"], by="Lead",
                        now=NOW + timedelta(minutes=5), today=TODAY)
    for n, value in enumerate(("yes", "no"), 1):
        set_answer(plan, lc.checklist, "f_seen", value, by="Lead",
                   now=NOW + timedelta(hours=n))
    [flag] = evaluate(lc.checklist, plan, TODAY).red_flags
    assert flag.acknowledgement is None and flag.needs_acknowledgement
    status = _status(plan, lc)
    assert not status.holds and "The father has not been seen alone" in status.line()


def test_an_answer_edited_outside_the_app_after_the_confirmation_is_a_change(lc) -> None:
    """No history entry accounts for it: what it said then is not known, so it is not
    taken to be the same."""
    plan = _confirmed(lc)
    plan.answers["sleep"].answered_at = NOW + timedelta(hours=1)
    assert "Since then: 'Has safer sleep been discussed with every carer?' (sleep) was " \
        "answered again on " in _status(plan, lc).line()


def test_a_red_flag_raised_after_the_confirmation_means_it_no_longer_holds(lc) -> None:
    plan = _confirmed(lc)
    set_answer(plan, lc.checklist, "f_seen", "no", by="Lead", now=NOW + timedelta(hours=1))
    status = _status(plan, lc)
    assert not status.holds
    assert ("a red flag was raised after this confirmation: The father has not been seen "
            "alone. (f_seen)") in status.line()


def test_a_red_flag_already_there_and_acknowledged_when_confirmed_does_not_undo_it(lc):
    """look-a A6: an open red flag refuses the confirmation (test_pause); once it is
    acknowledged with what is being done it was weighed, and the confirmation holds."""
    from checklist_tui.core.edit import acknowledge, confirm_pause_point
    from tests.core.test_integrity import pause_point_ready

    plan = new_plan(lc, edd=EDD)
    pause_point_ready(plan, lc)
    put(plan, lc, "f_seen", "no")
    acknowledge(plan, lc.checklist, "f_seen.not_seen", "Seeing him alone on Monday", by="Lead",
                now=NOW)
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
    assert problem.reasons == (  # changed since the confirmation: the next one is today
        f"the date recorded with DPM-H01 is {words(earlier)}, 1 day before today, "
        f"{words(day)}",)
    set_detail(plan, lc.checklist, "DPM-H01", "date", day, by="t", now=NOW)
    clear_answer(plan, "DPM-K01", by="t", now=NOW)
    four_days_on = datetime.combine(day + timedelta(days=4), datetime.min.time().replace(
        hour=12), tzinfo=UTC)
    with pytest.raises(PlanError, match=r"DPM-H01 is .*, 4 days before today, "):
        set_answer(plan, lc.checklist, "DPM-K01", True, by="t", now=four_days_on)


def _discharge_unconfirmed(catalogue, tick_at):
    """The discharge example as a draft with no confirmation, DPM-K01 and DPM-K10 ticked
    at ``tick_at`` (local time) with that day's dates recorded."""
    from checklist_tui.core import store
    from checklist_tui.core.edit import clear_answer
    from checklist_tui.core.plan import PlanState

    lc = catalogue.get("discharge-planning-meeting")
    plan = store.load(EXAMPLES / "discharge-ready-for-sign-off.toml").plan
    plan.state, plan.confirmations = PlanState.DRAFT, []
    day = date_of(tick_at)
    for item in ("DPM-H01", "DPM-H07", "DPM-C12"):
        check_again(plan, lc.checklist, item, day, by="t", now=tick_at)
    for item in ("DPM-K01", "DPM-K10"):
        clear_answer(plan, item, by="t", now=tick_at)
        set_answer(plan, lc.checklist, item, True, by="t", now=tick_at)
    return lc, plan


def test_todays_date_is_the_day_the_pause_point_is_confirmed(catalogue) -> None:
    """#12: "the dates recorded are today's date" is read aloud when the pause point is
    confirmed, before the baby leaves; ticks made late on Monday with Monday's dates are
    true on Monday, not when confirmed after midnight, and a confirmation made on Monday
    keeps them true afterwards. Before it is confirmed, "today" is the day looked at."""
    from datetime import datetime

    import pytest

    from checklist_tui.core.edit import confirm_pause_point
    from checklist_tui.core.errors import PlanError
    from checklist_tui.core.pause import pause_status

    monday_late = datetime(2026, 11, 23, 23, 58).astimezone()
    lc, plan = _discharge_unconfirmed(catalogue, monday_late)
    monday, tuesday = date_of(monday_late), date_of(monday_late) + timedelta(days=1)
    assert {"DPM-K01", "DPM-K10"} <= evaluate(lc.checklist, plan, monday).done_items
    on_tuesday = {p.item_id: p.reasons for p in evaluate(lc.checklist, plan, tuesday).contradicted}
    assert on_tuesday["DPM-K01"][0] == (
        f"the date recorded with DPM-H01 is {words(monday)}, 1 day before today, "
        f"{words(tuesday)}")
    assert "DPM-K10" in on_tuesday
    after_midnight = datetime(2026, 11, 24, 0, 1).astimezone()
    with pytest.raises(PlanError,
                       match=r"cannot be confirmed: '.*' \(DPM-K01\) .* 1 day before today"):
        confirm_pause_point(plan, lc.checklist, "confirm", ["Drew"], by="t",
                            now=after_midnight, today=tuesday)
    assert not plan.confirmations
    just_before = datetime(2026, 11, 23, 23, 59).astimezone()
    confirm_pause_point(plan, lc.checklist, "confirm", ["Drew"], by="t", now=just_before,
                        today=monday)
    ev = evaluate(lc.checklist, plan, tuesday + timedelta(days=3))
    assert {"DPM-K01", "DPM-K10"} <= ev.done_items
    assert pause_status(lc.checklist, plan, ev, "confirm").holds
    # confirmed again on Tuesday (say a note changed): the dates must be Tuesday's
    with pytest.raises(PlanError, match=r"\(DPM-K01\): the date recorded with DPM-H01 is "):
        confirm_pause_point(plan, lc.checklist, "confirm", ["Drew"], by="t",
                            now=after_midnight, today=tuesday)


def test_a_discharge_put_off_a_day_is_confirmed_again_with_that_days_dates(catalogue):
    """Confirmed on Monday; the baby stays: on Tuesday the checks are made again and their
    dates changed. The ticks now speak of the next confirmation (today), so they are not
    contradicted, the old confirmation no longer holds, and Tuesday's confirmation holds."""
    from datetime import datetime

    from checklist_tui.core.edit import confirm_pause_point
    from checklist_tui.core.pause import pause_status

    monday = datetime(2026, 11, 23, 18, 0).astimezone()
    lc, plan = _discharge_unconfirmed(catalogue, monday)
    confirm_pause_point(plan, lc.checklist, "confirm", ["Drew"], by="t",
                        now=monday + timedelta(minutes=5), today=date_of(monday))
    tuesday_at = datetime(2026, 11, 24, 9, 0).astimezone()
    tuesday = date_of(tuesday_at)
    for item in ("DPM-H01", "DPM-H07", "DPM-C12"):
        check_again(plan, lc.checklist, item, tuesday, by="t", now=tuesday_at)
    ev = evaluate(lc.checklist, plan, tuesday)
    assert {"DPM-K01", "DPM-K10"} <= ev.done_items
    status = pause_status(lc.checklist, plan, ev, "confirm")
    assert not status.holds and not status.problem and "were changed on" in status.unseen
    confirm_pause_point(plan, lc.checklist, "confirm", ["Drew"], by="t",
                        now=tuesday_at + timedelta(minutes=5), today=tuesday)
    ev = evaluate(lc.checklist, plan, tuesday + timedelta(days=2))
    assert pause_status(lc.checklist, plan, ev, "confirm").holds


def test_a_tick_outside_a_pause_point_is_compared_with_its_own_day() -> None:
    """dates_on_day on an item that is not in a pause point: the day it was ticked."""
    from datetime import datetime

    from checklist_tui.core.integrity import TICKED, compared_day
    from checklist_tui.core.plan import Answer

    at = datetime(2026, 11, 23, 23, 59).astimezone()
    answer = Answer(value=True, answered_at=at, answered_by="t")
    later = date_of(at) + timedelta(days=2)
    assert compared_day(answer, later) == (date_of(at), TICKED)
    assert compared_day(answer, later, at - timedelta(minutes=1), True)[0] == later
    assert compared_day(answer, later, at, True)[0] == date_of(at)


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
