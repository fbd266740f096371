"""The engine's gaps and risks, and what would not be in place if the baby were born today.

Both are built from the engine's evaluation. The gaps and risks here (what is wrong or not
known about the answers, the father and male carers first) are a building block of the
plan's one list, ``core.plan_gaps``, which every view counts and shows: no view reads them
alone. Items that are merely unanswered are not gaps (they are in Outstanding).
"""

from __future__ import annotations

from datetime import date

from checklist_tui.core import babies
from checklist_tui.core import integrity as integ
from checklist_tui.core.answers import display
from checklist_tui.core.carried import carried_lines
from checklist_tui.core.dates import birth_not_recorded, plural, uk_date
from checklist_tui.core.definition import Checklist, Item
from checklist_tui.core.engine import Evaluation, OpenAnswer, evaluate
from checklist_tui.core.plan import Plan
from checklist_tui.core.record import Record
from checklist_tui.core.review import item_challenge_lines
from checklist_tui.core.vocabulary import (
    CONCERN,
    CONTRADICTED,
    IN_RECORDS,
    INCOMPLETE,
    NOT_KNOWN,
    OVERDUE,
    PLAN_CHECK,
    counted_from,
    due_label,
    find_out_too_late,
    gap_rank,
)
from checklist_tui.core.where import Where

MEN_HEADING = "The father and male carers"
OTHER_HEADING = "Everything else"


class Gap(Where):
    """One gap or risk in a plan, in words, and where it is."""

    label: str
    text: str
    about_men: bool
    follow_up: str = ""
    """Who will find out and by when, for something not known."""
    overdue: bool = False
    red_flag: bool = False
    note: str = ""
    """The practitioner's note on the answer (what is known so far, who was asked)."""

def gaps_and_risks(checklist: Checklist, plan: Plan, ev: Evaluation) -> list[Gap]:
    """Concerns, contradicted and incomplete answers, what is not known, and failed plan
    checks on the men around the baby; the father and male carers first."""
    items = checklist.item_map()
    flagged = {f.item_id for f in ev.red_flags if f.acknowledgement is None}
    order = {i.id: n for n, (_s, i) in enumerate(checklist.all_items())}
    found: list[tuple[int, Gap]] = []

    def on_item(label: str, item: Item, section_id: str, words: str, *,
                follow_up: str = "", overdue: bool = False, red_flag: bool = False,
                note: str = "") -> None:
        """A gap on one item: its prompt and what is wrong, in the checklist's order."""
        found.append((order[item.id], Gap(
            label, f"{item.prompt} {words}", item.about_men, item_id=item.id,
            section_id=section_id, follow_up=follow_up, overdue=overdue, red_flag=red_flag,
            note=note)))

    for section in checklist.sections:
        for item in section.items:
            answer = plan.answers.get(item.id)
            if item.id in ev.visible_items and integ.is_concern(item, answer) \
                    and not integ.needs_follow_up(item, answer):
                assert answer is not None
                on_item(CONCERN, item, section.id, display(item, answer),
                        red_flag=item.id in flagged, note=answer.note)
    for problem in ev.contradicted:
        item, answer = items[problem.item_id], plan.answers.get(problem.item_id)
        said = "Ticked" if answer is None or answer.value is True \
            else f"Answered {display(item, answer)}"  # a yes is not a tick (look-d)
        on_item(CONTRADICTED, item, problem.section_id,
                f"{said}, but {'; '.join(problem.reasons)}")
    for open_answer in ev.open_answers:
        item = items[open_answer.item_id]
        on_item(NOT_KNOWN, item, open_answer.section_id, display(item, open_answer.answer),
                follow_up=integ.follow_up_text(open_answer.answer) + late_words(
                    open_answer, ev),
                overdue=open_answer.overdue, red_flag=item.id in flagged,
                note=open_answer.answer.note)
    for problem in ev.incomplete:
        on_item(INCOMPLETE, items[problem.item_id], problem.section_id,
                f"Yes, but {integ.missing_text(problem.reasons)}")
    for issue in ev.integrity:  # plan checks come after the items
        if issue.about_men:
            found.append((len(order), Gap(PLAN_CHECK, issue.message, True, page=issue.page,
                                          record_id=issue.target_id)))
    found.sort(key=lambda pair: (not pair[1].about_men, gap_rank(pair[1].label), pair[0]))
    return [gap for _pos, gap in found]


