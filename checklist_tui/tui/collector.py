"""The garbage collector's full passes, kept short while a plan is open.

CPython's full collection walks every object alive: with the app, the checklists and
a plan loaded that is well over 100,000 objects, 30 to 80 ms each time on this
project's machine, and one came often enough to land in the middle of a section switch
or a key press. Once the plan screen has shown its first section, what is alive then
(modules, the checklist, the plan, the screen) is frozen: later full passes skip it.
Leaving the plan unfreezes it, so nothing frozen is kept once it is no longer used."""

from __future__ import annotations

import gc


def freeze_settled() -> None:
    """Leave what is alive now out of later full collections (until ``release``)."""
    gc.freeze()


def release() -> None:
    """Let the collector see everything again (a frozen object no longer used is freed)."""
    gc.unfreeze()
