"""The checklist answers as CSV for spreadsheets: one row per item, a header row first.

Every row repeats what is true of the whole plan (as it repeats the case reference), so
a filtered or sorted sheet still carries it: ``plan_status`` is the status headline of
the other formats, and ``edited_outside`` says when the plan file was edited outside
the app (empty when it was not). ``challenge`` and ``challenge_answer`` hold a manager's
challenges on the item and the practitioner's answers (NOT YET ANSWERED where none), as
the other formats show them. ``from_history`` holds what the plan's history says under the
answer (words written before the date they record, or recorded again; a man People
recorded while a "no" stood), one sentence a line, as every other format shows it.

A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or
a carriage return) is prefixed with an apostrophe, so an answer cannot become a
formula. Empty cells mean "no value" (the JSON says ``null``).
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

from checklist_tui.core.answers import stringify
from checklist_tui.export.json_export import answer_rows
from checklist_tui.export.summary import NOT_ANSWERED, ChallengeView, Summary, headline

COLUMNS = ["case_ref", "checklist_id", "checklist_version", "plan_status", "edited_outside",
           "section_id", "section", "item_id", "plan_part",
           "prompt", "type", "required", "applies", "answered", "value",
           "not_applicable",
           "label", "note", "source", "answered_by", "answered_at",
           "challenge", "challenge_answer",
           # added last: a spreadsheet that reads columns by position keeps working
           "waits_for", "from_history"]
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    text = stringify(value, yes="yes", no="no", between="; ")
    return "'" + text if text.startswith(_FORMULA) else text


def _when(at: datetime) -> str:
    return f"{at.astimezone():%d/%m/%Y %H:%M}"


def challenge_cells(challenges: list[ChallengeView]) -> dict[str, str | None]:
    """An item's challenges (the summary's, as every format shows them): who asked, when and
    what; the answer with who gave it and when, or NOT YET ANSWERED. Several on one item are
    numbered, one to a line, in the order asked, the same in both cells."""
    asked, answers = [], []
    for n, c in enumerate(challenges, 1):
        number = f"{n}. " if len(challenges) > 1 else ""
        asked.append(f"{number}{c.asked_by}, {_when(c.asked_at)}: {c.text}")
        answers.append(f"{number}{c.answered_by}" + (
            f", {_when(c.answered_at)}" if c.answered_at else "") + f": {c.answer}"
            if c.answered else f"{number}{NOT_ANSWERED}")
    return {"challenge": "\n".join(asked) or None, "challenge_answer": "\n".join(answers) or None}


def render(s: Summary) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    fixed = {"case_ref": s.plan.case_ref, "checklist_id": s.checklist.id,
             "checklist_version": s.plan.checklist_version, "plan_status": headline(s),
             "edited_outside": s.edited_outside or None}
    on: dict[str, list[ChallengeView]] = {}
    for c in s.challenges:
        on.setdefault(c.item_id, []).append(c)
    rows = answer_rows(s)
    # A challenge on an item this checklist version no longer has keeps a row of its own.
    rows += [{"item_id": item} for item in on if item not in {r["item_id"] for r in rows}]
    for row in rows:
        merged = fixed | row | challenge_cells(on.get(row["item_id"], []))
        merged["from_history"] = "\n".join(row.get("from_history", ())) or None  # one a line
        writer.writerow([cell(merged.get(c)) for c in COLUMNS])
    return buffer.getvalue()
