"""The base of every model read from a file that people can open and edit (a checklist, its
sources, a plan), without pydantic at import (#12.2).

The models are standard dataclasses: a subclass of ``Strict`` is made one when it is
declared (``init=False, repr=False, eq=False, kw_only=True``: ``Strict`` gives them their
``__init__``, ``__eq__`` and ``__repr__``), so a model is its field declarations and
nothing more, and type checkers read it as a dataclass (``dataclass_transform``: each
model's keywords are checked where it is built). Their fields, types, defaults and order
are what pydantic validates.
Constructing one validates it exactly as pydantic's ``BaseModel`` did (the same checks,
errors and conversions; an unknown key is an error with a suggestion, never a
silently ignored setting): ``core.checked`` does it, and only then is pydantic imported.
Opening an unchanged plan builds its models from data already validated
(``core.strict_decode``), so the open path never loads pydantic. The constraints are
written as ``Annotated`` marks pydantic applies when it builds its validators (``Limit``,
``After``); a model's own check of its fields together is its ``validated`` method.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any, ClassVar, TypeVar, dataclass_transform

S = TypeVar("S", bound="Strict")


def _alias(name: str) -> str:
    """A field named after a Python keyword (``in_``, ``not_``) is written without the
    underscore in files (``in``, ``not``); either is accepted when read."""
    return name.rstrip("_")


class Invalid(ValueError):
    """Data that does not pass validation: ``errors()`` are pydantic's error dicts (with
    its loc, type, msg and ctx), which ``core.pydantic_errors`` turns into one line."""

    def __init__(self, message: str, errors: list[dict[str, Any]]) -> None:
        super().__init__(message)
        self._errors = errors

    def errors(self) -> list[dict[str, Any]]:
        return self._errors


class Limit:
    """Constraints on a value (pydantic's ``min_length``, ``max_length``, ``ge``, ``le``,
    ``pattern``), applied with the same checks and errors as ``Field(...)``:
    ``Annotated[str, Limit(max_length=200)]``."""

    __slots__ = ("constraints",)

    def __init__(self, **constraints: Any) -> None:
        self.constraints = constraints

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from checklist_tui.core import checked

        return checked.limited(self.constraints, source, handler)


class After:
    """A check of one value once its type is validated (as pydantic's ``field_validator``):
    ``check`` returns the value or raises ValueError with the words the user reads."""

    __slots__ = ("check",)

    def __init__(self, check: Callable[[Any], Any]) -> None:
        self.check = check

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from checklist_tui.core import checked

        return checked.after(self.check, source, handler)


@functools.cache
def _signature() -> str:
    """``Strict``'s signature as @dataclass writes it into a model's ``__doc__``."""
    import inspect

    return str(inspect.signature(Strict)).replace(" -> None", "")


@dataclass_transform(kw_only_default=True, eq_default=False)
class Strict:
    """A model: a dataclass (``init=False, repr=False, eq=False, kw_only=True``: this class
    gives them all), validated when constructed. Never put ``@dataclass`` on a model as
    well: made twice, its fields with a ``default_factory`` would become required."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {
        "extra": "forbid", "populate_by_name": True, "alias_generator": _alias}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Every model is a dataclass with the same options, declared here once."""
        super().__init_subclass__(**kwargs)
        if cls.__doc__ is None and "__init__" not in cls.__dict__:
            # What @dataclass writes for a model without a docstring, worked out once
            # (it calls inspect.signature for each, 0.05 ms a model on every start).
            cls.__doc__ = cls.__name__ + _signature()
        dataclasses.dataclass(init=False, repr=False, eq=False, kw_only=True)(cls)

    def __init__(self, **data: Any) -> None:
        """Validated as pydantic's ``BaseModel(**data)``: raises ``Invalid``."""
        from checklist_tui.core import checked

        checked.init(self, data)

    def validated(self) -> None:
        """A check of the fields together, run when pydantic validates this model (raise
        ValueError with the words the user reads); none by default."""

    def __post_init__(self) -> None:
        # Called by pydantic once it has validated the fields (never by ``construct``).
        self.validated()

    # Written once here, not made for every model by @dataclass (each made method is
    # compiled when the model is defined: about 0.15 ms each, on every start).
    def __eq__(self, other: object) -> bool:
        """Equal when of the same model with equal fields (as pydantic's models were)."""
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # a model can change: never a dict key

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({values})"

    # pydantic's names for what a model did before (#12.2), so that callers read the same.
    @classmethod
    def model_validate(cls: type[S], data: Any) -> S:
        """``cls`` from data read from a file, validated by pydantic: raises ``Invalid``."""
        from checklist_tui.core import checked

        return checked.validate(cls, data)

    @classmethod
    def model_construct(cls: type[S], **values: Any) -> S:
        """See ``construct`` (a required field left out stays unset, as pydantic's)."""
        return construct(cls, values)

    def model_dump(self, **options: Any) -> dict[str, Any]:
        """See ``dump``."""
        return dump(self, **options)

    def model_copy(self: S, *, update: dict[str, Any] | None = None, deep: bool = False) -> S:
        """See ``copy`` (``update``: fields set without validation, as pydantic's)."""
        out = copy(self, deep=deep)
        if update:
            out.__dict__.update(update)
        return out


