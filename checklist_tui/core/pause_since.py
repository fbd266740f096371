"""What a pause point's confirmation did not see, in words (core.pause says whether it
holds; this says why not): every answer it vouches for that says something else, or said
a concern on the way, with the question's words and what it said before and now; every
person, agency and plan detail added, changed or removed (and every action, when its
items rest on the Actions page); every red flag raised after it. Each is named: the first
change must never hide the others from the people asked to confirm again (look-d 1, 3,
24: a man moving into the household was hidden behind a date put right).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from checklist_tui.core.answers import NA_LABEL, coerce, display_value, stringify
from checklist_tui.core.carried import recorded_name
from checklist_tui.core.dates import uk_date
from checklist_tui.core.definition import (
    Checklist,
    Item,
    ItemType,
    PlanCheck,
    Section,
    rule_id,
)
from checklist_tui.core.engine import Evaluation, FiredRule, concern_answers
from checklist_tui.core.integrity import day_of, settled
from checklist_tui.core.plan import Confirmation, HistoryEntry, Plan
from checklist_tui.core.question_words import named as question_named
from checklist_tui.core.raising import rests_on
from checklist_tui.core.since import Since


def when(at: datetime) -> str:
    """A confirmation's time as people read it: ``22/11/2026 10:43`` (local time)."""
    return at.astimezone().strftime("%d/%m/%Y %H:%M")


def short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def named(item: Item | None, ident: str) -> str:
    """An item as a change names it: its question's words and its id, as every reason
    names it (core.question_words)."""
    return question_named(item) if item is not None else ident


#: The plan details whose change a confirmation did not see, as a sentence names them.
DETAILS = {"babies_expected": "the number of babies", "dob": "the date of birth",
           "edd": "the expected delivery date"}
#: The Actions page's checks: a pause point whose items rest on one sees the actions.
ACTION_CHECKS = (PlanCheck.ACTIONS_RECORDED, PlanCheck.ACTIONS_OWNED)


def said(item: Item | None, text: str) -> str:
    """An answer as the history wrote it (``stringify``), as a person reads it."""
    if not text:
        return "nothing"
    if text == "n/a":
        return NA_LABEL
    if item is None:
        return text
    try:
        value = coerce(item, text.split(", ") if item.type == ItemType.MULTI_CHOICE else text)
    except ValueError:
        return text
    return display_value(item, value)


def _reason(seen: Since, entry: HistoryEntry) -> str:
    """The reason given when the plan was reopened for this change (the entry before it,
    past the change of state); ''."""
    at = next((n for n, e in enumerate(seen.entries) if e is entry), 0)
    for before in reversed(seen.entries[:at]):
        if before.what == "reason":
            return before.new
        if before.what not in ("state", "signoff.void"):
            return ""
    return ""


def _answer_changed(plan: Plan, seen: Since, item: Item | None, ident: str, at: datetime,
                    concerns: dict[str, frozenset[str]]) -> str:
    passed = seen.concern_passed(ident, concerns)
    answer = plan.answers.get(ident)
    now = stringify(answer.value) if answer is not None and answer.has_value else ""
    if passed is not None and now:
        said_then, then = passed
        return (f"{named(item, ident)} was answered '{said(item, said_then)}' on {when(then)}, "
                f"then '{said(item, now)}' again on {when(at)}")
    entries = seen.answers(ident)
    if not entries:  # not in its history (edited outside the app)
        return f"{named(item, ident)} was answered again on {when(at)}"
    before, after = entries[0].old, entries[-1].new
    reason = _reason(seen, entries[-1])
    because = f" (reason: {reason})" if reason else ""
    if not after:
        return f"{named(item, ident)} was cleared on {when(at)} (it said " \
               f"'{said(item, before)}'){because}"
    return (f"{named(item, ident)} was changed from '{said(item, before)}' to "
            f"'{said(item, after)}' on {when(at)}{because}")


#: How a part of an answer changed after a confirmation reads: "{item} was ... on {when}".
_CHANGED = {"details": "the details recorded with {ident} were changed on {when}",
            "note": "the note on {ident} was changed on {when}"}


def _concerns(items: dict[str, Item]) -> dict[str, frozenset[str]]:
    """The answers that mean "not in place" for each item (the engine's rule: its concern,
    else no and unknown), as the history writes them."""
    return {i.id: frozenset(str(v).lower() for v in concern_answers(i))
            for i in items.values()}


def _person(plan: Plan, entry: HistoryEntry) -> str:
    person = next((p for p in plan.people if p.id == entry.target), None)
    name = person.name if person else recorded_name(entry.old or entry.new) or entry.target
    about = [w for w, yes in (("a man", person is not None and person.is_man),
                              ("in the household", person is not None
                               and person.in_household is True)) if yes]
    about = [", ".join(about)] if about else []
    if person is not None and person.role:
        about.append(f"role: {person.role}")
    return name + (f" ({'; '.join(about)})" if about else "")


def _field(summary: str, key: str) -> str:
    """One field of a record's history summary ("agency=Health visiting; role=...")."""
    for part in summary.split("; "):
        if part.startswith(f"{key}="):
            return part[len(key) + 1:]
    return ""


def _agency(plan: Plan, entry: HistoryEntry) -> str:
    agency = next((a for a in plan.agencies if a.id == entry.target), None)
    name = agency.agency if agency else _field(entry.old or entry.new, "agency")
    return name or entry.target


