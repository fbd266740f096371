"""Turn pydantic validation errors into Problems a checklist author can act on."""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any

from checklist_tui.core.errors import Problem, did_you_mean
from checklist_tui.core.strict import Invalid, Strict, fields
from checklist_tui.core.tomlfile import line_of_id


def _model_at(root: type[Strict], loc: tuple[Any, ...]) -> type[Strict] | None:
    """The model class that holds the last key in ``loc``."""
    model: type[Strict] | None = root
    for part in loc[:-1]:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = fields(model).get(part) or next(
            (f for f in fields(model).values() if f.alias == part), None
        )
        if field is None:
            return None
        model = _find_model(typing.get_type_hints(model)[field.name])
    return model


def _names(model: type[Strict] | None) -> list[str]:
    """The keys a model's table may have, as written in files."""
    return [f.alias for f in fields(model).values()] if model else []


def _find_model(annotation: Any) -> type[Strict] | None:
    if isinstance(annotation, type) and issubclass(annotation, Strict):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated) or origin is not None:
        for arg in typing.get_args(annotation):
            found = _find_model(arg)
            if found:
                return found
    return None


def _place(data: dict[str, Any], loc: tuple[Any, ...], text: str) -> tuple[str, list[str]]:
    """Describe a location as `section 'x' > item 'y' (line N)` plus remaining keys."""
    parts: list[str] = []
    rest: list[str] = []
    node: Any = data
    line: int | None = None
    i = 0
    while i < len(loc):
        key = loc[i]
        nxt = loc[i + 1] if i + 1 < len(loc) else None
        if key in ("sections", "items", "sources") and isinstance(nxt, int):
            try:
                node = node[key][nxt]
            except (KeyError, IndexError, TypeError):
                node = None
            kind = {"sections": "section", "items": "item", "sources": "source"}[key]
            ident = node.get("id") if isinstance(node, dict) else None
            if isinstance(ident, str):
                parts.append(f"{kind} '{ident}'")
                line = line_of_id(text, ident) or line
            else:
                parts.append(f"{kind} {nxt + 1}")
            i += 2
            continue
        rest.append(f"{key}" if not isinstance(key, int) else f"[{key + 1}]")
        if isinstance(node, dict):
            node = node.get(key)
        elif isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
        i += 1
    where = " > ".join(parts)
    if line:
        where = f"{where} (line {line})" if where else f"line {line}"
    return where, rest


def _keys_only(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """``loc`` without pydantic's union tags (e.g. ``function-after[...]``): only the keys
    and indexes that exist in the data, plus a last key that may be unknown or missing.
    (A key that itself contains ``[`` is kept: it is a real key.)"""
    kept: list[Any] = []
    node = data
    for n, part in enumerate(loc):
        in_dict = isinstance(node, dict) and part in node
        if in_dict or (isinstance(node, list) and isinstance(part, int)
                       and 0 <= part < len(node)):
            kept.append(part)
            node = node[part]
        elif n == len(loc) - 1 or not (isinstance(part, str) and "[" in part):
            kept.append(part)
            node = None
    return tuple(kept) or ("",)


def problems_from(
    exc: Invalid, path: Path, data: dict[str, Any], text: str, root: type[Strict]
) -> list[Problem]:
    problems: list[Problem] = []
    errors = exc.errors()
    # A misspelt key also makes the key it was meant to be "missing": report it once.
    typos = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            model = _model_at(root, tuple(err["loc"]))
            names = _names(model)
            close = did_you_mean(str(err["loc"][-1]), names)
            if close:
                typos.add((*err["loc"][:-1], close.split("'")[1]))
    for err in errors:
        if err["type"] == "missing" and tuple(err["loc"]) in typos:
            continue
        loc = _keys_only(data, tuple(err["loc"]))
        where, rest = _place(data, loc, text)
        key = ".".join(r for r in rest if r) or ""
        kind = err["type"]
        hint = ""
        if kind == "extra_forbidden":
            name = str(loc[-1])
            model = _model_at(root, loc)
            names = _names(model)
            hint = did_you_mean(name, names) or (
                f"allowed keys: {', '.join(sorted(names))}" if names else ""
            )
            message = f"unknown key '{name}'"
            key = ".".join(rest[:-1])
        elif kind == "missing":
            message = f"missing required key '{loc[-1]}'"
            key = ".".join(rest[:-1])
        else:
            message = plain(err)
            if key:
                message = f"'{key}': {message}"
            key = ""
        place = " > ".join(x for x in (where, key) if x)
        problems.append(Problem(path, message, place, hint))
    return problems


_PLAIN = {
    "string_too_long": "is longer than {max_length} characters",
    "string_too_short": "is empty",
    "too_long": "has more than {max_length} entries",
    "greater_than_equal": "must be at least {ge}",
    "greater_than": "must be more than {gt}",
    "less_than_equal": "must be at most {le}",
    "less_than": "must be less than {lt}",
    "missing": "is missing",
    "extra_forbidden": "is not a known field",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "string_type": "must be text",
    "date_parsing": "must be a date",
    "date_from_datetime_parsing": "must be a date",
    "date_type": "must be a date",
    "datetime_parsing": "must be a date and time",
    "datetime_from_date_parsing": "must be a date and time",
    "datetime_type": "must be a date and time",
    "list_type": "must be a list",
    "dict_type": "must be a table",
    "model_type": "must be a table",
    "enum": "must be one of: {expected}",
    "literal_error": "must be one of: {expected}",
}


def plain(err: Any) -> str:
    """One of pydantic's errors in plain words, for a practitioner ("must be at least 1",
    not "Input should be greater than or equal to 1"). Our own checks' words (value
    errors) are kept as they are."""
    kind, ctx = str(err.get("type", "")), dict(err.get("ctx") or {})
    if kind in ("value_error", "assertion_error"):
        return str(err.get("msg", "")).removeprefix("Value error, ").removeprefix(
            "Assertion failed, ")
    template = _PLAIN.get(kind)
    if template is not None:
        try:
            return template.format(**ctx)
        except (KeyError, IndexError):
            pass
    return "is not valid here"


def where(err: Any) -> str:
    """The field an error is about, as a dotted path ('who', 'answers.PBA-S01.value')."""
    return ".".join(str(p) for p in err.get("loc", ()))
