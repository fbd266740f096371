"""What changed for one plan between the checklist version it was made with and today's,
and moving a plan to today's version (``checklist-tui upgrade``).

A plan keeps every answer whatever the version: answers to items that a later version
removed or renamed stay in the plan and are shown as "not in this version". An item of
the new version can say which old item it replaces (``replaces`` in the checklist) and
which old answers mean which new ones. Only those are carried, and only when the meaning
maps: a question turned round ("is the baby not mobile?" became "can the baby move
about?") maps yes to no, and a question split in two carries only what the old answer
settles for each half. Everything else stays where it was, as an answer to a removed item.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from checklist_tui.core import edit
from checklist_tui.core import integrity as integ
from checklist_tui.core.answers import display
from checklist_tui.core.catalogue import load_archived
from checklist_tui.core.dates import plural
from checklist_tui.core.definition import Checklist, Item, ItemType, Scalar, Source
from checklist_tui.core.errors import PlanError
from checklist_tui.core.plan import Answer, DetailValue, HistoryEntry, Plan, PlanState

#: The history entry of an answer carried to the item that replaces its old item.
CARRIED = "answer.carried"
#: The history entry of the plan's move to another checklist version.
VERSION = "checklist.version"


@dataclass(frozen=True)
class Carry:
    """An old answer that ``upgrade`` carries to the item replacing its old item."""

    old_id: str
    new_id: str
    old_label: str
    value: Scalar | list[str]
    new_label: str


def _key(answer: Answer) -> str | None:
    """How an old answer is written in a ``replaces`` table (a tick is ``true``)."""
    if answer.not_applicable or answer.value is None:
        return None
    if answer.value is True:
        return "true"
    return answer.value if isinstance(answer.value, str) else None


def replaced_by(checklist: Checklist) -> dict[str, list[Item]]:
    """Old item id -> the items of ``checklist`` that replace it, in checklist order."""
    found: dict[str, list[Item]] = {}
    for _section, item in checklist.all_items():
        for old_id in item.replaces:
            found.setdefault(old_id, []).append(item)
    return found


def carries(plan: Plan, checklist: Checklist) -> list[Carry]:
    """The answers ``upgrade`` would carry: mapped, to an item not already answered."""
    out = []
    for old_id, items in replaced_by(checklist).items():
        answer = plan.answers.get(old_id)
        key = _key(answer) if answer is not None and old_id not in checklist.item_map() else None
        if answer is None or key is None:
            continue
        for item in items:
            mapped = item.replaces[old_id].get(key)
            current = plan.answers.get(item.id)
            if mapped is None or (current is not None and current.has_value):
                continue
            value: Scalar | list[str] = (
                [str(mapped)] if item.type == ItemType.MULTI_CHOICE else mapped)
            probe = Answer(value=value, answered_at=answer.answered_at,
                           answered_by=answer.answered_by)
            out.append(Carry(old_id, item.id, display(None, answer), value,
                             display(item, probe)))
    return out


def what_changed(plan: Plan, old: Checklist | None, new: Checklist) -> list[str]:
    """One line per change that matters to this plan, most important first. ``old`` is the
    version the plan was made with, None when that version is not kept here."""
    if plan.checklist_version == new.version:
        return []
    new_items = new.item_map()
    old_items = old.item_map() if old is not None else {}
    replacing = replaced_by(new)
    carried: dict[str, list[Carry]] = {}
    for carry in carries(plan, new):
        carried.setdefault(carry.old_id, []).append(carry)
    lines = []
    for item_id, answer in plan.answers.items():
        if item_id in new_items:
            continue
        by = [i.id for i in replacing.get(item_id, [])]
        moves = carried.get(item_id, [])
        if moves:
            to = "; ".join(f"{c.new_id} as '{c.new_label}'" for c in moves)
            rest = [i for i in by if i not in {c.new_id for c in moves}]
            lines.append(f"{item_id} ('{display(old_items.get(item_id), answer)}') is replaced "
                         f"by {', '.join(by)} in version {new.version}: 'upgrade' carries it "
                         f"to {to}" + (f"; answer {', '.join(rest)} yourself" if rest else ""))
        elif by:
            lines.append(f"{item_id} is replaced by {', '.join(by)} in version {new.version}, "
                         "which does not mean the same: its answer is kept and shown as 'not "
                         f"in this version'; answer {', '.join(by)} yourself")
        else:
            lines.append(f"{item_id} is not in version {new.version}: its answer is kept and "
                         "shown as 'not in this version'; answer the items that replace it")
    for item_id, answer in plan.answers.items():
        item, before = new_items.get(item_id), old_items.get(item_id)
        if item is None or before is None:
            continue
        if before.prompt != item.prompt:
            lines.append(f"{item_id} is reworded in version {new.version}: check that the "
                         "answer still holds")
        added = [d.label for d in item.details if d.required
                 and d.key not in {b.key for b in before.details}]
        if added and integ.is_positive(answer):
            lines.append(f"{item_id} now asks what a 'yes' must carry: add "
                         + "; ".join(added))
    added_items = [i for i, item in new_items.items()
                   if item.required and (old is None or i not in old_items)
                   and not any(i == c.new_id for cs in carried.values() for c in cs)]
    if added_items and old is not None:
        lines.append(f"{plural(len(added_items), 'new required item')} in version "
                     f"{new.version}: "
                     + ", ".join(added_items))
    return lines


NOT_KEPT = "That version is not kept here, so only the answers it affects can be listed."


def changes_since(plan: Plan, current: Checklist, sources: dict[str, Source]) -> list[str]:
    """``what_changed`` against the version the plan was made with, read from the archive of
    built-in versions; [] when the plan uses ``current``'s version."""
    if plan.checklist_version == current.version:
        return []
    old = load_archived(plan.checklist_id, plan.checklist_version, sources)
    lines = what_changed(plan, old.checklist if old else None, current)
    return ([] if old else [NOT_KEPT]) + lines


