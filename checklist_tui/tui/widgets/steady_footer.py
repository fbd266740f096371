"""A footer rebuilt only when the keys it shows change.

Textual's Footer builds all its keys again whenever the screen's bindings may have
changed, which is every time the focus moves. Opening a section moves the focus twice
(away from the question left, then to the first question of the new section) with the
same keys before and after: two rebuilds of about ten widgets, a third of what showing
the section's first items costs. This one compares what it would show with what it
shows, once the screen is drawn, and rebuilds only if they differ. While nothing has the
focus (the plan screen clears it only while a section is being opened, so that keys
typed meanwhile reach no question) it keeps what it shows."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class SteadyFooter(Footer):
    _shown: tuple | None = None

    def _keys(self) -> tuple:
        active = self.screen.active_bindings
        shown = tuple((b.key, b.description, b.action, enabled, tooltip, b.group)
                      for (_, b, enabled, tooltip) in active.values() if b.show)
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        return shown, palette[1:] if palette is not None else None

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        if not self.is_attached or (self._shown is not None and self.screen.focused is None):
            return
        keys = self._keys()
        if keys != self._shown:
            self._shown = keys
            await self.recompose()
