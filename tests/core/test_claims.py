"""look-sw: the core never claims more than it knows (red flags on questions nobody answered,
pause-point confirmations, "today's date" items, people and agencies)."""

from __future__ import annotations

from datetime import timedelta

from checklist_tui.core.edit import set_answer
from checklist_tui.core.engine import evaluate
from checklist_tui.core.outstanding import outstanding
from tests.conftest import NOW, TODAY
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
