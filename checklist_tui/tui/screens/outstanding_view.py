"""Outstanding: everything still open, grouped; Enter goes to where it is fixed."""

from __future__ import annotations

from checklist_tui.core import clock
from checklist_tui.core.dates import plural
from checklist_tui.core.gaps import born_today, gap_entry, gaps_and_risks, grouped_gaps
from checklist_tui.core.outstanding import MANAGER_LABELS, Entry, grouped
from checklist_tui.core.outstanding import entries as entries_of
from checklist_tui.core.session import PlanSession
from checklist_tui.core.vocabulary import DUE_SOON, OPEN, RULE_LABELS
from checklist_tui.tui import commands
from checklist_tui.tui.screens.entries import EntriesScreen, Groups

NOT_IN_PLACE = "NOT IN PLACE"


class OutstandingScreen(EntriesScreen):
    COMMANDS_DECLARED = commands.OUTSTANDING
    TITLE_ID, LIST_ID = "out-title", "outstanding"
    EMPTY = "Nothing is outstanding."

    def __init__(self, session: PlanSession):
        super().__init__(session)
        self.born_today = False

    def title_and_groups(self) -> tuple[str, Groups]:
        """(title, groups): what the manager is waiting for (a return, challenges not yet
        answered) first, then Gaps and risks, then the rest; or only what would not be in
        place if the baby were born today."""
        today = clock.today()
        checklist, plan = self.session.checklist.checklist, self.session.plan
        if self.born_today:
            view = born_today(checklist, plan, today)
            entries = [Entry(NOT_IN_PLACE, e.text, note=e.why, section_id=e.section_id,
                             item_id=e.item_id, page=e.page, record_id=e.record_id)
                       for e in view.entries]
            return (f"IF THE BABY WERE BORN TODAY: {view.headline} b: back to everything.",
                    [("Would not be in place", entries)] if entries else [])
        ev = self.session.evaluate()
        gaps = gaps_and_risks(checklist, plan, ev)
        covered = {(g.item_id, g.record_id) for g in gaps}
        found = entries_of(checklist, plan, ev)
        waiting = [e for e in found if e.label in MANAGER_LABELS]
        rest = [e for e in found if e.label not in MANAGER_LABELS and (
            e.label in (*RULE_LABELS, DUE_SOON, OPEN) or (e.item_id, e.record_id) not in covered)]
        groups = grouped(waiting) + [
            (f"Gaps and risks: {heading}", [gap_entry(g) for g in members])
            for heading, members in grouped_gaps(gaps)] + grouped(rest)
        count = sum(len(m) for _h, m in groups)
        first = "The manager's review first, then gaps and risks" if waiting else (
            "Gaps and risks first")
        return (f"Outstanding: {plural(count, 'thing')}. {first}; Enter to go there; "
                "b: what would not be in place if the baby were born today.", groups)

    def action_born_today(self) -> None:
        self.born_today = not self.born_today
        self.show()
