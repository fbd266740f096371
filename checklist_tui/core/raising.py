"""An acknowledgement holds only for the raising of the red flag or warning it saw. A flag
acknowledged with a reason, cleared (its answer changed so that it no longer fires) and
raised again is a new event nobody has weighed: it needs acknowledging again, and every
view says so. Before, an acknowledgement counted for its rule for ever.

What the answers said after the acknowledgement is read from the plan's history (every
change to an answer is there with the value before it, core.edit): walking back from what
they say now, if the rule would not have fired at any point after the acknowledgement,
the flag was cleared and the acknowledgement saw an earlier raising.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from checklist_tui.core.conditions import holds, matches
from checklist_tui.core.definition import NOT_YET, Item, ItemType, Rule
from checklist_tui.core.integrity import day_of
from checklist_tui.core.plan import Acknowledgement, Answer, HistoryEntry, Plan

#: History entries that change what an answer says (a value, "n/a" or nothing).
_ANSWERED = ("answer", "clear")


def answer_entries(plan: Plan) -> dict[str, list[HistoryEntry]]:
    """Each item's history entries that changed its answer, oldest first."""
    found: dict[str, list[HistoryEntry]] = {}
    for entry in plan.history:
        if entry.what in _ANSWERED:
            found.setdefault(entry.target, []).append(entry)
    return found


def _said(item: Item | None, text: str, at: datetime) -> Answer | None:
    """The answer a history entry's text stands for, as far as a rule reads it."""
    if text == "":
        return None
    if text == "n/a":
        return Answer(not_applicable=True, answered_at=at, answered_by="")
    value: bool | list[str] | str = text
    if text in ("true", "false") and item is not None and item.type == ItemType.CHECK:
        value = text == "true"
    elif item is not None and item.type == ItemType.MULTI_CHOICE:
        value = [v.strip() for v in text.split(",")]
    return Answer(value=value, answered_at=at, answered_by="")


def _fires(item: Item, rule: Rule, said: Mapping[str, Answer | None], late: bool) -> bool:
    """Whether ``rule`` of ``item`` fires on the answers ``said`` (a red flag on an item
    left unanswered past its due point, ``late``, fires as if the answer were the
    concern, core.engine)."""
    counted = {i: a for i, a in said.items()
               if a is not None and a.has_value and a.value != NOT_YET}
    if rule.when is not None:
        return holds(rule.when, counted)
    own = counted.get(item.id)
    if own is None:
        return rule.red_flag and late
    return (not own.not_applicable and own.value is not None
            and matches(own.value, list(rule.if_answer or [])))


def rests_on(item: Item, rule: Rule | None) -> list[str]:
    """The items whose answers a rule of ``item`` rests on: its own and its condition's."""
    return [item.id, *sorted(rule.when.items() if rule is not None and rule.when is not None
                             else ())]


def holds_for_this_raising(ack: Acknowledgement, item: Item, rule: Rule, plan: Plan,
                           items: Mapping[str, Item],
                           entries: Mapping[str, Sequence[HistoryEntry]],
                           due: date | None) -> bool:
    """Whether the acknowledgement ``ack`` of ``rule`` (firing now) saw this raising of it:
    the rule fired at every point since ``ack``, as the answers it rests on changed
    (``due``: the item's due date, after which an unanswered item fires)."""
    watched = rests_on(item, rule)
    since = sorted((e for i in watched for e in entries.get(i, ()) if e.at > ack.at),
                   key=lambda e: e.at)
    if not since:
        return True
    said: dict[str, Answer | None] = {i: plan.answers.get(i) for i in watched}
    for entry in reversed(since[1:]):  # undo the changes one by one, newest first
        said[entry.target] = _said(items.get(entry.target), entry.old, entry.at)
        late = due is not None and due < day_of(entry.at)  # by the end of that state
        if not _fires(item, rule, said, late):
            return False
    return True
