"""Every JSON export validates against the published schema (docs/export-schema.json)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from checklist_tui.core import store
from checklist_tui.core.edit import set_note
from checklist_tui.export.writer import render
from tests.conftest import EXAMPLES, NOW, ROOT

SCHEMA = json.loads((ROOT / "docs" / "export-schema.json").read_text(encoding="utf-8"))
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.toml"))


def _validate(doc: dict) -> None:
    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_schema_is_itself_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("redact", [False, True])
def test_every_export_validates(catalogue, example: Path, redact: bool) -> None:
    loaded = store.load(example)
    lc = catalogue.get(loaded.plan.checklist_id)
    doc = json.loads(render("json", lc, loaded.plan, redact, catalogue.sources))
    _validate(doc)
    # prompts, section titles and labels are there, so a dashboard needs no checklist
    answered = [a for a in doc["answers"] if a["answered"]]
    assert answered and all(a["prompt"] and a["section"] and a["label"] for a in answered)
    # null, never absent: every answer row has every key, missing values are null
    assert all(set(a) == set(doc["answers"][0]) for a in doc["answers"])
    assert doc["plan"]["dob"] is None or isinstance(doc["plan"]["dob"], str)


def test_schema_rejects_a_missing_field(catalogue) -> None:
    loaded = store.load(EXAMPLE_FILES[0])
    doc = json.loads(render("json", catalogue.get(loaded.plan.checklist_id), loaded.plan,
                            False, catalogue.sources))
    del doc["answers"][0]["note"]
    with pytest.raises(AssertionError):
        _validate(doc)


def test_an_export_made_before_fields_added_within_version_3_still_validates(catalogue):
    """rev9-core 10: from_history and born_today's title were added within schema 3 and
    made required, so an export made earlier in version 3 no longer validated."""
    loaded = store.load(EXAMPLES / "early-pre-birth.toml")
    doc = json.loads(render("json", catalogue.get(loaded.plan.checklist_id), loaded.plan,
                            False, catalogue.sources))
    assert doc["schema_version"] == 3
    for row in doc["answers"]:
        del row["from_history"]
    del doc["computed"]["born_today"]["title"]
    _validate(doc)


def test_hostile_note_still_validates(catalogue) -> None:
    loaded = store.load(EXAMPLES / "early-pre-birth.toml")
    plan = loaded.plan.model_copy(deep=True)
    set_note(plan, "PBA-S01", "\x00\x1b[2J\u202e" + "x" * 10_000, by="t", now=NOW)
    doc = json.loads(render("json", catalogue.get(plan.checklist_id), plan, False,
                            catalogue.sources))
    _validate(doc)
