"""Write plan summaries to files: safe names, no silent overwrites, one clear message."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from checklist_tui.core import clock, store
from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.definition import Source
from checklist_tui.core.errors import UserFacingError
from checklist_tui.core.plan import Plan
from checklist_tui.export.redact import pseudonym
from checklist_tui.export.summary import build

EXTENSIONS = {"markdown": "md", "html": "html", "json": "json"}


def render(fmt: str, loaded: LoadedChecklist, plan: Plan, redact: bool,
           sources: dict[str, Source]) -> str:
    """The summary of ``plan`` in ``fmt``; the same plan and clock give the same text."""
    summary = build(loaded, plan, clock.now(), sources, redact)
    if fmt == "markdown":
        from checklist_tui.export.markdown import render as out
    elif fmt == "html":
        from checklist_tui.export.html import render as out
    elif fmt == "json":
        from checklist_tui.export.json_export import render as out
    else:
        raise UserFacingError(f"unknown export format '{fmt}'")
    return out(summary)


def default_name(plan: Plan, checklist_id: str, fmt: str, redact: bool) -> str:
    """A file name derived from the case reference that cannot leave its folder."""
    ref = pseudonym(plan.case_ref) if redact else plan.case_ref
    suffix = "-redacted" if redact else ""
    return f"{store.slug(ref)}-{store.slug(checklist_id, 30)}-summary{suffix}.{EXTENSIONS[fmt]}"


def write(path: Path, text: str, force: bool) -> Path:
    if path.exists() and not force:
        raise UserFacingError(f"{path} already exists; use --force to replace it")
    if not path.parent.is_dir():
        raise UserFacingError(f"{path.parent} is not a folder")
    store.atomic_write(path, text.encode("utf-8"), keep_backup=False)
    return path


def export_to_folder(folder: Path, loaded: LoadedChecklist, plan: Plan,
                     formats: Iterable[str], sources: dict[str, Source], redact: bool = False,
                     force: bool = False) -> list[Path]:
    """Write each format into ``folder``; nothing is written if any file already exists."""
    targets = [(fmt, folder / default_name(plan, loaded.id, fmt, redact)) for fmt in formats]
    clashes = [p for _f, p in targets if p.exists()]
    if clashes and not force:
        raise UserFacingError(f"{clashes[0]} already exists; use --force to replace it")
    return [write(path, render(fmt, loaded, plan, redact, sources), True)
            for fmt, path in targets]


def export_command(args: argparse.Namespace, loaded: store.Loaded,
                   checklist: LoadedChecklist, sources: dict[str, Source]) -> int:
    text = render(args.format, checklist, loaded.plan, args.redact, sources)
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    if args.output:
        path = Path(args.output).expanduser()
        if path.is_dir():
            path = path / default_name(loaded.plan, checklist.id, args.format, args.redact)
    else:
        path = loaded.path.parent / default_name(loaded.plan, checklist.id, args.format,
                                                  args.redact)
    write(path, text, args.force)
    print(path)
    return 0
