"""The Textual application: screens, the shared catalogue, the command palette."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, ScreenStackError, SystemCommand
from textual.binding import Binding
from textual.geometry import Offset
from textual.screen import Screen

from checklist_tui.core import clock, locations
from checklist_tui.tui import collector
from checklist_tui.tui.commands import palette
from checklist_tui.tui.typed_ahead import TypedAhead

if TYPE_CHECKING:  # the catalogue (and pydantic) load when a screen first needs them
    from checklist_tui.core.catalogue import Catalogue
    from checklist_tui.core.who import Who

TITLE = "checklist-tui"
SUBTITLE = "Safeguarding checklists for unborn babies and newborns"


def write_crash_log(error: BaseException) -> Path | None:
    """Where the error happened, kept locally and owner-only (0600). Only exception types
    and code locations are written: messages and variables could quote plan values."""
    import os
    import traceback

    lines = ["checklist-tui crash report: exception types and code locations only\n"]
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        lines.append(f"{type(current).__module__}.{type(current).__qualname__}\n")
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"  {frame.filename}:{frame.lineno} in {frame.name}\n")
        current = current.__cause__ or current.__context__
    try:
        folder = locations.ensure_private_dir(locations.log_dir())
        path = folder / f"crash-{clock.now():%Y%m%d-%H%M%S}.log"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("".join(lines))
        if os.name != "nt":
            os.chmod(path, 0o600)
        return path
    except OSError:
        return None


class ChecklistApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = TITLE
    SUB_TITLE = SUBTITLE
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [Binding("f12", "hide_screen", "Hide", show=False, priority=True,
                        id="hide-screen", tooltip="Hide the screen at once; Enter shows it")]

    def __init__(self, plans_dir: Path, checklist_dirs: list[str] | None = None,
                 plan_path: Path | None = None, read_only: bool = False,
                 review_dir: Path | None = None, who: Who | None = None,
                 ask_who: bool = False):
        """``who``: who is making changes, when said before the app starts (``--as``);
        ``ask_who``: ask it of every plan opened for editing (the app as started from the
        command line, unless ``--as`` was given; see tui/screens/who_dialog.py). Otherwise
        (tests, scripts) the changes are recorded as ``who``, else the plan's practitioner."""
        super().__init__()
        self._typed_ahead = TypedAhead(self, self._handle_typed)
        self.start_review = review_dir
        self.last_plan: Path | None = None
        self.confirmer: tuple[str, str] = ("", "")
        """Who confirms pause points (name, role), remembered in this session."""
        self.who = who
        """Who said they are making changes, last, in this run of the app."""
        self.ask_who = ask_who and who is None
        self.said_for: dict[Path, Who] = {}
        """Plans whose maker was said before they were opened (New plan): not asked."""
        self.plans_dir = plans_dir
        self.checklist_dirs = checklist_dirs or []
        self.start_plan = plan_path
        self.start_read_only = read_only
        self._catalogue: Catalogue | None = None
        self._catalogue_lock = threading.Lock()
        self.crash_message = ""
        self.exit_note = ""
        self.lost_answers: list[str] = []
        """Plans closed with answers not on disk (e.g. closed by the system): exit code 1."""
        """Said on stderr after the app closes (e.g. where a copy of unsaved answers went)."""
        self._sources: dict | None = None

    def catalogue(self) -> Catalogue:
        """Load the checklists once (called from worker threads)."""
        from checklist_tui.core.catalogue import load_catalogue

        with self._catalogue_lock:
            if self._catalogue is None:
                self._catalogue = load_catalogue(self.checklist_dirs)
            return self._catalogue

    def sources(self) -> dict:
        """The sources items cite, without validating every checklist."""
        from checklist_tui.core.catalogue import load_catalogue

        with self._catalogue_lock:
            if self._catalogue is not None:
                return self._catalogue.sources
            if self._sources is None:
                self._sources = load_catalogue(self.checklist_dirs, only=set()).sources
            return self._sources

    def checklist(self, checklist_id: str):
        """One checklist, without validating all the others first (for opening a plan)."""
        from checklist_tui.core.catalogue import load_catalogue

        with self._catalogue_lock:
            if self._catalogue is not None:
                return self._catalogue.get(checklist_id)
        return load_catalogue(self.checklist_dirs, only={checklist_id}).get(checklist_id)

    def on_mount(self) -> None:
        # Collections held back while starting (tui.run) resume once the first plan is
        # shown (the plan screen), or the first screen drawn, or at the latest after this.
        self.set_timer(collector.HOLD_AT_MOST_SECONDS, collector.resume)
        if self.start_plan is not None:  # the opening screen is up (get_default_screen)
            return
        self.call_after_refresh(collector.resume)
        if self.start_review is not None:
            from checklist_tui.tui.screens.review import ReviewScreen

            self.push_screen(ReviewScreen(self.start_review))
        else:
            self.go_home()

    def get_default_screen(self) -> Screen:
        """With a plan named at start, the first screen says which plan opens (as the
        bottom screen: no blank screen is built, resumed and drawn under it first, #12.2);
        the plan screen goes over it. Else Textual's blank screen, under Home or review."""
        if self.start_plan is not None:
            from checklist_tui.tui.screens.opening import OpeningScreen

            return OpeningScreen(self.start_plan, self.start_read_only)
        return super().get_default_screen()

    def go_home(self) -> None:
        """Back to the home screen, building it only when it is first needed."""
        from checklist_tui.tui.screens.home import HomeScreen

        homes = [s for s in self.screen_stack if isinstance(s, HomeScreen)]
        if homes:
            while self.screen is not homes[-1]:
                self.pop_screen()
        elif len(self.screen_stack) > 1:
            self.switch_screen(HomeScreen())
        else:
            self.push_screen(HomeScreen())

    def back_from_plan(self) -> None:
        """Leaving a plan: back to the manager's review of it when it was opened from
        there (look-c 14: Escape landed on Home, the list and the plan being decided
        gone), else home."""
        from checklist_tui.tui.screens.review_plan import ReviewPlanScreen

        if len(self.screen_stack) > 2 and isinstance(self.screen_stack[-2], ReviewPlanScreen):
            self.pop_screen()
        else:
            self.go_home()

    def cannot_open(self, path: Path, message: str) -> None:
        """A plan could not be opened: the one named on the command line closes the app with
        that one sentence (as any command does); one chosen in the app goes back home."""
        if path == self.start_plan and len(self.screen_stack) <= 2:
            self.exit_note = f"checklist-tui: {message}"
            self.exit(return_code=1)
            return
        self.back_from_plan()
        self.notify(message, title="Cannot open plan", severity="error", markup=False,
                    timeout=10)

    def open_plan(self, path: Path, read_only: bool = False) -> None:
        """Open a plan chosen in the app the way `open PLAN` does: the case reference at
        once, then the plan screen in its place (Escape goes back to where it was chosen)."""
        from checklist_tui.tui.screens.opening import OpeningScreen

        self.last_plan = path  # Home highlights it when it is shown again
        self.push_screen(OpeningScreen(path, read_only))

    def save_open_plans(self) -> bool:
        """Flush every open plan; True when all of them are on disk."""
        from checklist_tui.tui.screens.plan import PlanScreen

        ok = True
        for screen in self.screen_stack:
            if isinstance(screen, PlanScreen) and screen.session is not None:
                ok = screen.session.save() and ok
        return ok

    async def unsaved_sessions(self) -> list:
        """Sessions whose changes are still not on disk after the save in flight and one
        more try (the screens keep drawing while they save)."""
        from checklist_tui.tui.screens.plan import PlanScreen

        found = []
        for screen in list(self.screen_stack):
            if isinstance(screen, PlanScreen) and screen.session is not None \
                    and not await screen.save_now():
                found.append(screen.session)
        return found

    async def action_quit(self) -> None:
        """Ctrl+Q: with a form holding typing not yet saved, ask first (as Escape does);
        then wait for any save in flight and save the rest (in a worker, so the screen
        stays alive); if answers still cannot be saved, ask (never lose them silently)."""
        from checklist_tui.tui.screens.form import ask_before_quitting
        from checklist_tui.tui.screens.unsaved import UnsavedScreen

        if isinstance(self.screen, UnsavedScreen):  # asked already: answer it there
            return
        if not ask_before_quitting(self, self._quit_now):  # a form holds typing: ask
            self._quit_now()

    def _quit_now(self) -> None:
        self.run_worker(self._quit_after_saving(), group="quit", exclusive=True)

    async def _quit_after_saving(self) -> None:
        from checklist_tui.tui.screens.plan import PlanScreen
        from checklist_tui.tui.screens.unsaved import ask_before_leaving, saved_or_decided

        def leave(note: str, kept: bool) -> None:
            self.exit_note = note
            self.exit(return_code=0 if kept else 1)

        def sessions() -> list:
            return [s.session for s in self.screen_stack
                    if isinstance(s, PlanScreen) and s.session is not None]

        # A slow save is said, with what quitting would lose, and the user decides.
        unsaved = await saved_or_decided(self, self.unsaved_sessions(), sessions, "quit",
                                         leave)
        if unsaved is None:
            return
        if not unsaved:
            self.exit(0)
            return
        ask_before_leaving(self, unsaved, "quit", leave)

    def close_open_plans(self) -> None:
        """Save and unlock every open plan (also when the app is closed any other way)."""
        from checklist_tui.tui.screens.plan import PlanScreen

        for screen in self.screen_stack:
            if isinstance(screen, PlanScreen):
                screen.close_session()

    def on_unmount(self) -> None:
        self.close_open_plans()

    def _handle_exception(self, error: Exception) -> None:
        """Never show a traceback: save the plans, log the details locally, close calmly."""
        try:
            saved = self.save_open_plans()
        except Exception:
            saved = False
        log = write_crash_log(error)
        self.crash_message = (
            "checklist-tui stopped because of an unexpected problem. "
            + ("Your answers were saved. " if saved else "Some answers may not be saved. ")
            + (f"Details for your IT support are in {log}." if log else ""))
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self._close_messages_no_wait()

    async def on_event(self, event: events.Event) -> None:
        """Keys and pastes from the terminal are handled one at a time, in the order
        typed (typed_ahead), each passing the key gate first."""
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            await self._typed_ahead.arrived(event)
        else:
            await super().on_event(event)

    async def _handle_typed(self, event: events.Key | events.Paste) -> None:
        """One key: the key gate first (screens.reason_first: a finished plan's text box
        asks for the reason before the first key lands), then Textual's own handling."""
        gate = getattr(self, "_key_gate", None)
        if gate is None or not gate.held_back(event):
            await super().on_event(event)

    @property  # type: ignore[override]
    def cursor_position(self) -> Offset:
        """Where the terminal's cursor is put as each frame is drawn: on what has the focus
        (tui.cursor), so a screen reader reads what has the focus (look-d D26)."""
        from checklist_tui.tui.cursor import focus_point

        try:
            widget = self.focused
        except ScreenStackError:  # no screen yet
            widget = None
        point = (None if widget is None or not widget.is_mounted
                 else focus_point(widget, self._cursor_set))
        return self._cursor_set if point is None else point

    @cursor_position.setter
    def cursor_position(self, value: Offset) -> None:
        self._cursor_set = value  # Textual's text boxes set theirs; focus_point reads them

    def action_hide_screen(self) -> None:
        """F12 anywhere: a blank screen over everything (work goes on being saved)."""
        from checklist_tui.tui.screens.privacy import PrivacyScreen

        if not isinstance(self.screen, PrivacyScreen):
            self.push_screen(PrivacyScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("Hide the screen (F12)", "A blank screen at once; Enter shows "
                            "the app again", self.action_hide_screen)
        yield from palette(screen)
        yield from super().get_system_commands(screen)
