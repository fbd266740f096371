"""Review steps on a plan file: take the plan's lock, read it again, change it, save it.

Reading again under the lock is what keeps two managers' decisions (or a
decision and a challenge) from overwriting each other: the second one sees the
first and either adds to it or is refused with a clear reason.
"""

from __future__ import annotations

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


def _acquire(path: Path, wait: float) -> PlanLock:
    lock = PlanLock(path)
    deadline = time.monotonic() + wait
    while True:
        try:
            lock.acquire()
            return lock
        except PlanLockedError as exc:
            if time.monotonic() >= deadline:
                raise PlanLockedError(f"{exc}; nothing was changed, try again later") from None
            time.sleep(0.05)


def change_plan(path: Path, checklist_for: Callable[[str], LoadedChecklist | None],
                operation: Callable[[Plan, Checklist], T], wait: float = LOCK_WAIT) -> T:
    """Apply ``operation`` to the plan at ``path`` under its lock and save it.

    If the operation refuses (PlanError), nothing is written.
    """
    if not path.is_file():
        raise PlanError(f"{path}: no such plan file")
    lock = _acquire(path, wait)
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
