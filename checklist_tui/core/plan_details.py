"""Plan details as people type them (CLI ``new``, the New plan form, the Details form):
one parser, one set of messages."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from checklist_tui.core.dates import parse_date
from checklist_tui.core.errors import UserFacingError


class DetailsError(UserFacingError):
    """A typed detail that cannot be used; ``field`` names it as :class:`Details` does."""

    def __init__(self, field: str, reason: str):
        super().__init__(reason)
        self.field, self.reason = field, reason


@dataclass(frozen=True)
class Details:
    case_ref: str
    edd: date | None = None
    dob: date | None = None
    babies_expected: int = 1
    practitioner: str = ""
    practitioner_role: str = ""
    prematurity_likely: bool = False

    def fields(self) -> dict[str, Any]:
        return asdict(self)


def typed_date(text: str, field: str = "edd") -> date | None:
    """A date as typed (DD/MM/YYYY or YYYY-MM-DD), or None when left blank."""
    if not text.strip():
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise DetailsError(field, str(exc)) from None


def _babies(text: str) -> int:
    text = text.strip() or "1"
    if not text.isdigit() or int(text) < 1:
        raise DetailsError("babies_expected",
                           f"'{text}' is not a number of babies; use a whole number like 1 or 2")
    return int(text)


def parse_details(*, case_ref: str, edd: str = "", dob: str = "", babies: str = "1",
                  practitioner: str = "", role: str = "",
                  prematurity_likely: bool = False) -> Details:
    """Details from what was typed; raises :class:`DetailsError` for the first bad field."""
    if not case_ref.strip():
        raise DetailsError("case_ref", "enter a case reference")
    return Details(case_ref=case_ref.strip(), edd=typed_date(edd, "edd"),
                   dob=typed_date(dob, "dob"), babies_expected=_babies(babies),
                   practitioner=practitioner.strip(),
                   practitioner_role=role.strip(), prematurity_likely=prematurity_likely)
