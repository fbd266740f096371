"""Plan folders, live: who has a plan open for editing elsewhere (its lock file), for the
folder views (Home, the review list, `show DIR`, the report), which read everything else
about a plan from the plan index (core.index); whether such a list may be out of date
(``Looked``); and where a plan named on the command line lives
(core.locations.resolve_plan, re-exported here, its home before)."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from checklist_tui.core import clock, locking, store
from checklist_tui.core.index_row import PlanRow
from checklist_tui.core.locations import resolve_plan as resolve_plan  # its home before
from checklist_tui.core.record import Record

if TYPE_CHECKING:
    from checklist_tui.core.index import RefreshResult

LOCK_SUFFIX = store.PLAN_SUFFIX + ".lock"


def open_elsewhere(folder: Path) -> dict[str, str]:
    """The plans in ``folder`` (sub-folders too) that another window or computer has open
    for editing, by path relative to the folder (as the plan index names them): who holds
    each, in words (core.locking). A stale lock (its process gone, or not refreshed for a
    long while) and this app's own are left out. Reads only the lock files."""
    held: dict[str, str] = {}
    for entry in files_under(folder):
        if not entry.name.endswith(LOCK_SUFFIX):
            continue
        path = Path(entry.path)
        info = locking.read_lock(path)
        if locking.is_stale(path, info) or (info is not None and _ours(info)):
            continue
        rel = path.relative_to(folder).as_posix().removesuffix(".lock")
        held[rel] = info.describe() if info else "another program"
    return held


def files_under(folder: Path, skip: Callable[[str], bool] = lambda _name: False,
                ) -> Iterator[os.DirEntry[str]]:
    """Every entry under ``folder`` that is not a folder (sub-folders read too; links to
    folders not followed), leaving out names that start with "." and names ``skip`` says
    (folders' too). A folder that cannot be read is passed over."""
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith(".") or skip(entry.name):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                    continue
            except OSError:
                continue
            yield entry


def _ours(info: locking.LockInfo) -> bool:
    """This app's own lock (a plan it has open is not open elsewhere)."""
    return info.pid == os.getpid() and info.host == socket.gethostname()


def mark_open_elsewhere(rows: list[PlanRow], held: dict[str, str]) -> list[PlanRow]:
    """``rows`` with who has each open elsewhere (``open_elsewhere``) said on it."""
    for row in rows:
        row.open_elsewhere = held.get(row.path, "")
    return rows


class Looked(Record):
    """What a folder view's list was made from, to tell when it may be out of date (Home
    and the review list check every few seconds): the plan index's look at the files, the
    day (what is overdue is the day's) and who had plans open elsewhere."""

    refreshed: RefreshResult
    day: date
    held: dict[str, str]

    def out_of_date(self, folder: Path) -> bool:
        """Whether ``folder`` may no longer be as the list says: a plan added, removed or
        changed since (``core.index.changed_since``), a new day, or a plan opened or closed
        elsewhere. Reads no plan: one ``stat`` per plan and the lock files."""
        from checklist_tui.core.index import changed_since  # (core.index reads folders here)

        return (changed_since(folder, self.refreshed) or clock.today() != self.day
                or open_elsewhere(folder) != self.held)
