"""L5: "How many babies are expected?" (PBA-S07A) and the plan's number of babies agree,
or the disagreement is shown; one rule in the core (core.babies) for every way of
answering."""

from __future__ import annotations

from datetime import timedelta

import pytest

from checklist_tui.core import babies
from checklist_tui.core.edit import clear_answer, set_answer, set_details
from checklist_tui.core.engine import evaluate
from checklist_tui.core.gaps import item_status
from tests.conftest import NOW
from tests.core.helpers import answer, new_plan

S07A = "PBA-S07A"
LATER = NOW + timedelta(minutes=5)


@pytest.fixture
def pba(catalogue):
    return catalogue.get("pre-birth-assessment")


def _contradicted(plan, pba) -> list[str]:
    ev = evaluate(pba.checklist, plan, NOW.date())
    return [r for p in ev.contradicted if p.item_id == S07A for r in p.reasons]


def test_twins_set_the_plan_details_and_the_history_says_so(pba) -> None:
    plan = answer(new_plan(pba), pba, **{S07A: "two"})
    assert plan.babies_expected == 2
    entry = plan.history[-1]
    assert (entry.what, entry.target, entry.old, entry.new, entry.by) == (
        babies.FOLLOWED, "babies_expected", "1", "2", "tester")
    assert _contradicted(plan, pba) == []
    ev = evaluate(pba.checklist, plan, NOW.date())
    assert "PBA-B04" in ev.visible_items  # the twins' item follows the answer
    assert "Plan details: 2 babies are expected (set from this answer), so the due dates " \
           "are brought forward" in item_status(pba.checklist, plan, ev, S07A)


def test_the_due_dates_move_with_the_answer(pba) -> None:
    single = answer(new_plan(pba), pba, **{S07A: "one"})
    twins = answer(new_plan(pba), pba, **{S07A: "two"})
    due = {d.item_id: d.due_date for d in evaluate(pba.checklist, single, NOW.date()).due}
    moved = {d.item_id: d.due_date for d in evaluate(pba.checklist, twins, NOW.date()).due}
    weeks = pba.checklist.timescales.multiple_birth_weeks_earlier
    assert weeks > 0
    assert all(moved[i] == due[i] - timedelta(weeks=weeks)
               for i in due if due[i] is not None and i in moved)


def test_three_or_more_claims_three_and_no_more(pba) -> None:
    plan = answer(new_plan(pba), pba, **{S07A: "more"})
    assert plan.babies_expected == 3
    set_details(plan, by="tester", now=LATER, babies_expected=4)  # quads: still "more"
    assert _contradicted(plan, pba) == []


def test_a_number_someone_gave_is_never_overwritten(pba) -> None:
    plan = new_plan(pba)
    set_details(plan, by="Sam Tester", now=NOW, babies_expected=2)
    set_details(plan, by="Sam Tester", now=NOW, babies_expected=1)  # said one, on purpose
    set_answer(plan, pba.checklist, S07A, "two", by="tester", now=LATER)
    assert plan.babies_expected == 1
    assert plan.answers[S07A].value == "two"  # the answer is kept as given
    [reason] = _contradicted(plan, pba)
    assert reason.startswith("the plan details say 1 baby is expected (given by Sam Tester "
                             f"on {NOW:%d/%m/%Y}), and the due dates are counted from that")
    ev = evaluate(pba.checklist, plan, NOW.date())
    assert S07A not in ev.done_items
    assert any(b.startswith(f"{S07A} is contradicted by the plan: the plan details say 1 baby")
               for b in ev.blockers())


def test_a_number_given_when_the_plan_was_made_is_kept(pba) -> None:
    plan = answer(new_plan(pba, babies_expected=2), pba, **{S07A: "one"})
    assert plan.babies_expected == 2
    [reason] = _contradicted(plan, pba)
    assert "2 babies are expected (given when the plan was made)" in reason
    set_details(plan, by="tester", now=LATER, babies_expected=1)  # resolved by the worker
    assert _contradicted(plan, pba) == []


def test_a_corrected_answer_takes_back_the_number_it_set(pba) -> None:
    plan = answer(new_plan(pba), pba, **{S07A: "two"})
    set_answer(plan, pba.checklist, S07A, "one", by="tester", now=LATER)
    assert plan.babies_expected == 1
    assert [e.what for e in plan.history[-2:]] == ["answer", babies.FOLLOWED]
    assert _contradicted(plan, pba) == []


def test_an_answer_that_says_nothing_sets_nothing(pba) -> None:
    plan = answer(new_plan(pba), pba, **{S07A: "two"})
    clear_answer(plan, S07A, by="tester", now=LATER)
    assert plan.babies_expected == 2  # never fewer than was last said
    assert _contradicted(plan, pba) == []
    other = answer(new_plan(pba), pba, **{"PBA-S07B": "unknown"})
    assert other.babies_expected == 1 and other.prematurity_likely is False
    assert not any(e.what == babies.FOLLOWED for e in other.history)


def test_an_older_plan_that_disagrees_shows_the_conflict(pba) -> None:
    """A plan answered before the rule (or edited by hand) is not changed when read: the
    disagreement is shown until someone corrects one side."""
    plan = new_plan(pba)
    answer(plan, pba, **{S07A: "one"})
    plan.answers[S07A].value = "two"
    [reason] = _contradicted(plan, pba)
    assert "1 baby is expected (as when the plan was made)" in reason
    assert plan.babies_expected == 1


def test_the_rule_names_items_and_answers_the_checklists_have(catalogue) -> None:
    for item_id, table in babies.ANSWERS.items():
        found = [lc.checklist.item_map()[item_id] for lc in catalogue.checklists.values()
                 if item_id in lc.checklist.item_map()]
        assert found, f"{item_id} is in no shipped checklist"
        assert {o.value for o in found[0].options} == set(table), item_id
