"""The checklist answers as CSV for spreadsheets: one row per item, a header row first.

A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or
a carriage return) is prefixed with an apostrophe, so an answer cannot become a
formula. Empty cells mean "no value" (the JSON says ``null``).
"""

from __future__ import annotations

import csv
import io

from checklist_tui.core.answers import stringify
from checklist_tui.export.json_export import answer_rows
from checklist_tui.export.summary import Summary

COLUMNS = ["case_ref", "checklist_id", "checklist_version", "section_id", "section", "item_id",
           "prompt", "type", "required", "applies", "answered", "value", "not_applicable",
           "label", "note", "source", "answered_by", "answered_at"]
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    text = stringify(value, yes="yes", no="no", between="; ")
    return "'" + text if text.startswith(_FORMULA) else text


def render(s: Summary) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    fixed = {"case_ref": s.plan.case_ref, "checklist_id": s.checklist.id,
             "checklist_version": s.plan.checklist_version}
    for row in answer_rows(s):
        merged = fixed | row
        writer.writerow([cell(merged[c]) for c in COLUMNS])
    return buffer.getvalue()
