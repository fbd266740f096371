"""Write plan summaries to files: safe names, no silent overwrites, only regular files.

A library: it knows no command line and prints nothing. A file that already exists raises
:class:`ExportExistsError` unless ``force``; a target that is not a regular file (a folder,
a device, a pipe, a link) is never replaced, even with ``force``.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterable
from importlib import import_module
from pathlib import Path

from checklist_tui.core import clock, store
from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.definition import Source
from checklist_tui.core.errors import UserFacingError
from checklist_tui.core.plan import Plan
from checklist_tui.export.redact import pseudonym
from checklist_tui.export.summary import Summary, build

EXTENSIONS = {"markdown": "md", "html": "html", "json": "json", "csv": "csv", "docx": "docx"}
RENDERERS = {fmt: f"checklist_tui.export.{module}" for fmt, module in (
    ("markdown", "markdown"), ("html", "html"), ("json", "json_export"), ("csv", "csv_export"),
    ("docx", "docx_export"))}
FORMATS = tuple(EXTENSIONS)
BINARY_FORMATS = {"docx"}
#: How each format is offered to people, in the order offered (the app and plain mode).
FORMAT_LABELS = {
    "markdown": "Markdown (paste into the case record)",
    "html": "HTML (print, or open in a browser)",
    "docx": "Word (A4, for the case record)",
    "json": "JSON (for dashboards and other systems)",
    "csv": "CSV (one row per question, for spreadsheets)",
}


class ExportExistsError(UserFacingError):
    """The target file exists and ``force`` was not given."""

    def __init__(self, path: Path):
        super().__init__(f"{path} already exists")
        self.path = path


def render(fmt: str, loaded: LoadedChecklist, plan: Plan, redact: bool,
           sources: dict[str, Source], key: bytes | None = None,
           case_pseudonym: str | None = None, found_outside: str = "") -> str | bytes:
    """The summary of ``plan`` in ``fmt`` (bytes for Word, text otherwise).

    The same plan and clock give the same output; a redacted export uses a random
    pseudonym unless ``key`` (the user's redaction key) makes it stable, or the caller
    passes the ``case_pseudonym`` it already chose (so a file name can carry it).
    ``found_outside``: what loading found edited outside the app (store.Loaded), said
    in the status headline of every format.
    """
    if fmt not in RENDERERS:
        raise UserFacingError(f"unknown export format '{fmt}'")
    summary = build(loaded, plan, clock.now(), sources, redact, key, case_pseudonym,
                    found_outside)
    # Imported when used: Word support is not loaded for a Markdown export.
    renderer: Callable[[Summary], str | bytes] = import_module(RENDERERS[fmt]).render
    return renderer(summary)


def redaction_key(stable: bool) -> bytes | None:
    """The user's redaction key when they ask for the same pseudonym every time."""
    if not stable:
        return None
    from checklist_tui.core.locations import config_dir
    from checklist_tui.export.redact import load_or_create_key

    return load_or_create_key(config_dir())


def choose_pseudonym(plan: Plan, redact: bool, key: bytes | None = None) -> str:
    """The pseudonym one export uses everywhere (file name and content); "" unredacted."""
    return pseudonym(plan.case_ref, key) if redact else ""


def default_name(plan: Plan, checklist_id: str, fmt: str, redact: bool,
                 case_pseudonym: str = "", plan_file: Path | None = None,
                 key: bytes | None = None) -> str:
    """A file name derived from the case reference (or the pseudonym) that cannot leave
    its folder. It also carries the plan's own tag, so two plans with the same case
    reference never share a summary's name (nor would ``force`` replace the other's):
    the plan's id, or for a copy whose file name lacks the id, that file name; redacted,
    a keyed digest of those (nothing that leads back to the plan file), and nothing when
    the pseudonym is random (a new name every time)."""
    ref = (case_pseudonym or "redacted") if redact else plan.case_ref
    suffix = "-redacted" if redact else ""
    own = plan_file.stem if plan_file is not None and plan.id not in plan_file.stem else ""
    tag = f"-{store.slug(own or plan.id, 30)}"
    if redact:
        tag = f"-{pseudonym(f'{plan.id} {own}', key)[5:].lower()}" if key else ""
    return (f"{store.slug(ref)}-{store.slug(checklist_id, 30)}{tag}-summary{suffix}."
            f"{EXTENSIONS[fmt]}")


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


def _write(path: Path, text: str | bytes, force: bool) -> Path:
    _check_target(path, force)
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    store.atomic_write(path, data, keep_backup=False)
    return path


def write_summary(loaded: LoadedChecklist, plan: Plan, fmt: str, sources: dict[str, Source],
                  target: Path, force: bool, redact: bool = False, key: bytes | None = None,
                  case_pseudonym: str | None = None, found_outside: str = "") -> Path:
    """Write the summary of ``plan`` in ``fmt`` to ``target``; the path written."""
    _check_target(target, force)
    return _write(target, render(fmt, loaded, plan, redact, sources, key, case_pseudonym,
                                 found_outside), force)


def export_to_folder(folder: Path, loaded: LoadedChecklist, plan: Plan,
                     formats: Iterable[str], sources: dict[str, Source], redact: bool = False,
                     force: bool = False, key: bytes | None = None,
                     found_outside: str = "", plan_file: Path | None = None) -> list[Path]:
    """Write each format into ``folder``; nothing is written if any file cannot be.
    Every file of one redacted export carries the same pseudonym."""
    pseudo = choose_pseudonym(plan, redact, key)
    targets = [(fmt, folder / default_name(plan, loaded.id, fmt, redact, pseudo, plan_file, key))
               for fmt in formats]
    for _fmt, path in targets:
        _check_target(path, force)
    return [_write(path, render(fmt, loaded, plan, redact, sources, key, pseudo or None,
                                found_outside), force) for fmt, path in targets]
