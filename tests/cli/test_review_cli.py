"""submit, sign-off, challenge, respond, report and show DIR from the command line."""

from __future__ import annotations

import json
import shutil

import pytest

from checklist_tui.cli import main
from checklist_tui.core import store
from checklist_tui.core.plan import PlanState
from tests.conftest import EXAMPLES

READY = "discharge-ready-for-sign-off.toml"
SIGN = ["--name", "Alex Manager", "--role", "Team manager"]


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "team"
    target.mkdir()
    for plan in EXAMPLES.glob("*.toml"):
        shutil.copy(plan, target / plan.name)
    return target


def test_submit_challenge_return_respond_approve(folder, capsys):
    plan = str(folder / READY)
    assert main(["submit", plan]) == 0
    assert "submitted for sign-off" in capsys.readouterr().out
    assert main(["challenge", plan, "DPM-M02", "--text", "Who invited him?", *SIGN]) == 0
    out = capsys.readouterr().out
    challenge_id = out.split("challenge ")[1].split()[0]
    assert main(["sign-off", plan, "--decision", "returned", "--rationale",
                 "Please answer the challenge.", *SIGN]) == 0
    assert "returned by Alex Manager" in capsys.readouterr().out
    assert store.load(folder / READY).plan.state == PlanState.RETURNED
    assert main(["respond", plan, challenge_id, "--text", "The ward clerk phoned him."]) == 0
    assert main(["submit", plan]) == 0
    assert main(["sign-off", plan, "--decision", "approved", "--rationale", "Sound plan.",
                 *SIGN]) == 0
    loaded = store.load(folder / READY).plan
    assert loaded.state == PlanState.APPROVED and loaded.signoff is not None
    assert [r.decision for r in loaded.reviews] == ["returned", "approved"]
    capsys.readouterr()
    assert main(["show", str(folder)]) == 0
    assert "Approved" in capsys.readouterr().out


