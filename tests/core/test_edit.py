"""Changes go through the edit module and always land in the append-only history."""

from __future__ import annotations

import pytest

from checklist_tui.core import review
from checklist_tui.core.edit import (
    add_record,
    change_state,
    clear_answer,
    remove_record,
    set_answer,
    set_details,
    set_not_applicable,
    set_note,
    update_record,
)
from checklist_tui.core.errors import PlanError, ReasonNeeded
from checklist_tui.core.plan import Person, PersonKind, PlanState, SignOff
from tests.conftest import NOW, TODAY
from tests.core.helpers import answer, new_plan


def test_history_records_old_and_new(mini) -> None:
    plan = new_plan(mini)
    answer(plan, mini, father_known="yes")
    answer(plan, mini, father_known="no")
    entries = [(h.what, h.target, h.old, h.new) for h in plan.history]
    assert entries == [("answer", "father_known", "", "yes"),
                       ("answer", "father_known", "yes", "no")]
    before = [h.model_copy() for h in plan.history]
    set_note(plan, "father_known", "Asked twice", by="t", now=NOW)
    assert plan.history[:2] == before  # append-only


def test_same_answer_twice_adds_no_history(mini) -> None:
    plan = answer(new_plan(mini), mini, father_known="yes")
    answer(plan, mini, father_known="yes")
    assert len(plan.history) == 1


@pytest.mark.parametrize(("item", "value", "message"), [
    ("father_known", "maybe", "one of: yes, no, unknown"),
    ("lac", "unknown", "one of: yes, no"),
    ("where", "moon", "one of: home, placement"),
    ("pa_told", False, "either done"),
    ("nope", "yes", "no item 'nope'"),
])
def test_invalid_answers_are_refused(mini, item, value, message) -> None:
    plan = new_plan(mini)
    with pytest.raises(PlanError, match=message):
        set_answer(plan, mini.checklist, item, value, by="t", now=NOW)
    assert plan.answers == {} and plan.history == []


def test_not_applicable_only_where_allowed(mini) -> None:
    with pytest.raises(PlanError, match="not applicable"):
        set_not_applicable(new_plan(mini), mini.checklist, "lac", by="t", now=NOW)


def test_clear_keeps_note(mini) -> None:
    plan = answer(new_plan(mini), mini, lac="yes")
    set_note(plan, "lac", "note", by="t", now=NOW)
    clear_answer(plan, "lac", by="t", now=NOW)
    assert plan.answers["lac"].value is None and plan.answers["lac"].note == "note"
    assert plan.history[-1].what == "clear" and plan.history[-1].old == "yes"


def test_people_add_edit_remove(mini) -> None:
    plan = new_plan(mini)
    person = add_record(plan, Person, by="t", now=NOW, name="Test Father",
                        kind=PersonKind.FATHER)
    update_record(plan, Person, person.id, by="t", now=NOW, role="Shares care")
    assert plan.people[0].role == "Shares care"
    with pytest.raises(PlanError, match="Test Father is counted among the people around"):
        remove_record(plan, Person, person.id, by="t", now=NOW, why="ok")  # look-d D2
    assert len(plan.people) == 1 and len(plan.history) == 2  # refused: nothing changed
    remove_record(plan, Person, person.id, by="t", now=NOW, why="Added by mistake")
    assert plan.people == []
    assert [h.what for h in plan.history] == ["person.add", "person.edit", "person.remove"]
    assert "Test Father" in plan.history[-1].old
    assert plan.history[-1].new == "removed: Added by mistake"
    child = add_record(plan, Person, by="t", now=NOW, name="Test Sibling", kind=PersonKind.CHILD,
                       man=False, in_household=False)
    remove_record(plan, Person, child.id, by="t", now=NOW)  # not around the baby: no reason
    with pytest.raises(PlanError, match="name"):
        add_record(plan, Person, by="t", now=NOW, name="x" * 300, kind=PersonKind.OTHER)


def test_lifecycle_completion_needs_no_blockers(mini) -> None:
    plan = new_plan(mini)
    with pytest.raises(PlanError, match=r"not ready: 'Is the baby's father identified\?' "
                       r"\(father_known\) is required and not answered yet"):
        change_state(plan, mini.checklist, PlanState.COMPLETED, by="t", now=NOW, today=TODAY)
    answer(plan, mini, father_known="yes", father_seen="yes", lac="no")
    change_state(plan, mini.checklist, PlanState.COMPLETED, by="t", now=NOW, today=TODAY)
    assert plan.state == PlanState.COMPLETED
    with pytest.raises(PlanError, match="cannot become approved"):
        change_state(plan, mini.checklist, PlanState.APPROVED, by="t", now=NOW, today=TODAY)


