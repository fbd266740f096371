"""What an answer carries (its details: a date, people, a text, a place), in words, the
same in every view: the item on screen, plain mode, ``answer`` and ``show``, the exports.

Details are what a "yes" or a tick carries. Once the answer is no longer that (no,
unknown, not yet, not applicable), they are not shown as content (look-c 6: a "no" was
printed with the arrangements of the "yes" before it, as if they were in place): a view
says at most that they were recorded with an earlier "yes" (:func:`earlier_details`).
The plan file and its history keep them.

A person named in a detail and since removed from People reads by the name they had when
removed (from the history), never by an id (look-c 16).
"""

from __future__ import annotations

from datetime import date

from checklist_tui.core.answers import NA_LABEL, YES_NO_LABELS, display
from checklist_tui.core.dates import uk_date
from checklist_tui.core.definition import Item, ItemType
from checklist_tui.core.edit_records import as_typed
from checklist_tui.core.integrity import is_positive
from checklist_tui.core.men_left import while_it_stood
from checklist_tui.core.plan import Answer, Plan
from checklist_tui.core.written import words_said

#: What a written table calls the lines :func:`history_lines` gives, beside an answer's
#: details (the written plan's parts, ``show``).
FROM_HISTORY = "From the plan's history"
#: A person removed from People whose name no history entry holds.
SINCE_REMOVED = "a person since removed from People"


def _removed_name(plan: Plan, person_id: str) -> str:
    """The name a person removed from People had, from the history; "" if not recorded."""
    for entry in reversed(plan.history):
        if entry.target == person_id and entry.what in ("person.remove", "person.edit",
                                                        "person.add"):
            name = recorded_name(entry.old if entry.what == "person.remove" else entry.new)
            if name:
                return name
    return ""


def recorded_name(summary: str) -> str:
    """The name in a person's history summary ("name=Jay Lodger; kind=...", as
    core.edit_records writes it); "" when it holds none."""
    if not summary.startswith("name="):
        return ""
    return as_typed(summary[len("name="):].split("; kind=", 1)[0])


def person_name(plan: Plan, person_id: str) -> str:
    """A person named in an answer, by name: "Avery Example (since removed from People)"
    when removed, or "a person since removed from People" when no name was recorded."""
    for person in plan.people:
        if person.id == person_id:
            return person.name
    name = _removed_name(plan, person_id)
    return f"{name} (since removed from People)" if name else SINCE_REMOVED


def detail_lines(item: Item, answer: Answer | None, plan: Plan) -> list[tuple[str, str]]:
    """(label, text) for each detail a "yes" or tick carries, people by name; nothing for
    any other answer (what it carried before is not in place now)."""
    if not is_positive(answer):
        return []
    assert answer is not None
    have = answer.details or {}
    rows = []
    for detail in item.details:
        value = have.get(detail.key)
        if value is None:
            continue
        if isinstance(value, list):
            text = ", ".join(person_name(plan, v) for v in value)
        elif isinstance(value, date):
            text = uk_date(value)
        else:
            text = value
        rows.append((detail.label, text))
    return rows


def earlier_details(item: Item, answer: Answer | None) -> str:
    """What a view says of the details an earlier "yes" carried, now that the answer is
    something else: "Details recorded with an earlier Yes are not shown now the answer is
    No (the history keeps them)."; "" when there are none, or the answer carries them."""
    if answer is None or is_positive(answer) or not answer.details:
        return ""
    if not any(answer.details.get(d.key) not in (None, "", []) for d in item.details):
        return ""
    earlier = "Done" if item.type == ItemType.CHECK else YES_NO_LABELS["yes"]
    if not answer.has_value:
        return (f"Details recorded with an earlier {earlier} are not shown while the "
                "question is not answered (the history keeps them).")
    return (f"Details recorded with an earlier {earlier} are not shown now the answer is "
            f"{display(item, answer)} (the history keeps them).")


def not_carried(item: Item, answer: Answer | None, plan: Plan) -> str:
    """What a view says of a "yes" given again after another answer, while it lacks a
    detail the earlier "yes" carried: those details are not carried over (core.edit drops
    them, keeping them in the history), so the practitioner gives them again: "The
    details given with the earlier Yes are not carried over: the answer was No before this
    Yes. Give them again if they still hold (the history keeps the old ones)."; "" when
    there is nothing to say."""
    if answer is None or not is_positive(answer) or not item.details:
        return ""
    have = answer.details or {}
    if all(d.key in have for d in item.details):
        return ""
    history = plan.history
    given = next((n for n in range(len(history) - 1, -1, -1)
                  if history[n].what == "answer" and history[n].target == item.id), None)
    if given is None or history[given].at != answer.answered_at:
        return ""
    dropped: set[str] = set()  # core.edit logs the details it drops right after the answer
    for entry in history[given + 1:]:
        ident, _dot, key = entry.target.partition(".")
        if (entry.what != "detail" or ident != item.id or entry.new
                or entry.at != answer.answered_at):
            break
        dropped.add(key)
    if not dropped - set(have):
        return ""
    before = history[given].old
    earlier = "Done" if item.type == ItemType.CHECK else YES_NO_LABELS["yes"]
    was = ("cleared" if not before else NA_LABEL if before == "n/a"
           else YES_NO_LABELS.get(before, before))
    return (f"The details given with the earlier {earlier} are not carried over: the answer "
            f"was {was} before this {earlier}. Give them again if they still hold (the "
            "history keeps the old ones).")


def history_lines(item: Item, answer: Answer | None, plan: Plan) -> list[str]:
    """What the plan's history says under an answer, apart from the details it carries,
    one sentence each: what became of the details an earlier "yes" carried, that its words
    were written before the date they record or recorded again (core.written), and each
    man People recorded while a "no" stood and no longer records (core.men_left). The
    same sentences under the answer in every view: the item on screen, plain mode,
    ``answer``, ``show`` and the written plan (rev8-core 8)."""
    return list(filter(None, [earlier_details(item, answer),
                              not_carried(item, answer, plan)])
                ) + (words_said(plan, item, answer) if is_positive(answer) else []
                     ) + while_it_stood(item, answer, plan)


def carried_lines(item: Item, answer: Answer | None, plan: Plan) -> list[str]:
    """What an answer carries, one "label: text" line each, then what the history says
    of it (:func:`history_lines`): the lines the item on screen, ``answer`` and plain mode
    read out under the answer."""
    return [f"{label}: {text}" for label, text in detail_lines(item, answer, plan)
            ] + history_lines(item, answer, plan)
