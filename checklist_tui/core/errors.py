"""Errors a person can act on: one line naming the file, the place, and what to do."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from checklist_tui.core.record import Record


class Problem(Record):
    """One problem found in a file. ``place`` is a section/item id or a line."""

    file: Path | str
    message: str
    place: str = ""
    hint: str = ""

    def line(self) -> str:
        where = f"{self.file}"
        if self.place:
            where += f": {self.place}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        # One problem, one line: a line break inside a key or value read from the file
        # must not start a line of its own (it could forge "OK" or another file's name).
        return text.replace("\r", "\\r").replace("\n", "\\n")

    __str__ = line


class UserFacingError(Exception):
    """Base for errors whose message is meant for the person at the keyboard."""


class DefinitionError(UserFacingError):
    """One or more problems in checklist or sources files."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.line() for p in problems))


class PlanError(UserFacingError):
    """A plan file cannot be read or written as asked."""


#: How a plan file made by a newer version of the app is said (core.plancheck, core.damaged).
NEWER = "made by a newer checklist-tui"


class NewerFormat(PlanError):
    """A plan file made by a newer version of the app: not damaged, so never offered its
    .bak as a way out (rev9-core 3: "copy the .bak over it" would lose the newest work)."""


class Refused(PlanError):
    """A step refused for several reasons at once (what blocks completion, the challenges
    not yet answered). ``opening`` says what stands in the way, in one phrase; ``reasons``
    holds every reason, one each, so that a command can list them all. ``str()`` is the
    short form (the first reason and how many more), for a notification."""

    def __init__(self, short: str, opening: str, reasons: list[str]):
        self.opening, self.reasons = opening, list(reasons)
        super().__init__(short)


class ReasonNeeded(PlanError):
    """A completed, submitted or approved plan is changed only with a reason
    (``core.review.reopen``); ``state`` is the plan's state, ``voids_signoff`` whether the
    change would void a sign-off."""

    def __init__(self, state_label: str, voids_signoff: bool):
        self.state_label, self.voids_signoff = state_label, voids_signoff
        voids = "voids the sign-off and " if voids_signoff else ""
        super().__init__(f"this plan is {state_label.lower()}: changing it {voids}needs a "
                         "reason (kept in its history)")


class FileWriteError(PlanError):
    """A file could not be written; says which real file (never a hidden temporary one)."""

    def __init__(self, path: Path, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: cannot be written ({reason}); nothing there was changed")


class PlanLockedError(PlanError):
    """Another process has the plan open for writing."""


class PlanConflictError(PlanError):
    """The file changed on disk since it was loaded; saving would lose that change."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A 'did you mean ...?' suggestion, or an empty string."""
    import difflib  # only when a word was not found: not at every start

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
