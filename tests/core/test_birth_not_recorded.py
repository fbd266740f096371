"""A plan past its EDD with no date of birth asks whether the baby has been born, first,
in every list, and its timing never counts a pregnancy past 42 weeks (look-d 20: a plan
26 days past its EDD read "43+5 weeks today" and nothing asked)."""

from __future__ import annotations

from datetime import date, timedelta

from checklist_tui.core.dates import birth_not_recorded, timing_summary
from checklist_tui.core.engine import evaluate
from checklist_tui.core.gaps import born_today
from checklist_tui.core.index_row import summarise
from checklist_tui.core.index_view import reasons
from checklist_tui.core.outstanding import entries
from checklist_tui.core.plan_gaps import plan_gaps
from checklist_tui.core.vocabulary import NO_BIRTH_DATE
from checklist_tui.core.what_is_left import gap_groups
from tests.conftest import TODAY
from tests.core.helpers import new_plan

ASKED = ("The EDD was 30/10/2026, 26 days ago, and no date of birth is recorded: has the "
         "baby been born?")


def test_the_question_once_the_edd_has_passed() -> None:
    edd = TODAY - timedelta(days=26)
    assert birth_not_recorded(edd, None, TODAY) == ASKED
    assert birth_not_recorded(TODAY, None, TODAY) == ""  # due today: not yet
    assert birth_not_recorded(edd, TODAY - timedelta(days=3), TODAY) == ""  # born
    assert birth_not_recorded(None, None, TODAY) == ""
    assert birth_not_recorded(edd, None, TODAY, short=True) == (
        "EDD passed 26 days ago, no date of birth recorded")


def test_timing_never_counts_past_42_weeks() -> None:
    late = timing_summary(TODAY - timedelta(days=26), None, TODAY)
    assert late == "EDD 30/10/2026, 26 days ago: no date of birth recorded"
    assert "weeks" not in late
    assert timing_summary(TODAY - timedelta(days=14), None, TODAY) == (
        "EDD 11/11/2026: 42+0 weeks today, 14 days past EDD")  # 42 weeks is still a pregnancy
    assert "weeks" not in timing_summary(TODAY - timedelta(days=15), None, TODAY, short=True)


def test_first_in_gaps_outstanding_and_needs_attention(catalogue) -> None:
    loaded = catalogue.get("pre-birth-assessment")
    plan = new_plan(loaded, edd=TODAY - timedelta(days=26))
    ev = evaluate(loaded.checklist, plan, TODAY)
    gaps = plan_gaps(loaded.checklist, plan, ev)
    said = (f"{ASKED} Record it in the plan's details: d in the app, or checklist-tui details "
            "PLAN --dob DD/MM/YYYY.")
    assert (gaps[0].label, gaps[0].text, gaps[0].page) == (NO_BIRTH_DATE, said, "details")
    assert gap_groups(gaps)[0] == ("Has the baby been born?", [gaps[0]])
    first = entries(loaded.checklist, plan, ev)[0]
    assert (first.label, first.text, first.page) == (NO_BIRTH_DATE, said, "details")
    assert born_today(loaded.checklist, plan, TODAY).headline.startswith(ASKED)
    row = summarise("p.toml", plan, loaded, TODAY)
    assert reasons(row, TODAY)[0] == "EDD passed 26 days ago, no date of birth recorded"
    assert row.timing(TODAY) == "EDD 30/10/2026 (passed, no date of birth)"
    plan.dob = date(2026, 10, 31)
    ev = evaluate(loaded.checklist, plan, TODAY)
    assert all(g.label != NO_BIRTH_DATE for g in plan_gaps(loaded.checklist, plan, ev))
    assert all(e.label != NO_BIRTH_DATE for e in entries(loaded.checklist, plan, ev))


def test_a_plan_entered_in_error_is_not_asked_about_the_birth(catalogue) -> None:
    """rev7-core 11: Home's Needs attention would list a withdrawn plan past its EDD for
    ever. A plan being worked on, or approved (the plan people act on), is still asked."""
    from checklist_tui.core.plan import PlanState

    loaded = catalogue.get("pre-birth-assessment")
    plan = new_plan(loaded, edd=TODAY - timedelta(days=26))
    row = summarise("p.toml", plan, loaded, TODAY)
    row.state = PlanState.APPROVED.value
    assert reasons(row, TODAY)[0] == "EDD passed 26 days ago, no date of birth recorded"
    row.state = PlanState.ENTERED_IN_ERROR.value
    assert "EDD passed 26 days ago, no date of birth recorded" not in reasons(row, TODAY)
