"""Review steps on a plan file: take the plan's lock, read it again, change it, save it.

Reading again under the lock is what keeps two managers' decisions (or a
decision and a challenge) from overwriting each other: the second one sees the
first and either adds to it or is refused with a clear reason.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from checklist_tui.core import clock, history, store
from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.definition import Checklist
from checklist_tui.core.errors import PlanError, PlanLockedError
from checklist_tui.core.locking import PlanLock
from checklist_tui.core.plan import Plan

T = TypeVar("T")

#: How long to wait for another review step (a few seconds at most) to let go of the plan.
LOCK_WAIT = 15.0


#: Said when a waiting step was stopped before it changed anything.
STOPPED = "stopped before the plan could be changed; nothing was changed"


class Waiting:
    """What a caller that waits for the lock is told, and how it stops the wait.

    ``held_by(words)`` is called once, at the first refusal, with whose lock it is, so a
    screen can say at once that it is waiting. ``go_on()`` is asked while waiting, and
    ``begin()`` once the lock is held, just before anything is read or changed: False
    from either stops the step with nothing changed (PlanLockedError, ``STOPPED``). A
    caller that says "nothing was changed" makes them False first, under its own lock,
    so a step it reported as stopped is never recorded afterwards."""

    def held_by(self, words: str) -> None:
        """The lock is another's: ``words`` says whose (as PlanLockedError does)."""

    def go_on(self) -> bool:
        return True

    def begin(self) -> bool:
        return self.go_on()


def _acquire(path: Path, wait: float, waiting: Waiting) -> PlanLock:
    lock = PlanLock(path)
    deadline = time.monotonic() + wait
    told = False
    while True:
        if not waiting.go_on():
            raise PlanLockedError(STOPPED)
        try:
            lock.acquire()
        except PlanLockedError as exc:
            if time.monotonic() >= deadline:
                raise PlanLockedError(f"{exc}; nothing was changed, try again later") from None
            if not told:
                told = True
                waiting.held_by(str(exc))
            time.sleep(0.05)
            continue
        if waiting.begin():
            return lock
        lock.release()
        raise PlanLockedError(STOPPED)


def change_plan(path: Path, checklist_for: Callable[[str], LoadedChecklist | None],
                operation: Callable[[Plan, Checklist], T], wait: float = LOCK_WAIT,
                waiting: Waiting | None = None) -> T:
    """Apply ``operation`` to the plan at ``path`` under its lock and save it.

    If the operation refuses (PlanError), nothing is written. ``waiting`` hears that the
    lock is another's and may stop the wait (``Waiting``).
    """
    if not path.is_file():
        raise PlanError(f"{path}: no such plan file")
    lock = _acquire(path, wait, waiting or Waiting())
    try:
        loaded = store.load(path)  # read again now that nobody else can write it
        checklist = checklist_for(loaded.plan.checklist_id)
        if checklist is None:
            raise PlanError(f"{path.name}: made from checklist '{loaded.plan.checklist_id}', "
                            "which is not installed here")
        if loaded.found_outside and loaded.mark is None:
            # An edit outside the app is marked before the step, as the save would after
            # it: the step sees it (an approval it follows no longer stands) and a
            # decision made now comes after the mark, having seen the plan as it is.
            loaded.mark = history.mark_entry(loaded.found_outside, clock.now())
            loaded.plan.history.append(loaded.mark)
        result = operation(loaded.plan, checklist.checklist)
        store.save(loaded)
        return result
    finally:
        lock.release()


def unchanged_since(plan: Plan, seen: str) -> None:
    """Refuse a decision about a plan that changed after the manager read it (``seen`` is
    its content hash then, core.review.content_hash): an approval covers what was read."""
    from checklist_tui.core.review import content_hash

    if seen and content_hash(plan) != seen:
        raise PlanError("the plan changed after you read it (the practitioner may have "
                        "answered a challenge or changed an answer); nothing was changed: "
                        "read it again, as it is now shown, and decide again")


def file_seen(path: Path) -> tuple[object, ...] | None:
    """The plan file as it is now, to notice any change to it; None if it cannot be read.

    A change that keeps the file's time and size (a program that writes in place and puts
    the time back, or two writes in one tick of a coarse clock) must not be missed: the
    file's identity and change time (a save replaces the file) and a hash of its bytes
    (a plan is a few hundred kilobytes at most: well under a millisecond)."""
    try:
        st = path.stat()
        digest = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    except OSError:
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, digest
