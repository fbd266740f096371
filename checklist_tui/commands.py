"""What each CLI command does. Each returns an exit code; bad input raises UserFacingError."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checklist_tui.core import clock, locations, store
from checklist_tui.core.catalogue import Catalogue, LoadedChecklist, load_catalogue, validate_paths
from checklist_tui.core.dates import parse_date
from checklist_tui.core.errors import DefinitionError, PlanError, UserFacingError


def _catalogue(args: argparse.Namespace, strict: bool = False) -> Catalogue:
    cat = load_catalogue(args.checklists)
    if cat.problems:
        if strict:
            raise DefinitionError(cat.problems)
        for problem in cat.problems:
            print(f"checklist-tui: warning: {problem.line()}", file=sys.stderr)
    return cat


def _plans_dir(args: argparse.Namespace) -> Path:
    return locations.plans_dir(args.plans_dir)


def _open_plan(args: argparse.Namespace) -> tuple[store.Loaded, LoadedChecklist, Catalogue]:
    from checklist_tui.cli import resolve_plan

    path = resolve_plan(args.plan, _plans_dir(args))
    loaded = store.load(path)
    cat = _catalogue(args)
    checklist = cat.get(loaded.plan.checklist_id)
    if checklist is None:
        raise PlanError(f"{path.name}: made from checklist '{loaded.plan.checklist_id}', "
                        "which is not installed here (use --checklists DIR)")
    return loaded, checklist, cat


def cmd_list(args: argparse.Namespace) -> int:
    cat = _catalogue(args)
    rows = [("ID", "VERSION", "ITEMS", "ORIGIN", "TITLE")]
    for lc in cat.ordered():
        origin = lc.origin + (f", replaces {lc.replaces}" if lc.replaces else "")
        rows.append((lc.id, lc.checklist.version, str(lc.checklist.item_count()), origin,
                     lc.checklist.title))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row[:4], widths, strict=True)) + "  " + row[4])
    return 0 if not cat.problems else 1


def cmd_validate(args: argparse.Namespace) -> int:
    if args.paths:
        count, problems = validate_paths(args.paths)
    else:
        cat = load_catalogue(args.checklists)
        problems = cat.problems
        count = len(cat.checklists)
    for problem in problems:
        print(problem.line(), file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print(f"OK: {count} checklist(s) valid.")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    cat = _catalogue(args)
    checklist = cat.get(args.checklist_id)
    if checklist is None:
        from checklist_tui.core.errors import did_you_mean

        hint = did_you_mean(args.checklist_id, cat.checklists) or "see 'checklist-tui list'"
        raise UserFacingError(f"no checklist '{args.checklist_id}' ({hint})")
    try:
        edd = parse_date(args.edd) if args.edd else None
    except ValueError as exc:
        raise UserFacingError(f"--edd: {exc}") from None
    loaded = store.create(
        _plans_dir(args), checklist, case_ref=args.case_ref, now=clock.now(), edd=edd,
        practitioner=args.practitioner, role=args.role, babies_expected=args.babies)
    print(loaded.path)
    if not args.no_open:
        return _run_tui(args, plan_path=loaded.path)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from checklist_tui.export.text import render_show

    loaded, checklist, _cat = _open_plan(args)
    sys.stdout.write(render_show(checklist, loaded.plan, clock.today()))
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    from checklist_tui.core.coverage import coverage
    from checklist_tui.export.coverage import render

    cat = _catalogue(args, strict=True)
    rows = coverage(cat.sources, cat.ordered())
    sys.stdout.write(render(rows, args.format))
    missing = [r.source.id for r in rows if r.missing]
    if missing:
        print(f"checklist-tui: must-cover sources with no item: {', '.join(missing)}",
              file=sys.stderr)
        return 1
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from checklist_tui.export.writer import export_command

    loaded, checklist, cat = _open_plan(args)
    return export_command(args, loaded, checklist, cat.sources)


def cmd_open(args: argparse.Namespace) -> int:
    from checklist_tui.cli import resolve_plan

    path = resolve_plan(args.plan, _plans_dir(args))
    store.load(path)  # a clear error now rather than inside the app
    return _run_tui(args, plan_path=path, read_only=args.read_only)


def cmd_tui(args: argparse.Namespace) -> int:
    return _run_tui(args)


def _run_tui(args: argparse.Namespace, plan_path: Path | None = None,
             read_only: bool = False) -> int:
    from checklist_tui.tui.run import run

    return run(plans_dir=_plans_dir(args), checklist_dirs=args.checklists,
               plan_path=plan_path, read_only=read_only)