def _plan_in(mini, state: PlanState):
    """A plan of ``mini`` brought to ``state`` through the real lifecycle."""
    plan = answer(new_plan(mini), mini, father_known="yes", father_seen="yes", lac="no")
    path = {
        PlanState.DRAFT: [],
        PlanState.COMPLETED: [PlanState.COMPLETED],
        PlanState.SUBMITTED: [PlanState.COMPLETED, PlanState.SUBMITTED],
        PlanState.RETURNED: [PlanState.COMPLETED, PlanState.SUBMITTED, PlanState.RETURNED],
        PlanState.APPROVED: [PlanState.COMPLETED, PlanState.SUBMITTED],
        PlanState.AMENDED: [PlanState.COMPLETED, PlanState.AMENDED],
        PlanState.ENTERED_IN_ERROR: [PlanState.ENTERED_IN_ERROR],
    }[state]
    for step in path:
        change_state(plan, mini.checklist, step, by="t", now=NOW, today=TODAY)
    if state == PlanState.APPROVED:
        change_state(plan, mini.checklist, PlanState.APPROVED, by="Manager Example", now=NOW,
                     today=TODAY)
        plan.signoff = SignOff(by="Manager Example", role="Team manager", at=NOW,
                               decision=review.APPROVED, rationale="Complete")
    assert plan.state == state
    return plan


@pytest.mark.parametrize("state", [PlanState.COMPLETED, PlanState.SUBMITTED,
                                   PlanState.APPROVED])
def test_a_finished_plan_changes_only_with_a_reason(mini, state) -> None:
    plan = _plan_in(mini, state)
    before = (plan.model_dump(), len(plan.history))
    with pytest.raises(ReasonNeeded, match="reason") as refused:
        answer(plan, mini, father_seen="no")
    assert refused.value.voids_signoff == (state == PlanState.APPROVED)
    assert ("voids the sign-off" in str(refused.value)) == (state == PlanState.APPROVED)
    assert (plan.model_dump(), len(plan.history)) == before  # refused: nothing changed
    with pytest.raises(PlanError, match="reason"):
        review.reopen(plan, mini.checklist, "  ", by="t", now=NOW, today=TODAY)
    review.reopen(plan, mini.checklist, "Father seen again: he was not", by="t", now=NOW,
                  today=TODAY)
    answer(plan, mini, father_seen="no")
    assert plan.state == PlanState.AMENDED and plan.signoff is None
    kept = [(h.what, h.old, h.new) for h in plan.history]
    assert ("reason", state.value, "Father seen again: he was not") in kept
    assert (("signoff.void", "Manager Example", "") in kept) == (state == PlanState.APPROVED)
    answer(plan, mini, lac="yes")  # amended now: no second reason asked for


@pytest.mark.parametrize("state", [PlanState.DRAFT, PlanState.RETURNED, PlanState.AMENDED])
def test_an_unfinished_plan_changes_without_a_reason(mini, state) -> None:
    plan = _plan_in(mini, state)
    answer(plan, mini, father_seen="no")
    assert plan.answers["father_seen"].value == "no"
    assert plan.state == (PlanState.DRAFT if state == PlanState.DRAFT else PlanState.AMENDED)
    assert not any(h.what == "reason" for h in plan.history)


def test_a_plan_entered_in_error_is_never_changed(mini) -> None:
    plan = _plan_in(mini, PlanState.ENTERED_IN_ERROR)
    assert plan.read_only_reason
    with pytest.raises(PlanError, match="entered in error"):
        answer(plan, mini, father_seen="no")
    review.reopen(plan, mini.checklist, "Wrong baby", by="t", now=NOW, today=TODAY)
    assert plan.state == PlanState.ENTERED_IN_ERROR


def test_unlocking_a_signed_off_plan_voids_the_signature(mini) -> None:
    plan = _plan_in(mini, PlanState.APPROVED)
    assert plan.signoff is not None and not plan.read_only_reason
    change_state(plan, mini.checklist, PlanState.AMENDED, by="m", now=NOW, today=TODAY)
    assert plan.signoff is None
    assert any(h.what == "signoff.void" for h in plan.history)


def test_details_validated(mini) -> None:
    plan = new_plan(mini)
    set_details(plan, by="t", now=NOW, babies_expected=2)
    assert plan.babies_expected == 2
    with pytest.raises(PlanError, match="babies_expected"):
        set_details(plan, by="t", now=NOW, babies_expected=0)
    with pytest.raises(PlanError, match="not a plan detail"):
        set_details(plan, by="t", now=NOW, state="approved")
