"""A module loaded when it is first used, not when the module naming it is imported.

The plan's first paint needs only part of the core and of the screens; the rest (editing,
what changed between checklist versions, the gaps lists) is loaded in a thread once the
plan is painted (``tui/warm.py``), or at its first use if that comes sooner. A module
that uses such a module writes::

    if TYPE_CHECKING:  # types checked as usual
        from checklist_tui.core import edit
    else:
        edit = lazy.module("checklist_tui.core.edit")

and then uses ``edit.set_answer`` as before. Each use goes through the import system's
own lock (``importlib.import_module``), so two threads asking at once get one module
executed once; ``importlib.util.LazyLoader`` is not safe across threads in Python 3.11.
Every use reads the module's attribute afresh, so a test that replaces one still sees it.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any


class Module:
    """Stands for the module ``name`` until an attribute is read, which imports it."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(import_module(self.name), attribute)

    def __repr__(self) -> str:
        return f"<{self.name}, loaded on first use>"


def module(name: str) -> Any:
    """The module ``name``, imported when one of its names is first read."""
    return Module(name)
