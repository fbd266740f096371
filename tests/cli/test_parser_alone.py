"""Start-up (#12.2): ``open`` and ``fill`` build only their own grammar, which must
parse, help and refuse exactly as the whole grammar does."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from checklist_tui.cli.parser import ALONE, build_parser

ROOT = Path(__file__).resolve().parents[2]

GIVEN = [
    ["open", "plan.toml"],
    ["open", "plan.toml", "--read-only"],
    ["open", "--plain", "plan.toml"],
    ["open", "plan.toml", "--plans-dir", "elsewhere", "--checklists", "mine"],
    ["fill", "plan.toml", "--plain", "--read-only"],
    ["fill", "plan.toml", "--plain", "--as", "Morgan Example (Ward midwife)"],
    ["open", "plan.toml", "--as", "Morgan Example"],
    ["open"],  # no plan: refused
    ["open", "a.toml", "b.toml"],  # one too many
    ["open", "plan.toml", "--version"],  # only before the command
    ["open", "plan.toml", "--no-such-option"],
    ["fill", "--read-only"],
    ["open", "--help"],
    ["fill", "-h"],
]


def _parse(words: list[str], first: str | None) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result: object = vars(build_parser(first).parse_args(words))
        except SystemExit as exc:
            result = ("exit", exc.code)
    return result, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("words", GIVEN, ids=" ".join)
def test_a_command_parsed_alone_is_parsed_as_by_the_whole_grammar(words) -> None:
    assert words[0] in ALONE
    alone, whole = _parse(words, words[0]), _parse(words, None)
    assert alone == whole
    assert alone[1] or alone[2] or isinstance(alone[0], dict)  # something happened


def test_other_commands_and_no_command_get_the_whole_grammar() -> None:
    for first in ("list", "show", "new", None, "--plans-dir"):
        choices = build_parser(first)._subparsers._group_actions[0].choices  # type: ignore[union-attr]
        assert {"list", "open", "fill", "show", "export", "share"} <= set(choices)


def test_opening_a_plan_does_not_load_the_other_commands() -> None:
    script = """
import json, sys
from checklist_tui.cli import main, plans
plans.run_tui = lambda args, plan_path, read_only: 0
main(["open", sys.argv[1]])
print(json.dumps(sorted(m for m in sys.modules if m.startswith("checklist_tui.cli."))))
"""
    plan = ROOT / "examples" / "family-t-like-twins.toml"
    done = subprocess.run([sys.executable, "-c", script, str(plan)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert "checklist_tui.cli.plans" in loaded
    others = {"checklist_tui.cli.records", "checklist_tui.cli.review",
              "checklist_tui.cli.share", "checklist_tui.cli.upgrade",
              "checklist_tui.cli.checklists"}
    assert others.isdisjoint(loaded)
