"""Home: recent plans and the ways in (new, open, review, quit)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Static

from checklist_tui.core import clock
from checklist_tui.core.dates import plural, uk_date
from checklist_tui.core.recovery import recover
from checklist_tui.tui import commands
from checklist_tui.tui.from_thread import call_while_attached
from checklist_tui.tui.screens.folder_base import FolderScreen
from checklist_tui.tui.table_fill import (
    SHOWN_AT_MOST,
    add_columns,
    cursor_key,
    fill_gradually,
)
from checklist_tui.tui.text import lit

if TYPE_CHECKING:
    from checklist_tui.core.folder import Looked


@dataclass(frozen=True)
class Row:
    path: Path
    case_ref: str
    checklist: str
    edd: str
    progress: str
    changed: str
    readable: bool
    state: str = ""
    """The plan's state in the words every view uses (core.index_view.state_words)."""
    same_case: bool = False
    """Another file in the folder has the same case reference: the file name is shown."""


@dataclass(frozen=True)
class Found:
    """The folder's plans as Home lists them, and what the index saw when it read them."""

    rows: list[Row]
    recovered: list[str]
    """What recovering from a crash did, to tell the user."""
    looked: Looked | None = None
    """What the rows were made from (None when only the index was read): the next check
    of the folder compares with it."""


def plan_rows(folder: Path, catalogue=None, checklist_dirs: list[str] | None = None,
              limit: int | None = None, progress=None) -> Found:
    """The plans folder, from the plan index (in a worker thread). Given the checklists,
    plans changed since the index last saw them are read first; without, nothing is."""
    from checklist_tui.core import damaged
    from checklist_tui.core.folder import Looked, mark_open_elsewhere, open_elsewhere
    from checklist_tui.core.index import PlanIndex
    from checklist_tui.core.index_view import progress as progress_cell
    from checklist_tui.core.index_view import state_words

    today = clock.today()
    refresh = catalogue is not None
    recovered = recover(folder) if refresh else []
    refreshed = None
    with PlanIndex(folder, catalogue.checklists if refresh else {}, checklist_dirs) as index:
        if refresh:
            refreshed = index.refresh(progress=progress)
        found = index.rows(with_items=False, limit=limit)
    held = open_elsewhere(folder)
    mark_open_elsewhere(found, held)
    rows = []
    for listed in found:
        # The plan's own last change, as its header says it (a copied or restored file
        # is new, its plan is not: every copy read "changed today"); the file's time only
        # for a file that cannot be read.
        changed = (listed.updated.astimezone().strftime("%d/%m %H:%M") if listed.updated
                   else datetime.fromtimestamp(listed.modified).strftime("%d/%m %H:%M")
                   if listed.modified else "")
        path = folder / listed.path
        if listed.error and not listed.checklist_id:  # why, and whether a .bak is kept
            rows.append(Row(path, Path(listed.path).name,  # (Enter: all of it)
                            damaged.row_words(path, listed.error), "", "", changed, False,
                            state_words(listed, today)))
            continue
        if listed.checklist_title:
            title = listed.checklist_title
            progress = progress_cell(listed)
        else:
            title, progress = f"{listed.checklist_id} (not installed)", ""
        when = f"born {uk_date(listed.dob)}" if listed.dob else uk_date(listed.edd)
        rows.append(Row(path, listed.case_ref, title, when, progress, changed, True,
                        state_words(listed, today)))
    cases = Counter(row.case_ref for row in rows if row.readable)
    rows = [replace(row, same_case=True) if row.readable and cases[row.case_ref] > 1 else row
            for row in rows]
    return Found(rows, recovered, Looked(refreshed, today, held) if refreshed else None)


#: (heading, width) at 80 columns: the state in words, and room for "• 100/138 ✗9 !12";
#: a row is as tall as its longest cell needs, so no word is cut.
COLUMNS = [("Case reference", 16), ("Checklist", 14), ("State", 13), ("EDD / born", 10),
           ("Progress", 16)]
#: From 110 columns: wider cells (one line for most) and when each plan last changed.
WIDE = 110
COLUMNS_WIDE = [("Case reference", 18), ("Checklist", 25), ("State", 22), ("EDD / born", 10),
                ("Progress", 16), ("Changed", 11)]


def columns_for(width: int) -> list[tuple[str, int]]:
    return COLUMNS_WIDE if width >= WIDE else COLUMNS


def cells(row: Row, columns: list[tuple[str, int]]) -> list:
    style = "" if row.readable else "italic"
    case = lit(row.case_ref, style)
    if row.same_case:  # two "DEMO-0003" rows could not be told apart
        case.append_text(lit(f"\n{row.path.name}", "italic"))
    by_heading = {"Case reference": case,
                  "Checklist": lit(row.checklist, style), "State": lit(row.state, style),
                  "EDD / born": lit(row.edd), "Progress": lit(row.progress),
                  "Changed": lit(row.changed)}
    return [by_heading[heading] for heading, _width in columns]


def height(cells: list, columns: list[tuple[str, int]], console) -> int:
    """Lines a row needs for every cell to be read whole."""
    lines = 1
    for cell, (_heading, width) in zip(cells, columns, strict=True):
        if cell.cell_len > width:
            lines = max(lines, len(cell.wrap(console, width)))
    return lines


