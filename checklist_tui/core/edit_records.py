"""People, agencies and actions in a plan: one generic set of operations (add, find,
update, remove), each change refused or logged as every change is (``core.edit_base``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from checklist_tui.core.edit_base import editable, log
from checklist_tui.core.errors import PlanError
from checklist_tui.core.ids import new_id
from checklist_tui.core.plan import Action, Agency, Person, Plan
from checklist_tui.core.pydantic_errors import plain, where
from checklist_tui.core.strict import Invalid, Strict, dump

T = TypeVar("T", bound=Strict)

_COLLECTIONS: dict[type[Strict], tuple[str, str]] = {
    Person: ("people", "person"),
    Agency: ("agencies", "agency"),
    Action: ("actions", "action"),
}


def _record_id(record: Strict) -> str:
    return str(dump(record, include={"id"})["id"])


def _summary(record: Strict) -> str:
    data = dump(record, mode="json", exclude={"id"}, exclude_defaults=True)
    return "; ".join(f"{k}={v}" for k, v in data.items())


def add_record(plan: Plan, model: type[T], *, by: str, now: datetime, **fields: Any) -> T:
    attr, label = _COLLECTIONS[model]
    try:
        record = model(id=new_id(model.__name__), **fields)
    except Invalid as exc:
        err = exc.errors()[0]
        raise PlanError(f"{label} {where(err)}: {plain(err)}") from None
    editable(plan, by, now)
    getattr(plan, attr).append(record)
    log(plan, by, now, f"{label}.add", _record_id(record), None, _summary(record))
    return record


def find_record(plan: Plan, model: type[T], record_id: str) -> T:
    attr, label = _COLLECTIONS[model]
    for record in getattr(plan, attr):
        if record.id == record_id:
            found: T = record
            return found
    raise PlanError(f"no {label} with id '{record_id}' in this plan")


def update_record(plan: Plan, model: type[T], record_id: str, *, by: str, now: datetime,
                  **fields: Any) -> T:
    attr, label = _COLLECTIONS[model]
    record = find_record(plan, model, record_id)
    merged = dump(record) | fields
    try:
        updated = model(**merged)
    except Invalid as exc:
        err = exc.errors()[0]
        raise PlanError(f"{label} {where(err)}: {plain(err)}") from None
    if updated == record:
        return record
    editable(plan, by, now)
    records = getattr(plan, attr)
    records[records.index(record)] = updated
    log(plan, by, now, f"{label}.edit", record_id, _summary(record), _summary(updated))
    return updated


def remove_record(plan: Plan, model: type[T], record_id: str, *, by: str, now: datetime) -> None:
    attr, label = _COLLECTIONS[model]
    record = find_record(plan, model, record_id)
    editable(plan, by, now)
    getattr(plan, attr).remove(record)
    log(plan, by, now, f"{label}.remove", record_id, _summary(record), None)
