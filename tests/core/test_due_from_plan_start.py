"""Until the day the injury was seen is recorded, the injury plan's due points are
counted from the day the plan was started, and every view says so where the date shows
(look-d 9: "DUE SOON 27/11/2026: Referral to children's social care" when the mark was
seen the day before, with no word that the date was assumed)."""

from __future__ import annotations

from datetime import timedelta

from checklist_tui.core.edit import set_answer, set_detail
from checklist_tui.core.engine import evaluate
from checklist_tui.core.gaps import item_status
from checklist_tui.core.outstanding import entries
from checklist_tui.core.plan_gaps import plan_gaps
from checklist_tui.core.vocabulary import counted_from
from checklist_tui.tui.widgets.timeline_chart import render
from tests.conftest import NOW, TODAY
from tests.core.helpers import new_plan

SAID = " (counted from the day this plan was started: record the day it was seen, NAI-03)"


def _plan(catalogue, days_old: int = 0):
    loaded = catalogue.get("injury-non-mobile-baby")
    plan = new_plan(loaded, edd=None)
    plan.created = plan.updated = NOW - timedelta(days=days_old)
    return loaded.checklist, plan


def test_every_view_says_the_date_is_counted_from_the_plans_start(catalogue) -> None:
    checklist, plan = _plan(catalogue)
    ev = evaluate(checklist, plan, TODAY)
    assert ev.due and all(d.seen_item == "NAI-03" and counted_from(d) == SAID for d in ev.due)
    referral = next(e for e in entries(checklist, plan, ev) if e.item_id == "NAI-06")
    assert referral.text == f"Referral to children's social care: due 25/11/2026{SAID}"
    assert f"Due 25/11/2026{SAID}: due soon" in item_status(checklist, plan, ev, "NAI-06")
    assert "Counted from the day this plan was started" in render(ev.due, TODAY, None, None,
                                                                  120).plain
    late = evaluate(checklist, plan, TODAY + timedelta(days=3))
    gap = next(g for g in plan_gaps(checklist, plan, late) if g.item_id == "NAI-06")
    assert f"was due 25/11/2026{SAID}, overdue by 3 days" in gap.text


def test_once_the_day_seen_is_recorded_the_dates_are_the_plans_own(catalogue) -> None:
    checklist, plan = _plan(catalogue)
    set_answer(plan, checklist, "NAI-03", True, by="t", now=NOW)
    set_detail(plan, checklist, "NAI-03", "date", TODAY - timedelta(days=1), by="t", now=NOW)
    ev = evaluate(checklist, plan, TODAY)
    assert ev.due and not any(d.seen_item or counted_from(d) for d in ev.due)
    referral = next(e for e in entries(checklist, plan, ev) if e.item_id == "NAI-06")
    assert referral.label == "OVERDUE" and "counted from" not in referral.text
