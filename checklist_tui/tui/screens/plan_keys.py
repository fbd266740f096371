"""The plan screen's part in keys typed ahead (``tui/typed_ahead.py``): while the plan
opens or a section is switching, keys wait, and they go on the moment it is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.screen import Screen

if TYPE_CHECKING:
    from checklist_tui.core.session import PlanSession

#: Keys kept while the plan opens (the next and previous section: look-c 16); any other
#: key typed before the plan is shown is not taken (look-d 18).
KEPT_WHILE_OPENING = {"right_square_bracket", "left_square_bracket"}
OPENING = "the plan was still opening"


def refused_while_opening(screen: Screen[object], event: events.Key | events.Paste) -> str | None:
    """Why a key typed while the plan opens is not taken, or None: the person has seen
    no question yet, so a key that could answer one (y, n, a digit, a letter, Delete,
    Enter) must not change the question the plan reopens on, unseen (look-d 18: "n"
    turned a Yes to No). ] and [ are kept (held until the plan is shown); the app's own
    keys (Ctrl+Q, F12) act at once."""
    from checklist_tui.tui.typed_ahead import goes_on_at_once

    if isinstance(event, events.Key) and (event.key in KEPT_WHILE_OPENING
                                          or goes_on_at_once(screen, event, app_only=True)):
        return None
    return OPENING


class KeysHeld(Screen[object]):
    session: PlanSession | None
    _ready = False
    drawn = False
    """True once the plan screen has been drawn with its first section: until then the
    person has seen no question, and a key that could answer one is not taken (look-d
    18; rev7-tui 5: on a plan with nothing to go back to, a key typed before the first
    frame was held, then answered the first question, unseen)."""
    landing = False
    """True from the moment a section is shown until the focus it asked for has landed:
    keys already on their way wait for it (rev7-tui 5: they went to the section list)."""

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

        if (self.ready and not self.landing) or self.leaving():
            return None
        # While the plan opens (and goes back to the item changed last), ] and [ wait
        # too: the way back would overtake them; only the app's own keys go on.
        opening = self.session is None or self.going_back()
        if goes_on_at_once(self, event, app_only=opening or self.landing):
            return None
        return OPENING if opening else "the section was still opening"

    def key_refused(self, event: events.Key | events.Paste) -> str | None:
        """While the plan opens (until it is first drawn, and while it goes back to the
        item changed last): why a key is not taken (``refused_while_opening``), or None
        (typed_ahead)."""
        if self.leaving() or (self.drawn and (self.ready or not (
                self.session is None or self.going_back()))):
            return None
        return refused_while_opening(self, event)

    def going_back(self) -> bool:
        """True while the plan, just opened, goes back to the item changed last."""
        return False

    def leaving(self) -> bool:
        """True once the plan is being closed: nothing more is shown."""
        raise NotImplementedError
