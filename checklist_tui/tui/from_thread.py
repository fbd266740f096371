"""Results a worker thread hands back to a screen that may have gone meanwhile.

A thread reading the plans folder can outlive its screen (closed, or the app quitting):
the screen then has no table to fill and no app to ask, and Textual stopped the app
with NoMatches or NoActiveAppError. What arrives for a screen no longer shown is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any

from textual.app import App
from textual.dom import DOMNode


def call_while_attached(app: App[Any], node: DOMNode, callback: Callable[..., object],
                        *args: object) -> None:
    """From a worker thread: run ``callback(*args)`` on ``app``'s thread if ``node`` is
    still attached when it runs; nothing if the app has stopped. ``app`` is the one the
    screen had when the thread began (a detached node has none to ask)."""
    def run() -> None:
        if node.is_attached:
            callback(*args)

    if app.is_running:
        with suppress(RuntimeError):  # the app stopped between the check and the call
            app.call_from_thread(run)
