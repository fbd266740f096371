"""People, agencies and actions: tables you can add to, edit and remove from."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Static, TabbedContent, TabPane

from checklist_tui.core import clock, edit
from checklist_tui.core import integrity as integ
from checklist_tui.core.dates import uk_date
from checklist_tui.core.plan import Action, Agency, Person
from checklist_tui.core.session import PlanSession
from checklist_tui.core.vocabulary import (
    NO_DATE,
    NO_OWNER,
    NO_ROLE,
    OVERDUE,
    action_overdue,
)
from checklist_tui.tui import commands
from checklist_tui.tui.screens.base import PlanViewScreen
from checklist_tui.tui.screens.message import MessageScreen
from checklist_tui.tui.screens.record_form import RecordForm
from checklist_tui.tui.table_fill import add_columns, cursor_key
from checklist_tui.tui.text import lit

MODELS: dict[str, type[Person | Agency | Action]] = {
    "people": Person, "agencies": Agency, "actions": Action}
COLUMNS = {  # (label, width); None: as wide as the content
    "people": (("Who", 24), ("Name", 14), ("Relationship", 16), ("Household", 9),
               ("Involvement and assessment", None)),
    "agencies": (("Agency", 22), ("Named practitioner", 18), ("Role and responsibility", 30),
                 ("Contact", None)),
    "actions": (("What", 30), ("Owner", 16), ("Agency", 16), ("Due", 10), ("Status", 20)),
}
LABELS = {"people": "People", "agencies": "Agencies", "actions": "Actions"}


class RecordsScreen(PlanViewScreen):
    COMMANDS_DECLARED = commands.RECORDS

    def __init__(self, session: PlanSession, page: str):
        super().__init__(session)
        self.page = page

    def compose(self) -> ComposeResult:
        yield Static("", id="men-line", classes="title")
        with TabbedContent(initial=self.page):
            for page, label in LABELS.items():
                with TabPane(label, id=page):
                    yield DataTable(id=f"table-{page}", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        for page, columns in COLUMNS.items():
            add_columns(self.query_one(f"#table-{page}", DataTable), columns)
        self.fill()
        self.query_one(f"#table-{self.page}", DataTable).focus()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.page = event.pane.id or self.page
        self.query_one(f"#table-{self.page}", DataTable).focus()
        self._show_banner()

    def action_show_page(self, page: str) -> None:
        self.query_one(TabbedContent).active = page

    def action_step_tab(self, delta: int) -> None:
        pages = list(LABELS)
        self.action_show_page(pages[(pages.index(self.page) + delta) % len(pages)])

    def _show_banner(self) -> None:
        """One line about the table shown (the men line belongs to People only)."""
        plan = self.session.plan
        if self.page == "people":
            men = integ.men(plan)
            line = (f"Father and other male carers: {len(men)} recorded. Men are listed first."
                    if men else "No father or male carer recorded yet: press + to add one.")
        elif self.page == "agencies":
            no_role = sum(1 for g in plan.agencies if not g.role)
            line = (f"Agencies: {len(plan.agencies)} recorded"
                    + (f", {no_role} with no role stated." if no_role else ". Every agency's "
                       "role must be stated in the plan."))
        else:
            open_ = sum(1 for a in plan.actions if not a.owner or not a.due)
            line = (f"Actions: {len(plan.actions)} recorded"
                    + (f", {open_} without a named owner or a due date." if open_ else "."))
        self.query_one("#men-line", Static).update(lit(
            line + "\n+ adds a row, Enter edits it, Delete removes it; left and right arrows "
            "(or p, g, a) switch tables."))

    def fill(self) -> None:
        plan = self.session.plan
        today = clock.today()
        self._show_banner()
        rows: dict[str, list[tuple[str, tuple[str, ...]]]] = {
            "people": [(p.id, (p.kind.label + (" (a man)" if p.is_man else ""), p.name,
                               p.relationship, p.household_words,
                               "; ".join(x for x in (p.involvement, p.assessment,
                                                     p.reason_not_involved) if x)))
                       for p in integ.men_first(plan)],
            "agencies": [(g.id, (g.agency, g.practitioner, g.role or NO_ROLE,
                                 g.contact)) for g in plan.agencies],
            "actions": [(a.id, (a.what, a.owner or NO_OWNER, a.agency,
                                uk_date(a.due) if a.due else NO_DATE,
                                a.status.label + (f", {OVERDUE}" if action_overdue(a, today)
                                                  else "")))
                        for a in plan.actions],
        }
        for page, items in rows.items():
            table = self.query_one(f"#table-{page}", DataTable)
            table.clear()
            for ident, cells in items:
                table.add_row(*(lit(" ".join(str(c).splitlines())) for c in cells), key=ident)

    def _highlighted(self) -> str | None:
        return cursor_key(self.query_one(f"#table-{self.page}", DataTable))

    def action_add_record(self) -> None:
        self.app.push_screen(RecordForm(self.page), self._added)

    def _added(self, values) -> None:
        if values is not None and self.apply_edit(self.session, edit.add_record,
                                                   MODELS[self.page], **values):
            self.fill()

    def action_edit_record(self) -> None:
        ident = self._highlighted()
        if ident is None:
            return self.action_add_record()
        record = edit.find_record(self.session.plan, MODELS[self.page], ident)
        self.app.push_screen(RecordForm(self.page, record.model_dump(exclude={"id"})),
                             lambda values: self._edited(ident, values))

    def _edited(self, ident: str, values) -> None:
        if values is not None and self.apply_edit(
                self.session, edit.update_record, MODELS[self.page], ident, **values):
            self.fill()

    def action_remove_record(self) -> None:
        ident = self._highlighted()
        if ident is None:
            return
        table = self.query_one(f"#table-{self.page}", DataTable)
        first = str(table.get_row(ident)[1 if self.page == "people" else 0])
        what = {"people": "person", "agencies": "agency", "actions": "action"}[self.page]
        self.app.push_screen(MessageScreen(f"Remove the {what} '{first}'?", [
            "It will be removed from the plan; the plan's history keeps a record of it."],
            confirm="Remove"), lambda yes: self._removed(ident, yes))

    def _removed(self, ident: str, yes: bool | None) -> None:
        if yes and self.apply_edit(self.session, edit.remove_record, MODELS[self.page], ident):
            self.fill()

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        if not self.read_only:
            self.action_edit_record()

    def after_reason(self, changed: bool, args: tuple) -> None:
        if changed:
            self.fill()
