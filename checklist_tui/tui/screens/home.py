"""Home: recent plans and the ways in (new, open, review, quit)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Static

from checklist_tui.core.dates import plural, uk_date
from checklist_tui.core.recovery import recover
from checklist_tui.core.vocabulary import progress_mark
from checklist_tui.tui import commands
from checklist_tui.tui.screens.base import AppScreen
from checklist_tui.tui.table_fill import (
    SHOWN_AT_MOST,
    add_columns,
    cursor_key,
    fill_gradually,
)
from checklist_tui.tui.text import lit


@dataclass(frozen=True)
class Row:
    path: Path
    case_ref: str
    checklist: str
    edd: str
    progress: str
    changed: str
    readable: bool


def plan_rows(folder: Path, catalogue=None, checklist_dirs: list[str] | None = None,
              limit: int | None = None, progress=None) -> tuple[list[Row], list[str]]:
    """The plans folder, from the plan index (in a worker thread). Given the checklists,
    plans changed since the index last saw them are read first; without, nothing is."""
    from checklist_tui.core.index import PlanIndex

    refresh = catalogue is not None
    recovered = recover(folder) if refresh else []
    with PlanIndex(folder, catalogue.checklists if refresh else {}, checklist_dirs) as index:
        if refresh:
            index.refresh(progress=progress)
        found = index.rows(with_items=False, limit=limit, by_file_time=True)
    rows = []
    for listed in found:
        changed = datetime.fromtimestamp(listed.modified).strftime("%d/%m %H:%M") \
            if listed.modified else ""
        path = folder / listed.path
        if listed.error and not listed.checklist_id:
            rows.append(Row(path, Path(listed.path).name, "(cannot be read)", "", "",
                            changed, False))
            continue
        if listed.checklist_title:
            title = listed.checklist_title
            progress = progress_mark(listed.answered, listed.total, listed.open_required,
                                     listed.red_flags)
        else:
            title, progress = f"{listed.checklist_id} (not installed)", ""
        rows.append(Row(path, listed.case_ref, title, uk_date(listed.edd), progress,
                        changed, True))
    return rows, recovered


COLUMNS = [("Case reference", 16), ("Checklist", 20), ("EDD", 10), ("Progress", 12),
           ("Changed", 11)]


class HomeScreen(AppScreen):
    COMMANDS_DECLARED = commands.HOME

    def compose(self) -> ComposeResult:
        yield Static("checklist-tui: safeguarding checklists for unborn babies and newborns",
                     id="home-title")
        yield Static("Your plans (newest first). Arrow keys to move, Enter to open, "
                     "n for a new plan, Ctrl+P for all commands.", classes="hint")
        yield Static("Loading plans…", id="plans-status", classes="hint")
        yield DataTable(id="plans", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        # Fixed widths: they fit 80 columns and never depend on when rows arrive.
        add_columns(self.query_one(DataTable), COLUMNS)
        self.load_plans()

    def on_screen_resume(self) -> None:
        if self.query_one(DataTable).row_count:
            self.load_plans()

    @work(thread=True, exclusive=True, group="plans")
    def load_plans(self) -> None:
        folder, dirs = self.app.plans_dir, self.app.checklist_dirs
        known, _ = plan_rows(folder, None, dirs, limit=SHOWN_AT_MOST)
        if known:  # what the index already knows, at once; then what changed
            self.app.call_from_thread(self._show, known, [], False)

        def progress(done: int, total: int) -> None:
            if total - done > 100 and done % 200 == 0:
                self.app.call_from_thread(self._reading, done, total)

        rows, recovered = plan_rows(folder, self.app.catalogue(), dirs, progress=progress)
        self.app.call_from_thread(self._show, rows, recovered)

    def _reading(self, done: int, total: int) -> None:
        self.query_one("#plans-status", Static).update(
            f"Reading plans in {self.app.plans_dir}: {done} of {total}…")

    def _show(self, rows: list[Row], recovered: list[str], final: bool = True) -> None:
        table = self.query_one(DataTable)
        current = self._selected()
        cells = []
        for row in rows[:SHOWN_AT_MOST]:
            style = "" if row.readable else "italic"
            cells.append((str(row.path), [lit(row.case_ref, style), lit(row.checklist, style),
                                          row.edd, row.progress, row.changed]))
        self._fill(table, cells, str(current) if current else None)
        status = self.query_one("#plans-status", Static)
        if not final:
            status.update(f"Checking {self.app.plans_dir} for changed plans…")
        elif rows:
            status.update(lit(f"{plural(len(rows), 'plan')} in {self.app.plans_dir}")
                          + lit(f"; the {SHOWN_AT_MOST} most recent are listed, press r to "
                                "review and filter them all" if len(rows) > SHOWN_AT_MOST
                                else ""))
        else:
            status.update(Text(f"No plans yet in {self.app.plans_dir}. Press n to start one."))
        for message in recovered:
            self.notify(message, markup=False)
        table.focus()

    @work(exclusive=True, group="home-fill")
    async def _fill(self, table: DataTable, cells: list, current: str | None) -> None:
        await fill_gradually(table, cells, current)

    def _selected(self) -> Path | None:
        key = cursor_key(self.query_one(DataTable))
        return None if key is None else Path(key)

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
