"""An acknowledgement holds only for the raising of the warning it saw (closing-note-s6,
#12.3): a red flag acknowledged, cleared and raised again is a new event nobody has
weighed. Before, an acknowledgement counted for its rule for ever."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from checklist_tui.core.edit import acknowledge, clear_answer, set_answer
from checklist_tui.core.engine import evaluate
from checklist_tui.core.errors import PlanError
from checklist_tui.core.pause import completion_blockers
from tests.conftest import NOW, TODAY
from tests.core.helpers import FOLLOW_UP_BY, new_plan

FLAG = "father_known.not_identified"


def _at(minutes: int):
    return NOW + timedelta(minutes=minutes)


def _flag(lc, plan, rule=FLAG):
    ev = evaluate(lc.checklist, plan, TODAY)
    return ev, next(f for f in ev.fired if f.rule_id == rule)


def _say(plan, lc, item, value, minutes):
    extra = ({"owner": "Tess Tester", "by_date": FOLLOW_UP_BY} if value == "unknown" else {})
    set_answer(plan, lc.checklist, item, value, by="t", now=_at(minutes), **extra)


def test_acknowledged_cleared_and_raised_again_is_not_weighed(mini) -> None:
    plan = new_plan(mini)
    _say(plan, mini, "father_known", "no", 1)
    acknowledge(plan, mini.checklist, FLAG, "Discussed with manager", by="Sam", now=_at(2))
    assert _flag(mini, plan)[1].acknowledgement is not None
    _say(plan, mini, "father_known", "yes", 3)  # cleared
    assert not any(f.rule_id == FLAG for f in evaluate(mini.checklist, plan, TODAY).fired)
    _say(plan, mini, "father_known", "no", 4)  # raised again
    ev, flag = _flag(mini, plan)
    assert flag.acknowledgement is None and flag.needs_acknowledgement and flag.blocking
    assert not ev.can_complete
    acknowledge(plan, mini.checklist, FLAG, "Father now says he will not be named; manager told",
                by="Sam", now=_at(5))
    ev, flag = _flag(mini, plan)
    assert flag.acknowledgement is not None and flag.acknowledgement.at == _at(5)
    assert [a.at for a in plan.acknowledgements] == [_at(2), _at(5)]


def test_cleared_by_removing_the_answer_counts_as_cleared_too(mini) -> None:
    plan = new_plan(mini, edd=date(2027, 8, 1))  # "Father identified" is due in 2027
    _say(plan, mini, "father_known", "no", 1)
    acknowledge(plan, mini.checklist, FLAG, "Discussed", by="Sam", now=_at(2))
    clear_answer(plan, "father_known", by="t", now=_at(3))
    _say(plan, mini, "father_known", "unknown", 4)
    assert _flag(mini, plan)[1].acknowledgement is None


def test_removing_the_answer_after_its_due_point_leaves_it_raised(mini) -> None:
    """Past "Father identified"'s due point an unanswered item still raises the flag (as
    not recorded): the answer removed and given again is the same raising."""
    plan = new_plan(mini)  # EDD 01/03/2027: the due point passed in October 2026
    _say(plan, mini, "father_known", "no", 1)
    acknowledge(plan, mini.checklist, FLAG, "Discussed", by="Sam", now=_at(2))
    clear_answer(plan, "father_known", by="t", now=_at(3))
    _say(plan, mini, "father_known", "unknown", 4)
    assert _flag(mini, plan)[1].acknowledgement is not None


def test_a_change_that_keeps_it_raised_keeps_the_acknowledgement(mini) -> None:
    plan = new_plan(mini)
    _say(plan, mini, "father_known", "no", 1)
    acknowledge(plan, mini.checklist, FLAG, "Discussed", by="Sam", now=_at(2))
    _say(plan, mini, "father_known", "unknown", 3)  # still not identified: same raising
    assert _flag(mini, plan)[1].acknowledgement is not None


def test_acknowledging_again_with_nothing_changed_records_nothing(mini) -> None:
    plan = new_plan(mini)
    _say(plan, mini, "father_known", "no", 1)
    acknowledge(plan, mini.checklist, FLAG, "Discussed", by="Sam", now=_at(2))
    acknowledge(plan, mini.checklist, FLAG, "Pressed twice", by="Sam", now=_at(3))
    assert [a.reason for a in plan.acknowledgements] == ["Discussed"]


def test_a_rule_on_other_answers_is_read_the_same_way(catalogue) -> None:
    """PBA-X06's warning fires on X06 and on PBA-W01A: the strategy discussion recorded
    (W01A yes) clears it; answered no later raises it again."""
    lc = catalogue.get("pre-birth-assessment")
    rule = "PBA-X06.no-strategy"
    plan = new_plan(lc)
    _say(plan, lc, "PBA-X06", "icpc", 1)
    acknowledge(plan, lc.checklist, rule, "Manager convening it", by="Sam", now=_at(2))
    _say(plan, lc, "PBA-X06", "legal", 3)  # still fires: the same raising
    assert _flag(lc, plan, rule)[1].acknowledgement is not None
    _say(plan, lc, "PBA-W01A", "yes", 4)
    _say(plan, lc, "PBA-W01A", "no", 5)
    ev, flag = _flag(lc, plan, rule)
    assert flag.acknowledgement is None
    assert any("nobody has acknowledged" in b or "not acknowledged" in b
               for b in completion_blockers(lc.checklist, plan, ev)) or not ev.can_complete


def test_an_answer_elsewhere_does_not_make_the_same_raising_acknowledged_twice(mini) -> None:
    """rev7-core 10: acknowledge decided "anew" from any answer anywhere in the plan after
    the latest acknowledgement, so a second press after an unrelated answer added a
    second acknowledgement of the same raising (to the plan and every export)."""
    plan = new_plan(mini)
    _say(plan, mini, "father_known", "no", 1)
    acknowledge(plan, mini.checklist, FLAG, "Discussed", by="Sam", now=_at(2))
    _say(plan, mini, "lac", "no", 3)  # another question: the same raising of the flag
    acknowledge(plan, mini.checklist, FLAG, "Pressed again", by="Sam", now=_at(4))
    assert [a.reason for a in plan.acknowledgements] == ["Discussed"]


def test_a_warning_not_raised_is_not_acknowledged(mini) -> None:
    plan = new_plan(mini)
    _say(plan, mini, "father_known", "yes", 1)
    before = len(plan.history)
    with pytest.raises(PlanError, match="not raised on this plan now"):
        acknowledge(plan, mini.checklist, FLAG, "Discussed", by="Sam", now=_at(2))
    assert not plan.acknowledgements and len(plan.history) == before