class ModelField:
    """What a model's field is, for the code that builds, compares and writes models."""

    __slots__ = ("alias", "default", "factory", "name", "required")

    def __init__(self, f: dataclasses.Field[Any]) -> None:
        self.name = f.name
        self.alias = _alias(f.name)
        self.factory: Callable[[], Any] | None = (
            None if f.default_factory is dataclasses.MISSING else f.default_factory)
        self.default: Any = f.default
        self.required = self.factory is None and f.default is dataclasses.MISSING

    def default_value(self) -> Any:
        return self.factory() if self.factory is not None else self.default


_FIELDS: dict[type[Strict], dict[str, ModelField]] = {}


def fields(model: type[Strict]) -> dict[str, ModelField]:
    """The model's fields by name, in their order."""
    found = _FIELDS.get(model)
    if found is None:
        found = _FIELDS[model] = {f.name: ModelField(f)
                                  for f in dataclasses.fields(model)}  # type: ignore[arg-type]
    return found


def construct(model: type[S], values: dict[str, Any]) -> S:
    """``model`` from values already validated (as pydantic's ``model_construct``): fields
    left out get their defaults; nothing is checked (``core.strict_decode`` checks types)."""
    known = fields(model)
    return made(model, {name: values[name] if name in values else f.default_value()
                        for name, f in known.items() if name in values or not f.required})


def made(model: type[S], data: dict[str, Any]) -> S:
    """``model`` whose fields are ``data`` as it is (in the model's order), unchecked."""
    obj = object.__new__(model)
    object.__setattr__(obj, "__dict__", data)
    return obj


def defaults(model: type[S]) -> Callable[[], S]:
    """A factory of ``model`` with every field at its default (a default needs no check)."""
    return functools.partial(construct, model, {})


def copy(obj: S, *, deep: bool = False) -> S:
    """A copy of a model (as ``model_copy``), of everything inside it too with ``deep``."""
    import copy as copying

    if deep:
        return copying.deepcopy(obj)
    out = object.__new__(type(obj))
    object.__setattr__(out, "__dict__", dict(obj.__dict__))
    return out


def dump(obj: Strict, *, mode: str = "python", include: Iterable[str] | None = None,
         exclude: Iterable[str] | None = None, exclude_defaults: bool = False,
         exclude_none: bool = False) -> dict[str, Any]:
    """The model as plain data, exactly as pydantic's ``model_dump`` gives it with the same
    options (``include`` and ``exclude``: field names at the top). In ``json`` mode dates
    and times are ISO text (UTC as ``Z``) and kinds their values."""
    keep = set(include) if include is not None else None
    drop = set(exclude or ())
    return _model(obj, mode == "json", exclude_defaults, exclude_none, keep, drop)


def _model(obj: Strict, json: bool, defaults: bool, none: bool,
           keep: set[str] | None = None, drop: set[str] | frozenset[str] = frozenset()
           ) -> dict[str, Any]:
    out: dict[str, Any] = {}
    values = obj.__dict__
    for name, f in fields(type(obj)).items():
        if name in drop or (keep is not None and name not in keep):
            continue
        value = values[name]
        if none and value is None:
            continue
        if defaults and not f.required and value == f.default_value():
            continue
        out[name] = _value(value, json, defaults, none)
    return out


def _value(value: Any, json: bool, defaults: bool, none: bool) -> Any:
    kind = type(value)
    if kind is str or kind is bool or kind is int or value is None:
        return value
    if isinstance(value, Strict):
        return _model(value, json, defaults, none)
    if kind is list:
        return [_value(v, json, defaults, none) for v in value]
    if kind is dict:
        return {k: _value(v, json, defaults, none) for k, v in value.items()
                if not (none and v is None)}
    if json:
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, dt.datetime):
            text = value.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(value, dt.date):
            return value.isoformat()
    return value
