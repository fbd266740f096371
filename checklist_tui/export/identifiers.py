"""Identifiers in free text (contact details, addresses, dates of birth, NHS numbers),
found and replaced for redacted exports (see export/redact.py for names)."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"\S+@\S+")
#: +44 / 0044 international forms (with an optional "(0)"), 0 national forms, and an area
#: code in brackets: "(01632) 960 123".
_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)\d{1,3}[\s-]?(?:\(0\)\s?)?|0)\d(?:[\s-]?\d){8,10}"
                    r"(?!\d)|\(0\d{2,4}\)\s?\d(?:[\s-]?\d){5,7}(?!\d)")
#: Ten digits as 3-3-4, with spaces, hyphens or none.
_NHS = re.compile(r"(?<!\d)\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\d)")
_POSTCODE = re.compile(r"(?i)\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
_STREETS = ("Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Court|Ct|Crescent|"
            "Place|Pl|Gardens|Terrace|Grove|Hill|Row|Walk|Square|Mews|Park|Parade|View|Rise")
_FLAT = r"(?:Flat|Apartment|Unit|Room)\s+\d+[A-Za-z]?"
_ADDRESS = re.compile(r"\b(?:" + _FLAT + r",?\s+)?\d{1,5}[A-Za-z]?,?\s+"
                      r"(?:[A-Z][\w'-]*\s+){1,3}(?:" + _STREETS + r")\b\.?")
#: A named building or house, with or without a flat: "Flat 3, Example House",
#: "Rose Cottage". (Not "Court": the Family Court is not an address.)
_HOUSE = re.compile(r"\b(?:" + _FLAT + r",?\s+)?(?:[A-Z][\w'-]*\s+){1,3}(?:House|Cottages?|"
                    r"Farm|Lodge|Barn|Manor|Mansions|Villas|Towers|Heights|Buildings|Flats)\b")
#: A street named without a number ("lives on Mill Lane"): only street words that are
#: not also ordinary words at the end of a phrase.
_STREET = re.compile(r"\b(?:[A-Z][\w'-]*\s+){1,2}(?:Road|Street|Lane|Avenue|Crescent|Terrace|"
                     r"Mews|Gardens|Grove|Close|Drive)\b")
_FLAT_ALONE = re.compile(r"\b" + _FLAT + r"\b")
_DATE = r"\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{2,4}|\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4}"
_DOB = re.compile(r"(?i)\b(d\.?o\.?b\.?|date of birth|born(?: on)?)(\s*[:\-]?\s*)(" + _DATE
                  + r")")
DATE = _DATE
"""A date as people write it (for the names that dates of birth follow: redact.py)."""


def _dob(m: re.Match[str]) -> str:
    return f"{m.group(1)}{m.group(2)}[date of birth removed]"


def identifiers(text: str) -> str:
    """Contact details, addresses and dates of birth replaced, wherever they appear."""
    text = _EMAIL.sub(lambda m: "[email removed]" if "." in m.group().split("@", 1)[1]
                      else m.group(), text)
    text = _DOB.sub(_dob, text)
    text = _ADDRESS.sub("[address removed]", text)
    text = _HOUSE.sub("[address removed]", text)
    text = _STREET.sub("[address removed]", text)
    text = _FLAT_ALONE.sub("[address removed]", text)
    text = _POSTCODE.sub("[postcode removed]", text)
    text = _NHS.sub("[number removed]", text)
    return _PHONE.sub("[phone number removed]", text)
