"""Every change to a plan goes through here, so every change lands in its history.

History is append-only: entries are added, never changed or removed. Editing a
completed plan moves it to "amended"; an approved (signed-off) plan refuses edits.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from checklist_tui.core.answers import coerce, stringify
from checklist_tui.core.definition import Checklist
from checklist_tui.core.engine import evaluate
from checklist_tui.core.errors import PlanError
from checklist_tui.core.plan import (
    Acknowledgement,
    Action,
    Agency,
    Answer,
    HistoryEntry,
    InfoSource,
    Person,
    Plan,
    PlanState,
    SignOff,
)

T = TypeVar("T", bound=BaseModel)

#: Allowed lifecycle moves. Everything else is refused.
TRANSITIONS: dict[PlanState, set[PlanState]] = {
    PlanState.DRAFT: {PlanState.COMPLETED, PlanState.ENTERED_IN_ERROR},
    PlanState.COMPLETED: {PlanState.SUBMITTED, PlanState.AMENDED, PlanState.ENTERED_IN_ERROR},
    PlanState.SUBMITTED: {PlanState.APPROVED, PlanState.RETURNED},
    PlanState.RETURNED: {PlanState.AMENDED, PlanState.COMPLETED, PlanState.ENTERED_IN_ERROR},
    PlanState.AMENDED: {PlanState.COMPLETED, PlanState.ENTERED_IN_ERROR},
    PlanState.APPROVED: {PlanState.AMENDED},
    PlanState.ENTERED_IN_ERROR: set(),
}
NEEDS_COMPLETE = {PlanState.COMPLETED, PlanState.SUBMITTED, PlanState.APPROVED}


def new_id() -> str:
    return uuid.uuid4().hex[:8]


def _log(plan: Plan, by: str, now: datetime, what: str, target: str = "",
         old: object = None, new: object = None) -> None:
    plan.history.append(HistoryEntry(at=now, by=by, what=what, target=target,
                                     old=stringify(old), new=stringify(new)))
    plan.updated = now


def _editable(plan: Plan, by: str, now: datetime) -> None:
    reason = plan.read_only_reason
    if reason:
        raise PlanError(reason)
    if plan.state in (PlanState.COMPLETED, PlanState.SUBMITTED, PlanState.RETURNED):
        _log(plan, by, now, "state", "plan", plan.state.value, PlanState.AMENDED.value)
        plan.state = PlanState.AMENDED


def _answer(plan: Plan, item_id: str, by: str, now: datetime) -> Answer:
    existing = plan.answers.get(item_id)
    if existing is None:
        existing = Answer(answered_at=now, answered_by=by)
        plan.answers[item_id] = existing
    return existing


def _item(checklist: Checklist, item_id: str):
    item = checklist.item_map().get(item_id)
    if item is None:
        raise PlanError(f"there is no item '{item_id}' in checklist '{checklist.id}'")
    return item


def set_answer(plan: Plan, checklist: Checklist, item_id: str, value: object, *, by: str,
               now: datetime) -> None:
    item = _item(checklist, item_id)
    try:
        canonical = coerce(item, value)
    except ValueError as exc:
        raise PlanError(f"{item_id}: {exc}") from None
    current = plan.answers.get(item_id)
    old = None if current is None else ("n/a" if current.not_applicable else current.value)
    if current is not None and not current.not_applicable and current.value == canonical:
        return
    _editable(plan, by, now)
    answer = _answer(plan, item_id, by, now)
    answer.value, answer.not_applicable = canonical, False
    answer.answered_at, answer.answered_by = now, by
    _log(plan, by, now, "answer", item_id, old, canonical)


def set_not_applicable(plan: Plan, checklist: Checklist, item_id: str, *, by: str,
                       now: datetime) -> None:
    item = _item(checklist, item_id)
    if not item.allow_na:
        raise PlanError(f"{item_id}: this item cannot be answered 'not applicable'")
    current = plan.answers.get(item_id)
    if current is not None and current.not_applicable:
        return
    _editable(plan, by, now)
    answer = _answer(plan, item_id, by, now)
    old = answer.value
    answer.value, answer.not_applicable = None, True
    answer.answered_at, answer.answered_by = now, by
    _log(plan, by, now, "answer", item_id, old, "n/a")


def clear_answer(plan: Plan, item_id: str, *, by: str, now: datetime) -> None:
    current = plan.answers.get(item_id)
    if current is None or not current.has_value:
        return
    _editable(plan, by, now)
    old = "n/a" if current.not_applicable else current.value
    current.value, current.not_applicable = None, False
    _log(plan, by, now, "clear", item_id, old, None)


def set_note(plan: Plan, item_id: str, note: str, *, by: str, now: datetime) -> None:
    current = plan.answers.get(item_id)
    if (current.note if current else "") == note:
        return
    _editable(plan, by, now)
    answer = _answer(plan, item_id, by, now)
    old, answer.note = answer.note, note
    _log(plan, by, now, "note", item_id, old, note)


def set_source(plan: Plan, item_id: str, source: InfoSource | None, *, by: str,
               now: datetime) -> None:
    current = plan.answers.get(item_id)
    if (current.source if current else None) == source:
        return
    _editable(plan, by, now)
    answer = _answer(plan, item_id, by, now)
    old, answer.source = answer.source, source
    _log(plan, by, now, "source", item_id, old, source)


def acknowledge(plan: Plan, rule: str, reason: str, *, by: str, now: datetime) -> None:
    if any(a.rule == rule for a in plan.acknowledgements):
        return
    _editable(plan, by, now)
    plan.acknowledgements.append(Acknowledgement(rule=rule, by=by, at=now, reason=reason))
    _log(plan, by, now, "acknowledge", rule, None, reason or "acknowledged")


DETAIL_FIELDS = ("case_ref", "edd", "dob", "babies_expected", "prematurity_likely",
                 "practitioner", "practitioner_role")


def set_details(plan: Plan, *, by: str, now: datetime, **fields: Any) -> None:
    for name, value in fields.items():
        if name not in DETAIL_FIELDS:
            raise PlanError(f"'{name}' is not a plan detail")
        old = getattr(plan, name)
        if old == value:
            continue
        _editable(plan, by, now)
        try:
            setattr(plan, name, value)
        except ValidationError as exc:
            raise PlanError(f"{name}: {exc.errors()[0]['msg']}") from None
        _log(plan, by, now, "details", name, old, value)


# -- people, agencies, actions: one generic set of operations ------------------

_COLLECTIONS: dict[type[BaseModel], tuple[str, str]] = {
    Person: ("people", "person"),
    Agency: ("agencies", "agency"),
    Action: ("actions", "action"),
}


def _summary(record: BaseModel) -> str:
    data = record.model_dump(mode="json", exclude={"id"}, exclude_defaults=True)
    return "; ".join(f"{k}={v}" for k, v in data.items())


def add_record(plan: Plan, model: type[T], *, by: str, now: datetime, **fields: Any) -> T:
    attr, label = _COLLECTIONS[model]
    try:
        record = model(id=new_id(), **fields)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise PlanError(f"{label} {'.'.join(map(str, err['loc']))}: {err['msg']}") from None
    _editable(plan, by, now)
    getattr(plan, attr).append(record)
    _log(plan, by, now, f"{label}.add", record.id, None, _summary(record))
    return record


def find_record(plan: Plan, model: type[T], record_id: str) -> T:
    attr, label = _COLLECTIONS[model]
    for record in getattr(plan, attr):
        if record.id == record_id:
            return record
    raise PlanError(f"no {label} with id '{record_id}' in this plan")


def update_record(plan: Plan, model: type[T], record_id: str, *, by: str, now: datetime,
                  **fields: Any) -> T:
    attr, label = _COLLECTIONS[model]
    record = find_record(plan, model, record_id)
    merged = record.model_dump() | fields
    try:
        updated = model(**merged)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise PlanError(f"{label} {'.'.join(map(str, err['loc']))}: {err['msg']}") from None
    if updated == record:
        return record
    _editable(plan, by, now)
    records = getattr(plan, attr)
    records[records.index(record)] = updated
    _log(plan, by, now, f"{label}.edit", record_id, _summary(record), _summary(updated))
    return updated


def remove_record(plan: Plan, model: type[T], record_id: str, *, by: str, now: datetime) -> None:
    attr, label = _COLLECTIONS[model]
    record = find_record(plan, model, record_id)
    _editable(plan, by, now)
    getattr(plan, attr).remove(record)
    _log(plan, by, now, f"{label}.remove", record_id, _summary(record), None)


# -- lifecycle --------------------------------------------------------------------

def change_state(plan: Plan, checklist: Checklist, new: PlanState, *, by: str, now: datetime,
                 today: date) -> None:
    if new == plan.state:
        return
    if new not in TRANSITIONS[plan.state]:
        raise PlanError(f"a {plan.state.label.lower()} plan cannot become "
                        f"{new.label.lower()}")
    if new in NEEDS_COMPLETE:
        blockers = evaluate(checklist, plan, today).blockers()
        if blockers:
            more = f" (and {len(blockers) - 1} more)" if len(blockers) > 1 else ""
            raise PlanError(f"not ready: {blockers[0]}{more}")
    old = plan.state
    if old == PlanState.APPROVED and plan.signoff is not None:
        _log(plan, by, now, "signoff.void", "plan", plan.signoff.by, None)
        plan.signoff = None  # unlocking voids the signature
    plan.state = new
    _log(plan, by, now, "state", "plan", old.value, new.value)


def sign_off(plan: Plan, checklist: Checklist, *, by: str, role: str, decision: str,
             rationale: str, now: datetime, today: date) -> None:
    change_state(plan, checklist, PlanState.APPROVED, by=by, now=now, today=today)
    plan.signoff = SignOff(by=by, role=role, at=now, decision=decision, rationale=rationale)
    _log(plan, by, now, "signoff", "plan", None, f"{decision} ({role})")