#: Why each kind of the engine's gaps is a concern (core.what_is_left says it per row).
GAP_WHY = {
    CONCERN: "the checklist marks this answer as a risk",
    CONTRADICTED: "the answer says one thing, the plan's own records another",
    NOT_KNOWN: "nobody knows yet, so it cannot be counted as safe",
    INCOMPLETE: "yes, but what it stands for is not written in the plan",
    PLAN_CHECK: "the plan's records about the men around the baby are incomplete",
}


class NotInPlace(Where):
    """Something needed at the birth that would not be in place today, and why."""

    text: str
    why: str


BEFORE_BIRTH = "If the baby were born today"
AFTER_BIRTH = "Needed at birth, now the baby is born"


def birth_view_title(plan: Plan) -> str:
    """The born-today view's heading in every view: never "if the baby were born today"
    for a baby whose date of birth is recorded."""
    return BEFORE_BIRTH if plan.dob is None else AFTER_BIRTH


def birth_view_group(plan: Plan) -> str:
    """The heading of what the view lists: what would not be, or is not, in place."""
    return "Would not be in place" if plan.dob is None else "Not in place"


def birth_view_key(plan: Plan) -> str:
    """What the key that shows the view does, in the words of the plan's timing."""
    return ("what would not be in place if the baby were born today" if plan.dob is None
            else "what is needed at birth and not in place")


class BornToday(Record):
    """What would not be in place if the baby were born today (or, once born, what is
    needed at birth and not in place): ``title`` is :func:`birth_view_title`."""

    headline: str
    entries: list[NotInPlace]
    title: str = BEFORE_BIRTH


def _why_not(item: Item, ev: Evaluation, plan: Plan) -> str | None:
    """Why a needed-at-birth item would not be in place today (None when it would be)."""
    answer = plan.answers.get(item.id)
    for problem in ev.contradicted:
        if problem.item_id == item.id:
            return "contradicted: " + "; ".join(problem.reasons)
    for problem in ev.incomplete:
        if problem.item_id == item.id:
            return "incomplete, " + integ.missing_text(problem.reasons)
    for open_answer in ev.open_answers:
        if open_answer.item_id == item.id:
            return (f"{integ.follow_up_label(open_answer.answer)} "
                    f"({integ.follow_up_text(open_answer.answer)})")
    if not integ.settled(answer):
        return "not answered"
    assert answer is not None
    if answer.not_applicable:
        return None
    if item.concern:
        return f"answered {display(item, answer)}" if integ.is_concern(item, answer) else None
    if answer.value in ("no", "unknown"):
        return f"answered {display(item, answer)}"
    return None


#: What the born-today view says for a checklist that marks nothing as needed at birth
#: (the injury checklist, for a baby already born): it has no such view (look-d 31: it
#: said "cannot say what would be in place" over "Nothing is outstanding").
NO_BIRTH_VIEW = ("This checklist marks nothing as needed at birth, so it has no view of what "
                 "would be in place at birth: everything still open is listed as outstanding.")


def marks_birth(checklist: Checklist) -> bool:
    """Whether the checklist marks anything as needed at birth: only then is there a view
    of what would not be in place if the baby were born today (the app's ``b``, plain
    mode's ``born today``, ``show --born-today``, the exports' section)."""
    return any(item.needed_at_birth for _section, item in checklist.all_items())


