"""JSON Schema of the checklist format, generated from the models, for checklist authors."""

from __future__ import annotations

import json
from typing import Any

from checklist_tui.core.definition import Checklist, SourcesFile


def checklist_schema() -> dict[str, Any]:
    schema = Checklist.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "checklist-tui checklist definition"
    return schema


def sources_schema() -> dict[str, Any]:
    schema = SourcesFile.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "checklist-tui sources file"
    return schema


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
