"""A lock file beside each plan, so that only one process writes it at a time.

Portable: creating a file with O_EXCL works on Windows, macOS, Linux and on
shared network folders. The holder refreshes the lock's time; a lock is stale
(from a crashed process) when its process is gone on this machine, or when it
has not been refreshed for STALE_AFTER seconds.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from checklist_tui.core.errors import PlanLockedError

STALE_AFTER = 15 * 60
MAX_PID = 2**31 - 1
MAX_LOCK_BYTES = 4096
REFRESH_EVERY = 60


def lock_path(plan_path: Path) -> Path:
    return plan_path.with_name(plan_path.name + ".lock")


def host_tag() -> str:
    """A short tag for this computer (a hash: file names never carry its name)."""
    return hashlib.sha256(socket.gethostname().encode()).hexdigest()[:8]


def pid_alive(pid: int) -> bool:
    """True if a process with this id runs on this computer (a huge id never does)."""
    if pid <= 0 or pid > MAX_PID:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OverflowError, OSError):
        return False
    return True


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    user: str
    since: str

    def describe(self) -> str:
        try:
            when = datetime.fromisoformat(self.since).strftime("%d/%m/%Y %H:%M")
        except ValueError:
            when = "an unknown time"
        return f"{self.user or 'someone'} on {self.host or 'another computer'} since {when}"


def read_lock(path: Path) -> LockInfo | None:
    """What a lock file says, or None when it cannot be read or makes no sense."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_LOCK_BYTES + 1)
        if len(raw) > MAX_LOCK_BYTES:
            return None
        data = json.loads(raw.decode("utf-8"))
        pid = data["pid"]
        if not isinstance(pid, int) or isinstance(pid, bool) or not 0 < pid <= MAX_PID:
            return None
        return LockInfo(pid, str(data["host"])[:200], str(data.get("user", ""))[:200],
                        str(data.get("since", ""))[:40])
    except (OSError, ValueError, KeyError, TypeError, OverflowError, RecursionError):
        return None


def is_stale(path: Path, info: LockInfo | None, now: float | None = None) -> bool:
    now = time.time() if now is None else now
    try:
        age = now - path.stat().st_mtime
    except OSError:
        return True
    # A lock stamped in the future (a wrong clock) goes stale like an old one.
    if info is None:
        return abs(age) > 10  # unreadable: give a writer a moment to finish writing it
    if info.host == socket.gethostname() and not pid_alive(info.pid):
        return True
    return abs(age) > STALE_AFTER


class PlanLock:
    """Hold with ``acquire()``; give back with ``release()``; ``refresh()`` now and then."""

    def __init__(self, plan_path: Path):
        self.path = lock_path(plan_path)
        self.held = False

    def acquire(self) -> None:
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            except FileExistsError:
                if self.path.is_dir() or not self.path.is_file():
                    raise PlanLockedError(
                        f"{self.path} is not a lock file (a folder or a special file is in "
                        "its place); the plan opens read-only until it is removed") from None
                info = read_lock(self.path)
                if is_stale(self.path, info):
                    with contextlib.suppress(OSError):
                        self.path.unlink()
                    continue
                who = info.describe() if info else "another program"
                raise PlanLockedError(
                    f"{self.path.name[:-5]} is open for editing by {who}; "
                    "it opens read-only here") from None
            except OSError as exc:  # a read-only or unwritable folder
                raise PlanLockedError(
                    f"the folder {self.path.parent} cannot be written "
                    f"({exc.strerror or exc}); the plan opens read-only") from None
            payload = {
                "pid": os.getpid(),
                "host": socket.gethostname(),
                "user": os.environ.get("USERNAME") or os.environ.get("USER", ""),
                "since": datetime.now().isoformat(timespec="seconds"),
            }
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(payload, fh)
                    fh.flush()
                    os.fsync(fh.fileno())
            except OSError as exc:  # e.g. the disk is full
                with contextlib.suppress(OSError):
                    self.path.unlink()
                raise PlanLockedError(
                    f"{self.path.name[:-5]} cannot be locked for editing "
                    f"({exc.strerror or exc}); it opens read-only") from None
            self.held = True
            return
        raise PlanLockedError(f"could not lock {self.path.name[:-5]}; try again")

    def refresh(self) -> None:
        if self.held:
            with contextlib.suppress(OSError):
                os.utime(self.path)

    def release(self) -> None:
        if self.held:
            self.held = False
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()

    def __enter__(self) -> PlanLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
