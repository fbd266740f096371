"""What changed for one plan between the checklist version it was made with and today's.

A plan keeps every answer whatever the version: answers to items that a later version
removed or renamed stay in the plan and are shown as "not in this version". This module
only says, in words, what a practitioner should look at again.
"""

from __future__ import annotations

from checklist_tui.core.definition import Checklist
from checklist_tui.core.plan import Plan


def what_changed(plan: Plan, old: Checklist, new: Checklist) -> list[str]:
    """One line per change that matters to this plan, most important first."""
    if old.version == new.version:
        return []
    old_items, new_items = old.item_map(), new.item_map()
    lines = []
    for item_id in plan.answers:
        if item_id not in new_items:
            lines.append(f"{item_id} is not in version {new.version}: its answer is kept and "
                         "shown as 'not in this version'; answer the items that replace it")
        elif item_id in old_items and old_items[item_id].prompt != new_items[item_id].prompt:
            lines.append(f"{item_id} is reworded in version {new.version}: check that the "
                         "answer still holds")
    added = [i for i, item in new_items.items() if i not in old_items and item.required]
    if added:
        lines.append(f"{len(added)} new required item(s) in version {new.version}: "
                     + ", ".join(added))
    return lines
