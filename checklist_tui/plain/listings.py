"""Read-outs: what is outstanding, the gaps and risks, born today, people, agencies,
actions, and a fired red flag. One piece of information a line; words, not symbols."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from checklist_tui.core import clock
from checklist_tui.core.dates import plural, timing_summary, uk_date
from checklist_tui.core.definition import Item, Severity
from checklist_tui.core.engine import DueStatus, FiredRule
from checklist_tui.core.gaps import born_today as core_born_today
from checklist_tui.core.gaps import item_state
from checklist_tui.core.integrity import FINISHED_ACTIONS, overdue_action
from checklist_tui.core.men_left import HEADING as MEN_LEFT
from checklist_tui.core.men_left import men_left
from checklist_tui.core.plan import Action, Agency, Person
from checklist_tui.core.question_words import named
from checklist_tui.core.vocabulary import (
    CONTRADICTED,
    NO_BIRTH_DATE,
    NO_OWNER,
    NO_ROLE,
    OVERDUE,
    acknowledged_said,
    counted_from,
    due_label,
    no_gaps_found,
    recorded_late,
    rule_label,
)
from checklist_tui.core.what_is_left import (
    Groups,
    gaps_listing,
    gaps_title,
    outstanding_listing,
    outstanding_title,
    pauses_named,
    pauses_sentence,
)

T = TypeVar("T")

if TYPE_CHECKING:
    from checklist_tui.plain.conversation import Conversation


#: How plain mode records a birth, said wherever the plan asks whether the baby was born
#: (the core's words name the app's key and the command line).
RECORD_BIRTH_HERE = "Here, type birth and the date of birth, for example birth 22/11/2026."


def _read_groups(conv: Conversation, groups: Groups) -> None:
    """Each heading with its count, then each row as the app shows it: what and where,
    what to do, then its notes, one a line (core.what_is_left builds both)."""
    c = conv.console
    for heading, members in groups:
        c.say(f"{heading}: {len(members)}.")
        for entry in members:
            c.say(f"{entry.label}: {entry.text}")
            if entry.label == NO_BIRTH_DATE:
                c.say(RECORD_BIRTH_HERE)
            if entry.guidance:
                c.say(f"What to do: {entry.guidance}")
            for line in entry.note.splitlines():
                c.say(line)


def outstanding(conv: Conversation) -> None:
    """Everything still open, as the app's Outstanding lists it (core.what_is_left)."""
    s = conv.session
    listing = outstanding_listing(s.checklist.checklist, s.plan, conv.ev)
    conv.console.say(outstanding_title(listing))
    _read_groups(conv, listing.groups)


def gaps(conv: Conversation) -> None:
    """The plan's own Gaps and risks (core.plan_gaps: the list show, the exports and the
    folder views count), the father and male carers first, then the pause points that do
    not hold: as the app's G lists them (core.what_is_left)."""
    s = conv.session
    listing = gaps_listing(s.checklist.checklist, s.plan, conv.ev)
    if listing.gaps:
        conv.console.say(gaps_title(listing))
    else:
        conv.console.say(f"{no_gaps_found(conv.ev.answered, conv.ev.total)}.",
                         *filter(None, [pauses_sentence(listing)]))
    _read_groups(conv, listing.groups)


def pause_points(conv: Conversation) -> None:
    """Each pause point that no longer holds, or could be confirmed and is not, named as the
    plan header, the exports' status line and the folder views name it (``where`` and the
    opening lines; ``gaps`` says what to do)."""
    s = conv.session
    named = pauses_named(s.checklist.checklist, s.plan, conv.ev)
    if named:
        conv.console.say(*(f"{line}." for line in named), "Type gaps to hear what to do.")


def born_today(conv: Conversation) -> None:
    s = conv.session
    found = core_born_today(s.checklist.checklist, s.plan, clock.today())
    conv.console.say(f"{found.title}.", found.headline)
    for entry in found.entries:
        conv.console.say(f"{entry.text}: {entry.why}.")
    if s.plan.dob is None:
        conv.console.say("If the baby has been born, type birth to record the date of birth.")


def _read_records(conv: Conversation, records: Sequence[T], plural_name: str, singular: str,
                  lines: Callable[[T], list[str]]) -> None:
    """Numbered records, one piece of information a line; what to type when there are none."""
    if not records:
        conv.console.say(f"No {plural_name} are recorded yet. Type add {singular} to add one.")
        return
    conv.console.say(f"{plural_name.capitalize()}: {len(records)}.")
    for n, record in enumerate(records, 1):
        first, *rest = lines(record)
        conv.console.say(f"{n}. {first}", *rest)
    conv.console.say(f"Type change {singular} or remove {singular} to change or remove one"
                     + (", or action done when one is done." if singular == "action" else "."))


def person_lines(person: Person) -> list[str]:
    line = f"{person.name}, {person.kind.label}"
    if person.kind.adult_of_unknown_sex:
        line += {True: ", a man", False: ", not a man",
                 None: ", not recorded whether a man"}[person.man]
    if person.relationship:
        line += f", {person.relationship}"
    lines = [line + {True: ", lives in the household.", False: ", does not live in the "
                     "household.", None: ", household not recorded."}[person.in_household]]
    if person.involvement:
        lines.append(f"Involvement: {person.involvement}")
    return lines


