"""A drop-down answer drawn as its closed box until it is first used.

Textual's Select builds a box, a label, two arrows and a hidden list of every option:
about 8 ms, the heaviest control of an item. A ``SelectBox`` looks like the closed
drop-down (the answer chosen, or "Choose one", and ▼), is reached by Tab, Shift+Tab or a
click like it, and puts the real drop-down in its place the moment it gets the focus.
A key that opens the list (Enter, Space, the arrows) or a click, while the drop-down is
being put in, opens it once it is there. Like ``NoteBox``, it imports no core."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Select

from checklist_tui.tui.widgets.stand_in import StandIn

OPENING_KEYS = ("enter", "space", "down", "up")


class SelectBox(StandIn, Widget, can_focus=True):
    # Styles in app.tcss ("SelectBox"): a DEFAULT_CSS of a widget type first met in a
    # section made Textual parse the whole stylesheet again, in the middle of the switch.

    def __init__(self, item_id: str, label: str | None, prompt: str,
                 make_select: Callable[[], Select]) -> None:
        """``label``: the option chosen (None: none yet), shown as the drop-down shows it."""
        super().__init__(id=f"pick-{item_id}", classes="-has-value" if label else "",
                         make_real=make_select)
        self.label, self.prompt = label, prompt
        self._open = False

    @property
    def select(self) -> Select | None:
        """The drop-down put in its place, once it has been focused."""
        real = self.real
        return real if isinstance(real, Select) else None

    def render(self) -> Content:
        text = self.label or self.prompt
        width = max(1, self.content_size.width - 2)
        if len(text) > width:
            text = text[:width - 1] + "…"
        return Content(f"{text:<{width}} ▼")

    def get_content_height(self, container, viewport, width: int) -> int:
        return 1

    def real_focused(self, real: Widget) -> None:
        if self._open and isinstance(real, Select):
            real.action_show_overlay()

    def on_key(self, event: events.Key) -> None:
        """A key that opens the list, typed while the drop-down is put in, opens it."""
        if event.key in OPENING_KEYS:
            event.stop()
            event.prevent_default()
            self._want_open()

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self._want_open()
        self.focus()

    def _want_open(self) -> None:
        select = self.select
        if select is not None and select.is_mounted:
            select.action_show_overlay()
        else:
            self._open = True