def _details_for(item: Item, old: Answer) -> dict[str, DetailValue] | None:
    """The old answer's details that ``item`` asks for under the same key (a date, people,
    a text or a place that a "yes" carried), so that carrying a "yes" keeps its content."""
    keys = {d.key for d in item.details}
    kept = {k: v for k, v in (old.details or {}).items() if k in keys}
    return kept or None


def upgrade(plan: Plan, checklist: Checklist, content_hash: str, *, by: str,
            now: datetime) -> list[Carry]:
    """Move ``plan`` to ``checklist``'s version: carry the mapped answers (one history entry
    each, moving the old answer once every item replacing it has its answer), keep every
    other answer, and record the move. Refused on a signed-off plan."""
    if plan.state in (PlanState.APPROVED, PlanState.ENTERED_IN_ERROR):
        raise PlanError(f"the plan is {plan.state.label.lower()}, so it keeps checklist "
                        f"version {plan.checklist_version}, the version it was signed off with")
    if plan.checklist_version == checklist.version:
        raise PlanError(f"the plan already uses version {checklist.version} of the checklist")
    items = checklist.item_map()
    done: list[Carry] = []
    details_moved: dict[str, set[str]] = {}
    for carry in carries(plan, checklist):
        item, old = items[carry.new_id], plan.answers[carry.old_id]
        probe = Answer(value=carry.value, answered_at=old.answered_at,
                       answered_by=old.answered_by)
        if integ.needs_follow_up(item, probe) and not (old.owner and old.by_date):
            continue  # "unknown" here needs who will find out: left for the practitioner
        if integ.is_positive(probe) and edit.contradictions(plan, checklist, item,
                                                           integ.day_of(old.answered_at)):
            continue  # the plan does not bear the tick out: not carried, still kept
        if not done:
            edit.editable(plan, by, now)  # one rule for when a plan may change
        details = _details_for(item, old)
        plan.answers[carry.new_id] = Answer(
            value=carry.value, note=old.note, source=old.source,
            answered_at=old.answered_at, answered_by=old.answered_by,
            owner=old.owner if integ.needs_follow_up(item, probe) else None,
            by_date=old.by_date if integ.needs_follow_up(item, probe) else None,
            details=details)
        details_moved.setdefault(carry.old_id, set()).update(details or {})
        plan.history.append(HistoryEntry(at=now, by=by, what=CARRIED, target=carry.new_id,
                                         old=f"{carry.old_id}: {carry.old_label}",
                                         new=carry.new_label))
        done.append(carry)
    for old_id, replacing in replaced_by(checklist).items():
        moved = {c.new_id for c in done if c.old_id == old_id}
        left = set(plan.answers[old_id].details or {}) - details_moved.get(old_id, set()) \
            if old_id in plan.answers else set()
        if moved and moved == {i.id for i in replacing} and not left:
            del plan.answers[old_id]  # every replacing item has it now, details too
    if not done:
        edit.editable(plan, by, now)  # one rule for when a plan may change
    plan.history.append(HistoryEntry(at=now, by=by, what=VERSION, target="plan",
                                     old=plan.checklist_version, new=checklist.version))
    plan.checklist_version, plan.checklist_hash = checklist.version, content_hash
    plan.updated = now
    return done
