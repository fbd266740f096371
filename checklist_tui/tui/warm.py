"""What the plan's first paint goes without, loaded just after it (#12.2).

``checklist-tui open PLAN`` paints the plan's first items without the modules below: they
are named where they are used with ``core.lazy.module`` (or imported inside the function
that needs them), and this loads them in the plan screen's warming thread once the first
items are drawn (``PlanScreen.prepare_edits``), so that the first key a person types
(an answer, a note) does not wait for them. A use that comes sooner loads the module
itself; nothing changes but when. ``tests/tui/test_startup_imports.py`` fails if one of
them is loaded for the first paint again.
"""

from __future__ import annotations

from importlib import import_module

AFTER_FIRST_PAINT = (
    "checklist_tui.core.edit",  # the first answer, note or tick
    "tomli_w",  # the first save
    "checklist_tui.core.versions",  # v: what changed since the plan's checklist version
    # a one-line question's box and a drop-down's, made when first focused (or with the
    # first question that has one)
    "checklist_tui.tui.widgets.line_box",
    "checklist_tui.tui.widgets.select_box",
)


def load_deferred() -> None:
    """Import what the first paint went without (any thread: imports take their lock)."""
    for name in AFTER_FIRST_PAINT:
        import_module(name)
