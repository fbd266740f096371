"""A lock file beside each plan, so that only one process writes it at a time.

The lock's content (who holds it) is written to a temporary file first and then
hard-linked into place, which fails if the lock exists: so a lock is never seen
empty, even when its writer is killed half-way (an empty lock used to block the
plan for ten seconds after a crash). Where the folder cannot hold hard links (some
network shares), creating the file with O_EXCL does the same job, as it did before.
The holder refreshes the lock's time; a lock is stale (from a crashed process) when
its process is gone on this machine, or when it has not been refreshed for
STALE_AFTER seconds.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import socket
import sys
import time
from datetime import datetime
from pathlib import Path

from checklist_tui.core.errors import PlanLockedError
from checklist_tui.core.ids import temp_tag
from checklist_tui.core.locations import entries
from checklist_tui.core.record import Record

STALE_AFTER = 15 * 60
MAX_PID = 2**31 - 1
MAX_LOCK_BYTES = 4096
REFRESH_EVERY = 60
TEMP_MARK = ".tmp-"
"""In the name of every temporary file the app writes: ``.NAME.tmp-HOST-PID-RANDOM``."""
ORPHAN_AFTER = 15 * 60
"""A temporary file from another computer is abandoned only after this long untouched."""
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.ENOSYS, errno.EMLINK}


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


def temp_name(path: Path) -> Path:
    """A new temporary file's name beside ``path``, naming this computer and process."""
    return path.with_name(f".{path.name}{TEMP_MARK}{host_tag()}-{os.getpid()}-{temp_tag()}")


def temp_owner(tmp: Path) -> tuple[str, int] | None:
    """(host tag, pid) from a temporary file's name, or None for an older or odd name."""
    parts = tmp.name.split(TEMP_MARK)[-1].split("-")
    if len(parts) == 3 and parts[1].isdigit() and len(parts[1]) < 10:
        return parts[0], int(parts[1])
    return None


def temp_abandoned(tmp: Path, now: float) -> bool:
    """True only when no live process can still be writing ``tmp``."""
    owner = temp_owner(tmp)
    if owner is not None and owner[0] == host_tag():
        return owner[1] != os.getpid() and not pid_alive(owner[1])
    try:  # another computer (or an old name): only when long untouched
        return now - tmp.stat().st_mtime > ORPHAN_AFTER
    except OSError:
        return False


def account_name() -> str:
    """The computer account this app runs as, to name in a lock ('' when not known): the
    environment's name (Windows' USERNAME, then LOGNAME or USER), else the system's."""
    for name in ("USERNAME", "LOGNAME", "USER"):
        if os.environ.get(name, "").strip():
            return os.environ[name].strip()
    try:
        import pwd  # not on Windows, where USERNAME is always set

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError, OSError, AttributeError):
        return ""


class LockInfo(Record):
    """Who holds a plan's lock: process, computer, user and since when."""

    pid: int
    host: str
    user: str
    since: str

    def describe(self) -> str:
        try:
            when = datetime.fromisoformat(self.since).strftime("%d/%m/%Y %H:%M")
        except ValueError:
            when = "an unknown time"
        where = f"on {self.host or 'another computer'} since {when}"
        if self.user.strip():  # the computer account that took the lock: not a person's name
            return f"the computer account '{self.user.strip()}' {where}"
        return f"someone {where} (the lock does not say who)"


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
        self._unsynced = False

    def acquire(self, durable: bool = True) -> None:
        """Take the lock, or raise PlanLockedError saying who has it. ``durable=False``:
        its content is not forced to the disk yet, ``sync`` does that later (an fsync
        waits 1 to 30 ms on a busy disk, before a plan's first paint: #12.2). Other
        programs see the lock, whole, at once either way: only a power cut before ``sync``
        could leave it empty on the disk, and an empty lock goes stale after 10 seconds."""
        self._tidy()
        payload = json.dumps({
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": account_name(),
            "since": datetime.now().isoformat(timespec="seconds"),
        }).encode("utf-8")
        for _attempt in range(2):
            try:
                self._create(payload, durable)
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
            except OSError as exc:  # a read-only or unwritable folder, or a full disk
                raise PlanLockedError(
                    f"the folder {self.path.parent} cannot be written "
                    f"({exc.strerror or exc}); the plan opens read-only") from None
            self.held, self._unsynced = True, not durable
            return
        raise PlanLockedError(f"could not lock {self.path.name[:-5]}; try again")

    def sync(self) -> None:
        """Force a lock taken with ``durable=False`` to the disk (once; quietly nothing
        if it cannot be: the lock itself is held either way)."""
        if not (self.held and self._unsynced):
            return
        self._unsynced = False
        with contextlib.suppress(OSError):
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    def _create(self, payload: bytes, durable: bool = True) -> None:
        """Put the lock in place with its content, or raise FileExistsError."""
        tmp = temp_name(self.path)
        try:
            _write(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), payload, durable)
            try:
                os.link(tmp, self.path)  # atomic, and fails when the lock exists
                return
            except FileExistsError:
                raise
            except OSError as exc:
                if exc.errno not in _NO_LINKS:
                    raise
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
        # No hard links here: create the lock itself exclusively, then fill it.
        fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        try:
            _write(fd, payload, durable)
        except OSError:
            with contextlib.suppress(OSError):
                self.path.unlink()
            raise

    def _tidy(self) -> None:
        """Remove this lock's temporary files left by killed processes."""
        now = time.time()
        with contextlib.suppress(OSError):
            for tmp in entries(self.path.parent, start=f".{self.path.name}{TEMP_MARK}"):
                if temp_abandoned(tmp, now):
                    with contextlib.suppress(OSError):
                        tmp.unlink()

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


def _write(fd: int, payload: bytes, durable: bool) -> None:
    with os.fdopen(fd, "wb") as fh:
        fh.write(payload)
        fh.flush()
        if durable:
            os.fsync(fh.fileno())
