"""Due points: the date each item is due (twin-, prematurity- and birth-adjusted), the
discharge date a plan records, whether an answer meets its due point, and the state of
the due point on a given day.
"""

from __future__ import annotations

from datetime import date, timedelta

from checklist_tui.core import integrity as integ
from checklist_tui.core.dates import date_at_gestation, uk_date
from checklist_tui.core.definition import NOT_YET, Checklist, DateKind, Item
from checklist_tui.core.engine_result import DueState, DueStatus
from checklist_tui.core.plan import Answer, Plan


def due_date(checklist: Checklist, plan: Plan, item: Item, born: date | None) -> date | None:
    """The date an item is due, twin- and prematurity-adjusted."""
    point = item.due
    assert point is not None
    due: date | None = None
    if point.weeks is not None:
        if plan.edd:
            due = date_at_gestation(plan.edd, point.weeks, point.days)
            if plan.babies_expected > 1 or plan.prematurity_likely:
                due -= timedelta(weeks=checklist.timescales.multiple_birth_weeks_earlier)
            if born is not None and due > born:
                due = born  # a pre-birth milestone cannot be later than the birth
    elif point.days_after_seen is not None:  # from the day the plan was started until
        # the day it was seen is recorded: never later than it should be
        seen = recorded_date(checklist, plan, DateKind.SEEN) or plan.created.astimezone().date()
        due = seen + timedelta(days=point.days_after_seen)
    else:  # after the discharge: from the birth (or the EDD) until its date is recorded
        after = point.days_after_birth if point.days_after_discharge is None \
            else point.days_after_discharge
        base = (discharge_date(checklist, plan) if point.days_after_discharge is not None
                else None) or born or plan.edd
        if base:
            due = base + timedelta(days=after or 0)
    return due


def recorded_date(checklist: Checklist, plan: Plan, kind: DateKind) -> date | None:
    """The first date of ``kind`` the plan records (an answer's date detail), if any."""
    for _section, item in checklist.all_items():
        detail = item.date_detail
        if detail is not None and detail.date_kind == kind:
            found = integ.detail_date(item, plan.answers.get(item.id))
            if found is not None:
                return found
    return None


def _unrecorded(checklist: Checklist, plan: Plan, kind: DateKind) -> str:
    """The item that records a date of ``kind`` when the plan records none ('' when it
    does, or when no item asks for one)."""
    if recorded_date(checklist, plan, kind) is not None:
        return ""
    return next((item.id for _s, item in checklist.all_items() if item.date_detail is not None
                 and item.date_detail.date_kind == kind), "")


def discharge_date(checklist: Checklist, plan: Plan) -> date | None:
    """The discharge date the plan records (an answer's "discharge" date detail), if any."""
    return recorded_date(checklist, plan, DateKind.DISCHARGE)


def due_state(
    checklist: Checklist, plan: Plan, item: Item, section_id: str, done: bool, today: date,
    born: date | None, booked: date | None = None,
) -> DueState:
    point = item.due
    assert point is not None
    label = point.label or item.prompt
    # Days after birth are counted from the EDD (provisionally) until the birth is known.
    provisional = point.weeks is None and point.days_after_seen is None and born is None
    seen_item = "" if point.days_after_seen is None else _unrecorded(checklist, plan,
                                                                    DateKind.SEEN)
    due = due_date(checklist, plan, item, born)
    if done:
        status = DueStatus.BOOKED if booked is not None and booked > today else DueStatus.DONE
    elif due is None:
        status = DueStatus.NO_DATE
    elif due < today or (point.weeks is not None and born is not None and due >= born):
        status = DueStatus.OVERDUE  # a pre-birth milestone not met by the birth is missed
    elif (due - today).days <= checklist.timescales.due_soon_days:
        status = DueStatus.DUE_SOON
    else:
        status = DueStatus.UPCOMING
    days_left = (due - today).days if due else None
    return DueState(item.id, section_id, label, point, due, status, provisional, days_left,
                    booked, seen_item)


def find_out_late(by: date | None, due: date | None, plan: Plan, at_birth: bool) -> str:
    """Why a date to find out by ("not yet: who will find out, by when") is too late, or
    '': it comes after the item is due, or, for an item needed at birth, after the birth
    (the EDD until it is recorded). Look-d 21: a birth plan "by 01/03/2027" for a baby due
    10/02/2027 read as in hand. ``after it is due (16/12/2026) and after the EDD
    (10/02/2027)``."""
    if by is None:
        return ""
    after = [f"after it is due ({uk_date(due)})"] if due is not None and by > due else []
    birth = plan.dob or plan.edd
    if at_birth and birth is not None and by > birth:
        after.append(f"after {'the birth' if plan.dob else 'the EDD'} ({uk_date(birth)})")
    return " and ".join(after)


def is_met(answer: Answer) -> bool:
    """Whether an answer meets a due point: "no", "unknown" and "not yet" do not."""
    if answer.not_applicable:
        return True
    return answer.has_value and answer.value not in ("no", "unknown", NOT_YET)
