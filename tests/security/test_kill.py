"""Short SIGKILL run: real processes killed mid-work leave only whole plans.

The long run (at least 1,000 kills) is ``benchmarks/campaign/kill_campaign.py``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.security import killing

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork, pty and SIGKILL")

SHORT_RUN_KILLS = 30


def test_thirty_kills_leave_whole_plans(tmp_path: Path) -> None:
    # Nine quick command kills for each TUI kill (a TUI kill costs a few seconds); the
    # long run kills the TUI one time in three.
    kinds = ("new", "answer", "new", "answer", "tui", "answer", "new", "answer", "new", "answer")
    tally = killing.campaign(tmp_path, SHORT_RUN_KILLS, seed=8, kinds=kinds, saved_first=0)
    print(f"kills: {tally.kills} {tally.by_kind}")
    assert tally.problems == []
    assert tally.kills >= SHORT_RUN_KILLS
    assert set(tally.by_kind) == set(kinds)


# The checker itself must be able to fail.


def _a_plan(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir(exist_ok=True)
    plan = killing.make_plan(tmp_path)
    return plan


def test_checker_sees_a_torn_plan(tmp_path: Path) -> None:
    plan = _a_plan(tmp_path)
    data = plan.read_bytes()
    plan.write_bytes(data[: len(data) // 2])
    assert any("torn" in p for p in killing.check_folder(plan.parent, {}))


def test_checker_sees_a_plan_cut_at_a_line_end(tmp_path: Path) -> None:
    plan = _a_plan(tmp_path)
    data = plan.read_bytes()
    plan.write_bytes(data[: data.rindex(b"\nold = ")] + b"\n")
    assert killing.check_folder(plan.parent, {}) != []


def test_checker_sees_lost_history_and_a_foreign_backup(tmp_path: Path) -> None:
    plan = _a_plan(tmp_path)
    before = killing.snapshot(plan.parent)
    before[plan.name] = [*before[plan.name], ("answer", "X", "", "yes")]
    other = killing.make_plan(tmp_path)
    (plan.parent / (plan.name + ".bak")).write_bytes(other.read_bytes().replace(b"created", b"x"))
    problems = killing.check_folder(plan.parent, before)
    assert any("neither the old nor a newer" in p for p in problems)
    assert any(".bak" in p for p in problems)


def test_checker_sees_a_live_lock(tmp_path: Path) -> None:
    plan = _a_plan(tmp_path)
    lock = killing.PlanLock(plan)
    lock.acquire()
    try:
        assert os.getpid() > 0
        assert any("blocks reopening" in p for p in killing.check_folder(plan.parent, {}))
    finally:
        lock.release()
