"""The men People no longer records as men around the baby, from the plan's history: each
man removed from People, and each man recorded since as not a man, with who, when and
why (look-d D2: a visiting man whose police check was outstanding was removed with one
key and vanished from every view, so "no other man in or visiting the home" read as true).

Every view that lists the men lists these beside them (the written plan's men section
first), so a man's leaving the plan is as visible as his being in it.
"""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise

from checklist_tui.core.definition import Item, PlanCheck
from checklist_tui.core.edit_records import WHY_KEY, FieldReader, as_typed
from checklist_tui.core.integrity import denies
from checklist_tui.core.plan import Answer, HistoryEntry, Person, PersonKind, Plan
from checklist_tui.core.record import Record
from checklist_tui.core.strict import Invalid, fields

REMOVED = "person.remove"
EDITED = "person.edit"
REMOVED_PREFIX = "removed: "
"""How core.edit_records begins a removal's reason in the history entry's ``new``."""
NO_REASON = "no reason recorded"
HEADING = "Men removed from People or recorded as not a man"
"""Where every view lists them."""

_KEYS = (*fields(Person), WHY_KEY)
_PERSON = FieldReader(_KEYS)
_SPLIT = _PERSON.split


class ManLeft(Record):
    """A man People no longer records as a man around the baby."""

    name: str
    about: str
    """His relationship to the baby, or his kind of person ("Visiting adult")."""
    what: str
    """"Removed from People" or "Recorded as not a man"."""
    at: datetime
    by: str
    why: str
    father: bool = False
    """Recorded as the father before it happened."""

    @property
    def line(self) -> str:
        """One line for a list: "Casey Partner (mother's new partner): Removed from People
        on 27/11/2026 07:33 by Sam Social: moved out on 20/11/2026"."""
        return f"{self.name} ({self.about}): {self.said}: {self.why}"

    @property
    def said(self) -> str:
        """"Removed from People on 27/11/2026 07:33 by Sam Social": the words every view
        shows beside the reason."""
        return f"{self.what} on {self.at.astimezone().strftime('%d/%m/%Y %H:%M')} by {self.by}"


def recorded(summary: str) -> dict[str, str]:
    """A person's fields as core.edit_records writes them in the history ("name=Casey
    Partner; kind=visiting_adult; man=True; ..."), split only where a field begins (a
    value may hold "; " itself)."""
    return _PERSON.read(summary)


UNSURE = ("this history entry was written before values were kept apart from fields, and "
          "a value in it holds what reads as a field, so it can be read more than one way: "
          "he is listed so that no man is missed")
"""Said after the reason when an entry is read both ways (:func:`_readings`)."""
NO_LONGER = "No longer recorded as a man"
"""What changed, when the entry cannot say how for certain."""


def ambiguous(summary: str) -> bool:
    """Whether a history summary's fields can be told apart for certain. core.edit_records
    writes a record's fields in the order its model declares them, each once, then the
    reason; since rev8-core 3 a "; " inside a value is written with a no-break space, so
    it cannot begin a field. An entry written before that whose "fields" repeat or come out
    of that order holds a value that reads as a field (a reason "moved out; man=True")."""
    keys = [_KEYS.index(part.partition("=")[0]) for part in _SPLIT.split(summary)
            if part.partition("=")[0] in _KEYS]
    return any(later <= earlier for earlier, later in pairwise(keys))


def _readings(summary: str) -> set[bool]:
    """Whether the person a history summary describes is a man, every way it can be read:
    one way, unless it is :func:`ambiguous`; then each value any "man=" or "kind=" in it
    could give, and no man= at all (it may all be a value's words)."""
    read = recorded(summary)
    if not ambiguous(summary):
        person = _person(summary, "reading")
        return {person.is_man} if person is not None else {True, False}
    found: dict[str, set[str | None]] = {"man": {None}, "kind": set()}
    for part in _SPLIT.split(summary):
        key, _sep, value = part.partition("=")
        if key in found:
            found[key].add(value)
    kinds = [k for k in PersonKind if k.value in found["kind"]] or [
        PersonKind(read["kind"]) if read.get("kind") in set(PersonKind) else
        PersonKind.OTHER]
    return {man == "True" if man in ("True", "False") else kind.is_male_carer
            for man in found["man"] for kind in kinds}


