"""When an answer's words were written, read from the plan's history, and the rule that a
check's "who checked, and what they found" written before the day its own date records
does not stand for that day (look-d D1 c): typing a five-day-old bruise check's date
again as today's must not make its findings read as a check done today.

Used by the "today's date" ticks (core.integrity, ``dates_on_day``): every view and the
pause point's confirmation read the same words. The words can be recorded again on the
day (``core.edit.set_detail(..., again=True)``) when they are still true.
"""

from __future__ import annotations

from datetime import date

from checklist_tui.core.dates import words_date
from checklist_tui.core.definition import Checklist, DetailKind, Item
from checklist_tui.core.plan import Answer, Plan

DETAIL = "detail"
"""The history entry that records an answer's detail (core.edit)."""


def text_keys(item: Item) -> dict[str, str]:
    """Each text detail of ``item``, as its history target (``ID.key``) -> its label."""
    return {f"{item.id}.{d.key}": d.label for d in item.details if d.kind == DetailKind.TEXT}


def _latest(plan: Plan, targets: set[str] | dict[str, str]) -> dict[str, int]:
    """The index in the history of each of ``targets``' (``ID.key``) latest detail entry;
    a target the history never wrote is left out. One walk back from the newest entry,
    stopped once every target is found."""
    found: dict[str, int] = {}
    history = plan.history
    for n in range(len(history) - 1, -1, -1):
        if len(found) == len(targets):
            break
        entry = history[n]
        if entry.what == DETAIL and entry.target in targets and entry.target not in found:
            found[entry.target] = n
    return found


def written_on(plan: Plan, targets: set[str] | dict[str, str],
               latest: dict[str, int] | None = None) -> dict[str, date]:
    """The day each of ``targets`` (``ID.key``) was last written (recorded with words,
    or recorded again), as people there read the day; a target the history never wrote
    (a plan from before the history, or edited outside the app), or whose words were
    cleared last, is left out. ``latest``: the walk already made (``_latest``)."""
    found = _latest(plan, targets) if latest is None else latest
    return {t: plan.history[n].at.astimezone().date() for t, n in found.items()
            if plan.history[n].new}


WRITE_AGAIN = "write it again on that day (the same words again if they are still true)"
"""What to do about words written before the date they record: new words on the day, or
the same words recorded again (the app's Details form, ``answer --again``, plain mode's
``details`` then ``same``). Said of any such item: who checked and what they found
(DPM-H07), who confirmed it (DPM-H01), who agreed (DPM-C12)."""


def written_before(plan: Plan, item: Item | None, answer: Answer | None) -> str:
    """Why the words recorded with ``item``'s date do not stand for that date: one was
    written on an earlier day than the date ("'Who checked ...' (DPM-H07) was written on
    Sunday 22 November 2026, before the date it records, Friday 27 November 2026: write
    it again on that day ..."); "" when they stand, or when the history cannot tell."""
    fact = written_earlier(plan, item, answer)
    return fact and f"{fact}: {WRITE_AGAIN}"


def form_hint(day: date) -> str:
    """Under words written before today in an answer's details form, when a "today's
    date" tick compares its date (``earlier_words``)."""
    return (f"Written on {words_date(day)}: if it was done again today, write it again, "
            "or tick the box below if these words are still true.")


def _with_words(item: Item | None, answer: Answer | None) -> dict[str, str]:
    """``item``'s text details that ``answer`` holds words in (``ID.key`` -> label)."""
    if item is None or answer is None or not answer.details:
        return {}
    details = answer.details
    return {t: label for t, label in text_keys(item).items()
            if details.get(t.partition(".")[2])}


def written_earlier(plan: Plan, item: Item | None, answer: Answer | None,
                    latest: dict[str, int] | None = None) -> str:
    """The fact under :func:`written_before`, said under the answer itself in every view
    (core.carried): "'Who checked ...' (DPM-H07) was written on Sunday 22 November 2026,
    before the date it records, Friday 27 November 2026"; or "". ``latest``: the walk
    already made (``_latest``)."""
    if item is None or answer is None or not answer.details or item.date_detail is None:
        return ""
    dated = answer.details.get(item.date_detail.key)
    have = _with_words(item, answer)
    if not isinstance(dated, date) or not have:
        return ""
    for target, day in written_on(plan, have, latest).items():
        if day < dated:
            return (f"'{have[target]}' ({item.id}) was written on {words_date(day)}, before "
                    f"the date it records, {words_date(dated)}")
    return ""


def words_said(plan: Plan, item: Item, answer: Answer | None) -> list[str]:
    """What the history says of an answer's words, under the answer (core.carried): that
    they were written before the date they record, and that they were recorded again as
    still true; one walk of the history for both (this runs for every item shown, at
    every answer)."""
    have = _with_words(item, answer)
    if not have:
        return []
    latest = _latest(plan, have)
    return [line for line in (written_earlier(plan, item, answer, latest),
                              said_again(plan, item, answer, latest)) if line]


def day_checked(checklist: Checklist) -> set[str]:
    """The items whose date a "today's date" tick compares (``dates_on_day``)."""
    return {ident for _section, item in checklist.all_items() for check in item.cross_checks
            for ident in check.dates_on_day or ()}


def earlier_words(plan: Plan, checklist: Checklist, item: Item, today: date) -> dict[str, date]:
    """The words of ``item`` that a check done again today may record again: each text
    detail (key -> the day it was written) written before ``today``, when a "today's
    date" tick compares the item's date; else empty."""
    answer = plan.answers.get(item.id)
    if answer is None or not answer.details or item.id not in day_checked(checklist):
        return {}
    return {t.partition(".")[2]: day
            for t, day in written_on(plan, _with_words(item, answer)).items() if day < today}


def said_again(plan: Plan, item: Item | None, answer: Answer | None,
               latest: dict[str, int] | None = None) -> str:
    """Words recorded again as still true on a later day (``set_detail(..., again=True)``)
    are said so, with who and when they were first written (rev8-tui 2: the same words
    recorded again read as if written that day, and no view said otherwise): "'Who
    checked ...' (DPM-H07) was recorded again as still true on Friday 27 November 2026 by
    Morgan Example (Ward midwife); first written on Sunday 22 November 2026"; or "".
    ``latest``: the walk already made (``_latest``)."""
    texts = _with_words(item, answer)
    if item is None or not texts:
        return ""
    history = plan.history
    for target, n in (_latest(plan, texts) if latest is None else latest).items():
        last = began = history[n]
        if not last.new or last.old != last.new:
            continue
        for k in range(n - 1, -1, -1):  # back to the entry that first wrote these words
            entry = history[k]
            if entry.what == DETAIL and entry.target == target:
                if entry.new != last.new:
                    break
                began = entry
        return (f"'{texts[target]}' ({item.id}) was recorded again as still true on "
                f"{words_date(last.at.astimezone().date())} by {last.by}; first written on "
                f"{words_date(began.at.astimezone().date())}")
    return ""
