"""Small builders for plans in tests."""

from __future__ import annotations

from datetime import date

from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.edit import set_answer
from checklist_tui.core.plan import Plan
from tests.conftest import NOW


def new_plan(loaded: LoadedChecklist, edd: date | None = date(2027, 3, 1), **extra) -> Plan:
    return Plan(id="t1", checklist_id=loaded.id, checklist_version=loaded.checklist.version,
                checklist_hash=loaded.content_hash, case_ref="TEST-1", edd=edd,
                created=NOW, updated=NOW, **extra)


FOLLOW_UP_BY = date(2026, 12, 4)


def answer(plan: Plan, loaded: LoadedChecklist, **values) -> Plan:
    """Answer items; "unknown" and "not yet" get an owner and a date (as they must)."""
    for item, value in values.items():
        extra = ({"owner": "Tess Tester", "by_date": FOLLOW_UP_BY}
                 if value in ("unknown", "not_yet") else {})
        set_answer(plan, loaded.checklist, item, value, by="tester", now=NOW, **extra)
    return plan
