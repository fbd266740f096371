"""look-c 9 and 10: `answer` saves before it prints (a reader that stops reading cannot
stop the save, and a broken pipe after it is not an error); repeated people details add
up, and any other detail given twice is refused in one line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from checklist_tui.core import store
from tests.cli.helpers import example_plans, run
from tests.conftest import ROOT

PLAN = "discharge-ready-for-sign-off.toml"
REASON = ("--reason", "Advice given again after the family meeting")


@pytest.fixture
def plans(isolated):
    return example_plans(isolated / "plans")


def _names(path, item: str) -> list[str]:
    plan = store.load(path).plan
    by_id = {p.id: p.name for p in plan.people}
    return [by_id[i] for i in plan.answers[item].details["people"]]


def test_a_reader_that_stops_reading_does_not_stop_the_save(plans) -> None:
    path = plans / PLAN
    read, write = os.pipe()
    os.close(read)  # as `| head -1` once it has its line: nobody reads what is printed
    try:
        result = subprocess.run(
            [sys.executable, "-m", "checklist_tui", "answer", str(path), "DPM-C04", "no",
             "--note", "Grandmother withdrew", *REASON],
            stdout=write, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=120,
            check=False, env=os.environ.copy())
    finally:
        os.close(write)
    assert result.stderr == ""  # no "unexpected error: BrokenPipeError"
    assert result.returncode == 0
    answer = store.load(path).plan.answers["DPM-C04"]
    assert answer.value == "no" and answer.note == "Grandmother withdrew"


def test_what_is_printed_comes_after_the_save(plans, capsys, monkeypatch) -> None:
    """Nothing is printed while the plan is not yet saved: a failed save prints no "Yes"."""
    from checklist_tui.core.session import PlanSession

    monkeypatch.setattr(PlanSession, "save", lambda self: False)
    code, out, err = run(capsys, "answer", str(plans / PLAN), "DPM-C04", "no", *REASON)
    assert code == 1 and out == "" and "not saved" in err


def test_repeated_people_details_add_up(plans, capsys) -> None:
    path = plans / PLAN
    code, out, err = run(capsys, "answer", str(path), "DPM-S01", "yes",
                         "--detail", "people=Quinn Example", "--detail", "people=Riley Example",
                         "--detail", "people=Avery Example,Quinn Example", *REASON)
    assert code == 0, err
    assert _names(path, "DPM-S01") == ["Quinn Example", "Riley Example", "Avery Example"]
    assert "Quinn Example, Riley Example, Avery Example" in out


def test_any_other_detail_given_twice_is_refused_in_one_line(plans, capsys) -> None:
    path = plans / PLAN
    before = path.read_bytes()
    code, out, err = run(capsys, "answer", str(path), "DPM-S01", "yes",
                         "--detail", "text=Midwife, 26/11", "--detail", "text=Health visitor",
                         *REASON)
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "--detail text= is given 2 times" in err
    assert path.read_bytes() == before


def test_the_help_says_how_details_repeat(capsys) -> None:
    with pytest.raises(SystemExit):
        run(capsys, "answer", "--help")
    said = " ".join(capsys.readouterr().out.split())
    assert "except people=, whose names add up" in said


def test_sign_off_says_at_once_that_it_waits_for_the_plan(plans, capsys, monkeypatch) -> None:
    """look-c 8 on the command line: sign-off waited up to 15 s for the lock, silent."""
    from checklist_tui.core import review_file
    from checklist_tui.core.locking import PlanLock

    monkeypatch.setattr(review_file, "LOCK_WAIT", 0.3)
    monkeypatch.setattr(review_file.change_plan, "__defaults__", (0.3, None))
    path = plans / PLAN
    lock = PlanLock(path)
    lock.acquire()
    try:
        code, _out, err = run(capsys, "sign-off", str(path), "--decision", "approved",
                              "--rationale", "Sound.", "--name", "Pat Manager", "--role", "TM")
    finally:
        lock.release()
    assert code == 1 and "waiting up to" in err and "is open for editing by" in err
    assert "nothing was changed" in err


def test_no_back_to_yes_says_the_earlier_details_are_not_carried(plans, capsys) -> None:
    """A Yes given again after a No does not bring back the earlier Yes's details; the
    command says so under the answer, in the words every view uses (core.carried)."""
    from tests.core.test_carried import NOT_CARRIED

    path = plans / "discharge-ready-for-sign-off.toml"
    code, _out, err = run(capsys, "answer", str(path), "DPM-H07", "no", "--reason",
                          "Bruise seen behind ear at the 10:00 check")
    assert (code, err) == (0, "")
    code, out, err = run(capsys, "answer", str(path), "DPM-H07", "yes", "--reason",
                         "Checked again")
    assert (code, err) == (0, "")
    assert NOT_CARRIED in out.splitlines() and "no bruises" not in out
    code, out, err = run(capsys, "answer", str(path), "DPM-H07", "yes", "--detail",
                         "date=22/11/2026", "--detail", "text=Checked again at 11:00",
                         "--reason", "Checked again")
    assert (code, err) == (0, "") and NOT_CARRIED not in out
