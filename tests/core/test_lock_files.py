"""#8.15 and #8.14: odd lock files and unwritable folders never crash an open."""

from __future__ import annotations

import os
import socket
import time

import pytest

from checklist_tui.core import locking
from checklist_tui.core.errors import PlanLockedError


@pytest.mark.parametrize("content", [
    '{"pid": 99999999999999999999999, "host": "%s"}',
    '{"pid": Infinity, "host": "%s"}',
    '{"pid": 1e400, "host": "%s"}',
    '{"pid": -5, "host": "%s"}',
    '{"pid": true, "host": "%s"}',
    '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[%s',
])
def test_nonsense_lock_is_taken_over_when_old_not_crashed_on(tmp_path, content) -> None:
    plan = tmp_path / "p.toml"
    path = locking.lock_path(plan)
    path.write_text(content % socket.gethostname() if "%s" in content else content)
    old = time.time() - 60
    os.utime(path, (old, old))
    with locking.PlanLock(plan) as lock:
        assert lock.held and locking.read_lock(path).pid == os.getpid()


def test_huge_pid_on_this_host_is_not_alive() -> None:
    assert not locking.pid_alive(10**30)
    assert not locking.pid_alive(2**63)


def test_lock_stamped_far_in_the_future_goes_stale(tmp_path) -> None:
    plan = tmp_path / "p.toml"
    path = locking.lock_path(plan)
    path.write_text('{"pid": 1, "host": "another-computer", "since": "2099-01-01T00:00:00"}')
    future = time.time() + 10 * 365 * 24 * 3600
    os.utime(path, (future, future))
    assert locking.is_stale(path, locking.read_lock(path))
    with locking.PlanLock(plan) as lock:
        assert lock.held


def test_a_folder_in_place_of_the_lock_opens_read_only(tmp_path) -> None:
    plan = tmp_path / "p.toml"
    locking.lock_path(plan).mkdir()
    with pytest.raises(PlanLockedError, match=r"not a lock file.*read-only"):
        locking.PlanLock(plan).acquire()
    assert locking.lock_path(plan).is_dir()  # never deleted


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0,
                    reason="root ignores folder permissions")
def test_unwritable_folder_opens_read_only(tmp_path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    plan = folder / "p.toml"
    plan.write_text("x")
    folder.chmod(0o500)
    try:
        with pytest.raises(PlanLockedError, match=f"{folder}.*cannot be written.*read-only"):
            locking.PlanLock(plan).acquire()
    finally:
        folder.chmod(0o700)


def test_read_only_file_system_opens_read_only(tmp_path, monkeypatch) -> None:
    import errno

    def refuse(*_args, **_kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(locking.os, "open", refuse)
    with pytest.raises(PlanLockedError, match=r"cannot be written.*Read-only file system"):
        locking.PlanLock(tmp_path / "p.toml").acquire()
