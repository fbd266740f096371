"""Plain mode after a manager's review: the state in the same words as the plan header
and ``show`` (a voided approval, an edit outside the app, a return and its reason, the
challenges waiting), Outstanding listing what the manager waits for, a change to an
approved plan asking for its reason, and nothing typed lost or claimed saved wrongly."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from checklist_tui.core import review, store
from checklist_tui.core.plan import PlanState
from checklist_tui.core.review_file import change_plan
from tests.conftest import EXAMPLES, NOW, TODAY
from tests.plain.test_plain import _talk

READY = "discharge-ready-for-sign-off.toml"
MANAGER = {"name": "Sam Senior", "role": "Team manager", "now": NOW}


@pytest.fixture
def plan_file(tmp_path: Path, catalogue) -> Path:
    path = tmp_path / "plans" / READY
    path.parent.mkdir()
    shutil.copy(EXAMPLES / READY, path)
    change_plan(path, catalogue.get,
                lambda p, c: review.submit(p, c, by="Drew Demo", now=NOW, today=TODAY))
    return path


def _decide(path: Path, catalogue, decision: str, rationale: str) -> None:
    change_plan(path, catalogue.get, lambda p, c: review.decide(
        p, c, decision=decision, rationale=rationale, today=TODAY, **MANAGER))


def _challenge(path: Path, catalogue, item: str, text: str) -> None:
    change_plan(path, catalogue.get, lambda p, c: review.challenge(p, c, item, text, **MANAGER))


def test_where_says_a_voided_approval_and_an_edit_outside_the_app(plan_file, catalogue):
    _decide(plan_file, catalogue, "approved", "Proportionate plan.")
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace('practitioner_role = "Safeguarding midwife"',
                                      'practitioner_role = "Midwife"', 1), encoding="utf-8")
    _code, out = _talk(plan_file, catalogue, ["where", "quit"])
    assert "State: Approved, changed since approval." in out
    assert "State: Approved." not in out
    assert "Edited outside the app" in out
    assert "changed since approval, so no longer signed off" in out


def test_a_return_and_open_challenges_are_said_at_the_start_and_first_in_outstanding(
        plan_file, catalogue):
    _challenge(plan_file, catalogue, "DPM-H01", "Who examined the baby, and when?")
    _decide(plan_file, catalogue, "returned", "See the father before discharge.")
    _code, out = _talk(plan_file, catalogue, ["outstanding", "quit"])
    opening, _, listed = out.partition("Answer: outstanding")
    assert "State: Returned." in opening
    assert "Returned by Sam Senior (Team manager)" in opening
    assert "See the father before discharge." in opening
    assert "1 challenge from a manager not yet answered." in opening
    assert "Nothing is outstanding." not in listed
    first = listed.strip().splitlines()[:4]
    assert first[0].startswith("Outstanding: 2 things.")  # the app's title, in words
    assert first[1].startswith("Waiting for the practitioner after the manager's review: 2.")
    assert first[2].startswith("RETURNED: Returned by Sam Senior")
    assert "CHALLENGE NOT ANSWERED: DPM-H01" in listed
    assert "Challenged by Sam Senior (Team manager) on 25/11/2026: Who examined the baby" in listed


def test_a_response_typed_just_before_the_input_ends_is_saved(plan_file, catalogue):
    _challenge(plan_file, catalogue, "DPM-H01", "Who examined the baby, and when?")
    _code, out = _talk(plan_file, catalogue, ["go DPM-H01", "respond", "Seen on the ward."])
    assert "The input ended: the text typed so far is used." in out
    answered = store.load(plan_file).plan.challenges[0]
    assert answered.response == "Seen on the ward."
    assert "Stopped. Everything you changed is saved: 1 change." in out


def test_changing_an_approved_plan_asks_for_the_reason_and_keeps_it(plan_file, catalogue):
    _decide(plan_file, catalogue, "approved", "Proportionate plan.")
    before = plan_file.read_bytes()
    _code, out = _talk(plan_file, catalogue, ["go DPM-M02", "n", "", "quit"])
    assert ("This plan is approved (Approved by Sam Senior (Team manager), 25/11/2026). "
            "Changing it voids the sign-off") in out
    assert "Nothing was changed." in out
    assert plan_file.read_bytes() == before

    _code, out = _talk(plan_file, catalogue, ["go DPM-M02", "n", "yes",
                                              "The father was not invited after all.", "quit"])
    plan = store.load(plan_file).plan
    assert plan.answers["DPM-M02"].value == "no"
    assert plan.state == PlanState.AMENDED
    assert any(h.what == "reason" and h.new == "The father was not invited after all."
               for h in plan.history)
    assert "Saved: No." in out


@pytest.mark.parametrize("typed", ["cancel", "help", "quit", "Cancel", "no", "n", "back",
                                   "The father was not invited after all."])
def test_a_word_typed_where_an_approval_would_be_voided_never_voids_it(
        plan_file, catalogue, typed):
    """look-b 3: "cancel" or "help" typed at the reason prompt became the reason and the
    approval was voided. Now the change first says whose approval it voids and asks for
    a yes; only then the reason. Commands are commands there, never a reason."""
    _decide(plan_file, catalogue, "approved", "Proportionate plan.")
    before = plan_file.read_bytes()
    _code, out = _talk(plan_file, catalogue, ["go DPM-M02", "n", typed, "", "", "quit"])
    said = out.partition("Answer: n\n")[2]
    lines = said.splitlines()
    assert lines[0] == ("You are changing: Was the father invited to the meeting, as well as "
                        "the mother? (DPM-M02)")
    assert lines[1].startswith("This plan is approved (Approved by Sam Senior (Team manager), "
                               "25/11/2026). Changing it voids the sign-off")
    assert "Type yes to void the sign-off and change it" in said
    assert plan_file.read_bytes() == before
    assert "Reopened" not in out and "Saved: No." not in out


@pytest.mark.parametrize("typed", ["cancel", "help", "quit", "back", "y", "ok", "12"])
def test_the_reason_for_voiding_an_approval_is_never_a_command_or_an_answer(
        plan_file, catalogue, typed):
    _decide(plan_file, catalogue, "approved", "Proportionate plan.")
    before = plan_file.read_bytes()
    _code, out = _talk(plan_file, catalogue, ["go DPM-M02", "n", "yes", typed, "", "quit"])
    assert plan_file.read_bytes() == before, out
    plan = store.load(plan_file).plan
    assert plan.state == PlanState.APPROVED
    assert not any(h.what == "reason" for h in plan.history)
    after = out.partition("Why are you changing it?")[2]
    if typed == "cancel":
        assert "Cancelled: this step changed nothing." in after
    elif typed == "quit":
        assert "Stopped: this step changed nothing." in after
        assert "Nothing was changed." in after
    elif typed == "help":
        assert "At these questions, type cancel to go back" in after
    else:
        assert "not a reason. Say why you are changing it." in after


def test_the_same_answer_again_is_not_called_saved(plan_file, catalogue):
    _decide(plan_file, catalogue, "approved", "Proportionate plan.")
    before = plan_file.read_bytes()
    _code, out = _talk(plan_file, catalogue, ["go DPM-M02", "y", "quit"])
    assert "Not changed: the answer was already Yes." in out
    assert "Saved: Yes." not in out
    assert plan_file.read_bytes() == before


def test_outstanding_says_an_approval_no_longer_stands(plan_file, catalogue):
    _decide(plan_file, catalogue, "approved", "Proportionate plan.")
    _code, out = _talk(plan_file, catalogue, ["outstanding", "quit"])
    assert "NO LONGER SIGNED OFF" not in out  # the approval stands
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace('practitioner_role = "Safeguarding midwife"',
                                      'practitioner_role = "Midwife"', 1), encoding="utf-8")
    _code, out = _talk(plan_file, catalogue, ["outstanding", "quit"])
    listed = out.partition("Answer: outstanding")[2]
    assert "Nothing is outstanding." not in listed
    assert ("NO LONGER SIGNED OFF: Approved by Sam Senior (Team manager), 25/11/2026; "
            "changed since approval, so no longer signed off") in listed
    assert "It needs a manager's sign-off again" in listed


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_plain_gaps_are_the_plans_own_list_as_show_counts_it(tmp_path, catalogue, capsys,
                                                             example):
    from checklist_tui.cli import main

    path = tmp_path / example
    shutil.copy(EXAMPLES / example, path)
    assert main(["show", str(path)]) == 0
    shown = re.search(r"^Gaps and risks \((\d+)\):", capsys.readouterr().out, re.M)
    assert shown is not None
    _code, out = _talk(path, catalogue, ["gaps", "quit"])
    said = re.search(r"^Gaps and risks: (\d+) things?, ", out, re.M)
    if shown.group(1) == "0":
        assert said is None and "Gaps and risks: none found" in out
    else:
        assert said is not None and said.group(1) == shown.group(1), (said, shown)


def test_a_step_on_a_finished_plan_asks_first_and_a_later_cancel_changes_nothing(
        plan_file, catalogue):
    """The reason is asked before the step's other questions (nobody types an action and
    then learns it takes the plan back from the manager); a cancel after it changes
    nothing on disk, the reason included."""
    before = plan_file.read_bytes()
    _code, out = _talk(plan_file, catalogue, [
        "add action", "yes", "The father missed the invitation (fictional).",
        "Invite the father (fictional)", "cancel", "quit"])
    said = out.partition("Answer: add action\n")[2].splitlines()
    assert said[0] == "You are changing: a new action in the plan"
    assert said[1].startswith("This plan is awaiting a manager's sign-off. Changing it takes "
                              "it back from the manager")
    assert said.index("Adding an action to the plan.") > 3
    assert "Cancelled: this step changed nothing." in out
    assert plan_file.read_bytes() == before
    assert store.load(plan_file).plan.state == PlanState.SUBMITTED


def test_a_response_that_is_no_answer_is_refused_and_asked_again(plan_file, catalogue):
    """s7dup noticed: 'ok' as the answer to a challenge was refused as
    '... Write your answer to the manager's question..' (two full stops); rev7-core 11: and
    the person was not asked again. It is refused before it is sent, in one sentence, and
    asked again; the real answer is kept."""
    _challenge(plan_file, catalogue, "DPM-H01", "Who examined the baby, and when?")
    _code, out = _talk(plan_file, catalogue, [
        "go DPM-H01", "respond", "ok", "end", "Dr Example examined her on 22/11 (fictional)",
        "end", "quit"])
    said = out.partition("Answer: respond\n")[2]
    assert said.count("'ok' is not a reason. Write your answer to the manager's question.") == 1
    assert not any(line.endswith("..") for line in said.splitlines())
    assert said.count("Your response to: Who examined the baby, and when?") == 2
    assert "Response saved." in said
    found = [c for c in store.load(plan_file).plan.challenges if c.item == "DPM-H01"]
    assert [c.response for c in found] == ["Dr Example examined her on 22/11 (fictional)"]


def test_a_reason_given_for_a_step_not_taken_is_never_used_for_a_later_one(
        tmp_path, catalogue, monkeypatch):
    """rev7-core 1: the reason given to reopen a submitted plan for a confirmation that was
    then declined reopened it, unasked, for the next change (a note)."""
    from datetime import UTC, date, datetime

    from checklist_tui.core import clock

    day = datetime(2026, 11, 22, 16, 0, tzinfo=UTC)  # the example's own day: K01 holds
    monkeypatch.setattr(clock, "_fixed", day)
    path = tmp_path / "plans" / READY
    path.parent.mkdir()
    shutil.copy(EXAMPLES / READY, path)
    change_plan(path, catalogue.get, lambda p, c: review.submit(
        p, c, by="Drew Demo", now=day, today=date(2026, 11, 22)))
    _code, out = _talk(path, catalogue, [
        "go DPM-K01", "confirm", "yes", "Meeting held again on the ward", "Drew Demo",
        "Midwife", "1", "n", "note", "A small note.", "end", "cancel", "quit"])
    plan = store.load(path).plan
    assert plan.state == PlanState.SUBMITTED, out[-1500:]  # not reopened unasked
    assert not any(e.what == "note" for e in plan.history)
