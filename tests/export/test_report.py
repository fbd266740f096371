"""Golden tests for the folder report over the example plans, in every format."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from checklist_tui.core import review
from checklist_tui.core.assurance import assess
from checklist_tui.core.index import PlanIndex
from checklist_tui.core.review_file import change_plan
from checklist_tui.export.report import FORMATS, render_report
from tests.conftest import EXAMPLES, NOW, ROOT, TODAY

GOLDEN = ROOT / "tests" / "golden" / "report"
SUFFIX = {"table": "txt", "csv": "csv", "json": "jsonl", "markdown": "md"}


@pytest.fixture
def examples(tmp_path: Path, catalogue):
    folder = tmp_path / "examples"
    folder.mkdir()
    for plan in sorted(EXAMPLES.glob("*.toml")):
        shutil.copy(plan, folder / plan.name)
    (folder / "broken.toml").write_text("format_version = 1\ncase_ref = \"cut", "utf-8")
    # One plan signed off, so that the assurance figures have something to count.
    ready = folder / "discharge-ready-for-sign-off.toml"
    change_plan(ready, catalogue.get,
                lambda p, c: review.submit(p, c, by="Drew", now=NOW, today=TODAY))
    change_plan(ready, catalogue.get, lambda p, c: review.decide(
        p, c, decision="approved", rationale="Complete", name="Sam Senior",
        role="Team manager", now=NOW, today=TODAY))
    with PlanIndex(folder, catalogue.checklists, include_user=False) as index:
        index.refresh(today=TODAY)
        rows = index.rows()
    return rows, assess(rows, catalogue.checklists, catalogue.sources, TODAY)


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(examples, fmt):
    rows, figures = examples
    text = render_report(rows, figures, fmt)
    path = GOLDEN / f"examples.{SUFFIX[fmt]}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8"), (
        f"{path.name} differs: if the change is intended, run UPDATE_GOLDEN=1 pytest "
        "tests/export/test_report.py and review the diff")


def test_csv_loads_as_one_table(examples):
    rows, figures = examples
    table = list(csv.DictReader(io.StringIO(render_report(rows, figures, "csv"))))
    assert len(table) == 4
    broken = next(r for r in table if r["file"] == "broken.toml")
    assert "damaged" in broken["problem"]
    part = list(csv.DictReader(io.StringIO(render_report(rows, figures, "csv",
                                                          "recommendations"))))
    assert {"source", "plans_applying", "without_concern"} <= set(part[0])


def test_json_is_one_object_per_line(examples):
    rows, figures = examples
    records = [json.loads(line) for line in render_report(rows, figures, "json").splitlines()]
    assert records[0]["record"] == "summary" and records[0]["plans"] == 3
    assert len(records[0]["unreadable"]) == 1
    kinds = {r["record"] for r in records}
    assert {"plans", "recommendations", "items", "left-open", "past-due"} <= kinds
    assert records[0]["signed_off_counted"] == 1  # the discharge plan, approved
    left = [r for r in records if r["record"] == "left-open"]
    assert left and left[0]["applies"] == 2  # both drafts: left open counts every plan
    father = [r for r in records if r["record"] == "items" and r["item"] == "DPM-M02"]
    assert father and father[0]["applies"] == 1 and father[0]["without_concern"] == 1


def test_hostile_text_stays_literal(examples):
    rows, figures = examples
    rows[0].case_ref = "=HYPERLINK(\"x\")\x1b[31m[red]"
    table = render_report(rows, figures, "table", "plans")
    assert "\x1b" not in table and "\\x1b" in table
    cell = next(iter(csv.reader(io.StringIO(render_report(rows, figures, "csv")))))
    assert cell[0] == "case_ref"
    text = render_report(rows, figures, "csv")
    assert "'=HYPERLINK" in text
    assert "\\[red\\]" in render_report(rows, figures, "markdown", "plans")
