"""Plain mode asks who is making changes before the first question (look-d D12), and records
every change as them; ``--as`` says it on the command line; ``cancel`` only looks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from checklist_tui.core import clock, store, who
from checklist_tui.core.who import Who
from tests.conftest import ROOT

PBA = "pre-birth-assessment"


def _plan(plans: Path, catalogue) -> Path:
    return store.create(plans, catalogue.get(PBA), case_ref="WHO-1", now=clock.now(),
                        edd=clock.today().replace(year=clock.today().year + 1),
                        practitioner="Drew Demo", role="Social worker").path


def _fill(path: Path, typed: str, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TERM"}
    return subprocess.run([sys.executable, "-m", "checklist_tui", "fill", str(path), "--plain",
                           *extra], input=typed, capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120)


def _last_by(path: Path) -> str:
    return store.load(path).plan.history[-1].by


def test_asked_first_and_every_change_is_theirs(tmp_path, catalogue) -> None:
    path = _plan(tmp_path / "plans", catalogue)
    result = _fill(path, "Morgan Example\nWard midwife\ny\nquit\n")
    assert result.returncode == 0, result.stderr
    said = result.stdout
    assert "Plan WHO-1. Who is making changes to this plan?" in said
    assert "Your name:" in said and "Drew Demo" not in said  # the practitioner: never offered
    assert "Every change will be recorded as made by Morgan Example (Ward midwife)." in said
    assert said.index("Every change will be recorded") < said.index("Question 1 of")
    assert "Saved: Yes." in said
    assert _last_by(path) == "Morgan Example (Ward midwife)"
    plan = store.load(path).plan
    assert who.remembered(plan.id) == Who("Morgan Example", "Ward midwife")


def test_enter_keeps_nobody_and_same_takes_who_was_last_here(tmp_path, catalogue) -> None:
    """rev8-tui 1: Enter, Enter must not record the changes as someone offered; the
    person last here is taken only when 'same' is typed, and a placeholder is asked again."""
    path = _plan(tmp_path / "plans", catalogue)
    who.remember(store.load(path).plan.id, Who("Morgan Example", "Ward midwife"), clock.now())
    result = _fill(path, "\nsame\ny\nquit\n")
    assert result.returncode == 0, result.stderr
    said = result.stdout
    assert "Last here: Morgan Example (Ward midwife). If that is you, type same." in said
    assert "Say your name." in said
    assert _last_by(path) == "Morgan Example (Ward midwife)"
    other = _plan(tmp_path / "other", catalogue)
    result = _fill(other, "Sam Sample\ntbc\nHealth visitor\ny\nquit\n")
    assert "'tbc' is not a role: say your role." in result.stdout
    assert _last_by(other) == "Sam Sample (Health visitor)"


def test_as_on_the_command_line_is_not_asked(tmp_path, catalogue) -> None:
    path = _plan(tmp_path / "plans", catalogue)
    result = _fill(path, "y\nquit\n", "--as", "Morgan Example (Ward midwife)")
    assert result.returncode == 0, result.stderr
    assert "Who is making changes" not in result.stdout
    assert _last_by(path) == "Morgan Example (Ward midwife)"


def test_cancel_only_looks_and_quit_stops(tmp_path, catalogue) -> None:
    path = _plan(tmp_path / "plans", catalogue)
    before = path.read_bytes()
    result = _fill(path, "cancel\ny\nquit\n")
    assert result.returncode == 0, result.stderr
    assert "Read-only: nobody said who is making changes" in result.stdout
    assert "Saved: Yes." not in result.stdout
    result = _fill(path, "quit\n")
    assert result.returncode == 0, result.stderr
    assert "Question 1 of" not in result.stdout
    assert path.read_bytes() == before


def test_who_between_answers_changes_who_from_then_on(tmp_path, catalogue) -> None:
    path = _plan(tmp_path / "plans", catalogue)
    result = _fill(path, "Drew Demo\nSocial worker\ny\nwho\nSam Sample\nHealth visitor\ny\nquit\n")
    assert result.returncode == 0, result.stderr
    history = store.load(path).plan.history
    assert [e.by for e in history[-2:]] == ["Drew Demo (Social worker)",
                                            "Sam Sample (Health visitor)"]


def test_who_after_only_looking_lets_the_plan_be_changed(tmp_path, catalogue) -> None:
    path = _plan(tmp_path / "plans", catalogue)
    result = _fill(path, "cancel\nwho\nMorgan Example\nWard midwife\ny\nquit\n")
    assert result.returncode == 0, result.stderr
    assert "Saved: Yes." in result.stdout
    assert _last_by(path) == "Morgan Example (Ward midwife)"


def test_confirming_a_pause_point_offers_who_is_making_changes(tmp_path, catalogue) -> None:
    """The ward midwife confirming is offered as the one confirming (look-d D6, D12)."""
    import io

    from checklist_tui.core.session import PlanSession
    from checklist_tui.plain import pause_point
    from checklist_tui.plain.console import Console
    from checklist_tui.plain.conversation import Conversation

    path = _plan(tmp_path / "plans", catalogue)
    session = PlanSession.open(path, catalogue.get)
    try:
        session.changes_by(Who("Morgan Example", "Ward midwife"))
        said = io.StringIO()
        conv = Conversation(Console(io.StringIO("\n\n"), said, echo=True), session,
                            catalogue.sources)
        assert pause_point._who(conv) == ("Morgan Example", "Ward midwife")
        assert "Your name (you are confirming it), or Enter for Morgan Example:" in \
            said.getvalue()
    finally:
        session.close()


def test_a_command_or_an_answer_is_not_a_name(tmp_path, catalogue) -> None:
    """rev8-core 5: 'share', then 'no', typed at the who question was recorded as the
    person making changes, 'share (no)'."""
    path = _plan(tmp_path / "plans", catalogue)
    result = _fill(path, "share\nMorgan Example\nno\nWard midwife\ny\nquit\n")
    assert result.returncode == 0, result.stderr
    said = result.stdout
    assert "'share' is a command or an answer, not a name: say your name." in said
    assert "'no' is a command or an answer, not a role: say your role." in said
    assert _last_by(path) == "Morgan Example (Ward midwife)"
