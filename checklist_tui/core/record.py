"""Frozen records that cost less to declare: equality, hash and repr written once.

``@dataclass(frozen=True)`` compiles six methods from source for every class when its
module is imported (about 0.4 ms a class in Python 3.11; the engine's seven records were
3 ms of every start). A record declared

    @dataclass(frozen=True, eq=False, repr=False)
    class FiredRule(Record):
        ...

gets only its ``__init__`` and the two methods that keep it frozen from ``@dataclass``,
and these three from here, with the same meaning as the made ones: equal to a record of
the same class with equal fields (compared in order, as a tuple), hashed as that tuple,
shown as ``FiredRule(rule_id='R1', ...)``. (``core.strict`` does the same for the models.)
A dataclass that is not frozen uses ``MutableRecord`` with ``@dataclass(eq=False,
repr=False)``: the same, and unhashable, as ``@dataclass`` makes it.
"""

from __future__ import annotations

import dataclasses
import reprlib
from typing import Any

_COMPARED: dict[type, tuple[str, ...]] = {}
_SHOWN: dict[type, tuple[str, ...]] = {}


def _names(cls: type, cache: dict[type, tuple[str, ...]], which: str) -> tuple[str, ...]:
    """The names of ``cls``'s fields that are compared (``which="compare"``) or shown."""
    names = cache.get(cls)
    if names is None:
        names = cache[cls] = tuple(f.name for f in dataclasses.fields(cls) if getattr(f, which))
    return names


class Record:
    """The base of a frozen dataclass declared with ``eq=False, repr=False``."""

    __slots__ = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _names(type(self), _COMPARED, "compare"))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}"
                          for name in _names(type(self), _SHOWN, "repr"))
        return f"{type(self).__qualname__}({shown})"


class MutableRecord(Record):
    """The base of a dataclass that is not frozen, declared with ``eq=False, repr=False``."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]  # changeable, so unhashable (as @dataclass)
