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


def _fsynced_files(monkeypatch) -> list[str]:
    """The name of every file forced to the disk from now on (os.fsync on its descriptor)."""
    seen: list[str] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        seen.append(os.path.basename(os.readlink(f"/proc/self/fd/{fd}")))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return seen


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="names descriptors via /proc")
def test_a_lock_taken_without_waiting_for_the_disk_is_held_whole_at_once(
        tmp_path, monkeypatch) -> None:
    """#12.2: opening a plan does not wait for an fsync (1 to 30 ms on a busy disk): the
    lock is in place, with who holds it, at once; ``sync`` forces it to the disk later."""
    plan = tmp_path / "p.toml"
    plan.write_text("x")
    synced = _fsynced_files(monkeypatch)
    lock = locking.PlanLock(plan)
    lock.acquire(durable=False)
    assert synced == []
    info = locking.read_lock(lock.path)
    assert info is not None and info.pid == os.getpid()
    with pytest.raises(PlanLockedError, match="open for editing"):
        locking.PlanLock(plan).acquire(durable=False)
    assert synced == []
    lock.sync()
    lock.sync()  # once is enough
    assert synced == ["p.toml.lock"]
    lock.release()
    assert not lock.path.exists()
    locking.PlanLock(plan).acquire()  # by default forced to the disk before it is in place
    assert len(synced) == 2 and synced[1].startswith(".p.toml.lock" + locking.TEMP_MARK)
