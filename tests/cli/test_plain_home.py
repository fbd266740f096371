"""``checklist-tui`` alone where the full-screen app cannot be drawn (TERM=dumb) or with
``--plain`` (look-b 6): the plans as plain sentences, how to open one in plain mode,
and never the full-screen app's escape codes."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from tests.cli.helpers import example_plans, run
from tests.conftest import ROOT


@pytest.fixture
def no_app(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("the full-screen app was started")

    monkeypatch.setattr("checklist_tui.cli.plans.run_tui", refuse)


def test_term_dumb_lists_the_plans_and_says_how_to_open_one(tmp_path, capsys, monkeypatch,
                                                             no_app) -> None:
    folder = example_plans(tmp_path / "plans")
    monkeypatch.setenv("TERM", "dumb")
    code, out, err = run(capsys, "--plans-dir", str(folder))
    assert code == 0
    assert err.strip() == ("checklist-tui: this terminal cannot show the full-screen app "
                           "(TERM=dumb), so your plans are listed as plain text.")
    count = len(list(folder.glob("*.toml")))
    assert out.startswith(f"{count} plan files in {folder}")
    assert f"Plan {count} of {count}." in out
    assert "file discharge-ready-for-sign-off.toml." in out
    assert "'checklist-tui fill FILE --plain'" in out
    assert "'checklist-tui new CHECKLIST_ID --case-ref REF --plain'" in out
    assert "\x1b" not in out


def test_plain_flag_without_a_command_does_the_same_without_the_notice(
        tmp_path, capsys, monkeypatch, no_app) -> None:
    folder = example_plans(tmp_path / "plans")
    monkeypatch.delenv("TERM", raising=False)
    code, out, err = run(capsys, "--plans-dir", str(folder), "--plain")
    assert code == 0 and err == ""
    assert "fill FILE --plain" in out


def test_no_plans_yet_says_so_and_how_to_start(tmp_path, capsys, monkeypatch, no_app) -> None:
    monkeypatch.setenv("TERM", "dumb")
    code, out, _err = run(capsys, "--plans-dir", str(tmp_path / "none"))
    assert code == 0
    assert out.splitlines()[0] == f"No plans yet in {tmp_path / 'none'}."
    assert "checklist-tui new CHECKLIST_ID" in out
    assert not (tmp_path / "none").exists()  # nothing made on disk


def test_through_a_real_dumb_terminal_no_escape_codes(tmp_path) -> None:
    folder = example_plans(tmp_path / "plans")
    env = {**os.environ, "TERM": "dumb"}
    result = subprocess.run([sys.executable, "-m", "checklist_tui", "--plans-dir", str(folder)],
                            input="", capture_output=True, text=True, cwd=ROOT, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "Plan 1 of" in result.stdout


def test_plain_before_a_command_is_kept(tmp_path, monkeypatch, no_app) -> None:
    """``checklist-tui --plain fill PLAN``: the command's own --plain (absent) must not
    undo the one given before it and start the full-screen app."""
    from checklist_tui.cli import main

    folder = example_plans(tmp_path / "plans")
    monkeypatch.delenv("TERM", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("quit\n"))
    assert main(["--plain", "fill", str(folder / "discharge-ready-for-sign-off.toml")]) == 0
