"""The checklist answers as CSV for spreadsheets: one row per item, a header row first.

Every row repeats what is true of the whole plan (as it repeats the case reference), so
a filtered or sorted sheet still carries it: ``plan_status`` is the status headline of
the other formats, and ``edited_outside`` says when the plan file was edited outside
the app (empty when it was not).

A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or
a carriage return) is prefixed with an apostrophe, so an answer cannot become a
formula. Empty cells mean "no value" (the JSON says ``null``).
"""

from __future__ import annotations

import csv
import io

from checklist_tui.core.answers import stringify
from checklist_tui.export.json_export import answer_rows
from checklist_tui.export.summary import Summary, headline

COLUMNS = ["case_ref", "checklist_id", "checklist_version", "plan_status", "edited_outside",
           "section_id", "section", "item_id", "plan_part",
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
             "checklist_version": s.plan.checklist_version, "plan_status": headline(s),
             "edited_outside": s.edited_outside or None}
    for row in answer_rows(s):
        merged = fixed | row
        writer.writerow([cell(merged[c]) for c in COLUMNS])
    return buffer.getvalue()
