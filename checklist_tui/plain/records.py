"""Changes made in plain mode: answers, notes, sources, people, agencies, actions,
acknowledgements, export, completion and submission. Each asks for what it needs one
line at a time, then goes through the session like every other change."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from checklist_tui.core import babies, clock, edit, review
from checklist_tui.core import integrity as integ
from checklist_tui.core.answers import display
from checklist_tui.core.carried import not_carried
from checklist_tui.core.dates import plural
from checklist_tui.core.definition import Detail, DetailKind, Item
from checklist_tui.core.detail_people import none_offered, offered
from checklist_tui.core.engine import FiredRule
from checklist_tui.core.errors import UserFacingError
from checklist_tui.core.pause import completion_blockers
from checklist_tui.core.plan import (
    Action,
    Agency,
    Answer,
    InfoSource,
    Person,
    PersonKind,
    PlanState,
)
from checklist_tui.core.plan_details import DetailsError, typed_date
from checklist_tui.core.reasons import ACKNOWLEDGE, not_a_reason
from checklist_tui.core.vocabulary import CONTRADICTED
from checklist_tui.plain import words
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
        owner = _ask_text(conv, "Who will find out (a name or role):", required=True)
        when = _ask_date(conv, "By when? Day, month and year, such as 20/05/2027:", required=True)
        follow = {"owner": owner, "by_date": when}
    if not conv.change(edit.set_answer, checklist, item.id, value, **follow):
        return False
    if integ.is_positive(conv.session.plan.answers.get(item.id)):
        try:
            details(conv, item)
        except Cancelled:  # the answer is saved; only the details are left
            conv.console.say("The answer is saved; the details are left for later.")
    return True


def details(conv: Conversation, item: Item) -> None:
    """Ask for each detail a positive answer still lacks; Enter leaves one for later."""
    plan = conv.session.plan
    for detail in item.details:
        if detail.label not in integ.missing_details(item, plan.answers.get(item.id), plan):
            continue
        value: object
        if detail.kind == DetailKind.DATE:
            value = _ask_date(conv, f"{detail.label}? Day, month and year, or Enter for later:")
        elif detail.kind == DetailKind.PEOPLE:
            value = _ask_people(conv, detail)
        elif detail.kind == DetailKind.TEXT:
            value = conv.console.ask_lines(f"{detail.label}.")
        else:
            value = _ask_text(conv, f"{detail.label} (or Enter for later):")
        if value in (None, "", []):
            conv.console.say(f"Left for later. Until then this answer is incomplete: "
                             f"no {detail.label.lower()}.")
            continue
        conv.change(edit.set_detail, conv.checklist, item.id, detail.key, value)


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
        conv.console.say("Note saved." if text else "Note removed.")


def source(conv: Conversation, item: Item) -> None:
    options = [(s.value, s.label) for s in InfoSource]
    chosen = conv.console.choose("Where did the information come from?", options)
    if chosen is not None and conv.change(edit.set_source, item.id, InfoSource(chosen)):
        conv.console.say(f"Source saved: {InfoSource(chosen).label}.")


def clear(conv: Conversation, item: Item) -> None:
    if conv.change(edit.clear_answer, item.id):
        conv.console.say("Answer removed.")


def acknowledge(conv: Conversation, fired: FiredRule) -> None:
    if not reason_first(conv, f"an acknowledgement of {fired.item_id}: {fired.message}"):
        return
    taken = {*conv.commands, *words.answer_words()}  # "y" here answers nothing
    while True:
        try:
            reason = conv.console.answer(
                "To acknowledge it, type your reason. To leave it open, press Enter:")
        except Cancelled:
            reason = ""
        if not reason:
            conv.console.say("Left open. It stays in the outstanding list.")
            return
        problem = not_a_reason(reason, ACKNOWLEDGE, taken)
        if not problem:
            break
        conv.console.say(problem)
    if conv.change(edit.acknowledge, fired.rule_id, reason):
        conv.console.say("Acknowledged, with your reason.")


def acknowledge_any(conv: Conversation) -> None:
    waiting = [f for f in conv.ev.fired if f.needs_acknowledgement]
    if not waiting:
        conv.console.say("Nothing is waiting to be acknowledged.")
        return
    options = [(f.rule_id, f"{f.item_id}: {f.message}") for f in waiting]
    chosen = conv.console.choose("Which one?", options)
    for fired in waiting:
        if fired.rule_id == chosen:
            from checklist_tui.plain.listings import read_rule

            read_rule(conv, fired)
            acknowledge(conv, fired)


def _ask_text(conv: Conversation, prompt: str, required: bool = False) -> str:
    while True:
        text = conv.console.answer(prompt)
        if text or not required:
            return text
        conv.console.say("This one is needed.")


def _ask_date(conv: Conversation, prompt: str, required: bool = False) -> date | None:
    while True:
        text = conv.console.answer(prompt)
        if not text and not required:
            return None
        try:
            return typed_date(text, "date")
        except DetailsError as exc:
            conv.console.say(f"{exc.reason}.")


def add_person(conv: Conversation) -> None:
    if not reason_first(conv, "a new person in the plan"):
        return
    conv.console.say("Adding a person to the plan.")
    name = _ask_text(conv, "Name:", required=True)
    kinds = [(k.value, k.label) for k in PersonKind]
    kind = conv.console.choose("Who they are:", kinds, allow_blank=False)
    person_kind = PersonKind(kind or "other")
    relationship = _ask_text(conv, "Relationship to the baby (or Enter):")
    fields: dict[str, object] = {
        "name": name, "kind": person_kind, "relationship": relationship,
        "in_household": _yes_no_unrecorded(conv, "Do they live in the household?")}
    if person_kind.adult_of_unknown_sex:  # as the app asks: nobody's guess is recorded
        fields["man"] = _yes_no_unrecorded(
            conv, "Is this person a man? (a partner who visits or stays counts)")
    fields["involvement"] = _ask_text(conv, "What has been done to involve them (or Enter):")
    probe = Person(id="probe", name=name, kind=person_kind,
                   man=fields.get("man"))  # type: ignore[arg-type]
    if probe.is_man:
        fields["assessment"] = _ask_text(conv, "How has he been assessed (or Enter):")
        if not (fields["involvement"] and fields["assessment"]):
            fields["reason_not_involved"] = _ask_text(
                conv, "Why has he not been involved or assessed? (Enter if you will add it "
                "later; until then it is a gap in the plan):")
    if conv.change(edit.add_record, Person, **fields):
        conv.console.say(f"Added {name}.")
        if probe.man_unrecorded:
            conv.console.say(f"Whether {name} is a man is not recorded: it is listed under "
                             "gaps until it is.")


#: What "not recorded yet" may be typed as, besides Enter.
UNRECORDED_WORDS = ("not recorded", "not known", "unknown", "u", "don't know", "dont know")


def _yes_no_unrecorded(conv: Conversation, question: str) -> bool | None:
    """Yes, no, or not recorded yet (None: nobody has said, never taken as "no"), as the
    app's People form offers."""
    while True:
        typed = conv.console.answer(f"{question} yes, no, or Enter if not recorded yet:").lower()
        if typed in ("y", "yes", "n", "no"):
            return typed.startswith("y")
        if not typed or typed in UNRECORDED_WORDS:
            return None
        conv.console.say("Type yes or no, or press Enter to leave it not recorded.")


