"""JSON Schema of the checklist format, generated from the models, for checklist authors.

The field docstrings in ``core.definition`` (and the two modules it is made of) are the
descriptions authors read. They are read here, only when a schema is generated (reading
them for every model at import cost most of pydantic's start-up, when the models were
pydantic's).
"""

from __future__ import annotations

import json
from typing import Any

from checklist_tui.core import checked, definition, definition_base, definition_item
from checklist_tui.core.definition import Checklist, SourcesFile
from checklist_tui.core.strict import Strict, fields

#: The format's modules, parts before wholes.
FORMAT_MODULES = (definition_base, definition_item, definition)


def _models() -> list[type[Strict]]:
    """Every model of the format, in the order its modules define them (parts first)."""
    return [value for module in FORMAT_MODULES for value in vars(module).values()
            if isinstance(value, type) and issubclass(value, Strict)
            and value.__module__ == module.__name__]


def _describe(schema: dict[str, Any]) -> None:
    """Give each field without a description its docstring, in the schema (as pydantic's
    ``use_attribute_docstrings`` would)."""
    from pydantic._internal._docs_extraction import extract_docstrings_from_cls

    defs = schema.get("$defs", {})
    for model in _models():
        target = schema if model.__name__ == schema.get("title") else defs.get(model.__name__)
        if target is None:
            continue
        docs = extract_docstrings_from_cls(model, use_inspect=True)
        properties = target.get("properties", {})
        for name, info in fields(model).items():
            prop = properties.get(info.alias)
            if prop is not None and "description" not in prop and name in docs:
                prop["description"] = docs[name]


def _schema(model: type[Strict], title: str) -> dict[str, Any]:
    schema = checked.json_schema(model, by_alias=True)
    _describe(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema


def checklist_schema() -> dict[str, Any]:
    return _schema(Checklist, "checklist-tui checklist definition")


def sources_schema() -> dict[str, Any]:
    return _schema(SourcesFile, "checklist-tui sources file")


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
