"""Gestation arithmetic. Pregnancy is counted so that the EDD is 40+0 weeks."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from checklist_tui.core import lazy

TERM_DAYS = 280
#: The last day a pregnancy is counted in weeks (42+0); past it, a plan with no date of
#: birth says only how long ago the EDD was, never "43+5 weeks today".
POST_TERM_DAYS = TERM_DAYS + 14


def gestation_days(edd: date, on: date) -> int:
    return TERM_DAYS - (edd - on).days


def gestation_label(edd: date, on: date) -> str:
    """'28+3' style label; after the EDD too (e.g. '41+2')."""
    days = gestation_days(edd, on)
    if days < 0:
        return "not yet pregnant by this EDD"
    return f"{days // 7}+{days % 7}"


def date_at_gestation(edd: date, weeks: int, days: int = 0) -> date:
    return edd - timedelta(days=TERM_DAYS - (weeks * 7 + days))


DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


def words_date(d: date) -> str:
    """A date read out in words, for a date someone must check against another:
    ``Sunday 22 November 2026`` (English names, whatever the computer's language)."""
    return f"{DAY_NAMES[d.weekday()]} {d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def uk_date(d: date | None) -> str:
    """Dates as practitioners write them: DD/MM/YYYY."""
    return d.strftime("%d/%m/%Y") if d else "not recorded"


#: A day, a month and a year typed in another form: "4/12/26", "4.12.2026", "04-12-26".
_DAY_MONTH_YEAR = lazy.pattern(r"(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{2}|\d{4})")


def parse_date(text: str) -> date:
    """Accept YYYY-MM-DD or DD/MM/YYYY; raise ValueError with a plain message that says
    the form to type (``not_a_date``)."""
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(not_a_date(text))


def not_a_date(text: str) -> str:
    """What every place a date is typed says when ``text`` is not taken, with the form to
    type: "'4/12/26' is not a date: type it as 04/12/2026" when it reads as a day, a month
    and a year in another form (a two-figure year is this century); else the form, with
    an example. It is never taken for the date: the person types it again."""
    text = text.strip()
    found = _DAY_MONTH_YEAR.fullmatch(text)
    if found:
        day, month, year = (int(n) for n in found.groups())
        year += 2000 if year < 100 else 0
        try:
            return f"'{text}' is not a date: type it as {uk_date(date(year, month, day))}"
        except ValueError:
            if 1 <= month <= 12 and day >= 1:
                return (f"'{text}' is not a date: {MONTH_NAMES[month - 1]} {year} has no "
                        f"day {day}")
            if month > 12 and 1 <= day <= 12:
                return (f"'{text}' is not a date: there is no month {month}; type the day "
                        "first, as DD/MM/YYYY")
    return f"'{text}' is not a date: type the date as DD/MM/YYYY, for example 04/12/2026"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def birth_not_recorded(edd: date | None, dob: date | None, today: date,
                       short: bool = False) -> str:
    """Once the EDD has passed with no date of birth recorded, the question every view
    puts first (look-d 20: a plan 26 days past its EDD read "43+5 weeks today" and
    nothing asked whether the baby had been born): "The EDD was 01/11/2026, 26 days ago,
    and no date of birth is recorded: has the baby been born?"; else ''. ``short``, for
    a folder view's Needs attention: "EDD passed 26 days ago, no date of birth recorded"."""
    if edd is None or dob is not None or edd >= today:
        return ""
    if short:
        return f"EDD passed {plural((today - edd).days, 'day')} ago, no date of birth recorded"
    return (f"The EDD was {uk_date(edd)}, {plural((today - edd).days, 'day')} ago, and no "
            "date of birth is recorded: has the baby been born?")


def timing_summary(edd: date | None, dob: date | None, today: date, short: bool = False) -> str:
    """Where the pregnancy or baby is today, in one phrase, for every view; ``short``
    leaves out the days to (or past) the EDD, for a narrow window."""
    if dob is not None:
        age = (today - dob).days
        if age < 0:
            return f"birth date {uk_date(dob)} is in the future"
        return f"born {uk_date(dob)}, {plural(age, 'day')} old"
    if edd is None:  # never framed as an unborn baby: an injury plan takes a birth date
        return "no date of birth or EDD recorded"
    to_go = (edd - today).days
    if gestation_days(edd, today) < 0:
        return f"EDD {uk_date(edd)} is more than 40 weeks away: check the date"
    if gestation_days(edd, today) > POST_TERM_DAYS:
        ago = f"EDD {uk_date(edd)}, {plural(-to_go, 'day')} ago"
        return ago if short else f"{ago}: no date of birth recorded"
    when = (f"{plural(to_go, 'day')} to EDD" if to_go >= 0
            else f"{plural(-to_go, 'day')} past EDD")
    weeks = f"EDD {uk_date(edd)}: {gestation_label(edd, today)} weeks today"
    return weeks if short else f"{weeks}, {when}"
