"""The command line: every command, exit codes, and one clear line for bad input."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from checklist_tui.cli import main
from checklist_tui.core import store
from tests.conftest import DATA, EXAMPLES, ROOT


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert "checklist-tui 0." in capsys.readouterr().out


def test_usage_error_exits_2(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2


def test_list_shows_builtins_and_replacement(tmp_path, capsys) -> None:
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "pre-birth-assessment" in out and "built-in" in out
    local = tmp_path / "local"
    local.mkdir()
    text = (ROOT / "checklists" / "injury-non-mobile-baby.toml").read_text()
    (local / "injury.toml").write_text(
        re.sub(r'^version = ".*"$', 'version = "9.9.9"', text, count=1, flags=re.M))
    assert main(["list", "--checklists", str(local)]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("injury-non-mobile-baby"))
    assert "9.9.9" in line and "replaces built-in" in line


def test_user_config_folder_checklists_are_loaded(isolated, capsys) -> None:
    folder = isolated / "config" / "checklists"
    folder.mkdir(parents=True)
    shutil.copy(DATA / "good" / "mini.toml", folder)
    assert main(["list"]) == 0
    assert "mini" in capsys.readouterr().out


def test_invalid_local_checklist_warns_but_lists_rest(tmp_path, capsys) -> None:
    shutil.copy(DATA / "broken" / "dup.toml", tmp_path)
    assert main(["list", "--checklists", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "pre-birth-assessment" in captured.out
    assert "dup.toml" in captured.err and "Traceback" not in captured.err


def test_new_creates_plan_and_prints_path(isolated, capsys) -> None:
    rc = main(["new", "pre-birth-assessment", "--case-ref", "DEMO-9", "--edd", "20/05/2027",
               "--practitioner", "Test Worker", "--role", "Social worker", "--no-open"])
    assert rc == 0
    path = capsys.readouterr().out.strip()
    loaded = store.load(__import__("pathlib").Path(path))
    assert loaded.plan.case_ref == "DEMO-9"
    assert loaded.plan.edd.isoformat() == "2027-05-20"
    assert str(isolated / "plans") in path


@pytest.mark.parametrize(("args", "message"), [
    (["new", "pre-birth", "--case-ref", "X", "--no-open"],
     "no checklist 'pre-birth' (did you mean 'pre-birth-assessment'?)"),
    (["new", "pre-birth-assessment", "--case-ref", "X-1", "--edd", "31/02/2027", "--no-open"],
     "--edd: '31/02/2027' is not a date"),
    (["new", "pre-birth-assessment", "--case-ref", "", "--no-open"],
     "--case-ref: enter a case reference"),
    (["new", "pre-birth-assessment", "--case-ref", "DEMO-10", "--no-open"],
     "--edd: "),
    (["new", "injury-non-mobile-baby", "--case-ref", "DEMO-11", "--edd", "20/05/2027",
      "--no-open"],
     "--edd: the checklist 'Injury or bruising in a baby who is not independently mobile' "
     "is for a baby already born, so it takes no expected delivery date: leave it out"),
    (["show", "no-such-plan.toml"], "no such plan file"),
])
def test_bad_input_one_line_exit_1_nothing_written(isolated, capsys, args, message) -> None:
    assert main(args) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
    plans = isolated / "plans"
    assert not plans.exists() or not list(plans.glob("*.toml"))


def test_show_family_t_example(capsys) -> None:
    assert main(["show", str(EXAMPLES / "family-t-like-twins.toml")]) == 0
    out = capsys.readouterr().out
    assert "Plan: DEMO-0002-TWINS" in out
    assert "31+0 weeks today" in out
    assert "Looked-after or care-leaver parent" in out
    assert "RED FLAG PBA-A05" in out and "(acknowledged)" in out
    assert "OVERDUE 05/08/2026: Assessment timetable agreed" in out
    assert "agency 'Adult drug and alcohol service' has no stated role" in out


def test_show_plan_from_missing_checklist(tmp_path, capsys) -> None:
    text = (EXAMPLES / "early-pre-birth.toml").read_text()
    path = tmp_path / "p.toml"
    path.write_text(text.replace('checklist_id = "pre-birth-assessment"',
                                 'checklist_id = "retired-checklist"'))
    assert main(["show", str(path)]) == 1
    assert "not installed here" in capsys.readouterr().err


def test_show_neutralises_terminal_escapes(tmp_path, capsys) -> None:
    text = (EXAMPLES / "early-pre-birth.toml").read_text()
    path = tmp_path / "p.toml"
    path.write_text(text.replace('case_ref = "DEMO-0001"', 'case_ref = "DEMO\\u001b[2J"'))
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "DEMO\\x1b[2J" in out


def test_coverage_formats(capsys) -> None:
    assert main(["coverage"]) == 0
    assert "R3a" in capsys.readouterr().out
    assert main(["coverage", "--format", "json"]) == 0
    assert '"source": "R1"' in capsys.readouterr().out


def test_coverage_fails_when_must_cover_source_uncited(tmp_path, capsys) -> None:
    (tmp_path / "sources.toml").write_text(
        '[[sources]]\nid = "LOCAL1"\ngroup = "Local"\ntitle = "Local rule"\n'
        'summary = "Something local"\nmust_cover = true\n')
    assert main(["coverage", "--checklists", str(tmp_path)]) == 1
    assert "LOCAL1" in capsys.readouterr().err


def test_python_m_entry_point_runs() -> None:
    out = subprocess.run([sys.executable, "-m", "checklist_tui", "list"], capture_output=True,
                         text=True, cwd=ROOT, check=False)
    assert out.returncode == 0 and "discharge-planning-meeting" in out.stdout
