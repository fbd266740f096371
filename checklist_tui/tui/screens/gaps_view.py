"""Gaps and risks: what is wrong or not known in the plan, the father and male carers
first, each in words (what, why it is a concern, what to do, who will find out and by
when, OVERDUE). It is the plan's one list (core.plan_gaps), the one the header counts and
`show`, every export and the review list give. Enter goes to where it is fixed, as in
Outstanding; items merely unanswered are not here."""

from __future__ import annotations

from checklist_tui.core.dates import plural
from checklist_tui.core.gaps import MEN_HEADING, OTHER_HEADING, list_entry
from checklist_tui.core.plan_gaps import plan_gaps
from checklist_tui.core.vocabulary import NO_GAPS
from checklist_tui.tui import commands
from checklist_tui.tui.screens.entries import EntriesScreen, Groups


class GapsScreen(EntriesScreen):
    COMMANDS_DECLARED = commands.GAPS
    TITLE_ID, LIST_ID = "gaps-title", "gaps"
    EMPTY = NO_GAPS

    def title_and_groups(self) -> tuple[str, Groups]:
        checklist, plan = self.session.checklist.checklist, self.session.plan
        gaps = plan_gaps(checklist, plan, self.session.evaluate())
        men = sum(g.about_men for g in gaps)
        groups = [(heading, [list_entry(g.label, g.text, g, guidance=g.guidance,
                                        note=g.note) for g in gaps if g.about_men == about])
                  for heading, about in ((MEN_HEADING, True), (OTHER_HEADING, False))]
        return (f"Gaps and risks: {plural(len(gaps), 'thing')}, {men} about the father and "
                "male carers. Enter goes there; Escape goes back.",
                [(heading, rows) for heading, rows in groups if rows])
