"""Keys typed ahead of a busy app are handled one at a time, in the order typed.

Textual passes a key to the focused widget's queue and goes on to the next key at once.
A key the widget handles itself (a letter in a text box) takes effect there; a key
handled by a binding (Backspace, the arrows, Home and End in a text box; Tab; Enter on
a list) travels up to the app first, and the app runs the binding of whatever is
focused when it gets there. So keys that arrive together (a busy laptop, a remote
session, tmux) were applied out of order: "AB", Backspace, "CD" typed into a box gave
"ABC", and a Backspace in one box, Tab, then a name deleted the name's last letter.

So the app lets the next key through only when the one before it has been handled:
the key is followed up the widget tree (a callback queued behind it at each level) to
the app. Keys arriving meanwhile wait, in order. A key that cannot be followed (its
widget was removed with the key still in its queue) stops holding the others at once
when that is seen, and after ``PATIENCE`` seconds at most.

A key that opens a dialog puts the dialog on top at once, but the dialog's boxes are
built (and one given the focus) a moment later: keys typed meanwhile went to a screen
with nothing focused, and were lost (look-a 4c: "Sam Carter" was saved as "m Carter").
So keys also wait while the screen on top is still being built, for ``MOUNT_PATIENCE``
seconds at most, and then go to what it focused: they go on from the screen's own queue,
where a callback waits behind its Compose and Mount (no polling).

A screen may also not take a key at all (``key_refused(event)``): the plan screen while
the plan opens takes only ] and [ (look-d 18: "n" typed as the plan opened answered the
question it reopened on, which the person had not seen). Such a key is said not taken.

A screen may also hold keys while what they are meant for is not there yet: the plan
screen while a section is switching (] ] y typed quickly: the y is for the first
question of the section two along, and nothing had the focus while it was built, so
the y was dropped without a word). It says so with ``key_hold(event)``: while that key
must wait, what it waits for, in words ("the section was still opening"), else None.
The screen says when the hold may be over (``hold_may_end``, the moment its section is
shown) and the keys go on then; so they do when the screen on top changes. Keys wait for
it ``HOLD_PATIENCE`` seconds at most; then the keys held are not taken, and the user is
told which (never typed later, somewhere unseen), and that screen holds no more keys
until it has once stopped holding.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from functools import partial

from textual import events
from textual.dom import DOMNode
from textual.screen import Screen
from textual.timer import Timer

#: Seconds after which a key that was never seen handled stops holding the next ones.
#: Generous: on a loaded two-core machine one Tab took longer than half a second, and
#: the letter behind it went into the box being left (a number box, which dropped it).
PATIENCE = 2.0

#: Seconds a screen still being built may hold the keys typed for it.
MOUNT_PATIENCE = 5.0

#: Seconds a screen may hold keys until what they are for is shown (``key_hold``).
HOLD_PATIENCE = 5.0

TypedEvent = events.Key | events.Paste
AT_ONCE = ("f12",)
"""Hiding the screen when someone walks in: handled the moment typed. (Ctrl+Q keeps its
place: the text typed just before it must land and be saved first.)"""


class TypedAhead:
    """One per app: the key being handled and the keys waiting behind it."""

    def __init__(self, app, handle: Callable[[TypedEvent], Awaitable[None]]) -> None:
        self.app = app
        self.handle = handle  # the app's own handling of one key (bindings, forwarding)
        self.in_flight: TypedEvent | None = None
        self.since = 0.0
        self.at: DOMNode | None = None  # where the key being handled was last seen
        self.target: DOMNode | None = None  # the widget the key being handled went to
        self.waiting: deque[TypedEvent] = deque()
        self.building: Screen | None = None  # the screen on top while it is being built
        self.build_waited = False  # it took too long: it holds no more keys
        self.held_since: float | None = None  # since when the screen holds the keys
        self.gave_up = False  # it held them too long: it holds no more until it stops
        self.holder: Screen | None = None  # the screen that held keys last
        self.hold_words = ""  # what they waited for, in words
        self.deadline: Timer | None = None  # when the keys held stop waiting
        self.watching = False  # told when the screen on top changes
        self.refused: list[TypedEvent] = []  # keys the screen did not take, to be said
        self.refused_words = ""  # why: what they were typed while

    async def arrived(self, event: TypedEvent) -> None:
        """A key (or paste) from the terminal: handle it now or after those before it.
        F12 (hide the screen) never waits behind other keys (rev7-tui 1: it was held behind
        a section switch, then dropped); the keys waiting when the screen is hidden are let
        go, so none of them shows the plan again (privacy first: they are lost)."""
        if isinstance(event, events.Key) and event.key in AT_ONCE:
            self.waiting.clear()
            await self.handle(event)
            return
        if self._refused(event):
            return
        if self.in_flight is not None and self._lost():
            self.in_flight = None  # never seen handled: stop holding the others
        if self.in_flight is not None or self.waiting or not self._screen_ready(event):
            if not self.waiting:
                self.app.set_timer(PATIENCE, self._unstick)
            self.waiting.append(event)
            return
        await self._one(event)

    def _screen_ready(self, event: TypedEvent) -> bool:
        """False while the screen on top is still being built (keys wait for it); then
        the keys go on once what it focused as it opened has the focus. False too while
        the screen holds the key (``key_hold``)."""
        screen = self.app.screen
        if screen.is_mounted:
            return not self._held(screen, event)
        if self.building is not screen:
            self.building, self.build_waited = screen, False
            self._watch()
            # Behind its Compose and Mount (a screen handles what waits in its queue only
            # once it is mounted); at most MOUNT_PATIENCE if it never is.
            if not screen.call_later(self._built, screen):
                self.app.call_later(self._built, screen)
            self.app.set_timer(MOUNT_PATIENCE, partial(self._build_too_long, screen))
        return self.build_waited

    def _held(self, screen: Screen, event: TypedEvent) -> bool:
        if self.held_since is not None and self._holder_gone():
            return True  # the screen that held them is gone: _hold_over says so
        holds = getattr(screen, "key_hold", None)
        why = holds(event) if holds is not None else None
        if why is None:
            self._hold_ended()
            self.gave_up = False
            return False
        if self.gave_up:
            return False
        if self.held_since is None:
            self.held_since = time.monotonic()
            self.deadline = self.app.set_timer(HOLD_PATIENCE, self._too_long)
            self._watch()
        self.holder, self.hold_words = screen, why
        return True

    def hold_may_end(self) -> None:
        """Called by a screen holding keys (``key_hold``) when what they wait for may be
        there (the plan screen: its section is shown and focused): they go on now, behind
        the focus it has just asked for (queued on the app before this)."""
        if self.held_since is not None:
            self.app.call_later(self._hold_over)

    def _watch(self) -> None:
        """Be told when the screen on top changes: the screen holding keys gone, or
        another put on top of it or of one being built."""
        if not self.watching:
            self.watching = True
            self.app.screen_change_signal.subscribe(self.app, self._screen_changed)

    def _screen_changed(self, _screen: Screen) -> None:
        self.hold_may_end()
        if self.building is not None and self.building is not self.app.screen:
            self.building = None  # gone before it was built: the keys go to what is on top
            self.app.call_later(self._next)

    def _hold_ended(self) -> None:
        self.held_since = None
        if self.deadline is not None:
            self.deadline.stop()
            self.deadline = None

    async def _too_long(self) -> None:
        self.deadline = None
        await self._hold_over(too_long=True)

    def _refused(self, event: TypedEvent) -> bool:
        """True if the screen on top does not take ``event`` at all (``key_refused``: the
        plan screen while the plan opens takes only ] and [), now that it comes to it: as
        it is typed, or after the keys before it (typed before that screen was there).
        The keys not taken are said, together."""
        refuses = getattr(self.app.screen, "key_refused", None)
        why = refuses(event) if refuses is not None else None
        if why is None:
            return False
        if not self.refused:
            self.app.call_later(self._say_refused)
        self.refused.append(event)
        self.refused_words = why
        return True

    def _say_refused(self) -> None:
        keys, self.refused = self.refused, []
        if keys:
            self.app.notify(not_taken(keys, self.refused_words), title="Not taken",
                            severity="warning", markup=False, timeout=10)

    def _holder_gone(self) -> bool:
        """True when the screen that held the keys has gone, not handing them on (a
        screen that opens the plan hands its keys on to the plan screen: keys_go_on)."""
        holder = self.holder
        return holder is not None and holder not in self.app.screen_stack \
            and not getattr(holder, "keys_go_on", False)

    async def _hold_over(self, too_long: bool = False) -> None:
        """When the hold may be over (``hold_may_end``, or the screen on top changed), the
        keys held go on if the screen no longer holds them. After ``HOLD_PATIENCE``
        (``too_long``), or if the screen that held them is gone (a plan that could not be
        opened: its keys must not act on Home), those waiting are not taken, and the user
        is told which."""
        if self.held_since is None:
            return
        if not self.waiting:
            self._hold_ended()
            return
        screen = self.app.screen
        gone = self._holder_gone()
        holds = getattr(screen, "key_hold", None)
        if gone or (holds is not None and holds(self.waiting[0])):
            if not gone and not too_long:
                return  # still held: told again when it may be over (or too long)
            self.gave_up = not gone
            dropped = list(self.waiting)
            self.waiting.clear()
            self.app.notify(not_taken(dropped, self.hold_words), title="Not taken",
                            severity="warning", markup=False, timeout=10)
        self._hold_ended()
        await self._next()

    def _build_too_long(self, screen: Screen) -> None:
        if self.building is screen:  # (after that, it holds no more keys)
            self.build_waited = True
            self.app.call_later(self._next)

    def _built(self, screen: Screen) -> None:
        """The screen being built is mounted (this waited in its queue behind its Mount):
        the waiting keys go on, after the focus its ``on_mount`` asked for (queued on the
        app before this)."""
        if self.building is screen:
            self.building = None
            self.app.call_later(self._next)

    async def _one(self, event: TypedEvent) -> None:
        target = self.app.focused or self.app.screen
        await self.handle(event)
        if event.is_forwarded:  # passed to a widget (not a priority binding): follow it
            self.in_flight, self.since = event, time.monotonic()
            self.target = target
            self._follow(event, target)

    def _follow(self, event: TypedEvent, node: DOMNode) -> None:
        """Queue a check behind the key at ``node``; when it runs, the key has been
        handled there (and passed on up, if it was not stopped)."""
        def handled_here() -> None:
            parent = node._parent
            if self.in_flight is not event:
                return
            if parent is None or parent is self.app or not isinstance(parent, DOMNode):
                self.app.call_later(self._settle, event, self.target)  # at the app
            elif event._stop_propagation:  # stopped here: it goes no further (a screen
                self.app.call_later(self._done, event)  # passes keys on to the app above)
            else:
                self._follow(event, parent)

        self.at = node
        if node is self.app or not node.call_later(handled_here):
            self.app.call_later(self._done, event)

    def _settle(self, event: TypedEvent, node: DOMNode | None) -> None:
        """The key reached the app, and its binding ran: what the binding posted to the
        widgets the key passed through (an item's answer, which opens a dialog) is
        handled before the next key, so that the next key goes where that put the focus
        (look-c 16: ``l`` then "Sam Carter" saved "am Carter": the S went to the item,
        and only then did its answer open "who will find out"). Followed from the
        key's widget up to its screen, a check queued behind what waits at each."""
        if self.in_flight is not event:
            return
        if node is None or node is self.app or not isinstance(node, DOMNode) or \
                not node.is_attached:
            self.app.call_later(self._done, event)
            return
        self.at = node
        if not node.call_later(self._settle, event, node._parent):
            self.app.call_later(self._done, event)

    def _lost(self) -> bool:
        at = self.at
        return time.monotonic() - self.since > PATIENCE or (
            at is not None and at is not self.app and not at.is_attached)

    async def _done(self, event: TypedEvent) -> None:
        if self.in_flight is not event:
            return
        self.in_flight = None
        await self._next()

    async def _next(self) -> None:
        while self.waiting and self.in_flight is None:
            if self._refused(self.waiting[0]):
                self.waiting.popleft()
                continue
            if not self._screen_ready(self.waiting[0]):
                return  # _built or _hold_over goes on once the screen is ready
            await self._one(self.waiting.popleft())

    async def _unstick(self) -> None:
        if self.in_flight is not None and self._lost():
            self.in_flight = None
        if self.in_flight is None:
            await self._next()
        elif self.waiting:
            self.app.set_timer(PATIENCE, self._unstick)



def goes_on_at_once(screen: Screen, event: TypedEvent, app_only: bool = False) -> bool:
    """True for a key bound with priority (] and [ on the plan; with ``app_only``, only
    the app's own: Ctrl+Q, F12 to hide the screen): a screen holding keys lets it
    through at once."""
    if not isinstance(event, events.Key):
        return False
    active = screen.active_bindings.get(event.key)
    return active is not None and active.binding.priority and (
        not app_only or active.node is screen.app)


def not_taken(keys: list[TypedEvent], why: str) -> str:
    """What the user is told about keys typed while the screen was not ready for them."""
    it = "it" if len(keys) == 1 else "them"
    pasted = [isinstance(k, events.Paste) for k in keys]
    again = "paste" if all(pasted) else "press or paste" if any(pasted) else "press"
    return (f"Not taken: {key_names(keys)}, typed while {why}. Nothing was changed by "
            f"{it}: {again} {it} again if you still mean {it}.")


def key_names(keys: Sequence[TypedEvent]) -> str:
    """Keys as a person names them: "y", "Escape", "y and Enter"."""
    names = [_key_name(k) for k in keys]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _key_name(event: TypedEvent) -> str:
    if isinstance(event, events.Paste):
        return "the text pasted"
    if event.is_printable and event.character and event.character.strip():
        return event.character
    return "+".join(part.replace("_", " ").capitalize() for part in event.key.split("+"))


def hold_may_end(app: object) -> None:
    """For a screen holding keys (``key_hold``): what they wait for may be there now."""
    queue = getattr(app, "_typed_ahead", None)
    if isinstance(queue, TypedAhead):
        queue.hold_may_end()
