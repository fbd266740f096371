"""People, agencies and actions: tables you can add to, edit and remove from."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Static, TabbedContent, TabPane

from checklist_tui.core import clock, edit
from checklist_tui.core import integrity as integ
from checklist_tui.core.dates import uk_date
from checklist_tui.core.edit_records import around_the_baby, change_words
from checklist_tui.core.men_left import men_left
from checklist_tui.core.plan import Action, Agency, Person
from checklist_tui.core.session import PlanSession
from checklist_tui.core.vocabulary import (
    NO_DATE,
    NO_OWNER,
    NO_ROLE,
    OVERDUE,
    action_overdue,
)
from checklist_tui.export.safe import plain
from checklist_tui.tui import commands
from checklist_tui.tui.screens.base import PlanViewScreen
from checklist_tui.tui.screens.message import MessageScreen
from checklist_tui.tui.screens.record_form import RecordForm
from checklist_tui.tui.table_fill import cursor_key, fit_cells
from checklist_tui.tui.text import lit

MODELS: dict[str, type[Person | Agency | Action]] = {
    "people": Person, "agencies": Agency, "actions": Action}
#: (label, width at 80 columns, width from WIDE columns): every column on screen, and a
#: row as tall as its longest cell needs (at 80x24 "Adult who visits or stay", "Mother's
#: new par" were cut, and the actions' Status, with OVERDUE, was off the screen).
COLUMNS = {
    "people": (("Who", 13, 22), ("Name", 12, 16), ("Relationship", 13, 18),
               ("Household", 9, 12), ("Involvement and assessment", 17, 30)),
    "agencies": (("Agency", 15, 24), ("Named practitioner", 13, 20),
                 ("Role and responsibility", 21, 30), ("Contact", 15, 26)),
    "actions": (("What", 19, 34), ("Owner", 12, 16), ("Agency", 11, 16), ("Due", 10, 10),
                ("Status", 12, 22)),
}
WIDE = 110
#: The column that takes what a window wider than WIDE has to spare.
GROW = {"people": 4, "agencies": 2, "actions": 0}
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

    _width: int | None = None
    """The window width the columns were laid out for (any width under WIDE: 0)."""

    def on_mount(self) -> None:
        self._lay_out()
        self.query_one(f"#table-{self.page}", DataTable).focus()

    def on_resize(self) -> None:
        self._lay_out()

    def _lay_out(self) -> None:
        """Columns as wide as the window allows, then the rows (again)."""
        width = self.app.size.width if self.app.size.width >= WIDE else 0
        if width == self._width:
            return
        self._width = width
        console = self.app.console
        for page in COLUMNS:
            table = self.query_one(f"#table-{page}", DataTable)
            table.clear(columns=True)
            widths = self._widths(page)
            labels, lines = fit_cells([Text(label) for label, _width in widths],
                                      [width for _label, width in widths], console)
            table.header_height = lines  # a heading is read whole too
            for label, (_label, width) in zip(labels, widths, strict=True):
                table.add_column(label, width=width)
        self.fill()

    def _widths(self, page: str) -> list[tuple[str, int]]:
        if not self._width:
            return [(label, narrow) for label, narrow, _wide in COLUMNS[page]]
        spare = self._width - WIDE
        return [(label, wide + (spare if i == GROW[page] else 0))
                for i, (label, _narrow, wide) in enumerate(COLUMNS[page])]

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
            if left := men_left(plan):  # look-d D2: never gone without a word
                line += " No longer recorded as men: " + "; ".join(
                    f"{m.name} ({m.what[0].lower()}{m.what[1:]}: {m.why})" for m in left) + "."
        elif self.page == "agencies":
            no_role = sum(1 for g in plan.agencies if not g.role)
            line = (f"Agencies: {len(plan.agencies)} recorded"
                    + (f", {no_role} with no role stated." if no_role else ". Every agency's "
                       "role must be stated in the plan."))
        else:
            open_ = sum(1 for a in plan.actions if not a.owner or not a.due)
            late = sum(1 for a in plan.actions if action_overdue(a, clock.today()))
            parts = [f"{late} {OVERDUE}"] if late else []
            if open_:
                parts.append(f"{open_} without a named owner or a due date")
            line = f"Actions: {len(plan.actions)} recorded" + "".join(
                f", {p}" for p in parts) + "."
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
        console = self.app.console
        for page, items in rows.items():
            table = self.query_one(f"#table-{page}", DataTable)
            widths = [width for _label, width in self._widths(page)]
            current = cursor_key(table)
            table.clear()
            for ident, cells in items:
                fitted, lines = fit_cells([lit(" ".join(str(c).splitlines()))
                                           for c in cells], widths, console)
                table.add_row(*fitted, key=ident, height=lines)
            keys = [ident for ident, _cells in items]
            if current in keys:
                table.move_cursor(row=keys.index(current))

    def _highlighted(self) -> str | None:
        return cursor_key(self.query_one(f"#table-{self.page}", DataTable))

    def action_add_record(self) -> None:
        self.app.push_screen(RecordForm(self.page), self._added)

    def _added(self, values) -> None:
        if values is not None and self.apply_edit(self.session, edit.add_record,
                                                   MODELS[self.page], **values):
            self.fill()
            if self.page == "actions" and self.session.plan.actions:
                self._say_if_overdue(self.session.plan.actions[-1])

    def action_edit_record(self) -> None:
        ident = self._highlighted()
        if ident is None:
            return self.action_add_record()
        record = edit.find_record(self.session.plan, MODELS[self.page], ident)
        self.app.push_screen(RecordForm(self.page, record.model_dump(exclude={"id"})),
                             lambda values: self._edited(ident, values))

    def _edited(self, ident: str, values, why: str = "") -> None:
        leaving = (change_words(self.session.plan, ident, **values)  # look-d D2
                   if values is not None and self.page == "people" and not why else "")
        if leaving:
            from checklist_tui.tui.screens.remove_person import ChangedPersonScreen

            name = edit.find_record(self.session.plan, Person, ident).name
            self.app.push_screen(ChangedPersonScreen(name, leaving),
                                 lambda given: self._edited(ident, values, given)
                                 if given else None)
            return
        if values is not None and self.apply_edit(
                self.session, edit.update_record, MODELS[self.page], ident, why=why,
                **values):
            self.fill()
            if self.page == "actions":
                self._say_if_overdue(edit.find_record(self.session.plan, Action, ident))

    def _say_if_overdue(self, action) -> None:
        """An action saved with a due date already past is overdue from the start: say so
        (it was accepted without a word, and the Status column was off the screen)."""
        if isinstance(action, Action) and action.due and action_overdue(action, clock.today()):
            self.notify(f"'{plain(action.what)}' was due on {uk_date(action.due)}: it is "
                        f"{OVERDUE} already.", severity="warning", markup=False)

    def action_remove_record(self) -> None:
        ident = self._highlighted()
        if ident is None:
            return
        record = edit.find_record(self.session.plan, MODELS[self.page], ident)
        first = str(getattr(record, "name" if self.page == "people" else
                            "agency" if self.page == "agencies" else "what"))
        what = {"people": "person", "agencies": "agency", "actions": "action"}[self.page]
        if isinstance(record, Person) and around_the_baby(record):  # look-d D2: ask why
            from checklist_tui.tui.screens.remove_person import RemovePersonScreen

            self.app.push_screen(RemovePersonScreen(first),
                                 lambda why: self._removed(ident, bool(why), why or ""))
            return
        self.app.push_screen(MessageScreen(f"Remove the {what} '{first}'?", [
            "It will be removed from the plan; the plan's history keeps a record of it."],
            confirm="Remove"), lambda yes: self._removed(ident, yes))

    def _removed(self, ident: str, yes: bool | None, why: str = "") -> None:
        if yes and self.apply_edit(self.session, edit.remove_record, MODELS[self.page], ident,
                                   why=why):
            self.fill()

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        if not self.read_only:
            self.action_edit_record()

    def after_reason(self, changed: bool, args: tuple) -> None:
        if changed:
            self.fill()