def _person(summary: str, person_id: str) -> Person | None:
    data: dict[str, object] = {k: v for k, v in recorded(summary).items() if k != WHY_KEY}
    for key in ("man", "in_household"):
        if key in data:
            data[key] = data[key] == "True"
    try:
        return Person.model_validate({"id": person_id, **data})
    except Invalid:
        return None


def _left(entry: HistoryEntry) -> ManLeft | None:
    """The man ``entry`` took out of the men, or None. Read so that no man is missed
    (rev8-core 3's older entries): he was a man if any reading of the entry's ``old``
    says so, and is no longer one unless every reading of its ``new`` says he still is."""
    if True not in _readings(entry.old):
        return None
    before, read = _person(entry.old, entry.target), recorded(entry.old)
    unsure = ambiguous(entry.old) or (entry.what == EDITED and ambiguous(entry.new))
    name = before.name if before is not None and not unsure else (  # the first field
        as_typed(_SPLIT.split(entry.old)[0].partition("=")[2]) or entry.target)
    about = (before.relationship or before.kind.label) if before is not None else (
        read.get("relationship") or "relationship not read")
    father = before is not None and before.kind == PersonKind.FATHER
    if entry.what == REMOVED:
        why = entry.new.removeprefix(REMOVED_PREFIX).strip() if entry.new else ""
        return ManLeft(name, about, "Removed from People", entry.at, entry.by,
                       _said_why(why, unsure), father)
    if _readings(entry.new) == {True}:
        return None
    after = _person(entry.new, entry.target)
    why = (entry.new.partition(f"; {WHY_KEY}=")[2] if unsure  # all of it: the reason is last
           else recorded(entry.new).get(WHY_KEY, "")).strip()
    how = (NO_LONGER if unsure or after is None else "Recorded as not a man"
           if after.man is False else
           f"Recorded as '{after.relationship or after.kind.label}', no longer as a man")
    return ManLeft(name, about, how, entry.at, entry.by, _said_why(why, unsure), father)


def _said_why(why: str, unsure: bool) -> str:
    said = why or NO_REASON
    return f"{said} ({UNSURE})" if unsure else said


def men_left(plan: Plan) -> list[ManLeft]:
    """Each man People no longer records as a man, oldest first: removed from People, or
    recorded as not a man and not recorded as a man again since. A man People records
    now (by id, or by name once added again) is not listed."""
    now_men = {p.id for p in plan.people if p.is_man} | {p.name for p in plan.people
                                                        if p.is_man}
    found: dict[str, ManLeft] = {}
    for entry in plan.history:
        if entry.what not in (REMOVED, EDITED):
            continue
        left = _left(entry)
        if left is not None:
            found[entry.target] = left
        elif entry.what == EDITED and entry.target in found \
                and _readings(entry.new) == {True}:  # a man again, however it is read
            del found[entry.target]
    return [m for ident, m in found.items() if ident not in now_men and m.name not in now_men]


#: The men each "People answers it" check speaks of (core.integrity.PLAN_CHECKS), by
#: whether he was the father.
_SPEAKS_OF = {PlanCheck.MEN_RECORDED: (True, False), PlanCheck.FATHER_RECORDED: (True,),
              PlanCheck.OTHER_MEN_RECORDED: (False,)}


def while_it_stood(item: Item, answer: Answer | None, plan: Plan) -> list[str]:
    """Under a "no" or "unknown" to a question People answers ("Apart from the father, is
    there any other man in or visiting the home ...?"), each man it speaks of whom People
    recorded while the answer stood and no longer records as a man: the plan contradicted
    the answer then, and his leaving People does not make it true (look-d D2). "People
    recorded Casey Partner (Mother's new partner) while this answer stood: removed from
    People on 27/11/2026 07:33 by Sam Social: moved out on 20/11/2026"."""
    if not denies(answer) or answer is None:
        return []
    kinds = {f for c in item.cross_checks if c.answered_by in _SPEAKS_OF
             for f in _SPEAKS_OF[c.answered_by]}
    if not kinds:
        return []
    return [f"People recorded {m.name} ({m.about}) while this answer stood: "
            f"{m.said[0].lower()}{m.said[1:]}: {m.why}"
            for m in men_left(plan) if m.at > answer.answered_at and m.father in kinds]
