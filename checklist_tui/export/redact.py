"""Redacted copies of plans for supervision, audit and learning reviews.

Names of people become their role ("Mother", "Father", "Maternal grandmother");
named practitioners become their agency and role; every free-text field is
checked for those names too; the case reference becomes a stable pseudonym.
This is pseudonymisation, not anonymisation: the rest of the content can still
identify a family to someone who knows it, so redacted exports remain sensitive.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from checklist_tui.core.plan import Plan

REDACTED_NOTE = ("Redacted copy: names are replaced by roles and the case reference by a "
                 "pseudonym. It may still identify the family to someone who knows them.")
_UNKNOWN = "[name removed]"


def pseudonym(case_ref: str) -> str:
    """Stable: the same case reference always gives the same pseudonym."""
    digest = hashlib.sha256(f"checklist-tui:{case_ref.strip().upper()}".encode()).hexdigest()
    return f"CASE-{digest[:8].upper()}"


def _person_labels(plan: Plan) -> dict[str, str]:
    bases = [p.relationship.strip() or p.kind.label for p in plan.people]
    counts = Counter(bases)
    seen: Counter[str] = Counter()
    labels = {}
    for person, base in zip(plan.people, bases, strict=True):
        seen[base] += 1
        labels[person.id] = f"{base} {seen[base]}" if counts[base] > 1 else base
    return labels


class Redactor:
    """Knows every name in a plan and what to put in its place."""

    def __init__(self, plan: Plan):
        self.names: dict[str, str] = {}
        family: set[str] = set()
        for person in plan.people:
            self._add(person.name, _person_labels(plan)[person.id])
            family.add(person.name.strip())
        for agency in plan.agencies:
            self._add(agency.practitioner, f"{agency.agency} practitioner")
        role = plan.practitioner_role.strip() or "Practitioner"
        self._add(plan.practitioner, role)
        tokens: dict[str, set[str]] = {}
        self.any_case: set[str] = set()
        for name, label in list(self.names.items()):
            for token in re.findall(r"[^\W\d_]{3,}", name):
                tokens.setdefault(token.lower(), set()).add(label)
                if name in family:
                    self.any_case.add(token.lower())
        # A single word of a name (a first name or a surname) is replaced too; a word
        # shared by several people cannot say which of them is meant. Family members'
        # names are matched in any case (a leak is worse than an odd word); words of
        # practitioners' names, often ordinary words, only when capitalised.
        self.words = {t: (next(iter(labels)) if len(labels) == 1 else _UNKNOWN)
                      for t, labels in tokens.items()}

    def _add(self, name: str, label: str) -> None:
        if name.strip():
            self.names.setdefault(name.strip(), label)

    def name(self, name: str) -> str:
        """A field that holds a person's name: their role if known, never the name itself."""
        stripped = name.strip()
        if not stripped:
            return name
        if stripped in self.names:
            return self.names[stripped]
        replaced = self.text(name)
        return replaced if replaced != name else _UNKNOWN

    def text(self, text: str) -> str:
        if not text:
            return text
        for name in sorted(self.names, key=len, reverse=True):
            text = re.sub(re.escape(name), self.names[name], text, flags=re.IGNORECASE)
        if self.words:
            alternatives = "|".join(re.escape(w) for w in sorted(self.words, key=len, reverse=True))
            pattern = re.compile(r"\b(" + alternatives + r")\b", re.IGNORECASE)
            text = pattern.sub(lambda m: self._word(m.group(1)), text)
        return text

    def _word(self, word: str) -> str:
        key = word.lower()
        return self.words[key] if word[0].isupper() or key in self.any_case else word


def redact_plan(plan: Plan) -> Plan:
    """A deep copy of ``plan`` with every name replaced; the original is untouched."""
    r = Redactor(plan)
    out = plan.model_copy(deep=True)
    labels = _person_labels(plan)
    out.case_ref = pseudonym(plan.case_ref)
    out.practitioner = plan.practitioner_role.strip() or "Practitioner"
    for person in out.people:
        person.name = labels[person.id]
        person.role, person.involvement = r.text(person.role), r.text(person.involvement)
        person.notes, person.relationship = r.text(person.notes), r.text(person.relationship)
        person.assessment = r.text(person.assessment)
        person.reason_not_involved = r.text(person.reason_not_involved)
    for agency in out.agencies:
        if agency.practitioner:
            agency.practitioner = f"{agency.agency} practitioner"
        agency.role, agency.contact = r.text(agency.role), r.text(agency.contact)
    for action in out.actions:
        action.what = r.text(action.what)
        if action.owner:
            action.owner = r.name(action.owner)
    for answer in out.answers.values():
        answer.note = r.text(answer.note)
        answer.answered_by = r.name(answer.answered_by)
        if isinstance(answer.value, str):
            answer.value = r.text(answer.value)
        if answer.owner:
            answer.owner = r.name(answer.owner)
        if answer.details:
            answer.details = {k: r.text(v) if isinstance(v, str) else v
                              for k, v in answer.details.items()}
    for confirmation in out.confirmations:
        confirmation.by = r.name(confirmation.by)
        confirmation.present = [r.name(name) for name in confirmation.present]
    for ack in out.acknowledgements:
        ack.by, ack.reason = r.name(ack.by), r.text(ack.reason)
    for entry in out.history:
        entry.by, entry.old, entry.new = r.name(entry.by), r.text(entry.old), r.text(entry.new)
        if entry.target == "case_ref":
            entry.old = pseudonym(entry.old) if entry.old else ""
            entry.new = pseudonym(entry.new) if entry.new else ""
    if out.signoff:
        out.signoff.by = out.signoff.role or "Manager"
        out.signoff.rationale = r.text(out.signoff.rationale)
    return out
