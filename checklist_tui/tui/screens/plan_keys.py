"""The plan screen's part in keys typed ahead (``tui/typed_ahead.py``): while the plan
opens or a section is switching, keys wait, and they go on the moment it is shown."""

from __future__ import annotations

from textual import events
from textual.screen import Screen

from checklist_tui.core.session import PlanSession


class KeysHeld(Screen[object]):
    session: PlanSession | None
    _ready = False

    @property
    def ready(self) -> bool:
        """True once the section wanted last is shown, refreshed and focused."""
        return self._ready

    @ready.setter
    def ready(self, value: bool) -> None:
        self._ready = value
        if value:  # keys held for it (key_hold) go on now, behind the focus it asked for
            from checklist_tui.tui.typed_ahead import hold_may_end

            hold_may_end(self.app)

    def key_hold(self, event: events.Key | events.Paste) -> str | None:
        """Keys typed while the plan opens or a section is switching wait (typed_ahead)
        until it is shown, and then land on its items: ] ] y typed quickly answers the
        first question of the section two along (the y was dropped without a word:
        nothing had the focus meanwhile). ] and [, and the app's own keys (priority
        bindings: Ctrl+Q, F12), go on at once. None when the key need not wait; else
        what it waits for, in words (said if it waits too long)."""
        from checklist_tui.tui.typed_ahead import goes_on_at_once

        if self.ready or self.leaving():
            return None
        # While the plan opens (and goes back to the item changed last), ] and [ wait
        # too: the way back would overtake them; only the app's own keys go on.
        opening = self.session is None or self.going_back()
        if goes_on_at_once(self, event, app_only=opening):
            return None
        return "the plan was still opening" if opening else "the section was still opening"

    def going_back(self) -> bool:
        """True while the plan, just opened, goes back to the item changed last."""
        return False

    def leaving(self) -> bool:
        """True once the plan is being closed: nothing more is shown."""
        raise NotImplementedError
