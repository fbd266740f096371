"""What a plan file that cannot be read is said to be, in plain words (look-d 29): never
the TOML parser's own text ("Unterminated string (at end of document)"), and always
whether the version saved before it is kept beside it as ``NAME.toml.bak``, when that
version was last changed, and how to use it. Said the same by the command line, the app
and the folder views (Home, review), which all show the load error (core.store); a file
whose values no plan can hold (a field the plan's rules refuse) names its .bak too
(:func:`with_backup`), and Home's row says why in short and where the .bak is
(:func:`row_words`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from checklist_tui.core.errors import NEWER, NewerFormat, PlanError

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


def with_backup(path: Path, error: PlanError) -> PlanError:
    """``error``, refusing the plan file ``path``, with the sentence about its .bak added
    (once: an error that names it already is returned as it is)."""
    from checklist_tui.core.store import parse_plan  # store names this module lazily

    said = str(error)
    if path.name + ".bak" in said or isinstance(error, NewerFormat):  # not damaged
        return error
    return PlanError(f"{said}{'' if said.endswith('.') else '.'}"
                     f"{backup_said(path, parse_plan)}")


#: What a file that is not TOML is said to be (then why, in brackets: ``parser_said``).
NOT_A_PLAN = "damaged or not a plan file"


def row_words(path: Path, error: str) -> str:
    """A folder row's words for the plan file ``path`` that cannot be read, from its load
    ``error`` (as core.store said it): why, in short, without the file's name or what to
    do, and whether a copy saved before it is kept as its .bak, and when that was last
    changed (read again: it may have changed since the folder was last looked at):
    "It ends part-way through. Earlier copy kept as .bak, 20/11/2026 14:00". Opening the
    row says all of it (the error: the .bak's name and how to use it)."""
    from checklist_tui.core.store import parse_plan  # store names this module lazily

    why = _first_clause(error.removeprefix(f"{path.name}: "))
    if why.startswith(NEWER):  # not damaged: nothing to restore (rev9-core 3)
        return f"{why[:1].upper()}{why[1:]}. Update the app to open it."
    if why.startswith(f"{NOT_A_PLAN} (") and why.endswith(")"):
        why = why[len(NOT_A_PLAN) + 2:-1]  # the reason itself: "it ends part-way through"
    why = why[:1].upper() + why[1:]
    backup = path.with_name(path.name + ".bak")
    try:
        data = backup.read_bytes()
    except OSError:
        return f"{why}. No earlier copy kept."
    try:
        plan = parse_plan(data, backup)
    except PlanError:
        return f"{why}. Its earlier copy (.bak) cannot be read either."
    updated = getattr(plan, "updated", None)
    when = f", {updated.astimezone():%d/%m/%Y %H:%M}" if updated else ""
    return f"{why}. Earlier copy kept as .bak{when}."


def _first_clause(text: str) -> str:
    """``text`` up to its first "; " outside brackets (a row cut "(plan format 99; this
    version reads up to 3)" in the middle, rev9-tui 3)."""
    depth = 0
    for at, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and text.startswith("; ", at):
            return text[:at]
    return text


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
