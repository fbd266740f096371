"""Outstanding: everything still open, grouped; Enter goes to where it is fixed."""

from __future__ import annotations

from checklist_tui.core import clock
from checklist_tui.core.gaps import born_today
from checklist_tui.core.outstanding import Entry
from checklist_tui.core.session import PlanSession
from checklist_tui.core.what_is_left import (
    NOTHING_OUTSTANDING,
    outstanding_listing,
    outstanding_title,
)
from checklist_tui.tui import commands
from checklist_tui.tui.screens.entries import EntriesScreen, Groups

NOT_IN_PLACE = "NOT IN PLACE"


class OutstandingScreen(EntriesScreen):
    COMMANDS_DECLARED = commands.OUTSTANDING
    TITLE_ID, LIST_ID = "out-title", "outstanding"
    EMPTY = NOTHING_OUTSTANDING

    def __init__(self, session: PlanSession):
        super().__init__(session)
        self.born_today = False

    def title_and_groups(self) -> tuple[str, Groups]:
        """(title, groups): core.what_is_left's Outstanding (the manager's review, pause
        points, the plan's gaps and risks as the header counts them, then the rest); or
        only what would not be in place if the baby were born today."""
        today = clock.today()
        checklist, plan = self.session.checklist.checklist, self.session.plan
        if self.born_today:
            view = born_today(checklist, plan, today)
            entries = [Entry(NOT_IN_PLACE, e.text, note=e.why, section_id=e.section_id,
                             item_id=e.item_id, page=e.page, record_id=e.record_id)
                       for e in view.entries]
            return (f"IF THE BABY WERE BORN TODAY: {view.headline} b: back to everything.",
                    [("Would not be in place", entries)] if entries else [])
        listing = outstanding_listing(checklist, plan, self.session.evaluate())
        keys = "Enter goes there; " if listing.count else ""
        return (f"{outstanding_title(listing)} {keys}b: what would not be in place if the "
                "baby were born today.", listing.groups)

    def action_born_today(self) -> None:
        self.born_today = not self.born_today
        self.show()
