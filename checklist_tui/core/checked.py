"""Validation of the models (``core.strict``) by pydantic, loaded only when something is
validated: a file not validated before, a new record, an edit (#12.2).

The checks are pydantic's own, from the models' field types and ``Annotated`` marks; the
errors are pydantic's error dicts, with the names pydantic gives a model's (not a
dataclass's) errors, so ``core.pydantic_errors`` words them as before.

pydantic's plugins are never used: a plugin is third-party code, found through every
installed package's entry points, that pydantic would hand each value validated (a plan's
answers, names and notes: special-category personal data). ``PYDANTIC_DISABLE_PLUGINS``
is pydantic's own switch, read as each validator is built; it is set before the first one
is. pydantic's plugin finder (``pydantic.plugin._loader``) would still be imported, and
with it ``importlib.metadata`` (about 35 ms, and the look through every package's metadata
about 30 more before the switch was set, paid by a practitioner's first answer): it is
stood in for by a finder that finds none, unless something has loaded the real one.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from types import ModuleType
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError
from pydantic_core import core_schema

from checklist_tui.core.strict import Invalid, Strict

S = TypeVar("S", bound=Strict)

#: A dataclass's error names that a model names otherwise (``core.pydantic_errors``).
_AS_MODEL = {"unexpected_keyword_argument": ("extra_forbidden", "Extra inputs are not permitted"),
             "dataclass_type": ("model_type", None), "dataclass_exact_type": ("model_type", None)}


_ADAPTERS: dict[type[Strict], TypeAdapter[Any]] = {}
_BUILDING = threading.RLock()
"""Held while a validator is built: one built in the app's warming thread is waited for by
a first edit that needs it (which would otherwise build it again beside it, sharing the
same interpreter lock and taking twice as long)."""


def adapter(model: type[Strict]) -> TypeAdapter[Any]:
    """pydantic's validator of ``model``, built once (in any thread), without plugins."""
    found = _ADAPTERS.get(model)
    if found is None:
        with _BUILDING:
            found = _ADAPTERS.get(model)
            if found is None:
                _no_plugins()
                found = _ADAPTERS[model] = TypeAdapter(model)
    return found


_FINDER = "pydantic.plugin._loader"


def _no_plugins() -> None:
    """No plugin is looked for or used when a validator is built (see the top)."""
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    if _FINDER not in sys.modules:
        finder = ModuleType(_FINDER, "Stands in for pydantic's plugin finder: no plugins.")
        finder.get_plugins = tuple  # type: ignore[attr-defined]  # () : none
        sys.modules[_FINDER] = finder


def _invalid(exc: ValidationError) -> Invalid:
    errors: list[dict[str, Any]] = []
    for found in exc.errors():
        err: dict[str, Any] = dict(found)
        kind, msg = _AS_MODEL.get(err["type"], (err["type"], None))
        err["type"] = kind
        if msg is not None:
            err["msg"] = msg
        errors.append(err)
    return Invalid(str(exc), errors)


def validate(model: type[S], data: Any) -> S:
    """``model`` from ``data`` (a dict as read from a file), or ``Invalid``."""
    try:
        value: S = adapter(model).validate_python(data)
    except ValidationError as exc:
        raise _invalid(exc) from None
    return value


def init(obj: Strict, data: dict[str, Any]) -> None:
    """Fill ``obj`` from ``data``, validated as ``type(obj)(**data)`` is."""
    object.__setattr__(obj, "__dict__", validate(type(obj), data).__dict__)


def assign(obj: Strict, name: str, value: Any) -> None:
    """Set a field of ``obj`` to ``value`` validated as that field's values are (as
    pydantic's ``validate_assignment``), or raise ``Invalid`` and leave it unchanged."""
    try:
        adapter(type(obj)).validator.validate_assignment(obj, name, value)
    except ValidationError as exc:
        raise _invalid(exc) from None


def limited(constraints: dict[str, Any], source: Any, handler: Any) -> Any:
    schema = handler(source)
    schema.update(constraints)
    return schema


def after(check: Callable[[Any], Any], source: Any, handler: Any) -> Any:
    return core_schema.no_info_after_validator_function(check, handler(source))


def json_schema(model: type[Strict], **options: Any) -> dict[str, Any]:
    return adapter(model).json_schema(**options)


def prepare(models: list[type[Strict]]) -> None:
    """Build the validators of ``models`` now (see ``core.plan_cache.prepare_edits``)."""
    for model in models:
        adapter(model)