class HomeScreen(FolderScreen):
    COMMANDS_DECLARED = commands.HOME
    READING = "plans"

    def compose(self) -> ComposeResult:
        yield Static("checklist-tui: safeguarding checklists for unborn babies and newborns",
                     id="home-title")
        yield Static("Your plans, the last changed first. Progress: questions answered "
                     "of those that apply, ✗N answers that do not count yet, !N red flags. "
                     "Arrow keys to move, Enter to open, n for a new plan, Ctrl+P for all "
                     "commands.", classes="hint")
        yield Static("Loading plans…", id="plans-status", classes="hint")
        yield DataTable(id="plans", cursor_type="row", zebra_stripes=True)
        yield Footer()

    _rows: list[Row] = []
    _columns: list[tuple[str, int]] = []

    def on_mount(self) -> None:
        # Fixed widths for the window's width: they never depend on when rows arrive.
        self._lay_out()
        self.watch_folder()
        self.load_plans()

    def _lay_out(self) -> bool:
        """Columns for the window's width; True when they changed."""
        wanted = columns_for(self.app.size.width)
        if wanted == self._columns:
            return False
        self._columns = wanted
        table = self.query_one(DataTable)
        table.clear(columns=True)
        add_columns(table, wanted)
        return True

    def on_resize(self) -> None:
        # The highlighted plan stays the same plan at any size: laying the columns out
        # again empties the table, and the highlight went back to the top row (Enter then
        # opened another family's plan).
        chosen = self._selected()
        if self._lay_out() and self._rows:
            self._show(self._rows, [], to_last=False, keep=chosen)

    def on_screen_resume(self) -> None:
        if self.query_one(DataTable).row_count:
            self.load_plans()

    @work(thread=True, exclusive=True, group="plans")
    def load_plans(self, checking: bool = False) -> None:
        """The folder's plans into the table; ``checking``: a re-check found a change (the
        rows shown stay until the new ones are read, and the highlight stays where the
        user put it)."""
        app = self._running_app
        folder, dirs = app.plans_dir, app.checklist_dirs
        if not checking:
            known = plan_rows(folder, None, dirs, limit=SHOWN_AT_MOST).rows
            if known:  # what the index already knows, at once; then what changed
                call_while_attached(app, self, self._show, known, [], False)

        def progress(done: int, total: int) -> None:
            if total - done > 100 and done % 200 == 0:
                call_while_attached(app, self, self._reading, done, total)

        found = plan_rows(folder, app.catalogue(), dirs, progress=progress)
        self.looked = found.looked
        call_while_attached(app, self, self._show, found.rows, found.recovered, True,
                            not checking, found.looked)

    @property
    def plans_folder(self) -> Path:
        return self._running_app.plans_dir

    def read_again(self) -> None:
        self.load_plans(True)

    def show_checked(self) -> None:
        self.query_one("#plans-status", Static).update(self._status_text())

    def _status_text(self) -> Text:
        rows, folder = self._rows, self.app.plans_dir
        if not rows:
            return lit(f"No plans yet in {folder}. Press n to start one. {self.checked}")
        more = (f"; the {SHOWN_AT_MOST} most recent are listed, press r to review and "
                "filter them all" if len(rows) > SHOWN_AT_MOST else "")
        return lit(f"{plural(len(rows), 'plan')} in {folder}{more}. {self.checked}")

    def _reading(self, done: int, total: int) -> None:
        self.query_one("#plans-status", Static).update(
            f"Reading plans in {self.app.plans_dir}: {done} of {total}…")

    def _show(self, rows: list[Row], recovered: list[str], final: bool = True,
              to_last: bool = True, looked: Looked | None = None,
              keep: Path | None = None) -> None:
        table = self.query_one(DataTable)
        self._rows = rows
        # The plan last opened or created (the top row once it is saved) keeps the
        # highlight; Enter opened the row highlighted before it (another family's plan).
        # A re-check or a resize keeps the row the user moved to.
        last, current = getattr(self.app, "last_plan", None), keep or self._selected()
        if last is not None and to_last:
            last = last.resolve()
            current = next((r.path for r in rows if r.path.name == last.name
                            and r.path.resolve() == last), current)
        shown = [(str(row.path), cells(row, self._columns)) for row in rows[:SHOWN_AT_MOST]]
        self._fill(table, shown, str(current) if current else None)
        status = self.query_one("#plans-status", Static)
        if not final:
            status.update(f"Checking {self.app.plans_dir} for changed plans…")
        elif looked is not None:
            self.say_checked(looked.refreshed.said())
        else:  # laid out again (a resize): what was last checked still stands
            status.update(self._status_text())
        for message in recovered:
            self.notify(message, markup=False)
        table.focus()

    @work(exclusive=True, group="home-fill")
    async def _fill(self, table: DataTable, rows: list, current: str | None) -> None:
        columns, console = self._columns, self.app.console
        await fill_gradually(table, rows, current,
                             height=lambda row: height(row, columns, console))

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

    def action_first_plan(self) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=0)

    def action_last_plan(self) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=max(table.row_count - 1, 0))

    async def action_quit(self) -> None:
        await self.app.action_quit()  # the app asks first if any answers are not saved
