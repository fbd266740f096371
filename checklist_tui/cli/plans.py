"""Commands about plans: ``new``, ``open``, ``show``, ``export``, and the app itself."""

from __future__ import annotations

import argparse
from pathlib import Path

from checklist_tui.cli.context import catalogue, open_plan, plan_path, plans_dir
from checklist_tui.cli.output import out
from checklist_tui.core import clock
from checklist_tui.core.errors import PlanError, UserFacingError, did_you_mean

_FLAGS = {"case_ref": "case-ref", "edd": "edd", "dob": "dob", "babies_expected": "babies"}


def cmd_new(args: argparse.Namespace) -> int:
    from checklist_tui.core import store
    from checklist_tui.core.plan_details import DetailsError, parse_details

    cat = catalogue(args)
    checklist = cat.get(args.checklist_id)
    if checklist is None:
        hint = did_you_mean(args.checklist_id, cat.checklists) or "see 'checklist-tui list'"
        raise UserFacingError(f"no checklist '{args.checklist_id}' ({hint})")
    try:
        details = parse_details(case_ref=args.case_ref, edd=args.edd or "",
                                dob=args.dob or "", babies=str(args.babies),
                                practitioner=args.practitioner, role=args.role,
                                checklist=checklist.checklist)
    except DetailsError as exc:
        raise UserFacingError(f"--{_FLAGS.get(exc.field, exc.field)}: {exc.reason}") from None
    loaded = store.create(
        plans_dir(args), checklist, case_ref=details.case_ref, now=clock.now(), edd=details.edd,
        practitioner=details.practitioner, role=details.practitioner_role,
        babies_expected=details.babies_expected, dob=details.dob)
    out(str(loaded.path))
    if args.no_open:
        return 0
    from checklist_tui.cli.fill import run_plain, wants_plain

    if wants_plain(args):
        return run_plain(args, loaded.path)
    return run_tui(args, plan_path=loaded.path)  # made by its practitioner: not asked


def cmd_show(args: argparse.Namespace) -> int:
    from checklist_tui.export.show_report import render_born_today, render_show
    from checklist_tui.export.summary import build

    folder = plan_path(args)
    if folder.is_dir():
        from checklist_tui.cli.review import cmd_show_folder

        return cmd_show_folder(args, folder)
    opened = open_plan(args)
    summary = build(opened.checklist, opened.loaded.plan, clock.now(), opened.catalogue.sources,
                    found_outside=opened.loaded.found_outside)
    render = render_born_today if getattr(args, "born_today", False) else render_show
    out(render(summary), end="")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from checklist_tui.export.writer import (
        BINARY_FORMATS,
        ExportExistsError,
        choose_pseudonym,
        default_name,
        redaction_key,
        render,
        write_summary,
    )

    opened = open_plan(args)
    plan, checklist, sources = opened.loaded.plan, opened.checklist, opened.catalogue.sources
    key = redaction_key(args.redact and args.same_pseudonym)
    pseudo = choose_pseudonym(plan, args.redact, key)
    if args.output == "-":
        if args.format in BINARY_FORMATS:
            raise UserFacingError(f"a {args.format} file cannot be shown on the screen; "
                                  "give a file name with -o")
        text = str(render(args.format, checklist, plan, args.redact, sources, key,
                          pseudo or None, opened.loaded.found_outside))
        if args.format == "csv":  # its CRLF row ends, not a shown "\x0d" at each one
            text = text.replace("\r\n", "\n")
        out(text, end="")
        return 0
    name = default_name(plan, checklist.id, args.format, args.redact, pseudo,
                        opened.loaded.path, key)
    if args.output:
        target = Path(args.output).expanduser()
        if target.is_dir():
            target = target / name
    else:
        target = opened.loaded.path.parent / name
    try:
        written = write_summary(checklist, plan, args.format, sources, target, args.force,
                                redact=args.redact, key=key, case_pseudonym=pseudo or None,
                                found_outside=opened.loaded.found_outside)
    except ExportExistsError as exc:
        raise UserFacingError(f"{exc}; use --force to replace it") from None
    out(str(written))
    return 0


def cmd_open(args: argparse.Namespace) -> int:
    """The plan is read once, by the session that opens it (plain mode, or the app, which
    closes with one clear line if the plan cannot be opened)."""
    path = plan_path(args)
    if not path.is_file():
        raise PlanError(f"{path}: no such plan file")
    from checklist_tui.cli.fill import run_plain, wants_plain

    if wants_plain(args):
        return run_plain(args, path, read_only=args.read_only)
    return run_tui(args, plan_path=path, read_only=args.read_only)


def cmd_tui(args: argparse.Namespace) -> int:
    """``checklist-tui`` alone: Home, or (``--plain``, or a terminal that cannot draw the
    full-screen app) the plans as plain text with how to open one."""
    from checklist_tui.cli.fill import wants_plain

    if wants_plain(args):
        return plain_home(args)
    return run_tui(args)


def plain_home(args: argparse.Namespace) -> int:
    """Home for a screen reader or a dumb terminal: every plan in sentences, one per
    paragraph (as ``review --plain``), then how to open one in plain mode."""
    from checklist_tui.cli.fill import say_why_plain
    from checklist_tui.cli.review import indexed_rows
    from checklist_tui.core.assurance import assess
    from checklist_tui.export.report_plain import HOW_TO_OPEN, HOW_TO_START, render_plain

    say_why_plain(args, "your plans are listed as plain text")
    folder = plans_dir(args)
    if not folder.is_dir() or not any(folder.glob("*.toml")):
        out(f"No plans yet in {folder}.\n\n{HOW_TO_START}")
        return 0
    rows, cat = indexed_rows(args, folder)
    figures = assess(rows, cat.checklists, cat.sources, clock.today())
    out(render_plain(rows, figures, str(folder), how=f"{HOW_TO_OPEN}\n\n{HOW_TO_START}"),
        end="")
    return 0


def run_tui(args: argparse.Namespace, plan_path: Path | None = None,
             read_only: bool = False) -> int:
    from checklist_tui.tui.run import run

    name, role = said_who(args)
    return run(plans_dir=plans_dir(args), checklist_dirs=args.checklists,
               plan_path=plan_path, read_only=read_only, as_name=name, as_role=role)


def said_who(args: argparse.Namespace) -> tuple[str, str]:
    """Who is making changes, as said on the command line: ``--as NAME`` (``open``,
    ``fill``), or the practitioner who is making a plan (``new --practitioner``); else
    nobody (the app and plain mode then ask)."""
    if getattr(args, "as_user", None):  # "Name (Role)": both kept (core.who.said_as)
        from checklist_tui.core.who import said_as

        said = said_as(args.as_user)
        return said.name, said.role
    if getattr(args, "command", "") == "new" and getattr(args, "practitioner", ""):
        return args.practitioner, getattr(args, "role", "") or ""
    return "", ""
