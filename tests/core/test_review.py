"""The sign-off lifecycle: every transition, approval voiding, challenges, and two managers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from checklist_tui.core import review, store
from checklist_tui.core.edit import set_answer
from checklist_tui.core.errors import PlanError
from checklist_tui.core.plan import PlanState
from checklist_tui.core.review_file import change_plan
from tests.conftest import EXAMPLES, NOW, ROOT, TODAY

READY = "discharge-ready-for-sign-off.toml"


@pytest.fixture
def ready(catalogue):
    loaded = store.load(EXAMPLES / READY)
    return loaded.plan, catalogue.get(loaded.plan.checklist_id).checklist


def _decide(plan, checklist, decision="approved", **kw):
    args = {"decision": decision, "rationale": "Proportionate plan.", "name": "Alex Manager",
            "role": "Team manager", "now": NOW, "today": TODAY} | kw
    return review.decide(plan, checklist, **args)


def test_submit_then_approve_records_hash_and_version(ready):
    plan, cl = ready
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    assert plan.state == PlanState.SUBMITTED
    record = _decide(plan, cl)
    assert plan.state == PlanState.APPROVED
    assert record.content_hash == review.content_hash(plan)
    assert record.checklist_version == plan.checklist_version
    assert plan.signoff is not None and plan.signoff.by == "Alex Manager"
    assert review.describe_state(plan) == "Approved"
    assert review.describe_signoff(plan).startswith("Approved by Alex Manager (Team manager)")
    assert [h.what for h in plan.history[-3:]] == ["state", "state", "review.approved"]
    assert "Proportionate plan." in plan.history[-1].new


def test_any_later_change_voids_the_approval_visibly(ready):
    plan, cl = ready
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    _decide(plan, cl)
    plan.answers["DPM-M02"].note = "changed by hand in the file"
    assert review.approval_void(plan)
    assert review.describe_state(plan) == "Approved, changed since approval"
    assert "changed since approval" in review.describe_signoff(plan)


def test_an_answer_to_a_challenge_changed_after_approval_voids_it(ready):
    """look-b 1: the approval's hash left out the challenges, so an answer changed by hand
    in the file after approval ("He attended by phone.") kept the approval standing, and
    the manager could neither challenge nor return the plan."""
    plan, cl = ready
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    asked = review.challenge(plan, cl, "DPM-M02", "Did he attend?", name="Sam", role="TM",
                             now=NOW)
    _decide(plan, cl, "returned", rationale="Answer the challenge.")
    review.respond(plan, asked.id, "He attended in person.", by="Drew", now=NOW)
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    _decide(plan, cl)
    assert not review.approval_void(plan) and review.describe_state(plan) == "Approved"
    plan.challenges[0].response = "He attended by phone."  # changed by hand in the file
    assert review.approval_void(plan)
    assert review.describe_state(plan) == "Approved, changed since approval"
    assert "no longer signed off" in review.describe_signoff(plan)
    review.challenge(plan, cl, "DPM-M02", "By phone?", name="Sam", role="TM", now=NOW)
    _decide(plan, cl, "returned", rationale="The answer changed after approval.")
    assert plan.state == PlanState.RETURNED and plan.signoff is None


def test_an_approval_made_before_challenges_counted_still_stands(ready):
    """An approval recorded before its hash covered the challenges is checked as it was
    made: it is not said to be changed when nothing changed."""
    plan, cl = ready
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    _decide(plan, cl)
    assert plan.signoff is not None
    plan.signoff.content_hash = review.content_hash(plan, with_challenges=False)
    assert not review.approval_void(plan)
    plan.answers["DPM-M02"].note = "changed by hand in the file"
    assert review.approval_void(plan)


def test_a_void_approval_can_be_returned_or_challenged_never_approved(ready):
    """A manager can act on a plan whose approval no longer stands, and is told what
    changed, or that it is not known (look-tm 9)."""
    plan, cl = ready
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    _decide(plan, cl)
    with pytest.raises(PlanError, match="approval stands; it cannot be challenged"):
        review.challenge(plan, cl, "DPM-M02", "Why?", name="Sam", role="TM", now=NOW)
    plan.practitioner_role = "Midwife"  # changed by hand in the file
    assert review.what_changed_since_approval(plan) == [review.NOT_KNOWN_WHAT_CHANGED]
    with pytest.raises(PlanError, match="no longer stands; return it or challenge"):
        _decide(plan, cl)
    found = review.challenge(plan, cl, "DPM-M02", "Did he attend?", name="Sam", role="TM",
                             now=NOW)
    assert found in review.open_challenges(plan)
    _decide(plan, cl, "returned", rationale="Changed after approval: check it again.")
    assert plan.state == PlanState.RETURNED and plan.signoff is None
    assert [h.what for h in plan.history[-3:]] == ["signoff.void", "state", "review.returned"]
    assert review.describe_signoff(plan).startswith("Returned by Alex Manager")


def test_what_a_manager_can_decide_follows_what_decide_and_challenge_take(ready):
    """rev7-tui 12: one rule (decisions_open) for what the review screen offers and says,
    in step with what decide and challenge refuse at each stage."""
    plan, cl = ready
    a, r, c = review.APPROVED, review.RETURNED, review.CHALLENGE
    assert plan.state != PlanState.SUBMITTED and review.decisions_open(plan) == {c}
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    assert review.decisions_open(plan) == {a, r, c}
    _decide(plan, cl)
    assert review.decisions_open(plan) == set()  # the approval stands
    assert review.decisions_open(plan, found_outside="edited outside the app") == {r, c}
    plan.practitioner_role = "Midwife"  # changed by hand in the file
    assert review.decisions_open(plan) == {r, c}
    plan.state = PlanState.ENTERED_IN_ERROR
    assert review.decisions_open(plan) == set()


def test_what_changed_since_approval_from_the_history(ready):
    plan, cl = ready
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    _decide(plan, cl)
    assert review.what_changed_since_approval(plan) == []
    plan.checklist_version = "9.9.9"
    changed = review.what_changed_since_approval(plan)
    assert changed[0].startswith("Checklist version: approved on ")
    assert review.NOT_KNOWN_WHAT_CHANGED not in changed


def test_a_different_checklist_version_voids_the_approval(ready):
    plan, cl = ready
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    _decide(plan, cl)
    plan.checklist_version = "9.9.9"
    assert review.approval_void(plan)


def test_history_and_review_records_do_not_void(ready):
    plan, cl = ready
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    _decide(plan, cl)
    plan.updated = NOW + timedelta(days=1)
    assert not review.approval_void(plan)


def test_a_decision_without_a_role_reads_without_empty_brackets(ready):
    plan, cl = ready
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    _decide(plan, cl)
    plan.reviews[-1].role = ""  # as a decision recorded without one (sign_off, by hand)
    assert review.describe_signoff(plan).startswith("Approved by Alex Manager, ")


def test_return_needs_reasons_and_is_recorded(ready):
    plan, cl = ready
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    with pytest.raises(PlanError, match="rationale"):
        _decide(plan, cl, "returned", rationale="  ")
    with pytest.raises(PlanError, match="role"):
        _decide(plan, cl, "returned", role="")
    _decide(plan, cl, "returned", rationale="Father not yet seen.")
    assert plan.state == PlanState.RETURNED and plan.signoff is None
    assert plan.reviews[-1].decision == "returned"
    assert review.describe_signoff(plan).startswith("Returned by Alex Manager")


def test_decisions_only_on_a_plan_awaiting_sign_off(ready):
    plan, cl = ready
    with pytest.raises(PlanError, match="not awaiting sign-off"):
        _decide(plan, cl)
    with pytest.raises(PlanError, match="must be"):
        _decide(plan, cl, "maybe")


def test_submit_refuses_an_incomplete_plan(catalogue):
    plan = store.load(EXAMPLES / "early-pre-birth.toml").plan
    with pytest.raises(PlanError, match="not ready"):
        review.submit(plan, catalogue.get(plan.checklist_id).checklist, by="P", now=NOW,
                      today=TODAY)
    assert plan.state == PlanState.DRAFT


def test_challenge_must_be_answered_before_resubmitting(ready):
    plan, cl = ready
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    found = review.challenge(plan, cl, "DPM-M02", "Who confirmed this?", name="Alex Manager",
                             role="Team manager", now=NOW)
    assert review.challenges_on(plan, "DPM-M02") == [found]
    with pytest.raises(PlanError, match="not yet answered"):
        _decide(plan, cl)
    _decide(plan, cl, "returned", rationale="See the challenge.")
    with pytest.raises(PlanError, match="answer the manager's challenge on DPM-M02"):
        review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    review.respond(plan, found.id, "The ward sister confirmed it.", by="Drew", now=NOW)
    with pytest.raises(PlanError, match="already answered"):
        review.respond(plan, found.id, "again", by="Drew", now=NOW)
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    _decide(plan, cl)
    assert plan.state == PlanState.APPROVED
    whats = [h.what for h in plan.history]
    assert "challenge" in whats and "challenge.answer" in whats
    assert review.challenge_lines(plan)[1].startswith("  answered by Drew")


def test_challenge_needs_a_real_item(ready):
    plan, cl = ready
    with pytest.raises(PlanError, match="no item"):
        review.challenge(plan, cl, "NOPE", "?", name="A", role="", now=NOW)


def test_changing_a_finished_plan_needs_a_reason(ready):
    plan, cl = ready
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    _decide(plan, cl)
    with pytest.raises(PlanError, match="reason"):
        review.reopen(plan, cl, "", by="Drew", now=NOW, today=TODAY)
    review.reopen(plan, cl, "Birth date was wrong", by="Drew", now=NOW, today=TODAY)
    assert plan.state == PlanState.AMENDED and plan.signoff is None
    assert any(h.what == "reason" and h.new == "Birth date was wrong" for h in plan.history)
    set_answer(plan, cl, "DPM-M02", "no", by="Drew", now=NOW)
    assert plan.answers["DPM-M02"].value == "no"


_SIGN = """
import sys
import time
from pathlib import Path
from checklist_tui.core import review, store
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.errors import PlanError
from checklist_tui.core.review_file import change_plan
from tests.conftest import NOW, TODAY
cat = load_catalogue(include_user=False)
path, who, what = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
seen = len(store.load(path).plan.reviews)  # what this manager looked at
Path(sys.argv[4]).touch()
while not Path(sys.argv[5]).exists():
    time.sleep(0.01)
