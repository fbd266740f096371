"""Gaps and risks: what is wrong or not known in the plan, the father and male carers
first, each in words (what, why it is a concern, what to do, who will find out and by
when, OVERDUE); then the pause points not confirmed or no longer holding. It is the plan's
one list (core.plan_gaps), the one the header counts and `show`, every export and the
review list give, grouped by core.what_is_left as plain mode reads it. Enter goes to where
it is fixed, as in Outstanding; items merely unanswered are not here."""

from __future__ import annotations

from checklist_tui.core.vocabulary import NO_GAPS
from checklist_tui.core.what_is_left import gaps_listing, gaps_title
from checklist_tui.tui import commands
from checklist_tui.tui.screens.entries import EntriesScreen, Groups


class GapsScreen(EntriesScreen):
    COMMANDS_DECLARED = commands.GAPS
    TITLE_ID, LIST_ID = "gaps-title", "gaps"
    EMPTY = NO_GAPS

    def title_and_groups(self) -> tuple[str, Groups]:
        listing = gaps_listing(self.session.checklist.checklist, self.session.plan,
                               self.session.evaluate())
        return f"{gaps_title(listing)} Enter goes there; Escape goes back.", listing.groups
