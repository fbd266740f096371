"""Temporary files left by a save that never finished: finish it or tidy it away, but
only for a plan whose lock we hold, and only when no live process can own the file.

A save writes ``.NAME.tmp-HOST-PID-RANDOM`` beside the plan (see ``store``). A second
app opening a plan in a shared folder must never take or delete another live
process's in-flight save, nor its backup.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from checklist_tui.core.errors import PlanError
from checklist_tui.core.locations import entries, tighten
from checklist_tui.core.locking import TEMP_MARK, PlanLock, temp_abandoned
from checklist_tui.core.plan import Plan
from checklist_tui.core.store import (
    BACKUP_SUFFIX,
    _fsync_dir,
    load,
    parse_plan,
)


def _plan_of_temp(tmp: Path) -> str:
    """The plan file a temporary file belongs to (its own save, or its backup's)."""
    name = tmp.name[1:].split(TEMP_MARK)[0]
    return name.removesuffix(BACKUP_SUFFIX)


def recover_plan(path: Path) -> list[str]:
    """Deal with the abandoned temporary files of one plan. The caller must hold the
    plan's lock, so no other checklist-tui is saving it; a temporary file whose writer
    may still be alive is left alone. Returns what was done, for the user.

    A complete temporary plan with more history than the file is the save that was
    interrupted before its rename, so it is put in place. Anything else abandoned is
    removed: it was never the saved plan. ``NAME.toml.bak`` itself is never touched.
    """
    messages: list[str] = []
    folder = path.parent
    now = time.time()
    for tmp in sorted(entries(folder, start=f".{path.name}", then=TEMP_MARK)):
        if _plan_of_temp(tmp) != path.name or not temp_abandoned(tmp, now):
            continue
        target = folder / tmp.name[1:].split(TEMP_MARK)[0]
        candidate: Plan | None = None
        if target == path:
            try:
                candidate = parse_plan(tmp.read_bytes(), tmp)
            except (PlanError, OSError):
                candidate = None
        if candidate is not None:
            try:
                existing: Plan | None = load(target).plan
            except PlanError:
                existing = None
            if existing is None or len(candidate.history) > len(existing.history):
                with contextlib.suppress(OSError):
                    os.replace(tmp, target)
                    _fsync_dir(folder)
                    messages.append(f"recovered unsaved changes to {target.name}")
                    continue
        with contextlib.suppress(OSError):
            tmp.unlink()
            messages.append(f"removed an incomplete save of {target.name}")
    return messages


def recover(folder: Path) -> list[str]:
    """``recover_plan`` for every plan in ``folder`` that nobody has open; the folder is
    made owner-only first (or a warning says it cannot be)."""


    messages: list[str] = []
    if not folder.is_dir():
        return messages
    warning = tighten(folder)
    if warning:
        messages.append(warning)
    plans = sorted({_plan_of_temp(t) for t in folder.glob(f".*{TEMP_MARK}*")})
    for name in plans:
        lock = PlanLock(folder / name)
        try:
            lock.acquire()
        except PlanError:
            continue  # open in another program (or the folder is read-only): not ours
        try:
            messages.extend(recover_plan(folder / name))
        finally:
            lock.release()
    return messages
