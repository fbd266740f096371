"""The first frame of ``checklist-tui open PLAN``: which plan is opening, drawn before the
plan screen's modules (and the core's models) are loaded, so the case reference appears at
about a bare app's cost. The plan screen replaces it after that frame."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from checklist_tui.core.peek import first_value
from checklist_tui.tui.text import join, lit

if TYPE_CHECKING:
    from checklist_tui.tui.screens.plan import PlanScreen


def opening(path: Path) -> Text:
    """The header while the plan is being read and checked: the case reference the file
    declares in its first lines (read without checking it), so the first frame says which
    plan is opening; just "Opening plan…" if the file does not say it plainly."""
    case = first_value(path, "case_ref")
    return join("Opening ", lit(case[:80], "bold"), "…") if case else Text("Opening plan…")


class OpeningScreen(Screen):
    """Only the plan header's first words (as the plan screen starts with them) and the
    footer; after it is drawn, the plan screen is loaded and takes its place."""

    def __init__(self, path: Path, read_only: bool = False):
        super().__init__()
        self.path = path
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        yield Static(opening(self.path), id="plan-header")
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.load_plan_screen)

    @work(thread=True, exclusive=True, group="opening")
    def load_plan_screen(self) -> None:
        """Load the plan screen's modules (and the core's) in a thread: the event loop is
        free meanwhile, so this frame reaches the terminal at once."""
        from checklist_tui.tui.screens.plan import PlanScreen

        if not get_current_worker().is_cancelled:  # not when the app closed meanwhile
            self.app.call_from_thread(self.show_plan, PlanScreen)

    def show_plan(self, plan_screen: type[PlanScreen]) -> None:
        if self.app.screen is self:  # not if the app is already closing
            self.app.switch_screen(plan_screen(self.path, read_only=self.read_only))