#: What plain mode asks for each new agency and action: (field, question, kind).
AGENCY_QUESTIONS = [("agency", "Agency:", "needed"),
                    ("practitioner", "Named practitioner (or Enter):", "text"),
                    ("role", "Their role in this plan (or Enter):", "text"),
                    ("contact", "Contact, such as a phone number (or Enter):", "text")]
ACTION_QUESTIONS = [("what", "What is to be done:", "needed"),
                    ("owner", "Who will do it:", "text"),
                    ("agency", "Their agency (or Enter):", "text"),
                    ("due", "By when? Day, month and year, or Enter:", "date")]


def _add(conv: Conversation, model: type[Agency] | type[Action],
         questions: list[tuple[str, str, str]], done: str) -> None:
    if not reason_first(conv, f"a new {'agency' if model is Agency else 'action'} in the plan"):
        return
    conv.console.say(f"Adding {'an agency' if model is Agency else 'an action'} to the plan.")
    fields: dict[str, object] = {}
    for field, question, kind in questions:
        fields[field] = (_ask_date(conv, question) if kind == "date"
                         else _ask_text(conv, question, required=kind == "needed"))
    if conv.change(edit.add_record, model, **fields):
        conv.console.say(done.format(**fields))


def add_agency(conv: Conversation) -> None:
    _add(conv, Agency, AGENCY_QUESTIONS, "Added {agency}.")


def add_action(conv: Conversation) -> None:
    _add(conv, Action, ACTION_QUESTIONS, "Action added.")


def export(conv: Conversation) -> None:
    from checklist_tui.export.writer import (
        FORMAT_LABELS,
        ExportExistsError,
        default_name,
        write_summary,
    )

    fmt = conv.console.choose("Which format?", list(FORMAT_LABELS.items()))
    if fmt is None:
        return
    s = conv.session
    usual = s.loaded.path.parent / default_name(s.plan, s.checklist.id, fmt, False,
                                                plan_file=s.loaded.path)
    typed = conv.console.answer(f"File to write, or Enter for {usual}:")
    target = Path(typed).expanduser() if typed else usual
    try:
        try:
            path = write_summary(s.checklist, s.plan, fmt, conv.sources, target, force=False,
                                 found_outside=s.loaded.found_outside)
        except ExportExistsError as exc:
            conv.console.say(f"{exc}.")
            if conv.console.answer("Replace it? yes or no:").lower() not in ("y", "yes"):
                conv.console.say("Not written.")
                return
            path = write_summary(s.checklist, s.plan, fmt, conv.sources, target, force=True,
                                 found_outside=s.loaded.found_outside)
    except UserFacingError as exc:
        conv.console.say(f"Not written: {exc}.")
        return
    conv.console.say(f"Written to {path}.")


def complete(conv: Conversation) -> None:
    blockers = completion_blockers(conv.checklist, conv.session.plan, conv.ev)
    if blockers:
        conv.console.say("The plan cannot be marked complete yet: "
                         f"{plural(len(blockers), 'reason')}.")
        conv.console.say(*blockers)
        return
    if conv.change(edit.change_state, conv.checklist, PlanState.COMPLETED,
                   today=clock.today()):
        conv.console.say("The plan is marked complete.")


def submit(conv: Conversation) -> None:
    if conv.change(review.submit, conv.checklist, today=clock.today()):
        conv.console.say("Submitted for review. A manager can now approve it or return it.")
