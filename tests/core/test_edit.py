"""Changes go through the edit module and always land in the append-only history."""

from __future__ import annotations

import pytest

from checklist_tui.core.edit import (
    add_record,
    change_state,
    clear_answer,
    remove_record,
    set_answer,
    set_details,
    set_not_applicable,
    set_note,
    sign_off,
    update_record,
)
from checklist_tui.core.errors import PlanError
from checklist_tui.core.plan import Person, PersonKind, PlanState
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
    remove_record(plan, Person, person.id, by="t", now=NOW)
    assert plan.people == []
    assert [h.what for h in plan.history] == ["person.add", "person.edit", "person.remove"]
    assert "Test Father" in plan.history[-1].old
    with pytest.raises(PlanError, match="name"):
        add_record(plan, Person, by="t", now=NOW, name="x" * 300, kind=PersonKind.OTHER)


def test_lifecycle_completion_needs_no_blockers(mini) -> None:
    plan = new_plan(mini)
    with pytest.raises(PlanError, match="not ready: required item father_known"):
        change_state(plan, mini.checklist, PlanState.COMPLETED, by="t", now=NOW, today=TODAY)
    answer(plan, mini, father_known="yes", father_seen="yes", lac="no")
    change_state(plan, mini.checklist, PlanState.COMPLETED, by="t", now=NOW, today=TODAY)
    assert plan.state == PlanState.COMPLETED
    with pytest.raises(PlanError, match="cannot become approved"):
        change_state(plan, mini.checklist, PlanState.APPROVED, by="t", now=NOW, today=TODAY)


def test_editing_a_completed_plan_makes_it_amended(mini) -> None:
    plan = answer(new_plan(mini), mini, father_known="yes", father_seen="yes", lac="no")
    change_state(plan, mini.checklist, PlanState.COMPLETED, by="t", now=NOW, today=TODAY)
    answer(plan, mini, father_seen="no")
    assert plan.state == PlanState.AMENDED
    assert ("state", "completed", "amended") in [(h.what, h.old, h.new) for h in plan.history]


def test_signed_off_plan_is_read_only_and_unlock_voids_signature(mini) -> None:
    plan = answer(new_plan(mini), mini, father_known="yes", father_seen="yes", lac="no")
    for state in (PlanState.COMPLETED, PlanState.SUBMITTED):
        change_state(plan, mini.checklist, state, by="t", now=NOW, today=TODAY)
    sign_off(plan, mini.checklist, by="Manager Example", role="Team manager",
             decision="Agreed", rationale="Complete", now=NOW, today=TODAY)
    assert plan.signoff is not None and plan.read_only_reason
    with pytest.raises(PlanError, match="approved"):
        answer(plan, mini, lac="yes")
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
