"""Models built from data already validated once, without validating it again (#12.2):
without pydantic.

Used only when a hash proves the very same bytes passed pydantic's validation before, by
this version of the app (see ``core.definition_cache`` and ``core.plan_cache``). Even
then nothing is taken on trust: every value must already have exactly the field's type
(no conversion at all), or ``Damaged`` is raised and the caller validates in full.

Two shapes of data are read:
  dumped  a model's ``model_dump(mode="json")``: dates as ISO text
  native  what ``tomllib`` gives for a file the app wrote: native dates and times
In both, a field at its default may be left out: it gets the default, as in pydantic
(``core.definition_cache`` keeps its entries so, ``exclude_defaults``).
"""

from __future__ import annotations

import functools
import sys
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from checklist_tui.core.strict import ModelField, Strict, fields, made

M = TypeVar("M", bound=Strict)
Decoder = Callable[[Any], Any]


class Damaged(ValueError):
    """Data that does not have exactly the model's shape and types."""


def decode(model: type[M], data: Any, *, native: bool = False) -> M:
    """``model`` built from ``data`` as ``strict.construct`` builds it; raises Damaged
    unless every value has exactly its field's type (``native``: tomllib data, see the
    module)."""
    return typing.cast(M, _decoder(typing.cast(Any, model), native)(data))


@functools.cache
def _decoder(annotation: Any, native: bool) -> Decoder:
    """A function that checks one value against ``annotation`` and builds it (made once
    per type: a checklist or a plan has thousands of values)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _decoder(typing.get_args(annotation)[0], native)
    if origin in (typing.Union, types.UnionType):
        return _union([(_accepts(arm, native), _decoder(arm, native))
                       for arm in typing.get_args(annotation)])
    if origin is list:
        item = typing.get_args(annotation)[0]
        return _list(_decoder(item, native), _plain(item))
    if origin is dict:
        key, value = typing.get_args(annotation)
        return _dict(_decoder(key, native), _decoder(value, native))
    if origin is typing.Literal:
        return _literal(typing.get_args(annotation))
    if annotation is type(None):
        return _exact(type(None))
    if isinstance(annotation, type) and issubclass(annotation, Strict):
        return _model(annotation, native)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _enum(annotation)
    if annotation is date:
        return _exact(date) if native else _iso_date
    if annotation is datetime and native:
        return _exact(datetime)
    if annotation in (str, bool, int):
        return _exact(annotation)
    raise TypeError(f"no decoder for {annotation!r}")  # a new field type: add it here


def _plain(annotation: Any) -> type | None:
    """The type a value must have exactly, when that is all its decoder checks."""
    return annotation if annotation in (str, bool, int) else None


def _accepts(annotation: Any, native: bool) -> frozenset[type] | None:
    """The exact types of value ``_decoder(annotation)`` can accept (it refuses any other
    as Damaged), or None when it may accept others: a union tries only the arms that can
    accept a value, in their order, which builds the same (without raising and catching
    Damaged for every arm that cannot)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _accepts(typing.get_args(annotation)[0], native)
    if origin is list:
        return frozenset({list})
    if origin is dict or (isinstance(annotation, type) and issubclass(annotation, Strict)):
        return frozenset({dict})
    if origin is typing.Literal or (annotation is date and not native):
        return frozenset({str})
    if annotation is type(None) or annotation in (str, bool, int) or (
            native and annotation in (date, datetime)):
        return frozenset({annotation})
    return None  # (an enum also takes its own members)


def _hints(model: type[Strict]) -> dict[str, Any]:
    """``typing.get_type_hints(model, include_extras=True)``. The models' modules do not
    use ``from __future__ import annotations``: their field types were made as the module
    was loaded, and are taken as they are (compiling and evaluating every annotation's
    text cost about 12 million instructions on every start, #12.2). An annotation kept
    as text (a module that does use it) is evaluated once for all the models of its
    module. One that names one of the class's own names (get_type_hints looks there
    after the module) or leaves a name quoted is left to get_type_hints."""
    hints: dict[str, Any] = {}
    for klass in reversed(model.__mro__):
        own = vars(klass)
        # (a class's own annotations, as inspect.get_annotations reads them, uncopied)
        for name, text in own.get("__annotations__", {}).items():
            if not isinstance(text, str):  # made as the class was
                if _quoted(text):
                    return typing.get_type_hints(model, include_extras=True)
                hints[name] = type(None) if text is None else text
                continue
            if any(w in own for w in _compiled(text).co_names):
                return typing.get_type_hints(model, include_extras=True)
            value = _evaluated(text, klass.__module__)
            if value is None:
                return typing.get_type_hints(model, include_extras=True)
            hints[name] = value
    return hints


