"""A blank screen that hides the plan at once (a ward, a home visit, someone walks in)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

HIDE_KEY = "f12"
HIDE_KEY_LABEL = "F12"


class PrivacyScreen(Screen[None]):
    """Nothing of the plan shows; Enter (or the same key) brings it back. Saving goes on."""

    BINDINGS = [Binding(f"enter,escape,space,{HIDE_KEY}", "dismiss", "Show again",
                        id="show-again")]

    def compose(self) -> ComposeResult:
        yield Static("Hidden. Press Enter to show it again.", id="privacy-text")
