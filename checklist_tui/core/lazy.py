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

A regular expression can wait the same way (``pattern``): ``re.compile`` runs in pure
Python, 0.05 to 1 ms a pattern, and the patterns that read a plan's file whole (its head,
its history) are not used at all when the plan opens from its cache (#12.2: about 2.5 ms of
every start went to compiling them).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
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


class Pattern:
    """A regular expression compiled when it is first used (any thread: compiled twice at
    worst, the same pattern), with ``re.Pattern``'s methods for text."""

    __slots__ = ("_compiled", "_flags", "_text")

    def __init__(self, text: str, flags: int = 0) -> None:
        self._text, self._flags = text, flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        found = self._compiled
        if found is None:
            found = self._compiled = re.compile(self._text, self._flags)
        return found

    @property
    def pattern(self) -> str:
        return self._text

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0,
                  endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0,
                 endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos, endpos)

    def split(self, text: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled.split(text, maxsplit)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self.compiled.sub(repl, text, count)

    def __repr__(self) -> str:
        return f"<{self._text!r}, compiled on first use>"


def pattern(text: str, flags: int = 0) -> Pattern:
    """``re.compile(text, flags)``, done when the pattern is first used."""
    return Pattern(text, flags)
