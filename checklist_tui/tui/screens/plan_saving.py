"""Saving as you go, off the UI thread: the plan screen's save hook.

A change schedules a save shortly after the last change. The save's content is taken
at once (on the UI thread, cheaply), and written by a thread worker, so typing never
waits for the disk. One save runs at a time: a save asked for while one runs is
coalesced and runs after it, with the latest state, so a later save never lands before
an earlier one (``PlanSession.write`` also refuses to overwrite a newer save with an
older one). The header's NOT SAVED / Saving… / Saved reports what is on disk.
Leaving or quitting waits for the save in flight and then saves what is left
(``save_now``); only if that fails does the unsaved-answers dialog ask.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from contextlib import suppress

from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from checklist_tui.core.errors import PlanError
from checklist_tui.core.record import MutableRecord
from checklist_tui.core.session import PendingSave, PlanSession
from checklist_tui.tui.screens.base import AppScreen
from checklist_tui.tui.text import join, lit
from checklist_tui.tui.widgets.plan_header import PlanHeader

SAVE_AFTER_SECONDS = 0.8
RETRY_SAVE_SECONDS = 5.0

#: Tests set this to run code on the save's thread just before it writes (e.g. to hold
#: the save there and see that the screen still answers): a hook, never a sleep.
BEFORE_WRITE_HOOK: Callable[[], None] | None = None


class _Job(MutableRecord):
    """A save running in a thread, and whether it reached the disk."""

    worker: Worker[PlanError | None]
    pending: PendingSave
    ok: bool | None = None
    """Whether it reached the disk, once its outcome is recorded."""


class SavingScreen(AppScreen):
    """The save hook of the plan screen (which sets ``session`` when the plan is open)."""

    session: PlanSession | None

    _save_timer: Timer | None = None
    _save_job: _Job | None = None
    _save_again = False
    _error_shown = ""

    # -- asked for -----------------------------------------------------------------
    def schedule_save(self) -> None:
        """Save shortly after the last change (callers refresh what the change affects)."""
        self._stop_save_timer()
        self._save_timer = self.set_timer(SAVE_AFTER_SECONDS, self.save_in_background)

    def _stop_save_timer(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None

    def save_in_background(self) -> None:
        """Start saving now in a thread worker; if a save is running, run once more after
        it (with the state as it is then)."""
        self._stop_save_timer()
        session = self.session
        if session is None or session.read_only:
            return
        if self._save_job is not None:
            self._save_again = True
            return
        pending = session.begin_save()
        if pending is None:
            return
        worker = self.run_worker(_write_on_own_thread(session, pending),
                                 group="save", exit_on_error=False, name="save",
                                 description="saving the plan")  # not repr(work): the whole plan
        self._save_job = _Job(worker, pending)  # the header already says "Saving…"

    # -- done ----------------------------------------------------------------------
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        job = self._save_job
        if job is not None and event.worker is job.worker and event.state in (
                WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            self._save_finished(job)

    def _save_finished(self, job: _Job, then_save: bool = True) -> bool:
        """Record a save's outcome (once; True if it reached the disk); start the save
        that was asked for meanwhile."""
        if job.ok is not None or self.session is None:
            return bool(job.ok) or self.session is None
        self._save_job = None
        worker = job.worker
        if worker.state == WorkerState.SUCCESS:
            error = worker.result
        else:  # the write itself broke (not a refusal the store names): say so
            error = PlanError(f"{self.session.loaded.path.name}: could not be saved "
                              f"({type(worker.error).__name__}); your answers are kept "
                              "in memory")
        ok = job.ok = self.session.finish_save(job.pending, error)
        state = self.session.state
        if state.error and state.error != self._error_shown:
            self._error_shown = state.error
            self.notify(state.error + ("" if ok else ". Retrying…"), title="Not saved",
                        severity="error", markup=False, timeout=10)
        again, self._save_again = self._save_again, False
        if not ok:
            self._save_timer = self.set_timer(RETRY_SAVE_SECONDS, self.save_in_background)
        elif then_save and (again or state.dirty):
            self.save_in_background()
        try:
            if self.session.read_only and \
                    not self.query_one("#readonly-reason").has_class("shown"):
                self._opened_read_only_late()
            self.refresh_header()
        except NoMatches:  # the screen was taken down while the save ran: nothing to show
            pass
        return ok

    async def save_now(self) -> bool:
        """Wait for the save in flight, then save whatever is left (the screen keeps
        drawing meanwhile). True when every answer is on disk."""
        session = self.session
        if session is None:
            return True
        await self.take_typed()  # text typed a moment ago is part of what is saved
        self._stop_save_timer()
        job = self._save_job
        if job is not None:  # the save in flight first: never two at once
            await self._wait(job)
        while not session.read_only and session.state.dirty:
            self.save_in_background()
            job = self._save_job
            if job is None:
                break
            if not await self._wait(job):
                return False
        return session.read_only or not session.state.dirty

    async def _wait(self, job: _Job) -> bool:
        with suppress(Exception):  # its state says what happened
            await job.worker.wait()
        ok = self._save_finished(job, then_save=False)
        self._stop_save_timer()
        return ok

    def leave_plan(self) -> None:
        """Escape: wait for the saves, then go back (home, or the review it was opened
        from); if answers cannot be saved, ask."""
        self.run_worker(self._leave(), group="leave", exclusive=True)

    async def _leave(self) -> None:
        from checklist_tui.tui.screens.unsaved import ask_before_leaving, saved_or_decided

        def leave(note: str, _kept: bool) -> None:
            self.close_session()
            self.app.back_from_plan()
            self.app.notify(note, title="Plan closed", markup=False, timeout=15)

        session = self.session
        if session is None or self.read_only:
            unsaved: list | None = []
        else:
            async def saving() -> list:
                return [] if await self.save_now() else [session]

            # A slow save is said, with what leaving would lose, and the user decides.
            unsaved = await saved_or_decided(self.app, saving(), lambda: [session],
                                             "leave the plan", leave)
        if unsaved is None:
            return
        if not unsaved:
            self.close_session()
            self.app.back_from_plan()
            return
        ask_before_leaving(self.app, unsaved, "leave the plan", leave)

    def close_session(self) -> bool:
        raise NotImplementedError

    async def take_typed(self) -> None:
        """Pass on what was typed and not yet passed on (see the plan screen)."""

    def flush(self) -> bool:
        """Save now on this thread (after any save in flight): for closing, when the
        screen can no longer wait."""
        if self.session is None:
            return True
        self._stop_save_timer()
        ok = self.session.save()
        self.refresh_header()
        return ok

    # -- shown ---------------------------------------------------------------------
    def _opened_read_only_late(self) -> None:
        from checklist_tui.tui.widgets.section_pane import SectionPane

        assert self.session is not None
        reason = self.query_one("#readonly-reason", Static)
        reason.update(join("READ-ONLY: ", lit(self.session.read_only_reason or "")))
        reason.add_class("shown")
        for pane in self.query(SectionPane):
            pane.set_read_only()
        self.refresh_bindings()

    def refresh_header(self) -> None:
        if self.session is not None:
            self.query_one(PlanHeader).show(self.session, self.session.evaluate())


def _write(session: PlanSession, pending: PendingSave) -> PlanError | None:
    if BEFORE_WRITE_HOOK is not None:
        BEFORE_WRITE_HOOK()
    return session.write(pending)


async def _write_on_own_thread(session: PlanSession, pending: PendingSave) -> PlanError | None:
    """The write, on a daemon thread of its own: a write that hangs (a network folder
    not answering) never holds up the app's exit once the user has chosen to leave
    without it (a thread of the event loop's pool would be waited for at exit). A
    write cut short that way is as safe as a killed process: temporary file, then
    rename."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[PlanError | None] = loop.create_future()

    def report(result: PlanError | None, error: BaseException | None) -> None:
        if done.done():
            return
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(result)

    def tell(result: PlanError | None, error: BaseException | None) -> None:
        # the app has closed: nobody to tell, and no traceback on the terminal the
        # person went back to (the file is whole: temporary file, then rename)
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(report, result, error)

    def run() -> None:
        try:
            result = _write(session, pending)
        except BaseException as exc:  # the worker reports it as the save's error
            tell(None, exc)
        else:
            tell(result, None)

    threading.Thread(target=run, name="save", daemon=True).start()
    return await done
