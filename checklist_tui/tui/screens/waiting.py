"""A manager's decision waiting for the plan's lock (look-c 8).

The practitioner may have the plan open: the decision then waits until it is closed. The
screen says so at once, with whose it is, and the manager can stop waiting. A decision
reported as not recorded is never recorded afterwards: stopping and starting to record
are decided under one lock (``PendingDecision``), so exactly one of them wins.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from checklist_tui.core.review_file import Waiting
from checklist_tui.tui.screens.message import MessageScreen

TITLE = "Waiting for the practitioner to close the plan..."
STOP_WORDS = "Stop waiting"


class PendingDecision(Waiting):
    """One decision on its way to the plan file; told from the worker's thread."""

    def __init__(self, on_held: Callable[[str], None]) -> None:
        self._gate = threading.Lock()
        self._stopped = False
        self._begun = False
        self._on_held = on_held

    def held_by(self, words: str) -> None:
        self._on_held(words)

    def go_on(self) -> bool:
        with self._gate:
            return not self._stopped

    def begin(self) -> bool:
        with self._gate:
            self._begun = not self._stopped
            return self._begun

    def stop(self) -> bool:
        """Stop the decision: True when it will not be recorded, False when it is being
        recorded already (too late to stop)."""
        with self._gate:
            if self._begun:
                return False
            self._stopped = True
            return True


def whose(words: str) -> str:
    """The lock's words without what they say to someone opening the plan."""
    return words.split("; it opens read-only")[0].split("; the plan opens read-only")[0]


class WaitingScreen(MessageScreen):
    """Says the decision waits, and whose the plan is; Escape or the button stops it
    (dismissed with False). The worker closes it (True) once the decision is settled."""

    def __init__(self, held: str, decision: str) -> None:
        super().__init__(TITLE, [
            f"{whose(held)}.",
            f"Your decision ({decision}) is recorded as soon as the plan is closed, if it "
            "is still as you read it then.",
            f"{STOP_WORDS} (or Escape): nothing is recorded."], close=STOP_WORDS)
