"""The garbage collector's full passes, kept short while a plan is open.

CPython's full collection walks every object alive: with the app, the checklists and
a plan loaded that is well over 100,000 objects, 30 to 80 ms each time on this
project's machine, and one came often enough to land in the middle of a section switch
or a key press. Once the plan screen has shown its first section, what is alive then
(modules, the checklist, the plan, the screen) is frozen: later full passes skip it.
Leaving the plan unfreezes it, so nothing frozen is kept once it is no longer used.

While the app starts (Textual, pydantic, the checklist and the plan: well over 100,000
objects made and kept), the collector's passes find almost nothing to free and cost
about 30 ms of CPU before a plan's first paint (#12.2). ``hold_while_starting`` stops
them until the first plan is shown (``freeze_settled``), or until the first screen is
drawn when no plan is opened at start (``resume``); the app also resumes them after
``HOLD_AT_MOST_SECONDS`` whatever happens."""

from __future__ import annotations

import gc

HOLD_AT_MOST_SECONDS = 10.0


def hold_while_starting() -> None:
    """No collection until ``resume`` or ``freeze_settled`` (only before the app starts)."""
    gc.disable()


def resume() -> None:
    """Collect again (a no-op when collecting already)."""
    gc.enable()


def freeze_settled() -> None:
    """Leave what is alive now out of later full collections (until ``release``), and
    collect again if the start held collections back."""
    gc.freeze()
    gc.enable()


def hold_while_switching() -> bool:
    """No collection while a section is built and first drawn: a 60-item section's first
    visit made about 30 passes over what it was building (about 6 ms of its 50 ms, and a
    full pass, when one came, more), each delaying the frame that shows it; resumed once
    that frame is drawn (``resume``). True if this held them (they were running)."""
    if not gc.isenabled():
        return False  # held already (the app starting): that hold decides when they resume
    gc.disable()
    return True


def release() -> None:
    """Let the collector see everything again (a frozen object no longer used is freed)."""
    gc.unfreeze()
