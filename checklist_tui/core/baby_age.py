"""How old the baby was on a day, in words, and the cross-check that a "yes" stands only
for a baby at least so many months old (``{ age_at_least_months = 6 }``).

Look-d 8: a 17-day-old baby was recorded as able to "crawl, bottom-shuffle, pull to
stand, cruise or walk", and the only response was a note sending the practitioner to
another procedure. Every baby under six months counts as not independently mobile
(domain brief 7.1; the local procedures): a bruise on such a baby is the key sign, and a
mobile/not-mobile mistake is the way out of the bruising protocol. The plan holds the
date of birth, so it can say so itself.

The day the answer speaks of is the day the injury or mark was seen, where the plan
records it (a date detail of kind ``seen``), else the day the answer was given. With no
date of birth the plan cannot tell the baby's age, and never takes a "yes" as if it
could.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from checklist_tui.core.dates import plural, uk_date
from checklist_tui.core.definition_item import CrossCheck, DateKind, Item
from checklist_tui.core.plan import Answer

#: Under this many days old, an age is said in days ("17 days old"); then in weeks up
#: to three months, then in whole months.
DAYS_UP_TO = 56
WEEKS_UP_TO = 91


def months_old(dob: date, on: date) -> int:
    """Whole calendar months from ``dob`` to ``on`` (a baby born on 31 August is five
    months old until 1 March: never a month older than it is)."""
    months = (on.year - dob.year) * 12 + on.month - dob.month
    return months - 1 if on.day < dob.day else months


def age_words(dob: date, on: date) -> str:
    """'17 days old', '9 weeks old', '4 months old' (``on`` not before ``dob``)."""
    days = (on - dob).days
    if days < DAYS_UP_TO:
        return f"{plural(days, 'day')} old"
    if days < WEEKS_UP_TO:
        return f"{plural(days // 7, 'week')} old"
    return f"{plural(months_old(dob, on), 'month')} old"


def seen_day(items: Mapping[str, Item], counted: Mapping[str, Answer]) -> tuple[date, str] | None:
    """The day the plan records the injury or concern was seen (the first answer's date
    detail of kind ``seen``), with the item that records it; None when none is recorded."""
    for ident, item in items.items():
        detail = item.date_detail
        answer = counted.get(ident)
        if detail is None or detail.date_kind != DateKind.SEEN or answer is None:
            continue
        value = (answer.details or {}).get(detail.key)
        if isinstance(value, date):
            return value, ident
    return None


def too_young(check: CrossCheck, dob: date | None, items: Mapping[str, Item],
              counted: Mapping[str, Answer], on: date, today: bool) -> list[str]:
    """Why a "yes" that stands only for a baby at least ``check.age_at_least_months``
    months old does not stand (empty when the baby was that old), then the check's own
    message: the baby's age on the day it speaks of (the day seen, else ``on``, the day
    answered; ``today`` when that is today), or that no date of birth is recorded. "the
    baby was 17 days old on 25/11/2026, the day recorded as seen with NAI-03 (born
    10/11/2026): under 6 months; every baby under six months counts as not mobile"."""
    assert check.age_at_least_months is not None
    why = _age_failure(check.age_at_least_months, dob, items, counted, on, today)
    if not why:
        return []
    return [f"{why}; {check.message.strip()}" if check.message.strip() else why]


def _age_failure(months: int, dob: date | None, items: Mapping[str, Item],
                 counted: Mapping[str, Answer], on: date, today: bool) -> str:
    limit = plural(months, "month")
    if dob is None:
        return (f"no date of birth is recorded, so the plan cannot tell whether the baby is "
                f"under {limit}: record the date of birth in the plan details")
    seen = seen_day(items, counted)
    day = seen[0] if seen else on
    if day < dob:
        return (f"the date of birth ({uk_date(dob)}) is after {uk_date(day)}, the day this "
                "speaks of: check the date of birth")
    if months_old(dob, day) >= months:
        return ""
    when = (f"on {uk_date(day)}, the day recorded as seen with {seen[1]}" if seen
            else "today" if today else f"on {uk_date(day)}, the day this was answered")
    verb = "is" if today and not seen else "was"
    return f"the baby {verb} {age_words(dob, day)} {when} (born {uk_date(dob)}): under {limit}"
