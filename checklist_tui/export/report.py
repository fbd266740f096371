"""The folder report: the plan index and the assurance figures, as a table, CSV, JSON
lines or Markdown. A library: it knows nothing about the command line.

CSV holds one part (a spreadsheet is one table); the others hold every part.
User text is always literal: control characters are shown, Markdown is escaped,
and a CSV cell that a spreadsheet would run as a formula is quoted with '.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Callable
from datetime import date

from checklist_tui.core.assurance import STANDINGS, Assurance
from checklist_tui.core.dates import plural
from checklist_tui.core.index_row import NOT_YET, OPEN, UNKNOWN, PlanRow
from checklist_tui.core.index_view import COLUMNS, SHORT, ordered
from checklist_tui.export.markdown_safe import md_cell
from checklist_tui.export.safe import plain

FORMATS = ("table", "csv", "json", "markdown")
PARTS = ("all", "plans", "recommendations", "items", "left-open", "agencies", "past-due")
TITLES = {
    "plans": "Plans",
    "recommendations": "Recommendations: signed-off plans where they apply, answered, "
                       "without concern",
    "items": "Items: signed-off plans where each applies, answered, without concern",
    "left-open": "Items most often left open, unknown or not yet (every plan that can be "
                 "read)",
    "agencies": "Overdue actions by agency",
    "past-due": "Plans past their due points",
}

Table = tuple[list[str], list[str], list[list[str | int | None]]]  # keys, headings, rows


def _plans(rows: list[PlanRow], today: date) -> Table:
    return ([c.key for c in COLUMNS], [c.heading for c in COLUMNS],
            [[c.value(r, today) for c in COLUMNS] for r in ordered(rows)])


def _recommendations(a: Assurance) -> Table:
    return (["source", "group", "title", "plans_applying", "all_answered", "without_concern"],
            ["Source", "Group", "Title", "Signed-off plans where it applies",
             "All its items answered", "Without concern"],
            [[s.source.id, s.source.group, s.source.title, s.plans_applying,
              s.plans_all_answered, s.plans_without_concern] for s in a.sources])


def _items(a: Assurance) -> Table:
    rows: list[list[str | int | None]] = []
    for s in a.sources:
        rows.extend([s.source.id, f.checklist_id, f.item_id, f.prompt, f.applies, f.answered,
                     f.without_concern, f.sentence()] for f in s.items if f.applies)
    return (["source", "checklist", "item", "prompt", "applies", "answered", "without_concern",
             "in_words"],
            ["Source", "Checklist", "Item", "Prompt", "Applies", "Answered", "Without concern",
             "In words"], rows)


def _left_open(a: Assurance) -> Table:
    return (["checklist", "item", "prompt", "left", "open", "unknown", "not_yet", "applies"],
            ["Checklist", "Item", "Prompt", "Left", "Open", "Unknown", "Not yet", "Applies"],
            [[f.checklist_id, f.item_id, f.prompt, f.left_total, f.left[OPEN], f.left[UNKNOWN],
              f.left[NOT_YET], f.applies_all] for f in a.most_left_open])


def _agencies(a: Assurance) -> Table:
    return (["agency", "overdue_actions", "plans"], ["Agency", "Overdue actions", "Plans"],
            [[g.agency, g.overdue, len(g.plans)] for g in a.agencies])


def _past_due(a: Assurance) -> Table:
    return (["case_ref", "practitioner", "due_points", "earliest", "file"],
            ["Case", "Practitioner", "Due points missed", "Earliest", "File"],
            [[p.row.case_ref, p.row.practitioner, "; ".join(lbl for lbl, _d in p.points),
              _uk(min((d for _l, d in p.points if d), default="")), p.row.path]
             for p in a.past_due])


def _uk(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else "at the birth"


def tables(rows: list[PlanRow], a: Assurance, part: str = "all") -> dict[str, Table]:
    makers: dict[str, Callable[[], Table]] = {
        "plans": lambda: _plans(rows, a.today), "recommendations": lambda: _recommendations(a),
        "items": lambda: _items(a), "left-open": lambda: _left_open(a),
        "agencies": lambda: _agencies(a), "past-due": lambda: _past_due(a)}
    wanted = [p for p in PARTS[1:] if part in ("all", p)]
    return {name: makers[name]() for name in wanted}


def _summary(a: Assurance) -> list[str]:
    lines = [f"{a.plans} plan{'s' if a.plans != 1 else ''} read on {a.today:%d/%m/%Y}."]
    if a.unreadable:
        lines.append(f"{plural(len(a.unreadable), 'file')} could not be read (not counted): "
                     + "; ".join(r.error for r in a.unreadable))
    return lines + a.counted_lines()


def _cell(value: str | int | None) -> str:
    """A table cell; not known (None) is blank, never 0."""
    return "" if value is None else plain(str(value)).replace("\n", " ")


#: What the plain table shows of each plan (CSV, JSON and Markdown have every column).
TABLE_PLAN_COLUMNS = (*SHORT, "file")


def render_table(parts: dict[str, Table], a: Assurance, width_limit: int = 60) -> str:
    out = [*_summary(a), ""]
    for name, (keys, heads, rows) in parts.items():
        out.append(TITLES[name])
        if not rows:
            out.extend(["  (none)", ""])
            continue
        if name == "items":  # one sentence per item, under its recommendation
            last = ""
            for row in rows:
                if row[0] != last:
                    last = str(row[0])
                    out.append(f"  {_cell(row[0])}")
                out.append(f"    {_cell(row[-1])}")
            out.append("")
            continue
        if name == "plans":
            keep = [i for i, k in enumerate(keys) if k in TABLE_PLAN_COLUMNS]
            heads = [heads[i] for i in keep]
            rows = [[r[i] for i in keep] for r in rows]
        # a long cell wraps onto the row's next lines, never cut: "Needs attention" lost
        # what came after its 60th character (a pause point, red flags)
        cells = [[textwrap.wrap(_cell(v), width_limit) or [""] for v in row] for row in rows]
        widths = [max(len(h), *(len(line) for r in cells for line in r[i]))
                  for i, h in enumerate(heads)]
        out.append("  ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True)).rstrip())
        for r in cells:
            for n in range(max(len(c) for c in r)):
                out.append("  ".join((c[n] if n < len(c) else "").ljust(w)
                                     for c, w in zip(r, widths, strict=True)).rstrip())
        out.append("")
    return "\n".join(out)


def render_markdown(parts: dict[str, Table], a: Assurance) -> str:
    out = ["# Plans and assurance report", "", *(md_cell(line) for line in _summary(a)), ""]
    for name, (_keys, heads, rows) in parts.items():
        out.extend([f"## {TITLES[name]}", ""])
        if not rows:
            out.extend(["None.", ""])
            continue
        out.append("| " + " | ".join(heads) + " |")
        out.append("|" + "|".join("---:" if any(isinstance(r[i], int) for r in rows)
                                  else "---" for i in range(len(heads))) + "|")
        out.extend("| " + " | ".join(md_cell("" if v is None else str(v)) for v in r) + " |"
                   for r in rows)
        out.append("")
    return "\n".join(out)


def _csv_cell(value: str | int | None) -> str | int | None:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def render_csv(parts: dict[str, Table]) -> str:
    (keys, _heads, rows), = parts.values()
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(keys)
    writer.writerows([_csv_cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def render_json(parts: dict[str, Table], a: Assurance) -> str:
    """One JSON object per line; ``record`` says which part it belongs to."""
    lines = [json.dumps({"record": "summary", "plans": a.plans,
                         "files": a.plans + len(a.unreadable), "date": a.today.isoformat(),
                         "unreadable": [r.error for r in a.unreadable],
                         "signed_off_counted": a.counted,
                         "states": {k: a.standings[k] for k in STANDINGS},
                         "duplicate_case_refs": a.duplicates,
                         "counted": a.counted_lines()[0]}, ensure_ascii=False)]
    for name, (keys, _heads, rows) in parts.items():
        for row in rows:
            lines.append(json.dumps({"record": name, **dict(zip(keys, row, strict=True))},
                                    ensure_ascii=False))
    return "\n".join(lines) + "\n"


def render_report(rows: list[PlanRow], a: Assurance, fmt: str, part: str = "all") -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}'")
    if fmt == "csv" and part == "all":
        part = "plans"
    parts = tables(rows, a, part)
    if fmt == "csv":
        return render_csv(parts)
    if fmt == "json":
        return render_json(parts, a)
    if fmt == "markdown":
        return render_markdown(parts, a)
    return render_table(parts, a)
