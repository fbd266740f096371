"""Models built from data already validated once, without validating it again (#12.2):
without pydantic.

Used only when a hash proves the very same bytes passed pydantic's validation before, by
this version of the app (see ``core.definition_cache`` and ``core.plan_cache``). Even
then nothing is taken on trust: every value must already have exactly the field's type
(no conversion at all), or ``Damaged`` is raised and the caller validates in full.

Two shapes of data are read:
  dumped  a model's ``model_dump(mode="json")``: every field present, dates as ISO text
  native  what ``tomllib`` gives for a file the app wrote: native dates and times, and
          fields at their default may be left out (they get the default, as in pydantic)
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from checklist_tui.core.strict import Strict, construct, fields

M = TypeVar("M", bound=Strict)
Decoder = Callable[[Any], Any]


class Damaged(ValueError):
    """Data that does not have exactly the model's shape and types."""


def decode(model: type[M], data: Any, *, native: bool = False) -> M:
    """``model`` built from ``data`` by ``strict.construct``; raises Damaged unless every
    value has exactly its field's type (``native``: tomllib data, see the module)."""
    return typing.cast(M, _decoder(typing.cast(Any, model), native)(data))


@functools.cache
def _decoder(annotation: Any, native: bool) -> Decoder:
    """A function that checks one value against ``annotation`` and builds it (made once
    per type: a checklist or a plan has thousands of values)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _decoder(typing.get_args(annotation)[0], native)
    if origin in (typing.Union, types.UnionType):
        return _union([_decoder(arm, native) for arm in typing.get_args(annotation)])
    if origin is list:
        return _list(_decoder(typing.get_args(annotation)[0], native))
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


def _model(model: type[Strict], native: bool) -> Decoder:
    names = frozenset(fields(model))
    required = frozenset(n for n, f in fields(model).items() if f.required)
    decoders: dict[str, Decoder] = {}

    def build(value: Any) -> Strict:
        if not decoders:  # resolved on first use: a model may contain itself
            hints = typing.get_type_hints(model, include_extras=True)
            decoders.update((n, _decoder(hints[n], native)) for n in names)
        if type(value) is not dict:
            raise Damaged(model.__name__)
        keys = value.keys()
        if not (keys <= names and keys >= required) or (not native and keys != names):
            raise Damaged(model.__name__)
        return construct(model, {n: decoders[n](v) for n, v in value.items()})
    return build


def _union(arms: list[Decoder]) -> Decoder:
    def build(value: Any) -> Any:
        for arm in arms:
            try:
                return arm(value)
            except Damaged:
                continue
        raise Damaged("no type of the union fits")
    return build


def _list(inner: Decoder) -> Decoder:
    def build(value: Any) -> list[Any]:
        if type(value) is not list:
            raise Damaged("list")
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