def born_today(checklist: Checklist, plan: Plan, today: date) -> BornToday:
    """Only what would not be in place if the baby arrived today: items and checks marked
    as needed at birth, twin- and prematurity-adjusted. A checklist that marks nothing as
    needed at birth has no such view: it says so (:data:`NO_BIRTH_VIEW`), and nothing more."""
    if not marks_birth(checklist):
        return BornToday(NO_BIRTH_VIEW, [], birth_view_title(plan))
    # Once born, the same list of what is not in place now (look-c 3: an early birth
    # emptied it, and Outstanding said "Nothing is outstanding").
    born = plan.dob
    ev = evaluate(checklist, plan, today, assume_born=None if born else today)
    entries: list[NotInPlace] = []
    marked = 0
    for section in checklist.sections:
        for item in section.items:
            if not item.needed_at_birth or item.id not in ev.visible_items:
                continue
            marked += 1
            why = _why_not(item, ev, plan)
            if why is not None:
                entries.append(NotInPlace(item.prompt, why, item_id=item.id,
                                          section_id=section.id))
    for issue in ev.integrity:
        if issue.needed_at_birth:
            entries.append(NotInPlace(issue.message, "plan check", page=issue.page,
                                      record_id=issue.target_id))
    for action in ev.overdue_actions:
        entries.append(NotInPlace(f"Action: {action.what}",
                                  f"overdue since {uk_date(action.due)}", page="actions",
                                  record_id=action.id))
    if born is not None:
        said = f"The baby was born on {uk_date(born)}."
        if entries:
            things = "1 thing" if len(entries) == 1 else f"{len(entries)} things"
            said += f" {things} needed at birth {'is' if len(entries) == 1 else 'are'} " \
                "not in place."
        else:  # what was looked at, never the date alone (look-d, smaller points)
            said += " " + _nothing_missing(marked, ev.total - ev.done, born=True)
        return BornToday(said, entries, AFTER_BIRTH)
    unanswered = 0
    if marked and not entries:  # the questions open today, not those a birth would add
        now = evaluate(checklist, plan, today)
        unanswered = now.total - now.done  # contradicted and incomplete: not done
    # past the EDD with no date of birth: the question first (look-d 20), never a
    # "were born today" that reads as though the baby is certainly not yet born
    asked = birth_not_recorded(plan.edd, plan.dob, today)
    return BornToday(" ".join(filter(None, [asked, _headline(
        checklist, plan, len(entries), marked, unanswered)])), entries)


def _nothing_missing(marked: int, unanswered: int, born: bool = False) -> str:
    """What is known when nothing marked as needed at birth is missing: never that all
    would be in place while the checklist marks nothing, or questions are unanswered.
    ``born``: the baby is born, so what is in place now ("The 9 things marked as needed at
    birth are in place.")."""
    if not marked:  # every question marked as needed at birth is hidden by an answer
        return ("No question marked as needed at birth applies to this plan as answered, so "
                "it cannot say what would be in place.")
    if unanswered:
        return (f"The {plural(marked, 'item')} marked as needed at birth "
                f"{'is' if marked == 1 else 'are'} answered as in place; "
                f"{plural(unanswered, 'other question')} not yet answered or not done "
                "(contradicted or incomplete), so this is not the whole picture.")
    if born:
        return (f"The {plural(marked, 'thing')} marked as needed at birth "
                f"{'is' if marked == 1 else 'are'} in place.")
    return "Everything marked as needed at birth would be in place."


def _headline(checklist: Checklist, plan: Plan, count: int, marked: int = 0,
              unanswered: int = 0) -> str:
    earlier = checklist.timescales.multiple_birth_weeks_earlier
    reasons = []
    if plan.babies_expected > 1:
        reasons.append(f"{plan.babies_expected} babies are expected")
    if plan.prematurity_likely:
        reasons.append("an early birth is likely")
    adjusted = (f" Because {' and '.join(reasons)}, due points are {earlier} weeks earlier "
                "and a birth now is more likely.") if reasons else ""
    if count == 0:
        return _nothing_missing(marked, unanswered) + adjusted
    things = "1 thing" if count == 1 else f"{count} things"
    return f"{things.capitalize()} would not be in place." + adjusted


