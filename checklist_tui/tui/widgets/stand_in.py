"""What a light stand-in does when it is first focused: puts the real widget in its place.

``NoteBox`` (an empty note) and ``SelectBox`` (a drop-down) are drawn cheaply until a
practitioner reaches them. On focus the real widget is made, mounted just before the
stand-in, given the focus if the stand-in still has it (Tab may have moved on meanwhile),
and the stand-in is removed after the keys that reached it first. Imports no core."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widget import Widget


class StandIn(Widget):
    """Mixin for a stand-in; ``make_real`` builds the widget it stands in for."""

    def __init__(self, *args, make_real: Callable[[], Widget], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._make_real = make_real
        self.real: Widget | None = None

    def real_focused(self, real: Widget) -> None:
        """Called once the real widget has been given the focus (override to act on it)."""

    async def on_focus(self, event: events.Focus) -> None:
        parent = self.parent
        if self.real is not None or not isinstance(parent, Widget):
            return
        self.real = self._make_real()
        self.can_focus = False  # no longer a stop for Tab: the real one is (focus_order)
        await parent.mount(self.real, before=self)
        if self.screen.focused is self:  # (Tab may have moved on meanwhile: then not)
            self.screen.set_focus(self.real)
            self.real_focused(self.real)
        self.call_later(self.remove)  # after the keys that reached this box first