@functools.cache
def _compiled(text: str) -> types.CodeType:
    return compile(text, "<annotation>", "eval")


@functools.cache
def _evaluated(text: str, module: str) -> Any:
    """The type an annotation's text names in ``module``; None if it leaves a name to
    resolve (a quoted name) or names one the module does not have."""
    try:
        value = eval(_compiled(text), vars(sys.modules[module]))  # our own annotations' text
    except NameError:
        return None  # get_type_hints says what is missing
    value = type(None) if value is None else value
    return None if _quoted(value) else value


_TEXT = (str, typing.ForwardRef)


def _quoted(value: Any) -> bool:
    """True if a name is left as text anywhere in ``value`` (a type). Read from the
    type's own ``__args__`` (an ``Annotated`` type's are its base alone, without its
    marks): typing's get_origin and get_args cost a fifth of resolving the models' types
    on every start (#12.2)."""
    if isinstance(value, _TEXT):
        return True
    args = getattr(value, "__args__", ())  # () for a class, an enum too
    return bool(args) and getattr(value, "__origin__", None) is not typing.Literal \
        and any(map(_quoted, args))


def _model(model: type[Strict], native: bool) -> Decoder:
    known = fields(model)
    names = frozenset(known)
    required = frozenset(n for n, f in known.items() if f.required)
    resolved: list[list[tuple[str, Decoder, ModelField]]] = []

    def build(value: Any) -> Strict:
        if not resolved:  # resolved on first use: a model may contain itself
            hints = _hints(model)
            resolved.append([(n, _decoder(hints[n], native), f) for n, f in known.items()])
        if type(value) is not dict:
            raise Damaged(model.__name__)
        keys = value.keys()
        if not (keys <= names and keys >= required):
            raise Damaged(model.__name__)
        # As construct: every field in the model's order, a default for one left out.
        if len(keys) == len(names):
            data = {n: decoder(value[n]) for n, decoder, _ in resolved[0]}
        else:
            data = {n: decoder(value[n]) if n in value else f.default_value()
                    for n, decoder, f in resolved[0]}
        return made(model, data)
    return build


def _union(arms: list[tuple[frozenset[type] | None, Decoder]]) -> Decoder:
    tried: dict[type, tuple[Decoder, ...]] = {}  # by the value's type: the arms that may fit

    def build(value: Any) -> Any:
        kind = type(value)
        candidates = tried.get(kind)
        if candidates is None:
            candidates = tried[kind] = tuple(
                arm for accepts, arm in arms if accepts is None or kind in accepts)
        for arm in candidates:
            try:
                return arm(value)
            except Damaged:
                continue
        raise Damaged("no type of the union fits")
    return build


def _list(inner: Decoder, plain: type | None) -> Decoder:
    def build(value: Any) -> list[Any]:
        if type(value) is not list:
            raise Damaged("list")
        if plain is not None:  # a list of text (or numbers): checked, nothing to build
            if any(type(v) is not plain for v in value):
                raise Damaged(plain.__name__)
            return list(value)
        return [inner(v) for v in value]
    return build


def _dict(key: Decoder, inner: Decoder) -> Decoder:
    def build(value: Any) -> dict[Any, Any]:
        if type(value) is not dict:
            raise Damaged("dict")
        return {key(k): inner(v) for k, v in value.items()}
    return build


def _literal(allowed: tuple[Any, ...]) -> Decoder:
    def build(value: Any) -> Any:
        if type(value) is str and value in allowed:
            return value
        raise Damaged("literal")
    return build


def _enum(kind: type[Enum]) -> Decoder:
    def build(value: Any) -> Enum:
        if type(value) is not str and not isinstance(value, kind):
            raise Damaged(kind.__name__)
        try:
            return kind(value)
        except (ValueError, TypeError):
            raise Damaged(kind.__name__) from None
    return build


def _exact(kind: type) -> Decoder:
    def build(value: Any) -> Any:
        if type(value) is kind:
            return value
        raise Damaged(kind.__name__)
    return build


def _iso_date(value: Any) -> date:
    if type(value) is str:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise Damaged("date")