def late_words(open_answer: OpenAnswer, ev: Evaluation) -> str:
    """What is overdue about an open answer, after who will find out and by when: the
    date to find out by, or the question's own due date. A bare "OVERDUE" after "by
    04/12/2026" read as though that future date had passed (look-sw 14). Not overdue yet,
    a date to find out by that is too late (after it is due, or after the birth for an
    item needed then: ``OpenAnswer.too_late``) is said: it never reads as in hand."""
    if not open_answer.overdue:
        return find_out_too_late(open_answer)
    by = open_answer.answer.by_date
    if by is not None and by < ev.today:
        return f"; {OVERDUE}: that date has passed"
    due = next((d.due_date for d in ev.due
                if d.item_id == open_answer.item_id and d.due_date is not None), None)
    if due is not None and due < ev.today:
        return f"; {OVERDUE}: the question was due to be settled by {uk_date(due)}"
    return f"; {OVERDUE}"


def item_flags(item: Item, plan: Plan, ev: Evaluation) -> list[str]:
    """What an item's answer does not bear out, in words (details it carries first, and the
    plan's number of babies when the answer says twins or more: core.babies), and a
    manager's challenges on it (core.review)."""
    item_id = item.id
    answer = plan.answers.get(item_id)
    lines = carried_lines(item, answer, plan)
    lines.extend(filter(None, [babies.in_step(plan, item_id)]))
    if plan.challenges:
        lines.extend(item_challenge_lines(plan, item_id))
    for open_answer in ev.open_answers:
        if open_answer.item_id == item_id:
            lines.append(f"{NOT_KNOWN} ({integ.follow_up_label(open_answer.answer)}): "
                         f"{integ.follow_up_text(open_answer.answer)}"
                         f"{late_words(open_answer, ev)}")
    for problem in ev.incomplete:
        if problem.item_id == item_id:
            lines.append(f"{INCOMPLETE}: {integ.missing_text(problem.reasons)}")
    for problem in ev.contradicted:
        if problem.item_id == item_id:
            lines.append(f"{CONTRADICTED}: " + "; ".join(problem.reasons))
    for problem in ev.from_records:
        if problem.item_id == item_id:
            lines.append(f"{IN_RECORDS}: " + "; ".join(problem.reasons)
                         + ". Answer this question to say so here.")
    if item_id in ev.visible_items and integ.is_concern(item, answer) \
            and not integ.needs_follow_up(item, answer):
        lines.append(f"{CONCERN}: listed under Gaps and risks")
    return lines


def item_state(item: Item, plan: Plan, ev: Evaluation) -> list[str]:
    """What the app shows under a question, one phrase per line: what its answer carries
    and does not bear out (:func:`item_flags`), then its due point. Read under the
    question by the app, ``answer`` and plain mode alike."""
    lines = item_flags(item, plan, ev)
    for due in ev.due:
        if due.item_id == item.id and due.due_date is not None:
            lines.append(f"Due {uk_date(due.due_date)}{counted_from(due)}: "
                         f"{due_label(due.status)}")
    return lines


def item_status(checklist: Checklist, plan: Plan, ev: Evaluation, item_id: str) -> list[str]:
    """Where one item stands, in words, one phrase per line: the answer, then what it
    does not bear out (not known, incomplete, contradicted, a concern, due)."""
    item = checklist.item_map()[item_id]
    answer = plan.answers.get(item_id)
    lines = [f"{item_id}: {display(item, answer) if answer else '(no answer)'}"]
    lines.extend(item_state(item, plan, ev))
    if item_id in ev.done_items:
        lines.append("Counts as answered")
    return lines
