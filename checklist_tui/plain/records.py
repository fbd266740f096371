"""People, agencies and actions in plain mode: adding, changing and removing them, and an
action's status (look-d D25: the screen-reader route could only add them, so a man moving
into the household, an agency's role or an action done could not be recorded, and a name
typed wrongly stayed for ever). Each asks one line at a time and goes through the same
core operations as the app and the command line (``core.edit_records``), with the same
refusals: a man, or anyone living in or visiting the home, is removed only with a reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from checklist_tui.core import clock, edit
from checklist_tui.core.dates import uk_date
from checklist_tui.core.edit_records import CHANGE_WHY, change_words
from checklist_tui.core.integrity import overdue_action
from checklist_tui.core.plan import Action, ActionStatus, Agency, Person, PersonKind
from checklist_tui.core.plan_details import DetailsError, typed_date
from checklist_tui.core.vocabulary import OVERDUE
from checklist_tui.plain import asking, listings
from checklist_tui.plain.reopening import reason_first

if TYPE_CHECKING:
    from checklist_tui.plain.conversation import Conversation

Model = type[Person] | type[Agency] | type[Action]
Record = Person | Agency | Action


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    """What the field is, as a list reads it ("Lives in the household: yes")."""
    kind: str = "text"  # text, needed (text that cannot be empty), date, yes_no, choice
    question: str = ""
    """How ``add`` asks for it, when that is not the label."""


#: Each record's fields as plain mode asks and reads them, in the app's order: the words
#: of ``add`` and ``change`` alike.
FIELDS: dict[Model, tuple[Field, ...]] = {
    Person: (Field("name", "Name", "needed"), Field("kind", "Who they are", "choice"),
             Field("relationship", "Relationship to the baby"),
             Field("role", "Their role around the baby", question="Their role around the baby, "
                   "such as 'shares care at weekends' or 'must not be alone with the baby'"),
             Field("man", "A man (a partner who visits or stays counts)", "yes_no",
                   "Is this person a man? (a partner who visits or stays counts)"),
             Field("in_household", "Lives in the household", "yes_no",
                   "Do they live in the household?"),
             Field("involvement", "What has been done to involve them"),
             Field("assessment", "How they have been assessed"),
             Field("reason_not_involved", "Why he has not been involved or assessed"),
             Field("notes", "Notes")),
    Agency: (Field("agency", "Agency", "needed"), Field("practitioner", "Named practitioner"),
             Field("role", "Their role in this plan"),
             Field("contact", "Contact, such as a phone number")),
    Action: (Field("what", "What is to be done", "needed"), Field("owner", "Who will do it"),
             Field("agency", "Their agency"), Field("due", "Due", "date", "By when"),
             Field("status", "Status", "choice"), Field("outcome", "The outcome it serves",
                   question="The outcome it serves, such as 'the baby sleeps safely'")),
}
CHOICES: dict[str, list[tuple[str, str]]] = {
    "kind": [(k.value, k.label) for k in PersonKind],
    "status": [(s.value, s.label) for s in ActionStatus]}
SINGULAR = {Person: "person", Agency: "agency", Action: "action"}
PLURAL = {Person: "people", Agency: "agencies", Action: "actions"}
#: What clears an optional field when it is changed.
NONE_WORDS = ("none",)


def a_kind(model: Model) -> str:
    """"a person", "an agency", "an action"."""
    word = SINGULAR[model]
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _field(model: Model, name: str) -> Field:
    return next(f for f in FIELDS[model] if f.name == name)


def name_of(record: Record) -> str:
    return (record.name if isinstance(record, Person) else
            record.agency if isinstance(record, Agency) else record.what)


def _described(record: Record) -> str:
    if isinstance(record, Person):
        return listings.person_lines(record)[0]
    if isinstance(record, Agency):
        return listings.agency_lines(record)[0]
    what, rest = listings.action_lines(record)  # what, then its owner, due and status
    return f"{what.rstrip()}{'' if what.rstrip()[-1:] in '.!?' else '.'} {rest}"


def _said(field: Field, value: object) -> str:
    """A field's value as read out."""
    if value is None or value == "":
        return "not recorded"
    if field.kind == "yes_no":
        return "yes" if value else "no"
    if isinstance(value, date):
        return uk_date(value)
    if field.kind == "choice":
        return dict(CHOICES[field.name])[str(getattr(value, "value", value))]
    return str(value)


# -- adding ---------------------------------------------------------------------------


