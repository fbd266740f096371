"""Every change to a plan goes through here, so every change lands in its history.

History is append-only: entries are added, never changed or removed. A completed,
submitted or approved plan refuses edits (``ReasonNeeded``) until it is reopened with a
reason (``core.review.reopen``: the reason is kept, a sign-off voided, the plan becomes
"amended"); a returned plan becomes "amended" at its first change.

Editing is four modules, and every name is imported from this one: ``edit_base`` (what
every change does: refused while the plan may not change, logged in its history),
``edit_records`` (people, agencies and actions), ``edit_lifecycle`` (states and sign-off)
and this one (answers, their details, notes and sources, acknowledgements, pause points,
copies shared and the plan's details).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from checklist_tui.core import babies, pause
from checklist_tui.core import integrity as integ
from checklist_tui.core.answers import coerce, coerce_detail, date_refused, stringify
from checklist_tui.core.dates import uk_date
from checklist_tui.core.definition import Checklist, Item, ItemType
from checklist_tui.core.edit_base import (
    NEEDS_COMPLETE,
    NEEDS_REASON,
    editable,
    log,
    reason_needed,
)
from checklist_tui.core.edit_lifecycle import TRANSITIONS, change_state
from checklist_tui.core.edit_records import (
    add_record,
    find_record,
    remove_record,
    update_record,
)
from checklist_tui.core.engine import evaluate
from checklist_tui.core.errors import PlanError
from checklist_tui.core.placeholder import says_nothing
from checklist_tui.core.plan import (
    Acknowledgement,
    Action,
    Agency,
    Answer,
    Confirmation,
    InfoSource,
    Person,
    Plan,
    PlanState,
    Shared,
)
from checklist_tui.core.pydantic_errors import plain
from checklist_tui.core.reasons import ACKNOWLEDGE, refuse_non_reason
from checklist_tui.core.strict import Invalid

# The models whose records add_record and its kin take are importable from here too.
__all__ = [
    "DETAIL_FIELDS", "NEEDS_COMPLETE", "NEEDS_REASON", "TRANSITIONS", "Action", "Agency",
    "Person", "acknowledge", "add_record", "change_state", "clear_answer",
    "confirm_pause_point", "contradictions", "editable", "find_record", "log",
    "reason_needed", "record_shared", "remove_record", "set_answer", "set_detail", "set_details",
    "set_not_applicable", "set_note", "set_source", "update_record",
]


def _answer(plan: Plan, item_id: str, by: str, now: datetime) -> Answer:
    existing = plan.answers.get(item_id)
    if existing is None:
        existing = Answer(answered_at=now, answered_by=by)
        plan.answers[item_id] = existing
    return existing


def _item(checklist: Checklist, item_id: str) -> Item:
    item = checklist.item_map().get(item_id)
    if item is None:
        raise PlanError(f"there is no item '{item_id}' in checklist '{checklist.id}'")
    return item


def contradictions(plan: Plan, checklist: Checklist, item: Item, on: date,
                   basis: str = integ.TICKED) -> list[str]:
    """Why the plan's data contradicts a "yes" or tick on ``item`` given on the day ``on``
    (``basis``: how that day reads, core.integrity.compared_day)."""
    if not item.cross_checks:
        return []
    settled = {i: a for i, a in plan.answers.items() if integ.settled(a)}
    return integ.cross_check_failures(item, plan, settled, checklist.item_map(), on, basis)


def _drop_earlier_details(plan: Plan, item_id: str, answer: Answer, *, by: str,
                          now: datetime) -> None:
    """A "yes" given again after a no, unknown, not yet or not applicable does not carry
    the details recorded with the earlier "yes" (core.carried.NOT_CARRIED says so): a
    bruise check answered No and then Yes again must not bring back "no marks at 08:45".
    The history keeps them."""
    for key, value in sorted((answer.details or {}).items()):
        log(plan, by, now, "detail", f"{item_id}.{key}", value, None)
    answer.details = None


def not_recorded(item: Item, against: list[str]) -> str:
    """Why a "yes" or tick the plan contradicts is not recorded, in one sentence that
    says which it was: "NAI-02B: Yes cannot be recorded: the baby is 17 days old ...",
    "DPM-K04: cannot be ticked: ..." (a yes/no answer is given, not confirmed)."""
    refused = "cannot be ticked" if item.type == ItemType.CHECK else "Yes cannot be recorded"
    more = f" (and {len(against) - 1} more)" if len(against) > 1 else ""
    return f"{item.id}: {refused}: {against[0]}{more}"


def set_answer(plan: Plan, checklist: Checklist, item_id: str, value: object, *, by: str,
               now: datetime, owner: str | None = None, by_date: date | None = None) -> None:
    """Record an answer. "Not yet", and "unknown" on a required or risk item, must say who
    will find out and by when. A "yes" or tick the plan's own data contradicts is refused;
    one given again after another answer does not carry the earlier "yes"'s details.
    An answer saying how many babies are expected may move the plan details (core.babies)."""
    item = _item(checklist, item_id)
    try:
        canonical = coerce(item, value)
    except ValueError as exc:
        raise PlanError(f"{item_id}: {exc}") from None
    current = plan.answers.get(item_id)
    old = None if current is None else ("n/a" if current.not_applicable else current.value)
    probe = Answer(value=canonical, answered_at=now, answered_by=by)
    follow_up = integ.needs_follow_up(item, probe)
    if follow_up:
        owner = (owner if owner is not None else (current.owner if current else None)) or ""
        by_date = by_date or (current.by_date if current else None)
    same = current is not None and not current.not_applicable and current.value == canonical
    if same and current is not None and (
            not follow_up or (current.owner, current.by_date) == (owner, by_date)):
        return  # nothing changes: nothing to refuse, log or mark as changed
    if follow_up:
        if says_nothing(owner or ""):
            raise PlanError(f"{item_id}: '{(owner or '').strip()}' is not who will find out: "
                            "name the person or team")
        if not (owner or "").strip() or by_date is None:
            label = integ.follow_up_label(probe)
            raise PlanError(f"{item_id}: '{label}' needs who will find out (owner) and by when "
                            "(a date)")
    elif integ.is_positive(probe):
        against = contradictions(plan, checklist, item, integ.day_of(now), integ.TODAY)
        if against:
            raise PlanError(not_recorded(item, against))
    editable(plan, by, now)
    answer = _answer(plan, item_id, by, now)
    if not same:
        was_positive = integ.is_positive(answer)
        answer.value, answer.not_applicable = canonical, False
        answer.answered_at, answer.answered_by = now, by
        log(plan, by, now, "answer", item_id, old, canonical)
        if integ.is_positive(answer) and not was_positive and answer.details:
            _drop_earlier_details(plan, item_id, answer, by=by, now=now)
    _set_follow_up(plan, item_id, answer, (owner, by_date) if follow_up else (None, None),
                   by=by, now=now)
    count = babies.follows(plan, item_id)
    if count is not None:  # the plan details follow the answer (core.babies)
        log(plan, by, now, babies.FOLLOWED, babies.FIELD, plan.babies_expected, count)
        plan.babies_expected = count


def _set_follow_up(plan: Plan, item_id: str, answer: Answer,
                   wanted: tuple[str | None, date | None], *, by: str, now: datetime) -> None:
    if (answer.owner, answer.by_date) == wanted:
        return
    old = f"{answer.owner or ''} {stringify(answer.by_date)}".strip()
    answer.owner, answer.by_date = wanted
    new = f"{wanted[0] or ''} {stringify(wanted[1])}".strip()
    log(plan, by, now, "follow-up", item_id, old or None, new or None)


def set_detail(plan: Plan, checklist: Checklist, item_id: str, key: str, value: object, *,
               by: str, now: datetime, again: bool = False) -> None:
    """Record one detail of an answer (a date, people, a text or a place); None clears it.
    ``again``: the same words are recorded again as written ``now`` (a check done again
    on a later day that found the same, core.written); else the same value is no change."""
    item = _item(checklist, item_id)
    detail = next((d for d in item.details if d.key == key), None)
    if detail is None:
        keys = ", ".join(d.key for d in item.details) or "none"
        raise PlanError(f"{item_id}: no detail '{key}' (this item's details: {keys})")
    current = plan.answers.get(item_id)
    have = dict(current.details or {}) if current else {}
    if value is None or value == "" or value == []:
        if key not in have:
            return
        new_value = None
    else:
        try:
            new_value = coerce_detail(detail, value, plan.people)
        except ValueError as exc:
            raise PlanError(f"{item_id}: {exc}") from None
        if isinstance(new_value, date):
            refused = date_refused(detail, new_value, plan.dob, integ.day_of(now))
            if refused:
                raise PlanError(f"{item_id}: {refused}")
        if have.get(key) == new_value and not (again and isinstance(new_value, str)):
            return
    editable(plan, by, now)
    answer = _answer(plan, item_id, by, now)
    old = have.pop(key, None)
    if new_value is not None:
        have[key] = new_value
    answer.details = have or None
    log(plan, by, now, "detail", f"{item_id}.{key}", old, new_value)


def confirm_pause_point(plan: Plan, checklist: Checklist, section_id: str, present: list[str],
                        *, by: str, now: datetime, today: date,
                        confirmed_by: str = "") -> Confirmation:
    """Record that a pause point was read aloud and confirmed, by whom (``confirmed_by``,
    "name (role)"; the person making the change if not given) and with whom. Refused, in
    one sentence, while any of its items is not done or the plan contradicts it, while a
    red flag is open (``core.pause.blocker``), or when a "today's date" tick would not be
    true today."""
    section = next((s for s in checklist.sections if s.id == section_id), None)
    if section is None or not section.pause_point:
        raise PlanError(f"'{section_id}' is not a pause point in this checklist")
    people = [p.strip() for p in present if p.strip()]
    if not people:
        raise PlanError("say who was present when the pause point was confirmed")
    ev = evaluate(checklist, plan, today)
    problem = pause.blocker(checklist, plan, ev, section)
    if problem:
        raise PlanError(f"{section.title} cannot be confirmed: {problem.text}")
    editable(plan, by, now)
    record = Confirmation(section=section_id, by=confirmed_by.strip() or by, at=now,
                          present=people)
    plan.confirmations.append(record)
    log(plan, by, now, "confirm", section_id, None, f"{record.by}; present: "
         + "; ".join(people))
    return record


def record_shared(plan: Plan, to: str, on: date, parents: bool = False, *, by: str,
                  now: datetime, role: str = "", how: str = "") -> Shared:
    """Record that a copy of the plan was given to ``to`` (their agency or ``role``) on
    ``on``, and ``how`` (the parents' copy when ``parents``). Sharing does not change
    what the plan says, so it does not reopen it, even when the plan is approved."""
    if plan.state == PlanState.ENTERED_IN_ERROR:
        raise PlanError("this plan was entered in error; it should not be shared")
    who = to.strip() or ("The parents" if parents else "")
    if not who:
        raise PlanError("say who the plan was shared with")
    if on > now.date():
        raise PlanError(f"the date a copy was given ({uk_date(on)}) is in the future")
    from checklist_tui.core.review import content_hash  # review reads edit: not at import

    # what a copy given on an earlier day said is not known: never vouched for as current
    record = Shared(to=who, on=on, parents=parents, by=by, role=role.strip(), how=how.strip(),
                    content_hash=content_hash(plan, False) if on >= now.date() else "")
    plan.distribution.append(record)
    log(plan, by, now, "shared", "plan", None, "; ".join(
        x for x in (f"{who} on {on.isoformat()}", record.role, record.how) if x))
    return record


def set_not_applicable(plan: Plan, checklist: Checklist, item_id: str, *, by: str,
                       now: datetime) -> None:
    item = _item(checklist, item_id)
    if not item.allow_na:
        raise PlanError(f"{item_id}: this item cannot be answered 'not applicable'")
    current = plan.answers.get(item_id)
    if current is not None and current.not_applicable:
        return
    editable(plan, by, now)
    answer = _answer(plan, item_id, by, now)
    old = answer.value
    answer.value, answer.not_applicable = None, True
    answer.answered_at, answer.answered_by = now, by
    log(plan, by, now, "answer", item_id, old, "n/a")
    _set_follow_up(plan, item_id, answer, (None, None), by=by, now=now)


def clear_answer(plan: Plan, item_id: str, *, by: str, now: datetime) -> None:
    current = plan.answers.get(item_id)
    if current is None or not current.has_value:
        return
    editable(plan, by, now)
    old = "n/a" if current.not_applicable else current.value
    current.value, current.not_applicable = None, False
    log(plan, by, now, "clear", item_id, old, None)
    _set_follow_up(plan, item_id, current, (None, None), by=by, now=now)


def set_note(plan: Plan, item_id: str, note: str, *, by: str, now: datetime) -> None:
    current = plan.answers.get(item_id)
    if (current.note if current else "") == note:
        return
    editable(plan, by, now)
    answer = _answer(plan, item_id, by, now)
    old, answer.note = answer.note, note
    log(plan, by, now, "note", item_id, old, note)


def set_source(plan: Plan, item_id: str, source: InfoSource | None, *, by: str,
               now: datetime) -> None:
    current = plan.answers.get(item_id)
    if (current.source if current else None) == source:
        return
    editable(plan, by, now)
    answer = _answer(plan, item_id, by, now)
    old, answer.source = answer.source, source
    log(plan, by, now, "source", item_id, old, source)


def acknowledge(plan: Plan, checklist: Checklist, rule: str, reason: str, *, by: str,
                now: datetime) -> None:
    """Acknowledge the warning ``rule``, raised now, with a reason. An acknowledgement
    holds only for the raising it saw: the engine says whether this raising already has
    one (core.raising, the one rule), and then nothing is recorded again."""
    refuse_non_reason(reason, ACKNOWLEDGE)  # "y" would read as someone dealing with it
    fired = next((f for f in evaluate(checklist, plan, integ.day_of(now)).fired
                  if f.rule_id == rule), None)
    if fired is None:
        raise PlanError(f"the warning {rule} is not raised on this plan now, so there is "
                        "nothing to acknowledge")
    if fired.acknowledgement is not None:
        return
    editable(plan, by, now)
    plan.acknowledgements.append(Acknowledgement(rule=rule, by=by, at=now, reason=reason))
    log(plan, by, now, "acknowledge", rule, None, reason)


DETAIL_FIELDS = ("case_ref", "edd", "dob", "babies_expected", "prematurity_likely",
                 "practitioner", "practitioner_role")


def set_details(plan: Plan, *, by: str, now: datetime, **fields: Any) -> None:
    for name, value in fields.items():
        if name not in DETAIL_FIELDS:
            raise PlanError(f"'{name}' is not a plan detail")
        old = getattr(plan, name)
        if old == value:
            continue
        editable(plan, by, now)
        try:
            setattr(plan, name, value)
        except Invalid as exc:
            raise PlanError(f"{name}: {plain(exc.errors()[0])}") from None
        log(plan, by, now, "details", name, old, value)