def _action(plan: Plan, entry: HistoryEntry) -> str:
    action = next((a for a in plan.actions if a.id == entry.target), None)
    what = action.what if action else _field(entry.old or entry.new, "what")
    return f"'{short(what or entry.target, 50)}'"


#: Per record kind: its page, the page's possessive, what a record of it is called when
#: added or removed, and how it is named.
_RECORDS: dict[str, tuple[str, str, str, Callable[[Plan, HistoryEntry], str]]] = {
    "person": ("People", "People's", "", _person),
    "agency": ("Agencies", "Agencies'", "the agency ", _agency),
    "action": ("Actions", "Actions'", "the action ", _action)}


def _records_since(plan: Plan, seen: Since, kinds: tuple[str, ...]) -> list[str]:
    """Each person, agency (and action, when in ``kinds``) added to, changed in or removed
    from the plan after the confirmation, once each, in the order first changed."""
    changed: dict[str, list[HistoryEntry]] = {}
    for entry in seen.entries:
        kind, _dot, how = entry.what.partition(".")
        if kind in kinds and how in ("add", "edit", "remove"):
            changed.setdefault(entry.target, []).append(entry)
    out = []
    for entries in changed.values():
        page, pages, called, name = _RECORDS[entries[0].what.partition(".")[0]]
        hows = [e.what.partition(".")[2] for e in entries]
        last = entries[-1]
        who = name(plan, last)
        if hows[-1] == "remove":
            out.append(f"{called}{who} was removed from {page} on {when(last.at)}")
        elif "add" in hows:
            out.append(f"{called}{who} was added to {page} on {when(entries[0].at)}")
        else:
            out.append(f"{pages} record of {who} was changed on {when(last.at)}")
    return out


def _details_since(seen: Since) -> list[str]:
    """The number of babies, the date of birth or the EDD changed after the confirmation."""
    changed: dict[str, list[HistoryEntry]] = {}
    for entry in seen.entries:
        if entry.what == "details" and entry.target in DETAILS:
            changed.setdefault(entry.target, []).append(entry)
    return [f"{DETAILS[name]} was changed from {_detail_said(entries[0].old)} to "
            f"{_detail_said(entries[-1].new)} on {when(entries[-1].at)}"
            for name, entries in changed.items() if entries[0].old != entries[-1].new]


def _detail_said(text: str) -> str:
    """A plan detail as the history wrote it, as a person reads it: a date as DD/MM/YYYY
    (the history keeps ISO, ``2026-11-20``), nothing as 'nothing'."""
    if not text:
        return "nothing"
    try:
        return uk_date(date.fromisoformat(text))
    except ValueError:
        return text


def _flag_raised_after(flag: FiredRule, item: Item, plan: Plan, ev: Evaluation,
                       seen: Since) -> bool:
    """Whether a red flag firing now was raised after the confirmation ``seen.c``: an
    answer it rests on says something else than it did then, or (its item not answered,
    or "not yet") its due point passed after it."""
    rule = next((r for n, r in enumerate(item.rules) if rule_id(item, n) == flag.rule_id),
                None)
    if any(part == "answer" for _i, part, _at in seen.changed(rests_on(item, rule))):
        return True
    if (rule is not None and rule.when is not None) or settled(plan.answers.get(item.id)):
        return False  # it rests on answers, and they say what they said then
    due = next((d.due_date for d in ev.due if d.item_id == item.id), None)
    return due is not None and due >= day_of(seen.c.at)


def _rests_on_actions(section: Section, items: dict[str, Item], watched: list[str]) -> bool:
    checks = [c for i in [*section.items, *(items[w] for w in watched if w in items)]
              for c in i.cross_checks]
    return any(c.plan in ACTION_CHECKS for c in checks)


def since(checklist: Checklist, plan: Plan, ev: Evaluation, section: Section,
          c: Confirmation, watched: list[str]) -> str:
    """Everything the confirmation ``c`` did not see, in one sentence ("" when it saw it
    all): each answer it vouches for (``watched``) that says something else (or said a
    concern on the way), each change to People, Agencies, the plan details (and Actions,
    when its items rest on them), each red flag raised after it. The first change in full
    ("..., after this confirmation"), then every other after "also:"."""
    items = checklist.item_map()
    concerns = _concerns(items)
    seen = Since(plan, c)  # the history after it, read once for everything below
    first: list[str] = []  # each change as the first of them reads
    listed: list[str] = []  # ... and as a later one in the list reads
    for ident, part, at in seen.changed(watched, concerns):
        words = (_answer_changed(plan, seen, items.get(ident), ident, at, concerns)
                 if part == "answer" else _CHANGED[part].format(
                     ident=named(items.get(ident), ident), when=when(at)))
        first.append(f"{words}, after this confirmation")
        listed.append(words)
    kinds = ("person", "agency") + (("action",) if _rests_on_actions(section, items, watched)
                                    else ())
    for words in _records_since(plan, seen, kinds) + _details_since(seen):
        first.append(f"{words}, after this confirmation")
        listed.append(words)
    for flag in ev.red_flags:
        if flag.item_id in items and _flag_raised_after(flag, items[flag.item_id], plan, ev,
                                                        seen):
            first.append(f"a red flag was raised after this confirmation: {flag.message} "
                         f"({flag.item_id})")
            listed.append(f"a red flag was raised: {flag.message} ({flag.item_id})")
    if not first:
        return ""
    also = f"; also: {'; '.join(listed[1:])}" if len(listed) > 1 else ""
    return f"{first[0]}{also}."
