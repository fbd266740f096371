"""Answers given in plain mode, and what hangs on them: the answer itself (with who will
find out and by when for "not yet"), the details a positive answer carries, a note, a
source, clearing it, and acknowledging a warning or red flag it raises. Each asks for what
it needs one line at a time, then goes through the session like every other change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checklist_tui.core import babies, clock, edit
from checklist_tui.core import integrity as integ
from checklist_tui.core.answers import display
from checklist_tui.core.carried import not_carried
from checklist_tui.core.definition import Detail, DetailKind, Item
from checklist_tui.core.detail_people import none_offered, offered
from checklist_tui.core.engine import FiredRule
from checklist_tui.core.plan import Answer, InfoSource
from checklist_tui.core.reasons import ACKNOWLEDGE
from checklist_tui.core.vocabulary import CONTRADICTED
from checklist_tui.plain import asking, words
from checklist_tui.plain.console import Cancelled
from checklist_tui.plain.reopening import reason_first

if TYPE_CHECKING:
    from checklist_tui.plain.conversation import Conversation


def say_saved(conv: Conversation, item: Item) -> None:
    """What became of an answer, said as soon as it is saved (before any red flag it
    raises is read out, or any detail it needs is asked for)."""
    answer = conv.session.plan.answers.get(item.id)
    if answer is not None and not conv.changed:
        conv.console.say(f"Not changed: the answer was already {display(item, answer)}.")
    elif answer is not None:
        conv.console.say(f"Saved: {display(item, answer)}.", *filter(None, [
            not_carried(item, answer, conv.session.plan)]), *_plan_says(conv, item.id))


def _plan_says(conv: Conversation, item_id: str) -> list[str]:
    """What the plan says back to an answer just saved: the number of babies it set
    (core.babies), or why the plan contradicts it."""
    said = [babies.in_step(conv.session.plan, item_id)]
    said += [f"{CONTRADICTED}: {'; '.join(p.reasons)}." for p in conv.ev.contradicted
             if p.item_id == item_id]
    return [line if line.endswith(".") else f"{line}." for line in said if line]


def answer(conv: Conversation, item: Item, value: object) -> bool:
    """Record an answer with what it needs: who will find out and by when for "not yet"
    or "unknown" on a required or risk item; the details a "yes" or "done" must carry."""
    checklist = conv.checklist
    if value == words.NOT_APPLICABLE:
        return conv.change(edit.set_not_applicable, checklist, item.id)
    follow: dict[str, object] = {}
    probe = Answer(value=value if isinstance(value, (bool, str, list)) else str(value),
                   answered_at=clock.now(), answered_by="")
    if integ.needs_follow_up(item, probe):
        if not reason_first(conv, f"{item.prompt} ({item.id})"):
            return False
        conv.console.say(f"'{integ.follow_up_label(probe).capitalize()}' needs who will find "
                         "out, and by when.")
        owner = asking.ask_text(conv, "Who will find out (a name or role):", required=True)
        when = asking.ask_date(conv, "By when? Day, month and year, such as 20/05/2027:",
                               required=True)
        follow = {"owner": owner, "by_date": when}
    if not conv.change(edit.set_answer, checklist, item.id, value, **follow):
        return False
    if integ.is_positive(conv.session.plan.answers.get(item.id)):
        try:
            details(conv, item)
        except Cancelled:  # the answer is saved; only the details are left
            conv.console.say("The answer is saved; the details are left for later.")
    return True


def details(conv: Conversation, item: Item, command: bool = False) -> None:
    """Ask for each detail a positive answer still lacks; Enter leaves one for later.
    ``command`` (typed ``details``): words written on an earlier day than the check they
    record can be recorded again as true today, or replaced (rev8-core 2: plain mode was
    told to record them again and could not); if nothing is asked, that is said."""
    plan = conv.session.plan
    asked = False
    for detail in item.details:
        if detail.label not in integ.missing_details(item, plan.answers.get(item.id), plan):
            continue
        asked = True
        value: object
        if detail.kind == DetailKind.DATE:
            value = asking.ask_date(conv, f"{detail.label}? Day, month and year, or Enter "
                                    "for later:")
        elif detail.kind == DetailKind.PEOPLE:
            value = _ask_people(conv, detail)
        elif detail.kind == DetailKind.TEXT:
            value = conv.console.ask_lines(f"{detail.label}.")
        else:
            value = asking.ask_text(conv, f"{detail.label} (or Enter for later):")
        if value in (None, "", []):
            conv.console.say(f"Left for later. Until then this answer is incomplete: "
                             f"no {detail.label.lower()}.")
            continue
        conv.change(edit.set_detail, conv.checklist, item.id, detail.key, value)
    if command and not _dates_again(conv, item) + _written_again(conv, item) and not asked:
        conv.console.say("Nothing is missing from this answer's details.")


def _dates_again(conv: Conversation, item: Item) -> bool:
    """Typed ``details``: each date the answer already holds, to keep (Enter) or change
    (a check done again on the day the baby leaves: the guidance says to change its
    date, and plain mode could not, rev9-core 2); then its words are asked about, as
    written before the new date (``_written_again``). False when it holds none."""
    from datetime import date

    from checklist_tui.core.dates import uk_date

    answer = conv.session.plan.answers.get(item.id)
    held = answer.details if answer is not None and answer.details else {}
    offered_any = False
    for detail in item.details:
        day = held.get(detail.key)
        if detail.kind != DetailKind.DATE or not day:
            continue
        offered_any = True
        shown = uk_date(day) if isinstance(day, date) else str(day)
        new = asking.ask_date(conv, f"{detail.label}: {shown}. Type the new date, or press "
                              "Enter to keep it:")
        if new is None:
            conv.console.say(f"Kept: {shown}.")
        else:
            conv.change(edit.set_detail, conv.checklist, item.id, detail.key, new)
    return offered_any


def details_command(conv: Conversation, item: Item) -> None:
    answer = conv.session.plan.answers.get(item.id)
    if answer is None or not answer.has_value:  # "nothing is missing" claimed too much
        conv.console.say(f"{item.id} has no answer yet, so there are no details to add: "
                         "answer it first.")
        return
    details(conv, item, command=True)


def _written_again(conv: Conversation, item: Item) -> bool:
    """Each of ``item``'s words written before today, when a check compares its date with
    today's (core.written.earlier_words): 'same' records them again as true today, 'new'
    asks new words, Enter leaves them. False when there are none."""
    from checklist_tui.core.dates import words_date
    from checklist_tui.core.written import earlier_words

    plan = conv.session.plan
    earlier = earlier_words(plan, conv.checklist, item, clock.today())
    answer = plan.answers.get(item.id)
    for key, day in earlier.items():
        label = next(d.label for d in item.details if d.key == key)
        said = answer.details.get(key, "") if answer and answer.details else ""
        conv.console.say(f"{label}: written on {words_date(day)}: {said}")
        chosen = conv.console.answer(
            "Type same if these words are still true today, new to write new ones, or press "
            "Enter to leave them:").strip().lower()
        if chosen == "same":
            if conv.change(edit.set_detail, conv.checklist, item.id, key, said, again=True):
                conv.console.say("Recorded again as written today, with your name.")
        elif chosen == "new":
            text = conv.console.ask_lines(f"{label}.")
            if text:
                conv.change(edit.set_detail, conv.checklist, item.id, key, text)
        else:
            conv.console.say("Left as they are: written on an earlier day.")
    return bool(earlier)


def _ask_people(conv: Conversation, detail: Detail) -> list[str]:
    label = detail.label
    people = offered(detail, conv.session.plan.people)
    if not people:
        conv.console.say(f"{label}. {none_offered(detail)}. Type add person, then answer "
                         "this question again.")
        return []
    conv.console.say(f"{label}. Type the numbers, separated by commas (or Enter for later):")
    for n, person in enumerate(people, 1):
        conv.console.say(f"{n}. {person.name}, {person.kind.label}")
    while True:
        typed = conv.console.answer("Numbers:", about=f"{label}: the numbers of the people, "
                                    "separated by commas, or Enter for later.")
        picks = [p.strip() for p in typed.split(",") if p.strip()]
        if all(p.isdigit() and 1 <= int(p) <= len(people) for p in picks):
            return [people[int(p) - 1].id for p in picks]
        conv.console.say(f"Type numbers from 1 to {len(people)}, separated by commas.")


def note(conv: Conversation, item: Item, text: str) -> None:
    if conv.change(edit.set_note, item.id, text):
        conv.console.say(("Note saved." if text else "Note removed.") if conv.changed else
                         "Not changed: the note was already this." if text else
                         "There was no note: nothing was changed.")


def source(conv: Conversation, item: Item) -> None:
    options = [(s.value, s.label) for s in InfoSource]
    chosen = conv.console.choose("Where did the information come from?", options)
    if chosen is None:
        conv.console.say("Nothing was changed.")
    elif conv.change(edit.set_source, item.id, InfoSource(chosen)):
        conv.console.say(f"Source saved: {InfoSource(chosen).label}.")


def clear(conv: Conversation, item: Item) -> None:
    if conv.change(edit.clear_answer, item.id):  # "removed" only when there was one
        conv.console.say("Answer removed." if conv.changed else
                         f"{item.id} has no answer to remove: nothing was changed.")


def acknowledge(conv: Conversation, fired: FiredRule) -> None:
    if not reason_first(conv, f"an acknowledgement of {fired.item_id}: {fired.message}"):
        return

    def read() -> str:
        try:
            return conv.console.answer(
                "To acknowledge it, type your reason. To leave it open, press Enter:")
        except Cancelled:
            return ""

    reason = asking.ask_reason(conv, "", ACKNOWLEDGE, read)
    if not reason:
        conv.console.say("Left open. It stays in the outstanding list.")
        return
    if conv.change(edit.acknowledge, conv.checklist, fired.rule_id, reason):
        conv.console.say("Acknowledged, with your reason.")


def acknowledge_any(conv: Conversation) -> None:
    waiting = [f for f in conv.ev.fired if f.needs_acknowledgement]
    if not waiting:
        conv.console.say("Nothing is waiting to be acknowledged.")
        return
    options = [(f.rule_id, f"{f.item_id}: {f.message}") for f in waiting]
    chosen = conv.console.choose("Which one?", options)
    if chosen is None:
        conv.console.say("Nothing was acknowledged.")
    for fired in waiting:
        if fired.rule_id == chosen:
            from checklist_tui.plain.listings import read_rule

            read_rule(conv, fired)
            acknowledge(conv, fired)
