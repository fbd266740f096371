"""Write plan summaries to files: safe names, no silent overwrites, only regular files.

A library: it knows no command line and prints nothing. A file that already exists raises
:class:`ExportExistsError` unless ``force``; a target that is not a regular file (a folder,
a device, a pipe, a link) is never replaced, even with ``force``.
"""

from __future__ import annotations

import stat
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


class ExportExistsError(UserFacingError):
    """The target file exists and ``force`` was not given."""

    def __init__(self, path: Path):
        super().__init__(f"{path} already exists")
        self.path = path


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


def _check_target(path: Path, force: bool) -> None:
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None:
        if not stat.S_ISREG(mode):
            raise UserFacingError(f"{path} is not a regular file; it will not be replaced")
        if not force:
            raise ExportExistsError(path)
    if not path.parent.is_dir():
        raise UserFacingError(f"{path.parent} is not a folder")


def _write(path: Path, text: str, force: bool) -> Path:
    _check_target(path, force)
    store.atomic_write(path, text.encode("utf-8"), keep_backup=False)
    return path


def write_summary(loaded: LoadedChecklist, plan: Plan, fmt: str, sources: dict[str, Source],
                  target: Path, force: bool, redact: bool = False) -> Path:
    """Write the summary of ``plan`` in ``fmt`` to ``target``; the path written."""
    _check_target(target, force)
    return _write(target, render(fmt, loaded, plan, redact, sources), force)


def export_to_folder(folder: Path, loaded: LoadedChecklist, plan: Plan,
                     formats: Iterable[str], sources: dict[str, Source], redact: bool = False,
                     force: bool = False) -> list[Path]:
    """Write each format into ``folder``; nothing is written if any file cannot be."""
    targets = [(fmt, folder / default_name(plan, loaded.id, fmt, redact)) for fmt in formats]
    for _fmt, path in targets:
        _check_target(path, force)
    return [_write(path, render(fmt, loaded, plan, redact, sources), force)
            for fmt, path in targets]
