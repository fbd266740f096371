"""The README's example commands run as written (look-tm 18), in a fresh plans folder,
in the order the README gives them; and a plan is found by its case reference when only
one plan in the plans folder has it (one clear error when several do)."""

from __future__ import annotations

import io
import re
import shlex
import shutil

import pytest

from checklist_tui.cli import main
from tests.conftest import EXAMPLES, ROOT

PLACEHOLDER = re.compile(r"[A-Z_]+(\.\.\.)?")


def _runnable(words: list[str]) -> bool:
    """A command with real arguments: no PLAN, DIR, [options] or a|b left to fill in."""
    return not any(PLACEHOLDER.fullmatch(w) or "[" in w or "|" in w for w in words)


def readme_commands() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```[a-z]*\n(.*?)```", text, re.S):
        for line in block.splitlines():
            if line.startswith("checklist-tui "):
                found.append(shlex.split(line.split("  #")[0])[1:])
    for span in re.findall(r"(?<!`)`(checklist-tui [^`]+)`(?!`)", text):
        words = shlex.split(span)[1:]
        if len(words) > 1:  # a bare command name in a sentence is not an example
            found.append(words)
    return [words for words in found if _runnable(words)]


def test_the_readmes_example_commands_run(isolated, monkeypatch, capsys) -> None:
    commands = readme_commands()
    assert ["answer", "DEMO-3", "DPM-C08B", "yes", "--detail", "people=Blake Example"] in commands
    assert len(commands) >= 10
    monkeypatch.chdir(ROOT)  # `show examples/...` is given from the repository
    failed = []
    for words in commands:
        monkeypatch.setattr("sys.stdin", io.StringIO("quit\n"))  # plain mode stops at once
        code = main(words)
        err = capsys.readouterr().err
        if code != 0:
            failed.append((" ".join(words), code, err.strip()))
    assert not failed, failed


def test_a_case_reference_names_a_plan_unless_two_plans_share_it(isolated, capsys) -> None:
    plans = isolated / "plans"
    plans.mkdir(exist_ok=True)
    shutil.copy(EXAMPLES / "early-pre-birth.toml", plans / "first.toml")
    assert main(["show", "demo-0001"]) == 0
    assert capsys.readouterr().out.startswith("Plan: DEMO-0001")
    shutil.copy(EXAMPLES / "early-pre-birth.toml", plans / "second.toml")
    before = {p.name: p.read_bytes() for p in plans.iterdir()}
    assert main(["answer", "DEMO-0001", "PBA-P01", "yes"]) == 1
    err = capsys.readouterr().err
    assert "DEMO-0001: 2 plans in" in err and "first.toml, second.toml" in err
    assert len(err.strip().splitlines()) == 1
    assert {p.name: p.read_bytes() for p in plans.iterdir()} == before


@pytest.mark.parametrize("name", ["DEMO-9", "nothing here"])
def test_an_unknown_case_reference_is_still_no_such_plan(isolated, capsys, name) -> None:
    (isolated / "plans").mkdir(exist_ok=True)
    shutil.copy(EXAMPLES / "early-pre-birth.toml", isolated / "plans" / "first.toml")
    assert main(["show", name]) == 1
    assert "no such plan file" in capsys.readouterr().err
