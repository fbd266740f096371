"""look-b B2, second half: the injury checklist's steps are due from the day the injury was
seen (NAI-03's date; until it is recorded, the day the plan was started), so an untouched
week-old injury plan shows what is overdue and its red flags instead of "Overdue: none"."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from checklist_tui.core.definition import DateKind
from checklist_tui.core.edit import set_answer, set_detail
from checklist_tui.core.engine import evaluate
from checklist_tui.core.engine_result import DueStatus
from checklist_tui.core.plan_details import DetailsError, parse_details
from tests.conftest import NOW, TODAY
from tests.core.helpers import new_plan

NAI = "injury-non-mobile-baby"
SAME_DAY = {"NAI-06", "NAI-19", "NAI-07", "NAI-12"}
NEXT_DAY = {"NAI-09", "NAI-11", "NAI-16"}


def _plan(catalogue, days_old: int):
    loaded = catalogue.get(NAI)
    plan = new_plan(loaded, edd=None)
    plan.created = plan.updated = NOW - timedelta(days=days_old)
    return loaded.checklist, plan


def test_the_steps_are_due_the_day_the_injury_was_seen_or_the_next(catalogue) -> None:
    checklist, plan = _plan(catalogue, 0)
    due = {d.item_id: d for d in evaluate(checklist, plan, TODAY).due}
    assert set(due) == SAME_DAY | NEXT_DAY
    assert {i for i, d in due.items() if d.due_date == TODAY} == SAME_DAY
    assert {i for i, d in due.items() if d.due_date == TODAY + timedelta(days=1)} == NEXT_DAY
    assert not any(d.provisional for d in due.values())  # never "counted from the EDD"
    assert due["NAI-06"].point.describe() == "the day it was seen"
    assert due["NAI-16"].point.describe() == "1 day after it was seen"


def test_an_untouched_week_old_injury_plan_is_overdue_with_its_red_flags(catalogue) -> None:
    checklist, plan = _plan(catalogue, 7)
    ev = evaluate(checklist, plan, TODAY)
    assert {d.item_id for d in ev.due if d.status == DueStatus.OVERDUE} == SAME_DAY | NEXT_DAY
    flags = {f.item_id: f.message for f in ev.red_flags}
    assert set(flags) == {"NAI-12", "NAI-16"}
    assert all(m.startswith("Not yet recorded: ") for m in flags.values())  # not a finding


def test_the_day_seen_recorded_with_nai_03_moves_every_due_point(catalogue) -> None:
    checklist, plan = _plan(catalogue, 7)  # the plan started late, two days after
    seen = TODAY - timedelta(days=9)
    set_answer(plan, checklist, "NAI-03", True, by="t", now=NOW)
    set_detail(plan, checklist, "NAI-03", "date", seen, by="t", now=NOW)
    set_detail(plan, checklist, "NAI-03", "text", "Fictional mark", by="t", now=NOW)
    ev = evaluate(checklist, plan, TODAY)
    assert checklist.item_map()["NAI-03"].date_detail.date_kind == DateKind.SEEN
    assert {d.item_id: d.due_date for d in ev.due if d.item_id in ("NAI-06", "NAI-09")} == {
        "NAI-06": seen, "NAI-09": seen + timedelta(days=1)}
    assert "NAI-03" not in {p.item_id for p in ev.incomplete}


def test_a_referral_made_the_same_day_meets_its_due_point(catalogue) -> None:
    checklist, plan = _plan(catalogue, 3)
    set_answer(plan, checklist, "NAI-06", "Ref FICT-123, spoke to A. Duty (fictional)", by="t",
               now=NOW)
    [referral] = [d for d in evaluate(checklist, plan, TODAY).due if d.item_id == "NAI-06"]
    assert referral.status == DueStatus.DONE


def test_an_injury_plan_needs_no_edd_and_takes_a_date_of_birth(catalogue) -> None:
    checklist = catalogue.get(NAI).checklist
    details = parse_details(case_ref="INJ-7", dob="20/10/2026", checklist=checklist)
    assert details.edd is None and details.dob == date(2026, 10, 20)
    assert parse_details(case_ref="INJ-8", checklist=checklist).edd is None
    with pytest.raises(DetailsError, match="takes no expected delivery date"):
        parse_details(case_ref="INJ-9", edd="20/05/2027", checklist=checklist)


def test_validate_refuses_days_after_seen_with_no_day_seen_recorded(catalogue, tmp_path) -> None:
    from checklist_tui.core.catalogue import load_checklist
    from tests.conftest import ROOT

    text = (ROOT / "checklists" / f"{NAI}.toml").read_text(encoding="utf-8")
    text = text.replace('{ kind = "date", date_kind = "seen", label = "The day you saw it" }, ',
                        "")
    broken = tmp_path / f"{NAI}.toml"
    broken.write_text(text, encoding="utf-8")
    loaded, problems = load_checklist(broken, catalogue.sources)
    assert loaded is None
    assert any("due days after the day it was seen, but no item records that day"
               in p.line() for p in problems)


def test_new_takes_a_date_of_birth_and_shows_the_same_day_due_points(tmp_path, capsys,
                                                                       monkeypatch) -> None:
    """`new` had --edd but no --dob, so an injury plan could not say how old the baby is."""
    from checklist_tui.core import clock, store
    from tests.cli.helpers import run

    plans = tmp_path / "plans"
    monkeypatch.setenv("CHECKLIST_TUI_PLANS_DIR", str(plans))
    clock.fix(NOW)
    try:
        code, out, err = run(capsys, "new", NAI, "--case-ref", "INJ-7", "--dob", "4/10/26",
                             "--no-open")
        assert (code, out) == (1, "") and not plans.exists()
        assert err == "checklist-tui: --dob: '4/10/26' is not a date: type it as 04/10/2026\n"
        code, out, err = run(capsys, "new", NAI, "--case-ref", "INJ-7", "--dob", "04/10/2026",
                             "--no-open")
        assert (code, err) == (0, "")
        path = out.strip()
        assert store.load(plans / path.rsplit("/", 1)[-1]).plan.dob == date(2026, 10, 4)
        code, out, _err = run(capsys, "show", path)
        assert "Timing: born 04/10/2026, 52 days old" in out
        assert "DUE SOON 25/11/2026: Referral to children's social care" in out
    finally:
        clock.fix(None)


@pytest.mark.parametrize("days", [1, 3])
def test_the_day_seen_cannot_be_after_today(catalogue, days) -> None:
    """look-d D4: a slip of one digit (20 -> 30) put the day seen in the future, and the
    overdue referral, appraisal and safety plan and two red flags went without a word."""
    from checklist_tui.core.errors import PlanError

    checklist, plan = _plan(catalogue, 7)
    set_answer(plan, checklist, "NAI-03", True, by="t", now=NOW)
    logged = len(plan.history)
    with pytest.raises(PlanError, match="is after today"):
        set_detail(plan, checklist, "NAI-03", "date", TODAY + timedelta(days=days), by="t",
                   now=NOW)
    assert "date" not in (plan.answers["NAI-03"].details or {})
    assert len(plan.history) == logged  # nothing recorded
    set_detail(plan, checklist, "NAI-03", "date", TODAY, by="t", now=NOW)  # today is fine
    assert plan.answers["NAI-03"].details["date"] == TODAY


def test_the_day_seen_cannot_be_before_the_birth(catalogue) -> None:
    from checklist_tui.core.errors import PlanError

    checklist, plan = _plan(catalogue, 7)
    plan.dob = TODAY - timedelta(days=7)
    set_answer(plan, checklist, "NAI-03", True, by="t", now=NOW)
    with pytest.raises(PlanError, match="before the baby's date of birth"):
        set_detail(plan, checklist, "NAI-03", "date", TODAY - timedelta(days=8), by="t",
                   now=NOW)
    set_detail(plan, checklist, "NAI-03", "date", plan.dob, by="t", now=NOW)


def test_other_dates_may_be_in_the_future(catalogue) -> None:
    """A strategy discussion is booked ahead: only the day something happened is refused."""
    checklist, plan = _plan(catalogue, 0)
    meeting = next(i for _s, i in checklist.all_items()
                   if i.date_detail is not None and i.date_detail.date_kind == DateKind.MEETING)
    set_answer(plan, checklist, meeting.id, True, by="t", now=NOW)
    set_detail(plan, checklist, meeting.id, meeting.date_detail.key, TODAY + timedelta(days=3),
               by="t", now=NOW)
