"""The first frame of ``checklist-tui open PLAN``: which plan is opening, drawn before the
plan screen's modules (and the core's models) are loaded, so the case reference appears at
about a bare app's cost. The plan screen replaces it after that frame."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from checklist_tui.core.errors import UserFacingError
from checklist_tui.core.peek import first_value
from checklist_tui.tui.text import join, lit

if TYPE_CHECKING:
    from textual import events

    from checklist_tui.core.session import PlanSession
    from checklist_tui.tui.screens.plan import PlanScreen


def opening(path: Path) -> Text:
    """The header while the plan is being read and checked: the case reference the file
    declares in its first lines (read without checking it), so the first frame says which
    plan is opening; just "Opening plan…" if the file does not say it plainly."""
    case = first_value(path, "case_ref")
    return join("Opening ", lit(case[:80], "bold"), "…") if case else Text("Opening plan…")


class OpeningScreen(Screen):
    """Only the plan header's first words (as the plan screen starts with them). No
    footer: it would list no key of this screen, and building it (and drawing it again
    as its keys settle) would cost the plan's first paint a few milliseconds. Meanwhile,
    in a thread, the plan screen's modules are loaded and the plan is opened (locked,
    read and checked); then the plan screen takes its place, drawn with its items at
    once."""

    def __init__(self, path: Path, read_only: bool = False):
        super().__init__()
        self.path = path
        self.read_only = read_only
        self._guard = threading.Lock()
        self._left = False

    BINDINGS = [Binding("escape", "back", "Back", show=False)]

    keys_go_on = False
    """True once the plan screen took this screen's place: keys held here go on to it."""

    def _done(self) -> bool:
        """True once this screen has handed over to the plan screen or been left: it
        holds and refuses no more keys (rev7-tui 14: with ``open PLAN`` it stays at the
        bottom of the stack for the whole session)."""
        with self._guard:
            return self.keys_go_on or self._left

    def compose(self) -> ComposeResult:
        yield Static(opening(self.path), id="plan-header")

    def key_hold(self, event: events.Key | events.Paste) -> str | None:
        """Keys typed while the plan opens wait for the plan screen (typed_ahead), which
        takes them once its first section is shown (look-c 16: ] pressed the moment the
        plan was painted was dropped); if the plan cannot be opened, they are said not
        taken, never acted on where the app goes back to. Ctrl+Q and F12 act at once."""
        from checklist_tui.tui.typed_ahead import goes_on_at_once

        if self._done() or goes_on_at_once(self, event) or _is_escape(event):
            return None
        return "the plan was still opening"

    def key_refused(self, event: events.Key | events.Paste) -> str | None:
        """Only ] and [ are kept while the plan opens: any other key is not taken, and
        said (look-d 18: "n" answered the question the plan reopened on, unseen). Escape
        is kept: it goes back (``action_back``)."""
        from checklist_tui.tui.screens.plan_keys import refused_while_opening

        if self._done() or _is_escape(event):
            return None
        return refused_while_opening(self, event)

    def action_back(self) -> None:
        """Escape while the plan opens (a slow shared drive): back to where it was chosen,
        or Home for ``open PLAN`` (rev7-tui 15: Ctrl+Q was the only way out). The plan
        being read is let go once read (``load_plan_screen``), never shown."""
        with self._guard:
            if self.keys_go_on:
                return
            self._left = True
        self.app.back_from_plan()  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        """The plan screen is loaded from the moment this frame is drawn (the callback
        runs after the screen's first paint, already queued). After a refresh it waited
        for Textual's next screen update, 1/60 s later, and a second paint of this frame:
        about 16 ms of every start spent idle (#12.2)."""
        self.call_later(self.load_plan_screen)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """Shown for the first time, its widgets were styled as they were mounted, just
        before: Textual's pass styling them all again changes nothing (as for the app's
        screens, ``AppScreen``), and cost the plan's first paint about 5 million
        instructions (#12.2). Kept for a later showing. (Textual calls this before its
        own ``_on_screen_resume``.)"""
        if self.stack_updates == 0:  # never shown nor covered before
            event.refresh_styles = False

    def on_unmount(self) -> None:
        with self._guard:
            self._left = True

    @work(thread=True, exclusive=True, group="opening")
    def load_plan_screen(self) -> None:
        """Load the plan screen's modules (and the core's) and open the plan, in a thread:
        the event loop is free meanwhile, so this frame reaches the terminal at once."""
        from checklist_tui.tui.screens.plan import PlanScreen

        if get_current_worker().is_cancelled:  # the app closed meanwhile
            return
        try:
            session = PlanScreen.open_plan(self.path, self.app.checklist,  # type: ignore[attr-defined]
                                           self.read_only)
        except UserFacingError as exc:
            with self._guard:
                gone = self._left  # gone back meanwhile (Escape): nothing to go back from
            if not gone:
                self.app.call_from_thread(self.app.cannot_open,  # type: ignore[attr-defined]
                                          self.path, str(exc))
            return
        with self._guard:
            gone = self._left
        shown = False
        try:
            if not gone and not get_current_worker().is_cancelled:
                shown = self.app.call_from_thread(self.show_plan, PlanScreen, session)
        finally:
            if not shown:  # left while the plan was opening, or the app closed: let it go
                session.close()

    def show_plan(self, plan_screen: type[PlanScreen], session: PlanSession) -> bool:
        """Hand the opened plan to the plan screen; False if this screen has gone."""
        with self._guard:
            if self.app.screen is not self or self._left:  # gone back, or the app closing
                return False
            self.keys_go_on = True
        screen = plan_screen(self.path, read_only=self.read_only, session=session)
        if self.app.screen_stack[0] is self:  # the app's first screen: it stays under the
            self.app.push_screen(screen)  # plan (Textual cannot switch its bottom screen)
        else:  # over Home: the plan takes its place (Escape goes back to Home)
            self.app.switch_screen(screen)
        return True


def _is_escape(event: events.Key | events.Paste) -> bool:
    return getattr(event, "key", None) == "escape"