def test_refused_sign_off_is_one_line_and_changes_nothing(folder, capsys):
    before = (folder / READY).read_bytes()
    assert main(["sign-off", str(folder / READY), "--decision", "approved", "--rationale", "Sound.",
                 *SIGN]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not awaiting sign-off" in err
    assert (folder / READY).read_bytes() == before


def test_submit_refuses_an_unfinished_plan_with_every_reason(folder, capsys, catalogue):
    """The refusal said the first reason "(and 42 more)": now one sentence says what was
    not done and why, then every reason, one per line; exit 1, nothing on disk changed."""
    from checklist_tui.core.clock import today
    from checklist_tui.core.engine import evaluate
    from checklist_tui.core.pause import completion_blockers

    path = folder / "early-pre-birth.toml"
    before = path.read_bytes()
    plan = store.load(path).plan
    checklist = catalogue.get(plan.checklist_id).checklist
    blockers = completion_blockers(checklist, plan, evaluate(checklist, plan, today()))
    assert len(blockers) > 10
    assert main(["submit", str(path)]) == 1
    opening, *reasons = capsys.readouterr().err.splitlines()
    assert opening == ("checklist-tui: early-pre-birth.toml was not submitted (nothing was "
                       "changed): the plan cannot be marked complete yet, for "
                       f"{len(blockers)} reasons:")
    assert reasons == [f"  - {b}" for b in blockers]
    assert path.read_bytes() == before


def test_approving_with_challenges_not_answered_lists_each(folder, capsys):
    plan, path = str(folder / READY), folder / READY
    assert main(["submit", plan]) == 0
    for item, text in (("DPM-M02", "Did he attend?"), ("DPM-H01", "Who saw him alone?")):
        assert main(["challenge", plan, item, "--text", text, *SIGN]) == 0
    capsys.readouterr()
    before = path.read_bytes()
    assert main(["sign-off", plan, "--decision", "approved", "--rationale", "Sound.",
                 *SIGN]) == 1
    opening, *reasons = capsys.readouterr().err.splitlines()
    assert opening == (f"checklist-tui: {READY} was not approved (nothing was changed): 2 "
                       "challenges from a manager are not yet answered; return the plan "
                       "instead, or wait for the answers:")
    assert len(reasons) == 2
    assert reasons[0].startswith("  - DPM-M02: challenge ") and reasons[0].endswith(
        "from Alex Manager (Team manager), " + reasons[0].split(", ")[1]
        + ", not yet answered: Did he attend?")
    assert reasons[1].startswith("  - DPM-H01: ") and "Who saw him alone?" in reasons[1]
    assert path.read_bytes() == before
    # submitting again before answering: both, not the first "(and 1 more)"
    assert main(["sign-off", plan, "--decision", "returned", "--rationale", "Answer them.",
                 *SIGN]) == 0
    capsys.readouterr()
    assert main(["submit", plan]) == 1
    opening, *reasons = capsys.readouterr().err.splitlines()
    assert opening.endswith("was not submitted (nothing was changed): 2 challenges from a "
                            "manager are not yet answered:")
    assert [r.split(":")[0] for r in reasons] == ["  - DPM-M02", "  - DPM-H01"]


def test_submit_refuses_a_plan_whose_pause_point_no_longer_holds(folder, capsys):
    """Completing (here by submitting) needs each pause point confirmed and still holding:
    an answer it vouches for that says something else after it (here its note) is one
    line, exit 1, nothing written."""
    plan, path = str(folder / READY), folder / READY
    assert main(["reopen", plan, "--reason", "Checking the address again"]) == 0
    assert main(["answer", plan, "DPM-C01", "yes", "--note", "A new address"]) == 0
    capsys.readouterr()
    before = path.read_bytes()
    assert main(["submit", plan]) == 1
    opening, reason = capsys.readouterr().err.splitlines()
    assert opening == (f"checklist-tui: {READY} was not submitted (nothing was changed): the "
                       "plan cannot be marked complete yet, for 1 reason:")
    assert reason.startswith("  - Pause point 'Confirm before discharge' no longer holds: "
                             "the note on 'Is the discharge address confirmed?' (DPM-C01) "
                             "was changed on ")
    assert reason.endswith("after this confirmation")
    assert path.read_bytes() == before
    assert store.load(path).plan.state == PlanState.AMENDED


def test_approval_voided_by_a_later_change_shows_in_the_folder_table(folder, capsys):
    plan = str(folder / READY)
    assert main(["submit", plan]) == 0
    assert main(["sign-off", plan, "--decision", "approved", "--rationale", "Sound.", *SIGN]) == 0
    path = folder / READY
    path.write_text(path.read_text("utf-8").replace("DEMO-0003", "DEMO-0033"), "utf-8")
    capsys.readouterr()
    assert main(["show", str(folder)]) == 0
    table = capsys.readouterr().out
    assert "changed since approval" in table
    row = next(line for line in table.splitlines() if "DEMO-0033" in line)
    assert "edited outside the app" in row  # the hand edit is named in the folder's table
    assert main(["show", plan]) == 0


def test_a_manager_can_challenge_and_return_a_void_approval(folder, capsys):
    """look-tm 9: 'this plan is approved; it cannot be challenged' contradicted 'no longer
    signed off'. Now a challenge and a return go through; an approval does not."""
    plan = str(folder / READY)
    assert main(["submit", plan]) == 0
    assert main(["sign-off", plan, "--decision", "approved", "--rationale", "Sound.", *SIGN]) == 0
    path = folder / READY
    path.write_text(path.read_text("utf-8").replace("Drew Demo", "Drew Demo-Edited"), "utf-8")
    capsys.readouterr()
    assert main(["sign-off", plan, "--decision", "approved", "--rationale", "Sound.", *SIGN]) == 1
    assert "approval no longer stands" in capsys.readouterr().err
    assert main(["challenge", plan, "DPM-M02", "--text", "Did he attend?", *SIGN]) == 0
    assert main(["sign-off", plan, "--decision", "returned", "--rationale",
                 "Edited after approval: answer the challenge and submit again.", *SIGN]) == 0
    assert store.load(folder / READY).plan.state == PlanState.RETURNED


def test_report_formats_stdout_and_file(folder, tmp_path, capsys):
    assert main(["report", str(folder), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert all(json.loads(line) for line in captured.out.splitlines())
    assert captured.err == ""
    target = tmp_path / "out.csv"
    assert main(["report", str(folder), "--format", "csv", "-o", str(target)]) == 0
    assert target.read_text("utf-8").startswith("case_ref,")
    assert capsys.readouterr().out == ""
    assert main(["report", str(folder), "--format", "csv", "-o", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "nope")]) == 1
    assert "not a folder" in capsys.readouterr().err


def test_reopen_an_approved_plan_needs_a_reason(folder, capsys):
    plan = str(folder / READY)
    assert main(["submit", plan]) == 0
    assert main(["sign-off", plan, "--decision", "approved", "--rationale", "Sound.", *SIGN]) == 0
    assert main(["reopen", plan, "--reason", " "]) == 1
    assert "reason" in capsys.readouterr().err
    assert main(["reopen", plan, "--reason", "The birth date was wrong"]) == 0
    loaded = store.load(folder / READY).plan
    assert loaded.state == PlanState.AMENDED and loaded.signoff is None
    assert any(h.what == "reason" and h.new == "The birth date was wrong"
               for h in loaded.history)


def test_review_plain_is_sentences_one_plan_per_paragraph(folder, capsys, monkeypatch):
    """look-tm 10: a screen-reader manager's route through the folder. `review --plain`
    and TERM=dumb (as for `fill`) give sentences, every figure with its words."""
    (folder / "broken.toml").write_text('format_version = 1\ncase_ref = "BROKEN-1"\n[[x',
                                        "utf-8")
    assert main(["submit", str(folder / READY)]) == 0
    capsys.readouterr()
    assert main(["review", str(folder), "--plain"]) == 0
    text = capsys.readouterr().out
    paragraphs = text.strip().split("\n\n")
    assert len(paragraphs) == 1 + 4 + 1  # what was read, four plans, how to act
    assert "1 awaiting sign-off; 1 cannot be read" in paragraphs[0]
    # the order said as it is (look-b 7: "Most harmful first" put a paperwork state above a
    # plan with 7 red flags)
    assert "Most harmful" not in text
    assert ("In this order: files that cannot be read and sign-offs that cannot be relied "
            "on") in paragraphs[0]
    assert paragraphs[1].startswith("Plan 1 of 4.\nCase BROKEN-1")
    assert "cannot be read, so nothing about it is known" in paragraphs[1]
    twins = next(p for p in paragraphs if "DEMO-0002-TWINS" in p)
    assert "State: Draft." in twins and "Sign-off: Not yet signed off." in twins
    assert "Red flags: 7." in twins and "Needs attention: 7 red flags" in twins
    ready = next(p for p in paragraphs if "DEMO-0003" in p)
    assert "State: Submitted for review." in ready and "awaiting sign-off" in ready
    assert "sign-off FILE --decision" in paragraphs[-1]
    assert max(len(line) for line in text.splitlines()) < 400  # sentences, not a grid
    assert main(["show", str(folder), "--plain"]) == 0
    assert capsys.readouterr().out == text
    monkeypatch.setenv("TERM", "dumb")
    assert main(["review", str(folder)]) == 0
    captured = capsys.readouterr()
    assert captured.out == text and "TERM=dumb" in captured.err


def _approved_after_a_challenge(folder, capsys) -> str:
    plan = str(folder / READY)
    assert main(["submit", plan]) == 0
    assert main(["challenge", plan, "DPM-M02", "--text", "Did he attend?", *SIGN]) == 0
    challenge_id = capsys.readouterr().out.split("challenge ")[1].split()[0]
    assert main(["sign-off", plan, "--decision", "returned", "--rationale", "Answer it.",
                 *SIGN]) == 0
    assert main(["respond", plan, challenge_id, "--text", "He attended in person."]) == 0
    assert main(["submit", plan]) == 0
    assert main(["sign-off", plan, "--decision", "approved", "--rationale", "Sound plan.",
                 *SIGN]) == 0
    capsys.readouterr()
    return plan


def _state_in_folder(folder, capsys) -> str:
    assert main(["show", str(folder)]) == 0
    return next(line for line in capsys.readouterr().out.splitlines() if "DEMO-0003" in line)


def test_an_answer_changed_by_hand_after_approval_voids_it(folder, capsys):
    """look-b 1: the challenge's answer the approval rested on, changed by hand in the file,
    left the approval standing ("the approval stands; it cannot be challenged")."""
    plan = _approved_after_a_challenge(folder, capsys)
    path = folder / READY
    assert "changed since approval" not in _state_in_folder(folder, capsys)
    path.write_text(path.read_text("utf-8").replace("He attended in person.",
                                                    "He attended by phone."), "utf-8")
    assert "changed since approval" in _state_in_folder(folder, capsys)
    assert main(["show", plan]) == 0
    assert "so no longer signed off" in capsys.readouterr().out
    assert main(["challenge", plan, "DPM-M02", "--text", "By phone?", *SIGN]) == 0
    assert main(["sign-off", plan, "--decision", "returned", "--rationale",
                 "The answer changed after approval.", *SIGN]) == 0
    assert store.load(path).plan.state == PlanState.RETURNED


def test_an_edit_outside_the_app_after_approval_stops_it_standing(folder, capsys):
    """An edit the approval's hash does not cover (here the approval's own entry in the
    history) is still an edit outside the app after the approval: what changed is not
    known, so the approval is not said to stand, and the manager can act on it."""
    plan = _approved_after_a_challenge(folder, capsys)
    path = folder / READY
    path.write_text(path.read_text("utf-8").replace("Team manager: Sound plan.",
                                                    "Team manager: Sound plan, seen."), "utf-8")
    row = _state_in_folder(folder, capsys)
    assert "changed since approval" in row and "edited outside the app" in row
    assert main(["show", plan]) == 0  # before anything marks it in the file
    assert "State: Approved, changed since approval" in capsys.readouterr().out
    assert main(["export", plan, "--format", "markdown", "-o", "-"]) == 0
    assert "Approved, changed since approval" in capsys.readouterr().out
    assert main(["challenge", plan, "DPM-M02", "--text", "Who edited it?", *SIGN]) == 0
    capsys.readouterr()
    assert "changed since approval" in _state_in_folder(folder, capsys)  # marked, still void
    assert main(["show", plan]) == 0
    shown = capsys.readouterr().out
    assert "State: Approved, changed since approval" in shown


def test_approving_a_plan_edited_outside_before_lets_the_approval_stand(folder, capsys):
    """The mark of an edit found while deciding comes before the decision: an approval
    made having seen the plan as it is stands."""
    plan, path = str(folder / READY), folder / READY
    assert main(["submit", plan]) == 0
    path.write_text(path.read_text("utf-8").replace("Drew Demo", "Drew Demo-Edited"), "utf-8")
    assert main(["sign-off", plan, "--decision", "approved", "--rationale", "Seen as it is.",
                 *SIGN]) == 0
    capsys.readouterr()
    row = _state_in_folder(folder, capsys)
    assert "changed since approval" not in row and "Approved" in row


@pytest.mark.parametrize("argv", [["reopen", "{plan}", "--reason", "{reason}"],
                                  ["answer", "{plan}", "DPM-R07", "no", "--reason", "{reason}"]])
@pytest.mark.parametrize("reason", ["ok", "x", "12", "n/a"])
def test_a_reason_with_no_word_is_refused_as_the_app_refuses_it(folder, capsys, argv,
                                                                reason) -> None:
    """The app's dialog and plain mode ask for a real reason (core.reopen_words); the CLI
    took `--reason ok` and voided an approval with it. One rule, in core.review.reopen:
    one line, exit 1, nothing on disk changed."""
    path = folder / READY
    assert main(["submit", str(path)]) == 0
    assert main(["sign-off", str(path), "--decision", "approved", "--rationale", "Sound.",
                 *SIGN]) == 0
    capsys.readouterr()
    before = path.read_bytes()
    assert main([a.format(plan=path, reason=reason) for a in argv]) == 1
    err = capsys.readouterr().err
    assert err == (f"checklist-tui: '{reason}' is not a reason. Say why you are changing "
                   "it.\n")
    assert path.read_bytes() == before
    assert store.load(path).plan.state == PlanState.APPROVED


@pytest.mark.parametrize("argv", [
    ["sign-off", "{plan}", "--decision", "approved", "--rationale", "{typed}", *SIGN],
    ["sign-off", "{plan}", "--decision", "returned", "--rationale", "{typed}", *SIGN],
    ["respond", "{plan}", "{challenge}", "--text", "{typed}"]])
@pytest.mark.parametrize("typed", ["ok", "y"])
def test_a_decision_or_an_answer_with_no_word_is_refused(folder, capsys, argv, typed) -> None:
    """look-d 11: approved with "ok", a challenge answered "ok". The core's rule for a
    reason (core.reasons): one line, exit 1, nothing on disk changed."""
    path = folder / READY
    assert main(["submit", str(path)]) == 0
    assert main(["challenge", str(path), "DPM-C12", "--text", "Who agreed this?", *SIGN]) == 0
    challenge = store.load(path).plan.challenges[0].id
    capsys.readouterr()
    before = path.read_bytes()
    assert main([a.format(plan=path, typed=typed, challenge=challenge) for a in argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"checklist-tui: '{typed}' is not a reason. ") and err.count("\n") == 1
    assert path.read_bytes() == before
