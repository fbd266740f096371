"""Records that cost little to declare: their methods written once, here.

``@dataclass`` compiles its methods from source for every class when its module is
imported (about 0.1 ms each in Python 3.11, three to six a class): the records on the
open path cost about 10 ms of every start (#12.2). A record is declared without it::

    class FiredRule(Record):
        \"\"\"A rule that fired.\"\"\"

        rule_id: str
        note: str = field(default="", compare=False)

It is still a standard dataclass (``dataclasses.fields``, ``replace`` and ``asdict``
work, and type checkers read it as a frozen dataclass, ``dataclass_transform``), and
these methods mean what the made ones do:

- ``__init__``: the fields in their order, positional or by keyword (by keyword only
  with ``class Where(Record, kw_only=True)``), each default or ``default_factory``,
  then ``__post_init__`` if there is one; the same errors for a missing, unknown or
  repeated argument (``TypeError``); a field without a default after one with a default
  is refused when the class is declared, as ``@dataclass`` refuses it;
- ``__setattr__`` and ``__delattr__``: a field cannot be assigned or deleted
  (``FrozenInstanceError``);
- ``__eq__`` and ``__hash__``: equal to a record of the same class with equal fields
  (compared in order, as a tuple; ``compare=False`` honoured), hashed as that tuple;
- ``__repr__``: ``FiredRule(rule_id='R1', ...)`` (``repr=False`` honoured; a record
  that holds itself is shown as ``...``).

A record that can change is a ``MutableRecord``: the same, assignable, and unhashable
(as ``@dataclass`` makes it). ``core.strict`` does the same for the models.

The written ``__init__`` reads the fields' list at each call (about half as slow again
as a made one): a record class made ``MADE_OFTEN`` times (the engine's, made at each
evaluation) is then given the ``__init__`` ``@dataclass`` writes for it, compiled once,
so that the records made over and over cost what they did.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from typing import Any, ClassVar, dataclass_transform

_COMPARED: dict[type, tuple[str, ...]] = {}
_SHOWN: dict[type, tuple[str, ...]] = {}


def _names(cls: type, cache: dict[type, tuple[str, ...]], which: str) -> tuple[str, ...]:
    """The names of ``cls``'s fields that are compared (``which="compare"``) or shown."""
    names = cache.get(cls)
    if names is None:
        names = cache[cls] = tuple(f.name for f in dataclasses.fields(cls) if getattr(f, which))
    return names


#: A record class made this many times gets the ``__init__`` @dataclass would write for it
#: (the engine's records, made at every evaluation): one compile, then no cost per call.
MADE_OFTEN = 64
MADE_OFTEN_MARK = "_record_made_often"


def made_init(cls: type) -> Callable[..., None]:
    """The ``__init__`` that ``@dataclass(frozen=True)`` writes for ``cls``'s fields (it
    sets them with ``object.__setattr__``, as a record's own ``__init__`` does)."""
    fields = [(f.name, f.type, dataclasses.field(default=f.default, kw_only=f.kw_only,
                                                 default_factory=f.default_factory))
              for f in dataclasses.fields(cls) if f.init]
    space = {"__post_init__": cls.__post_init__} if hasattr(cls, "__post_init__") else {}
    made = dataclasses.make_dataclass(cls.__name__, fields, namespace=space, frozen=True,
                                      eq=False, repr=False, match_args=False)
    init: Callable[..., None] = vars(made)["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    setattr(init, MADE_OFTEN_MARK, True)
    return init


class _Init:
    """A record class's fields as its ``__init__`` takes them."""

    __slots__ = ("calls", "defaults", "factories", "known", "names", "positional", "post_init")

    def __init__(self, cls: type) -> None:
        fields = dataclasses.fields(cls)
        if not all(f.init for f in fields):
            raise TypeError(f"{cls.__name__}: a record takes all its fields in __init__")
        self.names = tuple(f.name for f in fields)
        self.positional = tuple(f.name for f in fields if not f.kw_only)
        self.known = frozenset(self.names)
        self.defaults = {f.name: f.default for f in fields
                         if f.default is not dataclasses.MISSING}
        self.factories = {f.name: f.default_factory for f in fields
                          if f.default_factory is not dataclasses.MISSING}
        self.post_init = hasattr(cls, "__post_init__")
        self.calls = 0
        seen_default = False
        for name in self.positional:  # as @dataclass refuses them
            if name in self.defaults or name in self.factories:
                seen_default = True
            elif seen_default:
                raise TypeError(f"non-default argument '{name}' follows default argument")


class _Written:
    """The methods of both kinds of record (see the module)."""

    __slots__ = ()
    _init: ClassVar[_Init]
    _frozen: ClassVar[bool]

    def __init_subclass__(cls, *, kw_only: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__module__ == __name__:  # Record and MutableRecord themselves
            return
        undocumented = not cls.__doc__
        if undocumented:  # else @dataclass writes one with inspect.signature (0.05 ms)
            cls.__doc__ = cls.__name__
        dataclasses.dataclass(cls, init=False, repr=False, eq=False, kw_only=kw_only)
        cls._init = _Init(cls)
        if "__init__" not in vars(cls):  # its own entry: a subclass never inherits the
            cls.__init__ = _Written.__init__  # type: ignore[method-assign]  # swapped one
        if undocumented:
            cls.__doc__ = f"{cls.__name__}({', '.join(cls._init.names)})"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        how = type(self)._init
        how.calls += 1
        if how.calls == MADE_OFTEN and vars(type(self)).get("__init__") is _Written.__init__:
            type(self).__init__ = made_init(type(self))  # type: ignore[method-assign]
        if args:
            if len(args) > len(how.positional):
                raise TypeError(f"{type(self).__name__}() takes {len(how.positional)} "
                                f"positional arguments but {len(args)} were given")
            for name, value in zip(how.positional, args, strict=False):
                if name in kwargs:
                    raise TypeError(f"{type(self).__name__}() got multiple values for "
                                    f"argument '{name}'")
                kwargs[name] = value
        put, taken = object.__setattr__, 0
        for name in how.names:  # in the fields' order, as @dataclass's __init__ sets them
            if name in kwargs:
                put(self, name, kwargs[name])
                taken += 1
            elif name in how.defaults:
                put(self, name, how.defaults[name])
            elif name in how.factories:
                put(self, name, how.factories[name]())
            else:
                raise TypeError(f"{type(self).__name__}() missing required argument: "
                                f"'{name}'")
        if taken != len(kwargs):
            unknown = next(name for name in kwargs if name not in how.known)
            raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument "
                            f"'{unknown}'")
        if how.post_init:
            self.__post_init__()  # type: ignore[attr-defined]

    def __setattr__(self, name: str, value: Any) -> None:
        if self._frozen:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        if self._frozen:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        object.__delattr__(self, name)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _names(type(self), _COMPARED, "compare"))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, _Written)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}"
                          for name in _names(type(self), _SHOWN, "repr"))
        return f"{type(self).__qualname__}({shown})"


@dataclass_transform(eq_default=False, frozen_default=True,
                     field_specifiers=(dataclasses.field, dataclasses.Field))
class Record(_Written):
    """A frozen record: a field cannot be assigned or deleted once it is made."""

    __slots__ = ()
    _frozen: ClassVar[bool] = True


@dataclass_transform(eq_default=False, field_specifiers=(dataclasses.field, dataclasses.Field))
class MutableRecord(_Written):
    """A record that can change: assignable, and unhashable (as ``@dataclass`` makes it)."""

    __slots__ = ()
    _frozen: ClassVar[bool] = False
    __hash__ = None  # type: ignore[assignment]