def add_person(conv: Conversation) -> None:
    if not reason_first(conv, "a new person in the plan"):
        return
    conv.console.say("Adding a person to the plan.")
    ask = _asker(conv, Person)
    name = asking.ask_text(conv, "Name:", required=True)
    kind = conv.console.choose("Who they are:", CHOICES["kind"], allow_blank=False)
    person_kind = PersonKind(kind or "other")
    fields: dict[str, object] = {
        "name": name, "kind": person_kind, "relationship": ask("relationship"),
        "role": ask("role"),
        "in_household": asking.yes_no_unrecorded(conv, _field(Person, "in_household").question)}
    if person_kind.adult_of_unknown_sex:  # as the app asks: nobody's guess is recorded
        fields["man"] = asking.yes_no_unrecorded(conv, _field(Person, "man").question)
    fields["involvement"] = ask("involvement")
    probe = Person(id="probe", name=name, kind=person_kind,
                   man=fields.get("man"))  # type: ignore[arg-type]
    if probe.is_man:
        fields["assessment"] = ask("assessment")
        if not (fields["involvement"] and fields["assessment"]):
            fields["reason_not_involved"] = asking.ask_text(
                conv, "Why has he not been involved or assessed? (Enter if you will add it "
                "later; until then it is a gap in the plan):")
    def said() -> None:
        conv.console.say(f"Added {name}.")
        if probe.man_unrecorded:
            conv.console.say(f"Whether {name} is a man is not recorded: it is listed under "
                             "gaps until it is.")
    conv.change_then(said, edit.add_record, Person, **fields)


def _asker(conv: Conversation, model: Model) -> Any:
    """Ask one of ``model``'s fields when adding: the needed ones until given."""
    def ask(name: str) -> object:
        field = _field(model, name)
        if field.kind == "date":
            return asking.ask_date(conv, f"{field.question}? Day, month and year, or Enter:")
        needed, asked = field.kind == "needed", field.question or field.label
        return asking.ask_text(conv, f"{asked}:" if needed else f"{asked} (or Enter):",
                               required=needed)
    return ask


#: What plain mode asks for each new agency and action, in order.
ADDED: dict[Model, tuple[str, ...]] = {Agency: ("agency", "practitioner", "role", "contact"),
                                       Action: ("what", "owner", "agency", "due", "outcome")}


def _add(conv: Conversation, model: type[Agency] | type[Action]) -> None:
    if not reason_first(conv, f"a new {SINGULAR[model]} in the plan"):
        return
    conv.console.say(f"Adding {a_kind(model)} to the plan.")
    ask = _asker(conv, model)
    fields = {name: ask(name) for name in ADDED[model]}
    def said() -> None:
        conv.console.say(f"Added {fields['agency']}." if model is Agency else "Action added.")
        _say_overdue(conv, getattr(conv.session.plan, PLURAL[model])[-1])
    conv.change_then(said, edit.add_record, model, **fields)


def add_agency(conv: Conversation) -> None:
    _add(conv, Agency)


def add_action(conv: Conversation) -> None:
    _add(conv, Action)


# -- changing -------------------------------------------------------------------------


def pick(conv: Conversation, model: Model, typed: str) -> Record | None:
    if not conv.writable():  # said before anyone picks one
        return None
    records: list[Record] = list(getattr(conv.session.plan, PLURAL[model]))
    return asking.pick(conv, records, SINGULAR[model], PLURAL[model], name_of, _described,
                       typed.strip())


def _shown(record: Record) -> list[Field]:
    """The fields of ``record`` that may be changed: whether a person is a man only where
    their record alone can say so (as ``add person`` asks it)."""
    return [f for f in FIELDS[type(record)] if not (
        f.name == "man" and isinstance(record, Person) and not record.kind.adult_of_unknown_sex
        and record.man is None)]


def change(conv: Conversation, model: Model, typed: str = "") -> None:
    """Change one person, agency or action: each field read out with its value and
    numbered; the person picks one by number, types the new value, and it is saved at once,
    as an answer is; Enter when done."""
    record = pick(conv, model, typed)
    if record is None or not reason_first(conv, f"{name_of(record)}, {a_kind(model)} in the plan"):
        return
    c = conv.console
    shown = _shown(record)
    c.say(f"Changing {name_of(record)}. What to change:", *_menu(record, shown))
    while True:
        chosen = c.answer("Number of what to change, list to hear them again, or Enter "
                          "when done:", about="The number of a line read out, to change "
                          "it; list reads them again; Enter finishes.").lower()
        if not chosen:
            c.say(f"Finished changing {name_of(record)}.")
            return
        if chosen == "list":
            c.say(*_menu(record, shown))
            continue
        if not (chosen.isdigit() and 1 <= int(chosen) <= len(shown)):
            c.say(f"Type a number from 1 to {len(shown)}, or press Enter when done.")
            continue
        field = shown[int(chosen) - 1]
        value = _new_value(conv, field, getattr(record, field.name))
        if value is _KEEP:
            c.say(f"Kept: {field.label}, {_said(field, getattr(record, field.name))}.")
            continue
        why = _why(conv, record, field, value)
        if why is None:
            continue
        if not conv.change_then(_saying(conv, model, record.id, field, record), edit.update_record,
                                model, record.id, why=why, **{field.name: value}):
            continue
        record = edit.find_record(conv.session.plan, model, record.id)
        if _shown(record) != shown:  # a person's kind decides whether "a man" is asked
            shown = _shown(record)
            c.say("The list has changed:", *_menu(record, shown))