try:
    if what == "challenge":
        change_plan(path, cat.get, lambda p, c: review.challenge(
            p, c, "DPM-M02", f"Challenge from {who}", name=who, role="Team manager", now=NOW))
    else:
        change_plan(path, cat.get, lambda p, c: review.decide(
            p, c, decision=what, rationale=f"{who} decided", name=who, role="Team manager",
            now=NOW, today=TODAY, seen=seen))
    print("done")
except PlanError as exc:
    print("refused:", exc)
"""


def _two_managers(tmp_path, catalogue, first: tuple[str, str], second: tuple[str, str]):
    """Two real processes, released together, each making one review step on one plan."""
    path = tmp_path / READY
    shutil.copy(EXAMPLES / READY, path)
    change_plan(path, catalogue.get,
                lambda p, c: review.submit(p, c, by="Drew", now=NOW, today=TODAY))
    go = tmp_path / "go"
    procs = []
    for who, what in (first, second):
        ready_flag = tmp_path / f"ready-{who[-3:]}"
        procs.append((ready_flag, subprocess.Popen(
            [sys.executable, "-c", _SIGN, str(path), who, what, str(ready_flag), str(go)],
            cwd=ROOT, env=dict(os.environ), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True)))
    deadline = 120
    start = time.monotonic()
    while not all(flag.exists() for flag, _ in procs):
        assert time.monotonic() - start < deadline, "the two managers did not start"
        time.sleep(0.05)
    go.touch()
    outs = [p.communicate(timeout=120) for _, p in procs]
    for (_flag, proc), (out, err) in zip(procs, outs, strict=True):
        assert proc.returncode == 0, err
        assert out.strip() == "done", out
    assert not Path(str(path) + ".lock").exists()
    return path


def test_two_managers_challenging_at_once_both_kept(tmp_path, catalogue):
    path = _two_managers(tmp_path, catalogue, ("Manager One", "challenge"),
                         ("Manager Two", "challenge"))
    plan = store.load(path).plan
    assert sorted(c.by for c in plan.challenges) == ["Manager One", "Manager Two"]


def test_two_managers_deciding_at_once_never_lose_a_decision(tmp_path, catalogue):
    path = _two_managers(tmp_path, catalogue, ("Manager One", "approved"),
                         ("Manager Two", "returned"))
    plan = store.load(path).plan
    # both decisions are recorded, the later one marked as made without seeing the first
    assert sorted((r.by, r.decision) for r in plan.reviews) == [
        ("Manager One", "approved"), ("Manager Two", "returned")]
    later = plan.reviews[-1].by
    assert review.decisions_made_unseen(plan) == {1}
    assert next(h.old for h in plan.history if h.what.startswith("review.")
            and h.by == later) == review.CONCURRENT
    # and the plan says they conflict: never "Approved" with a "Returned" unseen
    assert plan.state == PlanState.SUBMITTED and plan.signoff is None
    assert review.describe_state(plan) == "Submitted for review: two decisions conflict"
    said = review.describe_signoff(plan)
    assert "Approved by Manager One" in said or "approved by Manager One" in said
    assert "eturned by Manager Two" in said and "not signed off" in said
    # one manager, having seen both, decides again: that resolves it
    change_plan(path, catalogue.get, lambda p, c: _decide(
        p, c, "returned", name="Manager One", seen=len(p.reviews)))
    plan = store.load(path).plan
    assert plan.state == PlanState.RETURNED and not review.conflict(plan)
    assert review.describe_state(plan) == "Returned"


def test_the_same_decision_twice_at_once_is_kept_and_agrees(ready):
    plan, cl = ready
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    _decide(plan, cl, name="Manager One", seen=0)
    _decide(plan, cl, name="Manager Two", seen=0)
    assert len(plan.reviews) == 2 and plan.state == PlanState.APPROVED
    assert plan.signoff is not None and plan.signoff.by == "Manager One"
    assert review.describe_state(plan) == "Approved" and not review.conflict(plan)


def test_a_decision_on_a_plan_already_decided_and_seen_is_refused(ready):
    plan, cl = ready
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    _decide(plan, cl, name="Manager One", seen=0)
    with pytest.raises(PlanError, match=r"not awaiting sign-off.*Approved by Manager One"):
        _decide(plan, cl, "returned", name="Manager Two", seen=1)
    assert len(plan.reviews) == 1


def test_a_third_decision_made_unseen_during_a_conflict_keeps_it(ready):
    plan, cl = ready
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    _decide(plan, cl, name="Manager One", seen=0)
    _decide(plan, cl, "returned", name="Manager Two", seen=0)
    _decide(plan, cl, name="Manager Three", seen=0)
    assert len(plan.reviews) == 3 and plan.state == PlanState.SUBMITTED
    assert "Manager Three" in review.conflict(plan)


def test_a_refused_step_writes_nothing(tmp_path, catalogue):
    path = tmp_path / READY
    shutil.copy(EXAMPLES / READY, path)
    before = path.read_bytes()
    with pytest.raises(PlanError):
        change_plan(path, catalogue.get, lambda p, c: _decide(p, c))
    assert path.read_bytes() == before
    assert not Path(str(path) + ".lock").exists()


def test_file_seen_changes_with_any_change_to_the_file(tmp_path) -> None:
    """Time and size kept (written in place, the time put back): still a change;
    unreadable: None."""

    from checklist_tui.core.review_file import file_seen

    path = tmp_path / "plan.toml"
    path.write_bytes(b'case_ref = "DEMO-1"\n')
    seen = file_seen(path)
    assert seen is not None and file_seen(path) == seen  # nothing changed: the same
    before = path.stat()
    with path.open("r+b") as file:
        file.write(b'case_ref = "DEMO-2"\n')
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size,
                                                               before.st_mtime_ns)
    assert file_seen(path) != seen
    assert file_seen(tmp_path / "gone.toml") is None


def test_a_plan_s_own_practitioner_cannot_approve_it(ready):
    """rev9-tui 2: a manager's approval is another person's check of the work. The plan's
    practitioner (case and spacing aside) is refused, and nothing changes; returning it
    is theirs to do as anyone's."""
    plan, cl = ready
    review.submit(plan, cl, by="Drew", now=NOW, today=TODAY)
    own = "  " + plan.practitioner.upper().replace(" ", "  ") + " "
    assert plan.practitioner == "Drew Demo (example midwife)"  # the bracket aside too:
    with pytest.raises(PlanError, match="is this plan's practitioner"):
        _decide(plan, cl, name="drew demo")
    before = list(plan.history)
    with pytest.raises(PlanError, match="is this plan's practitioner, and cannot approve it"):
        _decide(plan, cl, name=own)
    assert plan.state == PlanState.SUBMITTED and plan.history == before
    _decide(plan, cl, decision="returned", name=plan.practitioner)
    assert plan.state == PlanState.RETURNED
