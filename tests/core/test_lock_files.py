"""#8.15 and #8.14: odd lock files and unwritable folders never crash an open."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

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


def _dead_pid() -> int:
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_lock_is_never_seen_empty(tmp_path, monkeypatch) -> None:
    """The lock is linked into place with its content: a writer killed half-way can no
    longer leave an empty lock that blocks the plan (the kill campaign found one)."""
    plan = tmp_path / "p.toml"
    seen: list[bytes] = []
    real_link = os.link

    def link(src, dst, *args, **kwargs):
        seen.append(Path(src).read_bytes())  # what the lock will hold the moment it appears
        return real_link(src, dst, *args, **kwargs)

    monkeypatch.setattr(locking.os, "link", link)
    with locking.PlanLock(plan):
        assert seen and b'"pid"' in seen[0]
        assert locking.read_lock(locking.lock_path(plan)).pid == os.getpid()
    assert list(tmp_path.iterdir()) == []  # no temporary file left, lock given back


def test_a_temporary_lock_file_of_a_killed_process_is_tidied(tmp_path) -> None:
    plan = tmp_path / "p.toml"
    lock = locking.lock_path(plan)
    left = lock.with_name(f".{lock.name}{locking.TEMP_MARK}{locking.host_tag()}-"
                          f"{_dead_pid()}-abcd1234")
    left.write_text('{"pid": 1')
    live = lock.with_name(f".{lock.name}{locking.TEMP_MARK}{locking.host_tag()}-"
                          f"{os.getppid()}-abcd1234")  # a live writer's file stays
    live.write_text("")
    with locking.PlanLock(plan) as held:
        assert held.held
    assert not left.exists() and live.exists()


def test_without_hard_links_the_lock_is_still_taken(tmp_path, monkeypatch) -> None:
    import errno

    def no_links(*_args, **_kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(locking.os, "link", no_links)
    plan = tmp_path / "p.toml"
    with locking.PlanLock(plan):
        assert locking.read_lock(locking.lock_path(plan)).pid == os.getpid()
        with pytest.raises(PlanLockedError, match="open for editing by"):
            locking.PlanLock(plan).acquire()
    assert list(tmp_path.iterdir()) == []