def _why(conv: Conversation, record: Record, field: Field, value: object) -> str | None:
    """The reason for a change that takes a person out of the men or the people around
    the baby (core.edit_records.change_needs_why: a man recorded as not a man, a visiting
    man recorded as family network), asked as removing them is (look-d D2); '' when none
    is needed, None when the person gives none (said: nothing is changed)."""
    if not isinstance(record, Person):
        return ""
    leaving = change_words(conv.session.plan, record.id, **{field.name: value})
    if not leaving:
        return ""
    c = conv.console
    c.say(f"With that, {record.name} is {leaving}. The plan's history keeps who changed "
          "it, when and why.")
    why = asking.ask_reason(conv, "Why? Or press Enter to leave it unchanged:", CHANGE_WHY)
    if not why:
        c.say(f"Not changed: {field.label} stays {_said(field, getattr(record, field.name))}.")
        return None
    return why


def _saying(conv: Conversation, model: Model, ident: str, field: Field, old: Record
            ) -> Callable[[], None]:
    """What a change to ``field`` says once saved (or that it was the same already)."""
    before = _said(field, getattr(old, field.name))

    def said() -> None:
        if not conv.changed:
            conv.console.say(f"Not changed: {field.label} was already {before}.")
            return
        record = edit.find_record(conv.session.plan, model, ident)
        conv.console.say(f"Saved: {field.label}, {_said(field, getattr(record, field.name))} "
                         f"(it was {before}).")
        _say_overdue(conv, record)
    return said


def changing(model: Model) -> Callable[[Conversation, str], None]:
    """The ``change`` command for ``model``'s records."""
    return lambda conv, typed: change(conv, model, typed)


def _menu(record: Record, shown: list[Field]) -> list[str]:
    return [f"{n}. {f.label}: {_said(f, getattr(record, f.name)).rstrip('.')}."
            for n, f in enumerate(shown, 1)]


_KEEP = object()


def _new_value(conv: Conversation, field: Field, now: object) -> object:
    """The new value for ``field`` (``now`` is its value), or _KEEP for Enter."""
    c = conv.console
    if field.kind == "choice":
        chosen = c.choose(f"{field.label}, now {_said(field, now)}:", CHOICES[field.name])
        return _KEEP if chosen is None else (
            PersonKind(chosen) if field.name == "kind" else ActionStatus(chosen))
    if field.kind == "yes_no":
        while True:
            typed = c.answer(f"{field.label}, now {_said(field, now)}. Type yes, no or not "
                             "recorded, or Enter to keep it:").lower()
            if not typed:
                return _KEEP
            if typed in (*asking.YES, *asking.NO):
                return typed in asking.YES
            if typed in asking.UNRECORDED_WORDS:
                return None
            c.say("Type yes, no or not recorded, or press Enter to keep it.")
    clear = "" if field.kind == "needed" else ", none to remove it"
    prompt = (f"{field.label}, now {_said(field, now)}. Type the new "
              + ("date, day, month and year" if field.kind == "date" else "words")
              + f"{clear}, or Enter to keep it:")
    while True:
        typed = c.answer(prompt)
        if not typed:
            return _KEEP
        if typed.lower() in NONE_WORDS:
            if field.kind != "needed":
                return None if field.kind == "date" else ""
            c.say(f"{field.label} is needed: type the new words, or press Enter to keep it.")
            continue
        if field.kind != "date":
            return typed
        try:
            return typed_date(typed, "date")
        except DetailsError as exc:
            c.say(f"{exc.reason}.")


def _say_overdue(conv: Conversation, record: Record) -> None:
    """An action given a due date already past is overdue from the start: said, as the
    app does."""
    if isinstance(record, Action) and record.due and overdue_action(record, clock.today()):
        conv.console.say(f"'{record.what}' was due on {uk_date(record.due)}: it is "
                         f"{OVERDUE} already.")


def action_status(conv: Conversation, typed: str = "", status: str = "") -> None:
    """Mark an action done (``status``), or give it any status: said back with the
    action, as the Actions list reads it."""
    record = pick(conv, Action, typed)
    if not isinstance(record, Action):
        return
    if not reason_first(conv, f"the status of the action '{record.what}'"):
        return
    if not status:
        status = conv.console.choose(f"Status of '{record.what}', now "
                                     f"{record.status.label}:", CHOICES["status"]) or ""
        if not status:
            conv.console.say("Nothing was changed.")
            return
    new = ActionStatus(status)
    if new == record.status:
        conv.console.say(f"Not changed: '{record.what}' is already {new.label.lower()}.")
        return
    was = record.status.label.lower()
    conv.change_then(lambda: conv.console.say(
        f"Saved: '{record.what}' is now {new.label.lower()} (it was {was})."),
        edit.update_record, Action, record.id, status=new)


def mark_done(conv: Conversation, typed: str = "") -> None:
    action_status(conv, typed, ActionStatus.DONE.value)