def agency_lines(agency: Agency) -> list[str]:
    lines = [f"{agency.agency}: {agency.practitioner or 'no named practitioner'}.",
             f"Role: {agency.role or NO_ROLE}."]
    if agency.contact:
        lines.append(f"Contact: {agency.contact}.")
    return lines


def action_lines(action: Action) -> list[str]:
    due = f"due {uk_date(action.due)}" if action.due else "no due date"
    late = f" {OVERDUE}." if overdue_action(action, clock.today()) else ""
    return [action.what, f"Owner: {action.owner or NO_OWNER}. {due.capitalize()}. "
                         f"Status: {action.status.label}.{late}"]


def people(conv: Conversation) -> None:
    """People, then each man no longer recorded as one, with who, when and why (look-d
    D2: a man removed with one key vanished from every view)."""
    _read_records(conv, conv.session.plan.people, "people", "person", person_lines)
    left = men_left(conv.session.plan)
    if left:
        conv.console.say(f"{MEN_LEFT}: {len(left)}.", *(f"{m.line}." for m in left))


def agencies(conv: Conversation) -> None:
    _read_records(conv, conv.session.plan.agencies, "agencies", "agency", agency_lines)


def actions(conv: Conversation) -> None:
    _read_records(conv, conv.session.plan.actions, "actions", "action", action_lines)


def _when(days: int) -> str:
    """How far a day is from today, in words."""
    if days == 0:
        return "today"
    return f"in {plural(days, 'day')}" if days > 0 else f"{plural(-days, 'day')} ago"


def timeline(conv: Conversation) -> None:
    """The app's Timeline as sentences, in date order: each milestone with its date, how
    far it is from today and where the plan stands on it (OVERDUE in words), what its date
    rests on when it is not yet the plan's own; then the open actions by due date."""
    plan, ev, today = conv.session.plan, conv.ev, clock.today()
    c = conv.console
    c.say(f"Timeline: {timing_summary(plan.edd, plan.dob, today)}.")
    dated = sorted((d for d in ev.due if d.due_date is not None),
                   key=lambda d: d.due_date or today)
    if not dated:
        c.say("No dated milestones yet: record the EDD or the date of birth (type plan "
              "details).")
    else:
        c.say(f"Milestones: {len(dated)}.")
    for n, d in enumerate(dated, 1):
        assert d.due_date is not None
        c.say(f"{n}. {d.label}, due {uk_date(d.due_date)} ({_when((d.due_date - today).days)})"
              f": {due_label(d.status)}.")
        booked = (f"booked for {uk_date(d.booked)}" if d.status == DueStatus.BOOKED
                  and d.booked else "")
        recorded = recorded_late(d.due_date, d.booked) if d.status == DueStatus.OVERDUE else ""
        c.say(*(f"{line.strip(' ()').capitalize()}." for line in (booked, recorded,
                                                                   counted_from(d)) if line))
    open_actions = [a for a in plan.actions if a.status not in FINISHED_ACTIONS]
    if not open_actions:
        return
    late = sum(overdue_action(a, today) for a in open_actions)
    c.say(f"Actions not done or cancelled: {len(open_actions)}"
          + (f", {late} {OVERDUE}." if late else "."))
    for action in sorted(open_actions, key=lambda a: (a.due is None, a.due or today, a.what)):
        due = (f"due {uk_date(action.due)} ({_when((action.due - today).days)})"
               if action.due else "no due date")
        c.say(f"Action: {action.what}, {due}"
              + (f": {OVERDUE}." if overdue_action(action, today) else "."),
              f"Owner: {action.owner or NO_OWNER}. Status: {action.status.label}.")


def item_said(conv: Conversation, item: Item) -> list[str]:
    """What the app shows under a question, one sentence a line, in the engine's words
    (core.gaps.item_state): what its answer carries, CONTRADICTED with the reason, NOT
    KNOWN, INCOMPLETE, IN THE RECORDS, a concern, a manager's challenge, its due point;
    then every warning or red flag it raises, acknowledged or not (look-d 5: a contradicted
    answer was read as a plain "Current answer: No.")."""
    plan = conv.session.plan
    lines = item_state(item, plan, conv.ev)
    lines += [f"{rule_label(f)}: {f.message}{acknowledged_said(f)}"
              for f in conv.ev.fired if f.item_id == item.id and f.severity != Severity.INFO]
    return [line if line.endswith((".", "?")) else f"{line}." for line in lines]


def contradicted_since(conv: Conversation, before: set[str], said: str) -> list[str]:
    """Answers the last change made CONTRADICTED (``before``: those that were), other than
    the one just given (``said``), each with why: a person added to People can contradict
    "Is there any other man ...? No" (look-d 5)."""
    items = conv.checklist.item_map()
    return [f"{named(items[p.item_id])} is now {CONTRADICTED}: {'; '.join(p.reasons)}."
            for p in conv.ev.contradicted
            if p.item_id not in before and p.item_id != said and p.item_id in items]


def read_rule(conv: Conversation, fired: FiredRule, just_fired: bool = False) -> None:
    """Read a fired rule out with its escalation; offer to acknowledge it."""
    from checklist_tui.plain import answering

    c = conv.console
    c.say(f"{rule_label(fired)}: {fired.message}")
    if fired.escalation:
        c.say(f"What to do now: {fired.escalation}")
    if just_fired and fired.needs_acknowledgement:
        answering.acknowledge(conv, fired)
