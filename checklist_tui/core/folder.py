"""Plan folders: a folder of plans read into rows (Home lists them; review and report
build on them), and where a plan named on the command line lives."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from checklist_tui.core import locking, recovery, store
from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.dates import uk_date
from checklist_tui.core.engine import evaluate
from checklist_tui.core.index_row import PlanRow
from checklist_tui.core.locations import resolve_plan as resolve_plan  # its home before
from checklist_tui.core.plan import Plan
from checklist_tui.core.vocabulary import progress_mark

UNREADABLE = "(cannot be read)"


@dataclass(frozen=True)
class FolderRow:
    """One plan file as a list shows it; ``plan`` is None when the file cannot be read."""

    path: Path
    plan: Plan | None
    checklist_title: str
    modified: float | None
    problem: str = ""
    answered: int = 0
    total: int = 0
    required_open: int = 0
    red_flags: int = 0
    evaluated: bool = False

    @property
    def readable(self) -> bool:
        return self.plan is not None

    @property
    def case_ref(self) -> str:
        return self.plan.case_ref if self.plan is not None else self.path.name

    @property
    def edd(self) -> str:
        return uk_date(self.plan.edd) if self.plan is not None else ""

    @property
    def progress(self) -> str:
        if not self.evaluated:
            return ""
        return progress_mark(self.answered, self.total, self.required_open, self.red_flags)

    @property
    def changed(self) -> str:
        if not self.modified:
            return ""
        return datetime.fromtimestamp(self.modified).strftime("%d/%m %H:%M")


def scan(folder: Path, checklist_for: Callable[[str], LoadedChecklist | None],
         today: date) -> tuple[list[FolderRow], list[str]]:
    """Every plan in ``folder``, newest first, after recovering from any crash; also what
    recovery did, to tell the user. Unreadable files are rows too, with the reason."""
    recovered = recovery.recover(folder)
    rows: list[FolderRow] = []
    for listed in store.list_plans(folder):
        plan = listed.plan
        if plan is None:
            rows.append(FolderRow(listed.path, None, UNREADABLE, listed.modified,
                                  listed.error))
            continue
        lc = checklist_for(plan.checklist_id)
        if lc is None:
            rows.append(FolderRow(listed.path, plan, f"{plan.checklist_id} (not installed)",
                                  listed.modified))
            continue
        ev = evaluate(lc.checklist, plan, today)
        rows.append(FolderRow(listed.path, plan, lc.checklist.title, listed.modified,
                              answered=ev.answered, total=ev.total,
                              required_open=len(ev.open_required),
                              red_flags=len(ev.red_flags), evaluated=True))
    return rows, recovered


LOCK_SUFFIX = store.PLAN_SUFFIX + ".lock"


def open_elsewhere(folder: Path) -> dict[str, str]:
    """The plans in ``folder`` (sub-folders too) that another window or computer has open
    for editing, by path relative to the folder (as the plan index names them): who holds
    each, in words (core.locking). A stale lock (its process gone, or not refreshed for a
    long while) and this app's own are left out. Reads only the lock files."""
    held: dict[str, str] = {}
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            found = list(os.scandir(current))
        except OSError:
            continue
        for entry in found:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if not entry.name.startswith("."):
                        stack.append(Path(entry.path))
                    continue
            except OSError:
                continue
            if entry.name.startswith(".") or not entry.name.endswith(LOCK_SUFFIX):
                continue
            path = Path(entry.path)
            info = locking.read_lock(path)
            if locking.is_stale(path, info) or (info is not None and _ours(info)):
                continue
            rel = path.relative_to(folder).as_posix().removesuffix(".lock")
            held[rel] = info.describe() if info else "another program"
    return held


def _ours(info: locking.LockInfo) -> bool:
    """This app's own lock (a plan it has open is not open elsewhere)."""
    return info.pid == os.getpid() and info.host == socket.gethostname()


def mark_open_elsewhere(rows: list[PlanRow], held: dict[str, str]) -> list[PlanRow]:
    """``rows`` with who has each open elsewhere (``open_elsewhere``) said on it."""
    for row in rows:
        row.open_elsewhere = held.get(row.path, "")
    return rows
