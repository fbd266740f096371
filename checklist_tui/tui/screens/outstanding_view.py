"""Outstanding: everything still open, grouped (core.what_is_left); Enter goes to where it
is fixed, or, for a return or an approval that no longer stands, to the manager's words
and what stops the plan being submitted again."""

from __future__ import annotations

from textual import events
from textual.widgets import OptionList

from checklist_tui.core import clock
from checklist_tui.core.gaps import (
    NO_BIRTH_VIEW,
    birth_view_group,
    birth_view_key,
    born_today,
    marks_birth,
)
from checklist_tui.core.outstanding import Entry
from checklist_tui.core.session import PlanSession
from checklist_tui.core.vocabulary import NO_LONGER_SIGNED_OFF, RETURNED
from checklist_tui.core.what_is_left import (
    NOTHING_OUTSTANDING,
    back_to_the_manager,
    outstanding_listing,
    outstanding_title,
)
from checklist_tui.tui import commands
from checklist_tui.tui.screens.entries import EntriesScreen, Groups
from checklist_tui.tui.screens.message import MessageScreen
from checklist_tui.tui.widgets.entry_list import EntryList

NOT_IN_PLACE = "NOT IN PLACE"
#: The born-today list's empty text: it looked only at what is needed at birth.
NOTHING_MISSING_AT_BIRTH = "Nothing marked as needed at birth is missing."


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
        self.born_today = self.born_today and marks_birth(checklist)
        if self.born_today:
            self.EMPTY = NOTHING_MISSING_AT_BIRTH  # never "Nothing is outstanding" here
            view = born_today(checklist, plan, today)
            entries = [Entry(NOT_IN_PLACE, e.text, note=e.why, section_id=e.section_id,
                             item_id=e.item_id, page=e.page, record_id=e.record_id)
                       for e in view.entries]
            return (f"{view.title.upper()}: {view.headline} b: back to everything.",
                    [(birth_view_group(plan), entries)] if entries else [])
        self.EMPTY = NOTHING_OUTSTANDING
        listing = outstanding_listing(checklist, plan, self.session.evaluate())
        keys = "Enter goes there" if listing.count else ""
        born = f"b: {birth_view_key(plan)}" \
            if marks_birth(checklist) else ""  # look-d 31: not on the injury checklist
        said = "; ".join(filter(None, [keys, born]))
        return (f"{outstanding_title(listing)}" + (f" {said}." if said else ""), listing.groups)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No "born today" view for a checklist that marks nothing as needed at birth (the
        injury checklist, for a baby already born): the key and its command are hidden."""
        if action == "born_today" and not marks_birth(self.session.checklist.checklist):
            return False
        return super().check_action(action, parameters)

    def on_key(self, event: events.Key) -> None:
        """``b`` where there is no born-today view (its key hidden): said, not silently
        nothing (rev8-tui 8; plain mode and ``show --born-today`` say the same)."""
        if event.key == "b" and not marks_birth(self.session.checklist.checklist):
            event.stop()
            self.notify(NO_BIRTH_VIEW, markup=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter goes where the row is put right. A return, or an approval that no longer
        stands, is about the whole plan: Enter shows the manager's words, the steps and
        what stops a new submission now, offering to submit only when nothing does. A row
        with nowhere to go says what to do in words."""
        event.stop()
        event.prevent_default()  # instead of EntriesScreen's: go back with the row
        entry = self.query_one(EntryList).entry(event.option.id)
        if entry is None:
            return
        if entry.label in (RETURNED, NO_LONGER_SIGNED_OFF):
            found = back_to_the_manager(self.session.checklist.checklist, self.session.plan,
                                        self.session.evaluate(), entry.label)
            offer = found.ready and not self.session.read_only

            def chosen(submit: bool | None) -> None:
                if submit:  # the plan screen submits it (and says why, if it is refused)
                    self.dismiss(entry)

            self.app.push_screen(MessageScreen(found.title, found.lines,
                                               "Submit it again" if offer else None), chosen)
        elif entry.page or entry.section_id:
            self.dismiss(entry)
        else:
            self.app.push_screen(MessageScreen(entry.label, [
                entry.text, *([f"What to do: {entry.guidance}"] if entry.guidance else []),
                *entry.note.splitlines(), "",
                "This is not about one question or record of the plan, so there is nowhere "
                "to go to."]))

    def action_born_today(self) -> None:
        self.born_today = not self.born_today
        self.show()
