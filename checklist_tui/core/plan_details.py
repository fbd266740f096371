"""Plan details as people type them (CLI ``new``, the New plan form, the Details form):
one parser, one set of messages."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from checklist_tui.core import clock
from checklist_tui.core.dates import TERM_DAYS, gestation_days, gestation_label, parse_date, uk_date
from checklist_tui.core.definition import Checklist
from checklist_tui.core.errors import UserFacingError

LATEST_EDD_DAYS = TERM_DAYS + 28
#: A date of birth is taken only between 22+0 weeks of pregnancy (the threshold of
#: viability, BAPM 2019) and 44+0 by the plan's EDD: outside it, the birth is much more
#: likely recorded on the wrong plan, or the EDD wrong, than true (s9tui: 27/11/2026 on a
#: plan with EDD 20/05/2027, 15+1 weeks, was taken without a word, and the plan then read
#: "born ... 0 days old" with its EDD gone).
BIRTH_WEEKS = (22, 44)
"""An EDD further ahead than 44 weeks is a typing mistake (usually the year)."""
_WORD = re.compile(r"[^\W\d_]{3,}")
"""A word of three letters or more: written in lower or mixed case, it may be a name."""
_NOT_NAMES = frozenset({
    "ref", "case", "baby", "babies", "twin", "twins", "triplet", "unborn", "child", "sibling",
    "number", "file", "plan", "demo", "test", "example", "draft", "new", "pre", "birth",
    "prebirth", "injury", "first", "second", "third", "copy"})
"""Words a case reference may hold in any case: they are not anyone's name."""
LOOKS_LIKE_A_DATE = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{4}-\d{2}-\d{2}")


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


def needs_edd(checklist: Checklist) -> bool:
    """A checklist whose due points are counted in weeks of pregnancy, or from a birth
    not yet recorded, needs the EDD (until the baby is born): without it the plan cannot
    say what is due or overdue. Not one counted from the day an injury was seen, nor one
    that takes no EDD."""
    return checklist.takes_edd and any(item.due is not None and item.due.days_after_seen is None
                                       for _, item in checklist.all_items())


def takes_edd(checklist: Checklist) -> bool:
    """Whether the checklist's plans take an expected delivery date: not one about a baby
    already born (``takes_edd = false``, the injury checklist), where an EDD typed is a
    mistake and would show weeks of pregnancy for a baby who is here."""
    return checklist.takes_edd


def date_boxes(checklist: Checklist | None, made: bool = False) -> tuple[tuple[str, str], ...]:
    """The plan's own dates a form asks for, as (the :class:`Details` field, its label),
    by the kind of checklist: one for a baby already born (``takes_edd = false``: the
    injury checklist, counted from the day the injury was seen) takes the baby's date of
    birth, never an EDD; any other the EDD, and once the plan is made (``made``: the
    Details form, used after the birth too) the date of birth. Without the checklist (not
    installed here): both. New plan, Details and the command line's ``new`` take the same."""
    if checklist is not None and not checklist.takes_edd:
        return (("dob", "Baby's date of birth (DD/MM/YYYY)"),)
    edd = ("edd", "Expected delivery date (DD/MM/YYYY)")
    return (edd, ("dob", "Date of birth, once born (DD/MM/YYYY)")) if made else (edd,)


def asks_babies(checklist: Checklist | None) -> bool:
    """Whether a form asks how many babies are expected (and whether an early birth is
    likely): not for a baby already born (``takes_edd = false``)."""
    return checklist is None or checklist.takes_edd


def check_case_ref(text: str, kept: str = "") -> str:
    """The case reference as typed, or DetailsError: it must not be a name or a date
    (it ends up in the file name and on every page). ``kept``: the plan's own, taken when
    it was made, never refused again (rev7-core 4: recording a birth was refused for it)."""
    text = text.strip()
    if text and text == kept.strip():
        return text
    if not text:
        raise DetailsError("case_ref", "enter a case reference")
    if LOOKS_LIKE_A_DATE.fullmatch(text):
        raise DetailsError("case_ref", f"'{text}' looks like a date; the case reference is "
                           "the number from your case record")
    if not any(c.isdigit() for c in text):
        raise DetailsError("case_ref", f"'{text}' has no number in it, so it may be a name; "
                           "use the case record's reference (no names)")
    words = [w for w in _WORD.findall(text) if not w.isupper() and w.lower() not in _NOT_NAMES]
    if len(words) > 1:  # look-d D23: "Jane Smith 2"; one word ("Mosaic 123456") is a system's
        word = " ".join(words)
        raise DetailsError("case_ref", f"'{text}' has words that may be a name ('{word}'); "
                           "use the case record's reference (no names)")
    return text


def _check_dates(edd: date | None, dob: date | None, today: date) -> None:
    if dob is not None and dob > today:
        raise DetailsError("dob", f"the date of birth {uk_date(dob)} is in the future")
    if edd is not None and dob is not None and not (
            BIRTH_WEEKS[0] * 7 <= gestation_days(edd, dob) <= BIRTH_WEEKS[1] * 7):
        when = (f"at {gestation_label(edd, dob)} weeks of pregnancy"
                if gestation_days(edd, dob) >= 0 else "before the pregnancy began")
        raise DetailsError("dob", f"a birth on {uk_date(dob)} would be {when}, by the EDD "
                           f"{uk_date(edd)}; check this is the right plan, and if the EDD "
                           "is wrong, correct it first")
    if edd is not None and (edd - today).days > LATEST_EDD_DAYS:
        raise DetailsError("edd", f"the EDD {uk_date(edd)} is more than 44 weeks from today; "
                           "check the year")


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
                  prematurity_likely: bool = False, edd_needed: bool = False,
                  checklist: Checklist | None = None, kept_case_ref: str = "") -> Details:
    """Details from what was typed; raises :class:`DetailsError` for the first bad field.

    ``checklist``, the plan's checklist, decides what the EDD must be: needed when the
    checklist counts its due points from it (:func:`needs_edd`: a plan for a baby not yet
    born must have one), refused when it takes none (:func:`takes_edd`). Without it,
    ``edd_needed`` says the first."""
    reference = check_case_ref(case_ref, kept_case_ref)
    due, born = typed_date(edd, "edd"), typed_date(dob, "dob")
    if checklist is not None:
        edd_needed = needs_edd(checklist)
        if due is not None and not takes_edd(checklist):
            raise DetailsError("edd", f"the checklist '{checklist.title}' is for a baby "
                               "already born, so it takes no expected delivery date: leave "
                               "it out")
    _check_dates(due, born, clock.today())
    if edd_needed and due is None and born is None:
        raise DetailsError("edd", "enter the expected delivery date (DD/MM/YYYY): this "
                           "checklist's due dates are counted from it")
    return Details(case_ref=reference, edd=due, dob=born, babies_expected=_babies(babies),
                   practitioner=practitioner.strip(),
                   practitioner_role=role.strip(), prematurity_likely=prematurity_likely)
