"""Home: recent plans and the ways in (new, open, review, quit)."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Static

from checklist_tui.core import clock
from checklist_tui.core.dates import plural
from checklist_tui.core.folder import FolderRow, scan
from checklist_tui.tui import commands
from checklist_tui.tui.screens.base import AppScreen
from checklist_tui.tui.text import lit

COLUMNS = [("Case reference", 16), ("Checklist", 22), ("EDD", 10), ("Progress", 10),
           ("Changed", 11)]


class HomeScreen(AppScreen):
    COMMANDS_DECLARED = commands.HOME
    BINDINGS = commands.bindings(COMMANDS_DECLARED)
    HELP = "Home: your plans. Arrow keys move, Enter opens, n starts a new plan."

    def compose(self) -> ComposeResult:
        yield Static("checklist-tui: safeguarding checklists for unborn babies and newborns",
                     id="home-title")
        yield Static("Your plans (newest first). Arrow keys to move, Enter to open, "
                     "n for a new plan, Ctrl+P for all commands.", classes="hint")
        yield Static("Loading plans…", id="plans-status", classes="hint")
        yield DataTable(id="plans", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # Fixed widths: they fit 80 columns and never depend on when rows arrive.
        for label, width in COLUMNS:
            table.add_column(label, width=width)
        self.load_plans()

    def on_screen_resume(self) -> None:
        if self.query_one(DataTable).row_count:
            self.load_plans()

    @work(thread=True, exclusive=True, group="plans")
    def load_plans(self) -> None:
        rows, recovered = scan(self.app.plans_dir, self.app.catalogue().get, clock.today())
        self.app.call_from_thread(self._show, rows, recovered)

    def _show(self, rows: list[FolderRow], recovered: list[str]) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for row in rows:
            style = "" if row.readable else "italic"
            table.add_row(lit(row.case_ref, style), lit(row.checklist_title, style), row.edd,
                          row.progress, row.changed, key=str(row.path))
        status = self.query_one("#plans-status", Static)
        if rows:
            status.update(lit(f"{plural(len(rows), 'plan')} in {self.app.plans_dir}"))
        else:
            status.update(Text(f"No plans yet in {self.app.plans_dir}. Press n to start one."))
        for message in recovered:
            self.notify(message, markup=False)
        table.focus()

    def _selected(self) -> Path | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return Path(str(key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_plan(Path(str(event.row_key.value)))

    def action_open_plan(self) -> None:
        path = self._selected()
        if path is not None:
            self.app.open_plan(path)

    def action_new_plan(self) -> None:
        from checklist_tui.tui.screens.new_plan import NewPlanScreen

        self.app.push_screen(NewPlanScreen())

    def action_review(self) -> None:
        from checklist_tui.tui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen(self.app.plans_dir))

    def action_refresh(self) -> None:
        self.load_plans()

    async def action_quit(self) -> None:
        await self.app.action_quit()  # the app asks first if any answers are not saved
