"""A date to find out by that comes after the item is due, or after the EDD for an item
needed at birth, is said at once and wherever who will find out is shown (look-d 21: the
birth plan "not yet: by 01/03/2027" for a baby due 10/02/2027 read as in hand)."""

from __future__ import annotations

from datetime import date

from checklist_tui.core.edit import set_answer
from checklist_tui.core.engine import evaluate
from checklist_tui.core.gaps import item_flags
from checklist_tui.core.outstanding import entries
from checklist_tui.core.plan_gaps import plan_gaps
from tests.conftest import NOW, TODAY
from tests.core.helpers import new_plan

LATE = ("; that date is after it is due (16/12/2026) and after the EDD (10/02/2027): find out "
        "sooner")


def _plan(catalogue, by: date):
    loaded = catalogue.get("pre-birth-assessment")
    plan = new_plan(loaded, edd=date(2027, 2, 10))
    set_answer(plan, loaded.checklist, "PBA-BP01", "not_yet", by="t", now=NOW,
               owner="Example Midwife A", by_date=by)
    return loaded.checklist, plan


def test_a_find_out_date_after_the_due_date_and_the_edd_is_said(catalogue) -> None:
    checklist, plan = _plan(catalogue, date(2027, 3, 1))
    ev = evaluate(checklist, plan, TODAY)
    item = checklist.item_map()["PBA-BP01"]
    assert item.needed_at_birth
    flags = item_flags(item, plan, ev)
    assert any(line.endswith(f"Example Midwife A, by 01/03/2027{LATE}") for line in flags)
    note = next(e.note for e in entries(checklist, plan, ev) if e.item_id == "PBA-BP01")
    assert note.endswith(LATE)
    gap = next(g for g in plan_gaps(checklist, plan, ev) if g.item_id == "PBA-BP01")
    assert LATE in gap.note


def test_only_after_the_edd_or_only_after_the_due_date(catalogue) -> None:
    checklist, plan = _plan(catalogue, date(2027, 1, 5))
    ev = evaluate(checklist, plan, TODAY)
    assert ev.open_answers[0].too_late == "after it is due (16/12/2026)"
    checklist, plan = _plan(catalogue, date(2026, 12, 10))  # in time: nothing said
    ev = evaluate(checklist, plan, TODAY)
    assert ev.open_answers[0].too_late == ""
    item = checklist.item_map()["PBA-BP01"]
    assert not any("find out sooner" in line for line in item_flags(item, plan, ev))
