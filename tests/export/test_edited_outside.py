"""#8.2 in the exports: a plan edited outside the app says so in the status of every format,
both when loading finds it and after the app has written the mark into the history."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest

from checklist_tui.core import history, store
from checklist_tui.export.writer import render
from tests.conftest import EXAMPLES
from tests.export.docx_structure import docx_structure

NAME = "family-t-like-twins.toml"
FORMATS = ["markdown", "html", "json", "csv", "docx"]


def _status(fmt: str, out: str | bytes) -> str:
    """The status headline as each format carries it."""
    if fmt == "docx":
        body = docx_structure(out)["body"]  # type: ignore[arg-type]
        return next(text for style, text in (b for b in body if isinstance(b, list))
                    if text.startswith("Status:"))
    assert isinstance(out, str)
    if fmt == "json":
        return json.loads(out)["headline"]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert len({r["plan_status"] for r in rows}) == 1  # the same on every row
        return rows[0]["plan_status"]
    line = next(line for line in out.splitlines() if "Status:" in line)
    return re.sub(r"<[^>]+>|\*\*", "", line)  # the text, without its bold


@pytest.fixture
def tampered(tmp_path):
    path = tmp_path / NAME
    shutil.copy(EXAMPLES / NAME, path)
    store.save(store.load(path))  # sealed at its first save
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('value = "yes"', 'value = "no"', 1), encoding="utf-8")
    return path


def _render(fmt, catalogue, loaded, redact=False):
    checklist = catalogue.get(loaded.plan.checklist_id)
    return render(fmt, checklist, loaded.plan, redact, catalogue.sources, b"k" * 32,
                  found_outside=loaded.found_outside)


@pytest.mark.parametrize("redact", [False, True])
@pytest.mark.parametrize("fmt", FORMATS)
def test_found_on_loading_and_after_the_mark_is_saved(catalogue, tampered, fmt, redact) -> None:
    loaded = store.load(tampered)
    assert loaded.found_outside
    status = _status(fmt, _render(fmt, catalogue, loaded, redact))
    assert status.startswith(f"Status: {history.EDITED_OUTSIDE}: "), status
    assert "content" in status  # what was found, not only that something was
    store.save(loaded)  # the app writes the mark into the history
    again = store.load(tampered)
    assert again.found_outside == ""
    out = _render(fmt, catalogue, again, redact)
    assert _status(fmt, out).startswith(f"Status: {history.EDITED_OUTSIDE} (found 25/11/2026")
    if fmt == "json":
        assert json.loads(out)["edited_outside"].startswith(history.EDITED_OUTSIDE)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert all(r["edited_outside"].startswith(history.EDITED_OUTSIDE) for r in rows)


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_intact_plan_says_nothing_of_the_kind(catalogue, fmt) -> None:
    loaded = store.load(EXAMPLES / NAME)
    out = _render(fmt, catalogue, loaded)
    assert history.EDITED_OUTSIDE not in _status(fmt, out)
    text = json.dumps(docx_structure(out)) if fmt == "docx" else out
    assert "outside the app" not in str(text)
    if fmt == "json":
        assert json.loads(out)["edited_outside"] is None  # type: ignore[arg-type]


def test_the_cli_export_passes_what_loading_found(tampered, capsys) -> None:
    from checklist_tui.cli import main

    assert main(["export", str(tampered), "--format", "markdown", "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert f"**Status: {history.EDITED_OUTSIDE}: " in out
    assert "| Edited outside the app |" in out  # in the plan details too


def test_redacted_status_names_no_record_id(catalogue, tmp_path) -> None:
    """A record id links a copy back to the plan file: the redacted mark never shows one."""
    path = tmp_path / NAME
    shutil.copy(EXAMPLES / NAME, path)
    store.save(store.load(path))
    text = path.read_text(encoding="utf-8")
    person_id = store.load(path).plan.people[0].id
    entries = text.split("\n[[history]]\n")
    n = next(i for i, e in enumerate(entries) if f'target = "{person_id}"' in e)
    entries[n] = entries[n].replace('by = "', 'by = "X', 1)
    path.write_text("\n[[history]]\n".join(entries), encoding="utf-8")
    loaded = store.load(path)
    assert person_id in loaded.found_outside
    for fmt in FORMATS:
        out = _render(fmt, catalogue, loaded, redact=True)
        text = json.dumps(docx_structure(out)) if fmt == "docx" else str(out)
        assert person_id not in text, fmt
        assert "person-1" in _status(fmt, out), fmt
