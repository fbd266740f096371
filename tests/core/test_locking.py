"""Only one process writes a plan; stale locks from crashed processes are taken over."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from checklist_tui.core import locking
from checklist_tui.core.errors import PlanLockedError
from tests.conftest import ROOT

HOLDER = """
import sys, time
from pathlib import Path
from checklist_tui.core.locking import PlanLock
lock = PlanLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""


def _start_holder(plan_path):
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(plan_path)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_second_process_is_refused_until_first_dies(tmp_path) -> None:
    plan = tmp_path / "p.toml"
    plan.write_text("x")
    proc = _start_holder(plan)
    try:
        with pytest.raises(PlanLockedError, match=r"open for editing by .* read-only"):
            locking.PlanLock(plan).acquire()
    finally:
        proc.kill()
        proc.wait()
    # the holder crashed without releasing: its lock is stale and is taken over
    with locking.PlanLock(plan) as lock:
        assert lock.held
        assert locking.read_lock(lock.path).pid == os.getpid()
    assert not locking.lock_path(plan).exists()


def test_lock_from_other_host_is_stale_only_when_old(tmp_path) -> None:
    plan = tmp_path / "p.toml"
    path = locking.lock_path(plan)
    path.write_text('{"pid": 1, "host": "another-computer", "user": "x", '
                    '"since": "2026-11-25T09:00:00"}')
    info = locking.read_lock(path)
    assert not locking.is_stale(path, info)
    with pytest.raises(PlanLockedError, match="another-computer"):
        locking.PlanLock(plan).acquire()
    old = time.time() - locking.STALE_AFTER - 5
    os.utime(path, (old, old))
    assert locking.is_stale(path, info)
    with locking.PlanLock(plan) as lock:
        assert lock.held


def test_refresh_keeps_lock_fresh(tmp_path) -> None:
    plan = tmp_path / "p.toml"
    lock = locking.PlanLock(plan)
    lock.acquire()
    old = time.time() - 1000
    os.utime(lock.path, (old, old))
    lock.refresh()
    assert time.time() - lock.path.stat().st_mtime < 5
    lock.release()
    lock.release()  # twice is harmless
