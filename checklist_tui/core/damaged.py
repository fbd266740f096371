"""What a plan file that cannot be read is said to be, in plain words (look-d 29): never
the TOML parser's own text ("Unterminated string (at end of document)"), and always
whether the version saved before it is kept beside it as ``NAME.toml.bak``, when that
version was last changed, and how to use it. Said the same by the command line, the app
and the folder views (Home, review), which all show the load error (core.store)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from checklist_tui.core.errors import PlanError

#: Where tomllib says it found the problem: "(at line 5, column 3)" or "(at end of document)".
_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_AT_END = "(at end of document)"


def parser_said(message: str) -> str:
    """The TOML parser's message, in words a practitioner reads: ``it ends part-way
    through`` (a file cut short, as a sync client or a hand edit can leave it) or ``the
    text at line 5 is not in the plan format``."""
    if message.endswith(_AT_END):
        return "it ends part-way through"
    found = _AT_LINE.search(message)
    if found:
        return f"the text at line {found.group(1)} is not in the plan format"
    return "it is not in the plan format"


def refused(path: Path, what: str, parser: str = "") -> PlanError:
    """The error for the plan file ``path`` that cannot be read: ``what`` is wrong with
    it (with the ``parser``'s message in plain words), that it was left untouched, and
    what of the version before it is kept (:func:`backup_said`)."""
    from checklist_tui.core.store import parse_plan  # store names this module lazily

    why = f" ({parser_said(parser)})" if parser else ""
    return PlanError(f"{path.name}: {what}{why}; it was left untouched."
                     f"{backup_said(path, parse_plan)}")


def backup_said(path: Path, read: Callable[[bytes, Path], object]) -> str:
    """The sentence about ``NAME.toml.bak`` beside the plan ``path`` ('' when there is
    none): whether ``read`` (the app's own plan reading) can read it, when it was last
    changed (the plan's own ``updated``), and how to use it without losing either file."""
    backup = path.with_name(path.name + ".bak")
    try:
        data = backup.read_bytes()
    except OSError:
        return ""
    try:
        plan = read(data, backup)
    except PlanError:
        return (f" {backup.name}, the copy kept at the save before, is there too, but it "
                "cannot be read either.")
    updated = getattr(plan, "updated", None)
    when = f" (last changed {updated.astimezone():%d/%m/%Y %H:%M})" if updated else ""
    return (f" The version saved before it is in {backup.name}{when}: to use it, keep a "
            f"copy of {path.name} somewhere else, then copy {backup.name} over it.")
