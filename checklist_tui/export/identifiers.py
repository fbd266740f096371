"""Identifiers in free text (contact details, addresses, dates of birth, NHS numbers),
found and replaced for redacted exports (see export/redact.py for names)."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"\S+@\S+")
_PHONE = re.compile(r"(?<!\w)(?:\+\d{1,3}[\s-]?(?:\(0\)\s?)?|0)\d(?:[\s-]?\d){8,10}(?!\d)")
_NHS = re.compile(r"(?<!\d)\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\d)")
_POSTCODE = re.compile(r"(?i)\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
_STREETS = ("Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Court|Ct|Crescent|"
            "Place|Pl|Gardens|Terrace|Grove|Hill|Row|Walk|Square|Mews|Park|Parade|View|Rise")
_ADDRESS = re.compile(r"\b(?:(?:Flat|Apartment|Unit)\s+\w+,?\s+)?\d{1,5}[A-Za-z]?,?\s+"
                      r"(?:[A-Z][\w'-]*\s+){1,3}(?:" + _STREETS + r")\b\.?")
_DATE = r"\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{2,4}|\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4}"
_DOB = re.compile(r"(?i)\b(d\.?o\.?b\.?|date of birth|born(?: on)?)(\s*[:\-]?\s*)(" + _DATE
                  + r")")

def _dob(m: re.Match[str]) -> str:
    return f"{m.group(1)}{m.group(2)}[date of birth removed]"


def identifiers(text: str) -> str:
    """Contact details and dates of birth replaced, wherever they appear."""
    text = _EMAIL.sub(lambda m: "[email removed]" if "." in m.group().split("@", 1)[1]
                      else m.group(), text)
    text = _DOB.sub(_dob, text)
    text = _ADDRESS.sub("[address removed]", text)
    text = _POSTCODE.sub("[postcode removed]", text)
    text = _NHS.sub("[number removed]", text)
    return _PHONE.sub("[phone number removed]", text)
