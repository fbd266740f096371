"""JSON Schema of the checklist format, generated from the models, for checklist authors.

The field docstrings in ``core.definition`` (and the two modules it is made of) are the
descriptions authors read. Pydantic's ``use_attribute_docstrings`` would read them for every
model at import, on every start of the app (about two thirds of pydantic's start-up cost),
so they are read here instead, only when a schema is generated.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from checklist_tui.core import definition, definition_base, definition_item
from checklist_tui.core.definition import Checklist, SourcesFile

#: The format's modules, parts before wholes.
FORMAT_MODULES = (definition_base, definition_item, definition)


def _models() -> list[type[BaseModel]]:
    """Every model of the format, in the order its modules define them (parts first)."""
    return [value for module in FORMAT_MODULES for value in vars(module).values()
            if isinstance(value, type) and issubclass(value, BaseModel)
            and value.__module__ == module.__name__]


def with_descriptions() -> None:
    """Give each field without a description its docstring (as ``use_attribute_docstrings``
    would), then rebuild the models, parts before wholes, so the schema carries them."""
    from pydantic._internal._docs_extraction import extract_docstrings_from_cls

    models = _models()
    changed = False
    for model in models:
        docs = extract_docstrings_from_cls(model, use_inspect=True)
        for name, info in model.model_fields.items():
            if info.description is None and name in docs:
                info.description = docs[name]
                changed = True
    if changed:
        for model in models:
            model.model_rebuild(force=True)


def _schema(model: type[BaseModel], title: str) -> dict[str, Any]:
    with_descriptions()
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema


def checklist_schema() -> dict[str, Any]:
    return _schema(Checklist, "checklist-tui checklist definition")


def sources_schema() -> dict[str, Any]:
    return _schema(SourcesFile, "checklist-tui sources file")


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
