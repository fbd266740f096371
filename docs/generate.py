"""Regenerate the generated documents in docs/ (tests fail when they are out of date).

    python docs/generate.py
"""

from __future__ import annotations

from pathlib import Path

from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.coverage import coverage
from checklist_tui.core.schema import checklist_schema, dumps, sources_schema
from checklist_tui.export.coverage_report import render
from checklist_tui.export.json_schema import export_schema

DOCS = Path(__file__).resolve().parent


def generated() -> dict[str, str]:
    cat = load_catalogue(include_user=False)
    return {
        "checklist-schema.json": dumps(checklist_schema()),
        "sources-schema.json": dumps(sources_schema()),
        "export-schema.json": dumps(export_schema()),
        "coverage.md": render(coverage(cat.sources, cat.ordered()), "markdown"),
    }


if __name__ == "__main__":
    for name, text in generated().items():
        (DOCS / name).write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote docs/{name}")
