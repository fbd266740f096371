"""look-sw 14: an open answer's line says what is overdue. "Alex, by 04/12/2026; OVERDUE"
read as though the future date to find out by had passed, when it was the question's own
due date that had."""

from __future__ import annotations

from datetime import timedelta

from checklist_tui.core.dates import uk_date
from checklist_tui.core.edit import set_answer
from checklist_tui.core.engine import evaluate
from checklist_tui.core.gaps import gaps_and_risks, item_flags
from tests.conftest import NOW, TODAY
from tests.core.helpers import new_plan

EDD = TODAY + timedelta(weeks=20)  # f_seen is due at 22 weeks: in two weeks
LATE = TODAY + timedelta(weeks=3)  # a week after
DUE = EDD - timedelta(weeks=40 - 22)


def _not_yet(lc, by):
    plan = new_plan(lc, edd=EDD)
    set_answer(plan, lc.checklist, "f_seen", "not_yet", by="tester", now=NOW,
               owner="Alex Worker", by_date=by)
    item = lc.checklist.item_map()["f_seen"]
    ev = evaluate(lc.checklist, plan, LATE)
    assert [d.due_date for d in ev.due if d.item_id == "f_seen"] == [DUE]
    return item_flags(item, plan, ev), gaps_and_risks(lc.checklist, plan, ev)


def test_a_future_date_to_find_out_by_is_not_called_overdue(lc) -> None:
    later = LATE + timedelta(days=8)
    flags, gaps = _not_yet(lc, later)
    [line] = [f for f in flags if f.startswith("NOT KNOWN")]
    assert line == (f"NOT KNOWN (not yet done): Alex Worker, by {uk_date(later)}; OVERDUE: "
                    f"the question was due to be settled by {uk_date(DUE)}")
    [gap] = [g for g in gaps if g.follow_up]
    assert gap.follow_up.endswith(f"OVERDUE: the question was due to be settled by "
                                  f"{uk_date(DUE)}")


def test_a_date_to_find_out_by_that_has_passed_says_so(lc) -> None:
    earlier = LATE - timedelta(days=3)
    flags, _gaps = _not_yet(lc, earlier)
    [line] = [f for f in flags if f.startswith("NOT KNOWN")]
    assert line.endswith(f"by {uk_date(earlier)}; OVERDUE: that date has passed")
