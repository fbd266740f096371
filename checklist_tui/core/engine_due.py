"""Due points: the date each item is due (twin-, prematurity- and birth-adjusted), the
discharge date a plan records, whether an answer meets its due point, and the state of
the due point on a given day.
"""

from __future__ import annotations

from datetime import date, timedelta

from checklist_tui.core import integrity as integ
from checklist_tui.core.dates import date_at_gestation
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
                    booked)


def is_met(answer: Answer) -> bool:
    """Whether an answer meets a due point: "no", "unknown" and "not yet" do not."""
    if answer.not_applicable:
        return True
    return answer.has_value and answer.value not in ("no", "unknown", NOT_YET)
