"""Each recorded change in a plan's history, in words: which question or record, what was
recorded, and for a person, agency or action what changed and why. The written plan's
Appendix B lists them (look-d D2: it said only "person.remove", a code, with no name and
no reason). Words come from the history (what the plan holds now may have changed since):
people, agencies and actions by the names their entries hold; a person named in an
answer's details as every view names them (core.carried.person_name). What people typed
is given as typed, in quotes; only the dates the app itself writes (ISO) are turned into
DD/MM/YYYY.

An entry written before values were kept apart from fields (rev8-core 3) that can be
read more than one way is shown as written, saying so (core.men_left reads it so that no
man is missed).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime

from checklist_tui.core.babies import FOLLOWED
from checklist_tui.core.carried import person_name
from checklist_tui.core.definition import Checklist, DetailKind, Item
from checklist_tui.core.edit_records import SEPARATOR, WHY_KEY, FieldReader, as_typed
from checklist_tui.core.men_left import REMOVED_PREFIX, ambiguous
from checklist_tui.core.pause_since import said
from checklist_tui.core.plan import HistoryEntry, Plan, PlanState
from checklist_tui.core.plan_kinds import ActionStatus, InfoSource, PersonKind
from checklist_tui.core.question_words import named
from checklist_tui.core.record import Record

#: A plan detail (``details`` entries) as a sentence names it.
PLAN_DETAILS = {"case_ref": "Case reference", "edd": "Expected delivery date",
                "dob": "Date of birth", "babies_expected": "Number of babies expected",
                "prematurity_likely": "An early birth is likely",
                "practitioner": "Practitioner", "practitioner_role": "Practitioner's role"}
#: A record's field as a sentence names it (people, agencies, actions).
FIELDS = {"name": "name", "kind": "kind", "relationship": "relationship", "role": "role",
          "in_household": "lives in the household", "man": "a man",
          "involvement": "involvement", "assessment": "assessment",
          "reason_not_involved": "why not involved", "notes": "notes", "agency": "agency",
          "practitioner": "named practitioner", "contact": "contact", "what": "what",
          "owner": "owner", "due": "due", "status": "status", "outcome": "outcome",
          WHY_KEY: "why"}
#: Each kind of record: its page, the page's possessive, and the field that names it.
RECORDS = {"person": ("People", "People's", "name"), "agency": ("Agencies", "Agencies'", "agency"),
           "action": ("Actions", "Actions'", "what")}
_RECORD = FieldReader(tuple(FIELDS))
_FIELD = _RECORD.split
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


class Change(Record):
    """One recorded change, as a written plan lists it."""

    at: datetime
    by: str
    words: str


def _iso_said(text: str) -> str:
    """ISO dates inside history text (``2026-11-22``) as people read them (22/11/2026)."""
    return _ISO.sub(lambda m: f"{m[3]}/{m[2]}/{m[1]}", text)


def _one_line(text: str) -> str:
    """Text typed over several lines, on one (a table cell keeps one line)."""
    return " / ".join(line.strip() for line in text.splitlines() if line.strip())


def _quoted(text: str) -> str:
    return f"'{_one_line(text)}'"


def record_fields(summary: str) -> dict[str, str]:
    """A record's fields as core.edit_records writes them ("name=A; kind=father"), split
    only where a field begins, each value as it was typed (a value may hold "; ")."""
    return _RECORD.read(summary)


def _value(key: str, value: str) -> str:
    if key in ("man", "in_household"):
        return {"True": "yes", "False": "no"}.get(value, value)
    if key == "kind" and value in set(PersonKind):
        return PersonKind(value).label
    if key == "status" and value in set(ActionStatus):
        return ActionStatus(value).label
    return _iso_said(value) if key == "due" else _quoted(value)


def _record(entry: HistoryEntry) -> str:
    kind, _dot, how = entry.what.partition(".")
    page, pages, naming = RECORDS[kind]
    old, new = record_fields(entry.old), record_fields(entry.new)
    summary = entry.old if how == "remove" or not entry.new else entry.new
    first, _eq, named_as = _FIELD.split(summary)[0].partition("=")  # written first, always
    name = _one_line(as_typed(named_as) if first == naming else "") or "a record"
    name = f"'{name}'" if kind == "action" else name
    unsure = kind == "person" and (ambiguous(entry.old) or ambiguous(entry.new))
    if how == "add" and not unsure:
        about = [f"{FIELDS.get(k, k)}: {_value(k, v)}" for k, v in new.items() if k != naming]
        return f"{name} added to {page}" + (f" ({'; '.join(about)})" if about else "")
    if how == "remove":
        why = entry.new.removeprefix(REMOVED_PREFIX).strip()
        return f"{name} removed from {page}: " + (_quoted(why) if why else "no reason recorded")
    if unsure:
        done = "added" if how == "add" else "changed"
        return (f"{pages} record of {name} {done}; this entry was written before values were "
                "kept apart from fields and can be read more than one way; as written: "
                f"{_quoted(entry.new)}")
    changed = [f"{FIELDS.get(k, k)} from {_value(k, old[k]) if old.get(k) else 'nothing'} to "
               f"{_value(k, new[k]) if new.get(k) else 'nothing'}"
               for k in dict.fromkeys([*old, *new]) if k != WHY_KEY and old.get(k) != new.get(k)]
    why = new.get(WHY_KEY, "")
    return (f"{pages} record of {name} changed: " + ("; ".join(changed) or "nothing shown")
            + (f"; why: {_quoted(why)}" if why else ""))


def _detail(entry: HistoryEntry, plan: Plan, items: Mapping[str, Item]) -> str:
    ident, _dot, key = entry.target.partition(".")
    item = items.get(ident)
    detail = next((d for d in item.details if d.key == key), None) if item else None
    label = f"{detail.label if detail else key} ({ident})"

    def value(text: str) -> str:
        if detail is not None and detail.kind == DetailKind.PEOPLE:
            return ", ".join(person_name(plan, p) for p in text.split(", ") if p)
        if detail is not None and detail.kind == DetailKind.DATE:
            return _iso_said(text)
        return _quoted(text)

    if not entry.new:
        return f"{label} cleared"
    if entry.old == entry.new:
        return f"{label} recorded again as still true: {value(entry.new)}"
    return f"{label}: {value(entry.new)}"


def _answer(entry: HistoryEntry, items: Mapping[str, Item]) -> str:
    item = items.get(entry.target)
    question = _question(entry.target, items)
    if entry.what == "clear":
        return f"{question}: answer cleared (it was {said(item, entry.old)})"
    if not entry.old:
        return f"{question} answered {said(item, entry.new)}"
    if entry.old == entry.new:
        return f"{question} answered {said(item, entry.new)} again"
    return f"{question} changed from {said(item, entry.old)} to {said(item, entry.new)}"


def _plan_detail(entry: HistoryEntry) -> str:
    name = PLAN_DETAILS.get(entry.target, entry.target)

    def value(text: str) -> str:
        if entry.target in ("edd", "dob"):
            return _iso_said(text) or "nothing"
        return {"True": "yes", "False": "no", "true": "yes", "false": "no", "": "nothing"
                }.get(text, _quoted(text))

    return f"{name} changed from {value(entry.old)} to {value(entry.new)}" + (
        " (the answer on the number of babies)" if entry.what == FOLLOWED else "")


def words(entry: HistoryEntry, plan: Plan, items: Mapping[str, Item],
          sections: Mapping[str, str], titles: Mapping[str, str] | None = None) -> str:
    """One history entry in words. ``items``: the checklist's items by id; ``sections``:
    its section titles by id; ``titles``: checklist titles by id."""
    what, target, old, new = entry.what, entry.target, entry.old, entry.new
    question = _question(target, items)
    if what in ("answer", "clear"):
        return _answer(entry, items)
    if what == "detail":
        return _detail(entry, plan, items)
    if what.partition(".")[0] in RECORDS:
        return _record(entry)
    simple = {
        "created": lambda: "Plan started" + (_started(new, titles or {}) if new else ""),
        "note": lambda: f"Note on {question}: {_quoted(new)}" if new
        else f"Note on {question} cleared",
        "source": lambda: f"Where the information for {question} comes from: "
        + (InfoSource(new).label if new in set(InfoSource) else new or "not recorded"),
        "follow-up": lambda: f"Who will find out {question}: "
        + (_follow_up(new) or "cleared"),
        "confirm": lambda: f"Pause point '{sections.get(target, target)}' confirmed by "
        + _one_line(new),
        "shared": lambda: f"A copy of the plan recorded as given: {_shared(new)}",
        "acknowledge": lambda: "The red flag or warning on "
        f"{_question(target.partition('.')[0], items)} acknowledged: {_quoted(new)}",
        "state": lambda: f"State changed from {_state(old)} to {_state(new)}",
        "signoff.void": lambda: f"The sign-off by {old or 'a manager'} was voided",
        "review.approved": lambda: f"Plan approved: {_quoted(new)}"
        + (f" ({old})" if old else ""),
        "review.returned": lambda: f"Plan returned: {_quoted(new)}"
        + (f" ({old})" if old else ""),
        "review.conflict": lambda: _one_line(new),
        "challenge": lambda: f"A manager's challenge on {question}: {_quoted(new)}",
        "challenge.answer": lambda: f"The challenge on {question} answered: {_quoted(new)}",
        "reason": lambda: f"Reason given for changing the plan: {_quoted(new)}",
        "answer.carried": lambda: f"{question} carried over from the earlier version's "
        f"{_quoted(old)} as {_quoted(new)}",
        "checklist.version": lambda: f"Checklist version changed from {old} to {new}",
        "edited-outside": lambda: _one_line(new),
    }
    if what in ("details", FOLLOWED):
        return _plan_detail(entry)
    if what in simple:
        return simple[what]()
    return _one_line(f"{what} {target}: {old}{SEPARATOR}{new}")  # not known here: as it is


def _shared(new: str) -> str:
    """"The GP on 2026-11-22; GP practice; by secure email" (core.edit.record_shared): the
    date the app wrote as DD/MM/YYYY, the rest as typed."""
    first, sep, rest = new.partition(SEPARATOR)
    who, on, day = first.rpartition(" on ")
    if on and _ISO.fullmatch(day):
        first = f"{who} on {_iso_said(day)}"
    return _one_line(first + sep + rest)


def _started(new: str, titles: Mapping[str, str]) -> str:
    """"pre-birth-assessment 2.4.0" (core.store) as the checklist's title and version."""
    ident, _space, version = new.rpartition(" ")
    title = f"'{titles[ident]}'" if ident in titles else ident
    return f" from the checklist {title}, version {version}"


def _question(ident: str, items: Mapping[str, Item]) -> str:
    return named(items[ident]) if ident in items else ident


def _follow_up(text: str) -> str:
    """"Pat Sample 2026-12-02" (core.edit) as "Pat Sample, by 02/12/2026"."""
    who, _space, when = text.rpartition(" ")
    if _ISO.fullmatch(when):
        return f"{who}, by {_iso_said(when)}" if who else f"by {_iso_said(when)}"
    return text


def _state(value: str) -> str:
    return PlanState(value).label if value in set(PlanState) else value or "nothing"


def changes(plan: Plan, checklist: Checklist | None) -> list[Change]:
    """Every recorded change, oldest first, in words."""
    items = checklist.item_map() if checklist is not None else {}
    sections = {s.id: s.title for s in checklist.sections} if checklist is not None else {}
    titles = {checklist.id: checklist.title} if checklist is not None else {}
    return [Change(at=e.at, by=_one_line(e.by),
                   words=_one_line(words(e, plan, items, sections, titles)))
            for e in plan.history]

