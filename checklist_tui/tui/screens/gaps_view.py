"""Gaps and risks: what is wrong or not known in the plan, the father and male carers
first, each in words (what, why it is a concern, who will find out and by when, OVERDUE).
Enter goes to where it is fixed, as in Outstanding; items merely unanswered are not here."""

from __future__ import annotations

from checklist_tui.core.dates import plural
from checklist_tui.core.gaps import gap_entry, gaps_and_risks, grouped_gaps
from checklist_tui.core.vocabulary import NO_GAPS
from checklist_tui.tui import commands
from checklist_tui.tui.screens.entries import EntriesScreen, Groups


class GapsScreen(EntriesScreen):
    COMMANDS_DECLARED = commands.GAPS
    TITLE_ID, LIST_ID = "gaps-title", "gaps"
    EMPTY = NO_GAPS

    def title_and_groups(self) -> tuple[str, Groups]:
        checklist, plan = self.session.checklist.checklist, self.session.plan
        gaps = gaps_and_risks(checklist, plan, self.session.evaluate())
        men = sum(g.about_men for g in gaps)
        return (f"Gaps and risks: {plural(len(gaps), 'thing')}, {men} about the father and "
                "male carers. Enter goes there; Escape goes back.",
                [(heading, [gap_entry(g, why=True) for g in members])
                 for heading, members in grouped_gaps(gaps)])
