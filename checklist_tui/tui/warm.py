"""What the plan's first paint goes without, loaded just after it (#12.2, #12.4).

``checklist-tui open PLAN`` paints the plan's first items without the modules below and
without pydantic: they are named where they are used with ``core.lazy.module`` (or
imported inside the function that needs them), and ``warm_up`` loads them in the plan
screen's warming thread, started the moment the first items are drawn
(``PlanScreen.prepare_edits``), so that the first key a person types (an answer, a note)
does not wait for them. A use that comes sooner loads the module itself (waiting for the
thread if it is loading that module or building that validator, rather than doing it
again beside it); nothing changes but when. ``tests/tui/test_startup_imports.py`` fails
if one of them is loaded for the first paint again.
"""

from __future__ import annotations

import sys
import threading
from importlib import import_module

from checklist_tui.core import plan_cache

#: What an answer typed the moment the plan is drawn needs, loaded first (then pydantic and
#: the validators that answer needs, ``first_validators``, then the plan's others).
FOR_THE_FIRST_KEY = ("checklist_tui.core.edit",)

AFTER_FIRST_PAINT = (
    *FOR_THE_FIRST_KEY,  # the first answer, note or tick
    "tomli_w",  # the first save
    "checklist_tui.core.versions",  # v: what changed since the plan's checklist version
    # a one-line question's box and a drop-down's, made when first focused (or with the
    # first question that has one)
    "checklist_tui.tui.widgets.line_box",
    "checklist_tui.tui.widgets.select_box",
)


SWITCH_SECONDS = 0.0005
"""While the warming thread runs, how soon the app's own thread gets the interpreter back
when it wants it (Python's default is 5 ms: a key handled meanwhile waited that long at
each turn of the event loop, several times per key)."""


def warm_up() -> None:
    """Everything the first paint went without, in the order a key typed at once needs
    it: editing, pydantic and the plan's validators, then saving and the rest (any thread:
    imports take their lock, validators theirs)."""
    _quicker(True)
    try:
        for name in FOR_THE_FIRST_KEY:
            import_module(name)
        first_validators()
        plan_cache.prepare_edits()
        load_deferred()
    finally:
        _quicker(False)


_warming: list[float] = []  # the interval before the first warming still running, per one
_warming_lock = threading.Lock()


def _quicker(start: bool) -> None:
    """The interpreter handed back to the app's thread sooner while any warming runs, and
    Python's own interval again once the last has ended: two warmings overlapping (a plan
    left and another opened at once) left it quicker for good (rev9-core 6)."""
    with _warming_lock:
        if start:
            _warming.append(_warming[0] if _warming else sys.getswitchinterval())
            sys.setswitchinterval(min(_warming[0], SWITCH_SECONDS))
        else:
            before = _warming.pop()
            if not _warming:
                sys.setswitchinterval(before)


def first_validators() -> None:
    """pydantic and the validators an answer needs: its own and its line in the plan's
    history, built before the plan's others (``plan_cache.prepare_edits``), which an
    answer typed meanwhile would otherwise wait for, one by one."""
    from checklist_tui.core import checked, plan

    checked.prepare([plan.Answer, plan.HistoryEntry])


def load_deferred() -> None:
    """Import the modules the first paint went without (any thread)."""
    for name in AFTER_FIRST_PAINT:
        import_module(name)
