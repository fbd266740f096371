"""Commands about checklists: ``list``, ``validate``, ``coverage``."""

from __future__ import annotations

import argparse

from checklist_tui.cli.context import catalogue
from checklist_tui.cli.output import err, out


def cmd_list(args: argparse.Namespace) -> int:
    cat = catalogue(args)
    rows = [("ID", "VERSION", "ITEMS", "ORIGIN", "TITLE")]
    for lc in cat.ordered():
        origin = lc.origin + (f", replaces {lc.replaces}" if lc.replaces else "")
        rows.append((lc.id, lc.checklist.version, str(lc.checklist.item_count()), origin,
                     lc.checklist.title))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        out("  ".join(c.ljust(w) for c, w in zip(row[:4], widths, strict=True)) + "  " + row[4])
    return 0 if not cat.problems else 1


def cmd_validate(args: argparse.Namespace) -> int:
    from checklist_tui.core.catalogue import load_catalogue, validate_paths
    from checklist_tui.core.dates import plural

    if args.paths:
        count, problems = validate_paths(args.paths)
    else:
        cat = load_catalogue(args.checklists)
        problems = cat.problems
        count = len(cat.checklists)
    for problem in problems:
        err(problem.line())
    if problems:
        err(f"{plural(len(problems), 'problem')} found.")
        return 1
    out(f"OK: {plural(count, 'checklist')} valid.")
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    from checklist_tui.core.coverage import coverage
    from checklist_tui.export.coverage_report import render

    cat = catalogue(args, strict=True)
    rows = coverage(cat.sources, cat.ordered())
    out(render(rows, args.format), end="")
    missing = [r.source.id for r in rows if r.missing]
    if missing:
        err(f"checklist-tui: must-cover sources with no item: {', '.join(missing)}")
        return 1
    return 0
