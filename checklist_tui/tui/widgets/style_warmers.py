"""One of each control an item can have, mounted hidden once the plan screen is idle."""

from __future__ import annotations

from textual import events
from textual.containers import Vertical
from textual.widgets import Button, Checkbox, Input, Select, SelectionList, TextArea


class WarmerSelect(Select[str]):
    """The warmers' drop-down. Under load its Mount can arrive after its parts are gone
    (the app closing straight after) or before they were built: Select's own
    set-up then fails to find its option list (NoMatches) and the app would stop. A
    warmer has no value to set up, so without its parts it skips the set-up."""

    def _on_mount(self, event: events.Mount) -> None:
        if not self.query("SelectOverlay"):
            event.prevent_default()


def style_warmers() -> Vertical:
    """One of each control an item can have, hidden, to be mounted once while the app is
    idle and kept: Textual reads a widget type's styles the first time one is
    mounted, and the first section with a drop-down or a text box would wait for it."""
    box = Vertical(WarmerSelect([("a", "a")]), Input(), SelectionList(("a", "a")), Checkbox("a"),
                   TextArea(), Button("a"), classes="style-warmers")
    box.display = False
    return box
