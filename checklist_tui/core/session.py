"""An open plan: the lock, the loaded file, edits, saving and closing.

The session is the one writer of an open plan: every edit goes through ``apply`` (its
result) or ``edit`` (whether the plan changed); one place decides once whether the plan
changed, keeps the current evaluation (recomputed only after a change, or when the day
changes) and tells its ``listener`` (the TUI's plan screen, which schedules the save).
The TUI decides nothing about plans itself. A session is read-only when the plan is
locked by another program, signed off, or opened read-only; the reason is kept for
display.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from checklist_tui.core import clock, plan_cache, plan_text, plancheck, recovery, store
from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.engine import Evaluation, evaluate
from checklist_tui.core.errors import PlanConflictError, PlanError, PlanLockedError
from checklist_tui.core.locking import PlanLock
from checklist_tui.core.plan import Plan
from checklist_tui.core.record import MutableRecord, Record
from checklist_tui.core.who import Who, recorded_as
from checklist_tui.core.who import remember as remember_who


class SaveState(MutableRecord):
    """Whether the plan is saved, and when; what went wrong if not."""

    saved_at: datetime | None = None
    dirty: bool = False
    error: str = ""
    conflict_copy: Path | None = None
    copied_to: Path | None = None
    """Where a full copy was written after saving failed (see ``write_copy``)."""
    last_changed: datetime | None = None
    """When the plan was last changed before this session (from its history)."""

    def describe(self) -> str:
        if self.error:
            return f"NOT SAVED: {self.error}"
        if self.dirty:
            return "Saving…"
        if self.saved_at:
            return f"Saved {self.saved_at.astimezone().strftime('%H:%M')}"
        if self.last_changed:
            return f"Last changed {self.last_changed.astimezone().strftime('%d/%m/%Y %H:%M')}"
        return "No changes yet"


class PendingSave(Record):
    """A save asked for: what it will write (taken when asked), in order."""

    seq: int
    """Saves are numbered as they are asked for; a later one is never overwritten by an
    earlier one."""
    changes: int
    """How many edits the session had made when this was taken."""
    history: int
    """How many history entries it holds (what is on disk once it is written)."""
    snapshot: plan_text.Snapshot | None
    refused: PlanError | None = None
    """Why nothing can be written (what load would refuse), when ``snapshot`` is None."""


class PlanSession(MutableRecord):
    """An open plan: its file, its checklist, its lock and how saving stands."""

    loaded: store.Loaded
    checklist: LoadedChecklist
    user: str
    """Who every change is recorded as (``core.who.recorded_as``): who said they are
    making the changes (``said``), else the plan's practitioner."""
    read_only_reason: str | None = None
    lock: PlanLock | None = None
    state: SaveState = field(default_factory=SaveState)
    listener: Callable[[PlanSession], None] | None = field(default=None, repr=False)
    """Called after every edit that changed the plan."""
    _evaluation: Evaluation | None = field(default=None, repr=False)
    _evaluated_on: date | None = field(default=None, repr=False)
    changes: int = 0
    """Edits made in this session (a save is complete only if none came after it)."""
    _write_lock: threading.RLock = field(default_factory=threading.RLock, repr=False)
    _asked: int = field(default=0, repr=False)
    _written: int = field(default=0, repr=False)
    _reported: int = field(default=0, repr=False)
    remember: bool = False
    """Opened with ``remember`` (see ``open``)."""
    on_disk: int = 0
    """How many of the plan's history entries are on disk (the rest would be lost)."""
    abandoned: bool = False
    """The user chose to leave without what is not on disk: closing saves nothing."""
    said: Who | None = None
    """Who said they are making the changes (the app's or plain mode's question, ``--as``);
    None while nobody has, and the changes are recorded as the plan's practitioner."""
    who_pending: bool = False
    """True while the app is asking who is making the changes: every edit is refused until
    someone says (``changes_by``), so none is recorded under a name nobody gave."""

    @classmethod
    def open(cls, path: Path, checklist_for: Callable[[str], LoadedChecklist | None],
             read_only: bool = False, user: str = "", remember: bool = False
             ) -> PlanSession:
        """Lock and read a plan. ``remember``: a plan whose exact bytes passed validation
        before is not validated again, and the file as this session leaves it is
        validated once at ``close`` and noted (``core.plan_cache``), so that an
        unchanged plan opens without pydantic's validation (for the app's start-up)."""
        path = store.real_path(path)  # lock, tidy and save beside the real file
        lock: PlanLock | None = None
        reason: str | None = "opened read-only" if read_only else None
        if not read_only:
            lock = PlanLock(path)
            try:  # held at once; forced to the disk before the first save (``write``)
                lock.acquire(durable=False)
            except PlanLockedError as exc:
                reason, lock = str(exc), None
        try:
            if lock is not None:  # only the lock holder may finish or tidy a save
                recovery.recover_plan(path)
            loaded = store.load(path, remember)
            checklist = checklist_for(loaded.plan.checklist_id)
            if checklist is None:
                raise PlanError(f"{path.name}: made from checklist "
                                f"'{loaded.plan.checklist_id}', which is not installed here")
            plancheck.check_with_checklist(loaded.plan, checklist, loaded.path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        if loaded.plan.read_only_reason is not None:
            reason = loaded.plan.read_only_reason
            if lock is not None:
                lock.release()
                lock = None
        session = cls(loaded, checklist, recorded_as(loaded.plan, user), reason, lock,
                      remember=remember)
        if loaded.plan.history:
            session.state.last_changed = loaded.plan.history[-1].at
        session.on_disk = len(loaded.plan.history)
        return session

    def changes_by(self, who: Who, keep: bool = True) -> None:
        """From now on, every change is recorded as ``who``; ``keep``: remembered on this
        computer as the last person making changes to this plan (offered next time)."""
        self.said, self.who_pending = who, False
        self.user = recorded_as(self.plan, who)
        if keep:
            remember_who(self.plan.id, who, clock.now())

    def only_look(self, reason: str) -> None:
        """Nobody said who is making changes: the plan is only looked at, and its lock let
        go, so a colleague can change it (rev8-core 6: they were told it was "open for
        editing" while nobody here could change it)."""
        self.read_only_reason, self.who_pending = reason, False
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def look_no_longer(self) -> None:
        """Someone said who they are after only looking: the lock taken again (PlanLockedError,
        in one sentence, when someone else has it open for editing now; a save still
        refuses a file changed on disk meanwhile)."""
        if self.lock is None:
            lock = PlanLock(self.loaded.path)
            lock.acquire(durable=True)
            self.lock = lock
        self.read_only_reason = None

    def not_on_disk(self) -> str:
        """What leaving now would lose, in words ("nothing" when all is on disk)."""
        from checklist_tui.core.not_on_disk import describe

        entries = self.plan.history[self.on_disk:] if self.state.dirty or \
            self.state.error else []
        return describe(entries, self.checklist.checklist.item_map())

    def last_section(self, ev: Evaluation) -> str:
        """Where work stopped last time: the visible section of the item changed last
        (else the first visible section), so reopening a plan goes back there."""
        return self.last_place(ev)[0]

    def last_place(self, ev: Evaluation) -> tuple[str, str | None]:
        """(section, item) where work stopped: the visible item changed last and its
        section; else the first visible section and no item."""
        visible = [s.section_id for s in ev.sections if s.visible] or [ev.sections[0].section_id]
        section_of = {i.id: s.id for s in self.checklist.checklist.sections for i in s.items}
        for entry in reversed(self.plan.history):
            section = section_of.get(entry.target)
            if section in visible:
                return section, entry.target if entry.target in ev.visible_items else None
        return visible[0], None

    @property
    def plan(self) -> Plan:
        return self.loaded.plan

    @property
    def edited_outside(self) -> str:
        """"Edited outside the app …" when the file was changed by another program
        (see core.history), else ''. Every view of the plan's state shows it."""
        return self.loaded.edited_outside

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def evaluate(self, today: date | None = None, assume_born: date | None = None) -> Evaluation:
        """The plan as the engine sees it today; kept until the plan or the day changes.
        Another day or an assumed birth is evaluated afresh and not kept."""
        if today is not None or assume_born is not None:
            return evaluate(self.checklist.checklist, self.plan, today or clock.today(),
                            assume_born)
        now = clock.today()
        if self._evaluation is None or self._evaluated_on != now:
            self._evaluation = evaluate(self.checklist.checklist, self.plan, now)
            self._evaluated_on = now
        return self._evaluation

    def apply(self, operation: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run an edit operation (from core.edit) as this user, now; its result (e.g. the
        record added). If the plan changed it is marked unsaved and the listener told."""
        return self._run(operation, args, kwargs)[0]

    def edit(self, operation: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """As ``apply``, but says whether the plan changed."""
        return self._run(operation, args, kwargs)[1]

    def _run(self, operation: Callable[..., Any], args: tuple[Any, ...],
             kwargs: dict[str, Any]) -> tuple[Any, bool]:
        """The one place an open plan is changed, and where "did it change?" is decided."""
        if self.read_only:
            raise PlanError(f"read-only: {self.read_only_reason}")
        if self.who_pending:
            raise PlanError("nobody has said yet who is making changes: answer that first")
        before = len(self.plan.history)
        result = operation(self.plan, *args, by=self.user, now=clock.now(), **kwargs)
        if len(self.plan.history) == before:
            return result, False
        self.state.dirty = True
        self.changes += 1
        self._evaluation = None
        if self.listener is not None:
            self.listener(self)
        return result, True

    # -- saving: asked for on the thread that edits, written on any thread, one at a time.
    def begin_save(self) -> PendingSave | None:
        """What a save now would write (taken at once, so that the plan may go on changing
        while it is written), or None when there is nothing to save. Call it on the
        thread that edits the plan; then ``write`` (any thread), then ``finish_save``."""
        if not self.state.dirty or self.read_only:
            return None
        self._asked += 1
        try:
            return PendingSave(self._asked, self.changes, len(self.plan.history),
                               store.snapshot(self.loaded))
        except PlanError as exc:
            return PendingSave(self._asked, self.changes, len(self.plan.history), None, exc)

    def write(self, pending: PendingSave) -> PlanError | None:
        """Write a pending save (safe on a worker thread; waits for any save in flight).
        A save asked for earlier than one already written is skipped: the later state
        wins and never gets overwritten by an older one. Returns why it failed, or None."""
        if pending.snapshot is None:
            return pending.refused
        with self._write_lock:
            if pending.seq < self._written:
                return None
            self.sync_lock()
            try:
                store.write_snapshot(self.loaded, pending.snapshot)
            except PlanError as exc:
                return exc
            self._written = pending.seq
        return None

    def finish_save(self, pending: PendingSave, error: PlanError | None) -> bool:
        """Record how a save went (on the thread that edits); True if it reached the disk.
        The outcome of a save older than one already recorded changes nothing."""
        if pending.seq < self._reported:
            return not self.state.error
        self._reported = pending.seq
        if isinstance(error, PlanConflictError):
            copy = store.save_copy(self.loaded, f"conflict-{clock.now():%Y%m%d-%H%M%S}")
            self.state.conflict_copy = copy
            self.state.error = f"{error}. Your version was saved as {copy.name}"
            self.read_only_reason = "the file was changed by another program"
            self.state.dirty = False
            return True
        if error is not None:
            self.state.error = str(error)
            return False
        store.saved(self.loaded)
        self.on_disk = max(self.on_disk, pending.history)
        self.state = SaveState(saved_at=clock.now(), dirty=self.changes != pending.changes)
        return True

    def save(self) -> bool:
        """Save now, on this thread, after any save in flight; True when everything is
        on disk."""
        with self._write_lock:
            pending = self.begin_save()
            if pending is None:
                return True
            error = self.write(pending)
        return self.finish_save(pending, error)

    def write_copy(self, folder: str | Path) -> Path:
        """Write the plan, with every answer, to a new file in ``folder``."""
        copy = store.write_copy(self.loaded, Path(folder), f"{clock.now():%Y%m%d-%H%M%S}")
        self.state.copied_to = copy
        return copy

    def refresh_lock(self) -> None:
        if self.lock:
            self.lock.refresh()

    def sync_lock(self) -> None:
        """Force the lock to the disk, as every save does before it writes (``open`` only
        takes it: the app opens a plan without waiting for the disk, and does this once
        the plan is painted)."""
        if self.lock:
            self.lock.sync()

    def close(self) -> bool:
        """Flush and release the lock. Returns False if changes could not be saved."""
        if self.abandoned:  # a save may hang on the disk: neither wait for it nor save
            if self.lock:
                release = threading.Thread(target=self.lock.release, daemon=True)
                release.start()
                release.join(2.0)
            return not self.state.dirty
        ok = self.save()
        if ok and self.remember and self._written:
            self._remember_saved()
        if self.lock:
            self.lock.release()
        return ok

    def _remember_saved(self) -> None:
        """Validate the file as this session wrote it, in full, and note it if it passes
        (still under the lock, so it is this session's file)."""
        path = self.loaded.path
        try:
            data = path.read_bytes()
            digest = store.fingerprint(data)
            if digest != self.loaded.fingerprint or plan_cache.known(data, digest):
                return
            found = store.load_bytes(data, path).found_outside
        except (OSError, PlanError):
            return  # the next open validates it, and says what is wrong
        if not found:
            plan_cache.remember(data, digest)
