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


def check_again(plan: Plan, checklist, item_id: str, day: date, *, by: str, now) -> None:
    """A check done again on ``day``: its date and its words ("who checked, and what they
    found") recorded then, the same words again (core.written: a date typed alone leaves
    words written on an earlier day, which do not stand for it)."""
    from checklist_tui.core.definition import DetailKind
    from checklist_tui.core.edit import set_detail

    item = checklist.item_map()[item_id]
    set_detail(plan, checklist, item_id, item.date_detail.key, day, by=by, now=now)
    have = plan.answers[item_id].details or {}
    for detail in item.details:
        if detail.kind == DetailKind.TEXT and have.get(detail.key):
            set_detail(plan, checklist, item_id, detail.key, have[detail.key], by=by,
                       now=now, again=True)


def words_written_again(plan: Plan, idents, now=NOW, by: str = "tester") -> None:
    """For fixtures that change a plan's answers by hand (no reason asked): each item's
    words ("who checked, and what they found") recorded again at ``now`` in the history,
    as ``core.edit.set_detail(..., again=True)`` records them (core.written)."""
    from checklist_tui.core.edit_base import log

    for ident in idents:
        text = (plan.answers[ident].details or {}).get("text")
        if text:
            log(plan, by, now, "detail", f"{ident}.text", text, text)
