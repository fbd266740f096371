"""Plain mode's one rule for every prompt inside a step (look-b 9): at the questions an
answer or a command asks for what it needs (who will find out, by when, a name, a note,
a number, a reason), ``cancel``, ``quit`` and ``help`` are commands, never data; the
first such prompt says so; and what was changed is said exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklist_tui.core import store
from checklist_tui.plain.console import STEP_HINT
from tests.plain.test_plain import _cli, _new, _talk

FOLLOW = ["go PBA-S10", "unknown"]
"""A required question whose "unknown" asks who will find out, and by when."""


def _s10(path: Path):
    return store.load(path).plan.answers.get("PBA-S10")


def test_quit_at_who_will_find_out_stops_and_is_never_a_name(tmp_path, catalogue) -> None:
    path = _new(tmp_path / "plans", catalogue)
    before = path.read_bytes()
    _code, out = _talk(path, catalogue, [*FOLLOW, "", "quit", "A. Worker", "01/12/2099"])
    assert "This one is needed." in out
    assert "Stopped: this step changed nothing." in out
    assert "By when?" not in out and "Saved:" not in out
    assert "Nothing was changed.\nThe plan has 0 answers." in out
    assert _s10(path) is None
    assert path.read_bytes() == before


def test_cancel_at_by_when_goes_back_to_the_question(tmp_path, catalogue) -> None:
    path = _new(tmp_path / "plans", catalogue)
    _code, out = _talk(path, catalogue, [*FOLLOW, "A. Worker", "cancel", "n", "quit"])
    assert "Cancelled: this step changed nothing." in out
    after = out.partition("Cancelled: this step changed nothing.")[2]
    assert "Back to question" in after and "PBA-S10" in after
    assert "Saved: No." in after
    answer = _s10(path)
    assert answer is not None and answer.value == "no" and not answer.owner


def test_help_at_a_follow_up_says_what_is_asked_and_keeps_asking(tmp_path, catalogue) -> None:
    path = _new(tmp_path / "plans", catalogue)
    _code, out = _talk(path, catalogue, [*FOLLOW, "help", "A. Worker", "help", "01/12/2099",
                                         "quit"])
    asked = out.partition("Answer: unknown\n")[2].splitlines()
    assert asked[0] == "'Unknown' needs who will find out, and by when."
    assert asked[1] == STEP_HINT  # said once, before the first prompt of the step
    assert all(word in STEP_HINT for word in ("cancel", "help", "quit"))
    assert "This asks: Who will find out (a name or role)." in asked
    answer = _s10(path)
    assert answer is not None and answer.owner == "A. Worker"
    assert answer.by_date is not None and answer.by_date.year == 2099


@pytest.mark.parametrize("steps, stopped", [
    (["add person", "Testy McTestface (fictional)", "2", "cancel"], "Cancelled"),
    (["add person", "quit"], "Stopped"),
    (["add agency", "Fictional Health Trust", "cancel"], "Cancelled"),
    (["add action", "Visit the father (fictional)", "quit"], "Stopped"),
    (["note", "A first line (fictional)", "cancel"], "Cancelled"),
    (["source", "cancel"], "Cancelled"),
    (["export", "quit"], "Stopped"),
])
def test_every_step_honours_cancel_and_quit(tmp_path, catalogue, steps, stopped) -> None:
    path = _new(tmp_path / "plans", catalogue)
    before = path.read_bytes()
    _code, out = _talk(path, catalogue, [*steps, "quit"])
    assert f"{stopped}: this step changed nothing." in out
    assert STEP_HINT in out
    assert path.read_bytes() == before
    plan = store.load(path).plan
    assert not (plan.people or plan.agencies or plan.actions or plan.answers)
    assert not list(path.parent.glob("*.md"))


def test_cancel_between_questions_says_there_is_nothing_to_cancel(tmp_path, catalogue) -> None:
    path = _new(tmp_path / "plans", catalogue)
    _code, out = _talk(path, catalogue, ["cancel", "quit"])
    assert "There is nothing to cancel here: nothing is being changed." in out


def test_a_detail_cancelled_keeps_the_answer_and_says_so(tmp_path, catalogue) -> None:
    """Cancel after the answer was saved: the answer is said to be saved, never that
    nothing was changed, and the detail is left for later."""
    path = _new(tmp_path / "plans", catalogue)
    _code, out = _talk(path, catalogue, ["go PBA-N03", "y", "cancel", "quit"])
    said = out.partition("Answer: y\n")[2]
    assert said.startswith("Saved: Yes.\n"), said
    assert "The answer is saved; the details are left for later." in said
    assert "nothing was changed" not in said
    answer = store.load(path).plan.answers["PBA-N03"]
    assert answer.value == "yes" and not answer.details


def test_through_a_pipe_quit_at_a_follow_up_stops(tmp_path, catalogue) -> None:
    path = _new(tmp_path / "plans", catalogue)
    result = _cli(["fill", str(path), "--plain", "--as", "Morgan Example (Ward midwife)"],
                  "go PBA-S10\nunknown\n\nquit\n")
    assert result.returncode == 0, result.stderr
    assert "Stopped: this step changed nothing." in result.stdout
    assert _s10(path) is None
