"""Review: every plan in a folder as one table, for team managers.

Rows come from the plan index: what it already knows is shown at once, then a
worker checks the folder (only changed plans are read) and the table fills as
plans are read, with a progress bar. Sort by any column (click its heading, or
``s`` for the next column and ``S`` to reverse); filter by text and by a view.
Enter opens the plan read-only at its gaps and risks, to approve, return or
challenge it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Input, ProgressBar, Select, Static

from checklist_tui.core import clock
from checklist_tui.core.dates import plural
from checklist_tui.core.folder import Looked, mark_open_elsewhere, open_elsewhere
from checklist_tui.core.index_row import PlanRow
from checklist_tui.core.index_view import COLUMNS, Column, attention, ordered, state_words
from checklist_tui.tui import commands
from checklist_tui.tui.column_fit import Fit, lay_out
from checklist_tui.tui.from_thread import call_while_attached
from checklist_tui.tui.screens.folder_base import FolderScreen
from checklist_tui.tui.table_fill import SHOWN_AT_MOST, cursor_key, fill_gradually
from checklist_tui.tui.text import lit
from checklist_tui.tui.widgets.row_table import RowTable

#: Columns on screen, most useful first: what needs attention, the state and the sign-off
#: are read whole in the window; the rest follow to the right (or in the line under the
#: table). Each has a readable width and a widest useful one (``column_fit``).
FITS = (Fit("case_ref", 16, 18), Fit("attention", 26, 48, grows=3),
        Fit("state", 20, 34, grows=2), Fit("signoff", 22, 48, grows=2),
        Fit("practitioner", 14, 30), Fit("progress", 10, 10), Fit("timing", 12, 22),
        Fit("red_flags", 9, 9), Fit("gaps_and_risks", 14, 14), Fit("overdue", 7, 24),
        Fit("last_changed", 10, 16), Fit("file", 12, 40))
SCREEN_COLUMNS = tuple(f.key for f in FITS)
#: A vertical scrollbar's width: the table keeps room for it.
SCROLLBAR = 2

#: Rows shown before the rest of the index is read.
FIRST_ROWS = 200

VIEWS: list[tuple[str, str]] = [
    ("All plans", "all"),
    ("Needs attention", "attention"),
    ("Overdue", "overdue"),
    ("Awaiting sign-off", "submitted_for_review"),
    ("Changed since approval", "changed"),
    ("Edited outside the app", "edited"),
    ("Decisions conflict", "conflict"),
    ("Unreadable files", "unreadable"),
    ("State: draft", "draft"),
    ("State: completed", "completed"),
    ("State: returned", "returned"),
    ("State: approved", "approved"),
    ("State: amended", "amended"),
]


def matches(row: PlanRow, view: str, text: str, today: date) -> bool:
    """Whether a row passes the view and the text filter (the same rules for every caller)."""
    if view == "attention" and not row.needs_attention(today):
        return False
    if view == "overdue" and not row.overdue_total:
        return False
    if view == "changed" and not row.changed_since_approval:
        return False
    if view == "unreadable" and not row.error:
        return False
    if view == "edited" and not row.edited_outside:
        return False
    if view == "conflict" and not row.decisions_conflict:
        return False
    if view not in ("all", "attention", "overdue", "changed", "unreadable", "edited",
                    "conflict") and row.state != view:
        return False
    if text:
        haystack = " ".join((row.case_ref, row.practitioner, row.path, row.checklist_id,
                             state_words(row, today), attention(row, today))).lower()
        return all(word in haystack for word in text.lower().split())
    return True


def _text(value: object) -> str:
    """A cell: not known (None, a file that cannot be read) is blank, never 0."""
    return "" if value is None else str(value)


class ReviewScreen(FolderScreen):
    COMMANDS_DECLARED = commands.REVIEW
    READING = "review"

    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder
        self.rows: dict[str, PlanRow] = {}
        self.shown: list[str] = []
        self.matching = 0
        self.sort_key = ""
        self.reverse = False
        self.loaded = False
        self.today = clock.today()
        self.held: dict[str, str] = {}  # open for editing elsewhere (core.folder)
        self.widths: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Static(lit(f"Review plans in {self.folder}"), id="review-title", classes="title")
        with Horizontal(id="review-filters"):
            yield Input(placeholder="Filter: case, practitioner, file, state…",
                        id="review-text", compact=True)
            yield Select(VIEWS, value="all", allow_blank=False, id="review-view",
                         compact=True)
        yield Static("Reading the plan index…", id="review-status", classes="hint")
        yield ProgressBar(id="review-progress", show_eta=False)
        yield RowTable(id="review-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="review-detail", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self._lay_out(table, [])
        table.focus()
        self.watch_folder()
        self.load()

    def _from_thread(self, callback, *args) -> None:
        call_while_attached(self._running_app, self, callback, *args)

    def on_screen_resume(self) -> None:
        if self.loaded:
            self.load()

    @staticmethod
    def _columns() -> list[Column]:
        by_key = {c.key: c for c in COLUMNS}
        return [by_key[k] for k in SCREEN_COLUMNS]

    # -- loading (in a worker thread) ---------------------------------------------------
    @work(thread=True, exclusive=True, group="review")
    def load(self) -> None:
        from checklist_tui.core.index import PlanIndex

        app = self._running_app
        self.today = clock.today()  # a new day: overdue and gaps are the day's
        self.held = open_elsewhere(self.folder)
        with PlanIndex(self.folder, {}, app.checklist_dirs) as index:
            first = index.rows(with_items=False, limit=FIRST_ROWS)
            if len(first) == FIRST_ROWS:  # the first screenful at once, then the rest
                self._from_thread(self._replace, first, "Reading the plan index…")
                first = index.rows(with_items=False)
        self._from_thread(self._replace, first, "Checking the folder for changes…")
        checklists = app.catalogue().checklists
        seen: set[str] = {r.path for r in first}

        def progress(done: int, total: int) -> None:
            self._from_thread(self._progress, done, total)
            if done and (done % 500 == 0):
                fresh = [r for r in index.rows(with_items=False) if r.path not in seen]
                seen.update(r.path for r in fresh)
                if fresh:
                    self._from_thread(self._add, fresh)

        with PlanIndex(self.folder, checklists, app.checklist_dirs) as index:
            result = index.refresh(progress=progress)
            rows = index.rows(with_items=False)
        self.looked = Looked(result, self.today, self.held)
        self._from_thread(self._replace, rows, result.said(), True)

    @property
    def plans_folder(self) -> Path:
        return self.folder

    def read_again(self) -> None:
        self.load()  # only the changed plans are read again

    def show_checked(self) -> None:
        self.query_one("#review-status", Static).update(self._status(self.checked))

    def _progress(self, done: int, total: int) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=max(total, 1), progress=done)
        self.query_one("#review-status", Static).update(
            f"Checking plans: {done} of {total}. You can look at the table meanwhile.")

    def _replace(self, rows: list[PlanRow], status: str, finished: bool = False) -> None:
        """``status``: what the status line says; once the folder is read (``finished``),
        what that did ("2 plans read again"), said with when it was checked."""
        self.rows = {r.path: r for r in mark_open_elsewhere(rows, self.held)}
        self._fill()
        if finished:
            self.say_checked(status)
            self.loaded = True
            self.query_one(ProgressBar).display = False
        else:
            self.query_one("#review-status", Static).update(self._status(status))

    def _add(self, rows: list[PlanRow]) -> None:
        self.rows.update({r.path: r for r in mark_open_elsewhere(rows, self.held)})
        table = self.query_one(DataTable)
        view, text = self._filters()
        for row in rows:
            if len(self.shown) >= SHOWN_AT_MOST:
                break
            if matches(row, view, text, self.today) and row.path not in self.shown:
                self.shown.append(row.path)
                cells = self._cells(row)
                table.add_row(*cells, key=row.path, height=self._height(cells))

    def _status(self, prefix: str) -> str:
        total = len(self.rows)
        unreadable = sum(1 for r in self.rows.values() if r.error)
        waiting = sum(1 for r in self.rows.values() if r.awaiting_signoff)
        shown = len(self.shown)
        parts = [f"{shown} of {plural(total, 'plan')} shown", f"{waiting} awaiting sign-off"]
        if self.matching > shown:
            parts[0] = (f"the first {shown} of {self.matching} matching plans shown (filter or "
                        f"sort to see others); {total} in all")
        if unreadable:
            parts.append(f"{unreadable} cannot be read")
        if self.sort_key:
            heading = next(c.heading for c in COLUMNS if c.key == self.sort_key)
            parts.append(f"sorted by {heading}{' (reversed)' if self.reverse else ''}")
        return f"{prefix} " + "; ".join(parts) + "."

    # -- table --------------------------------------------------------------------------
    def _cells(self, row: PlanRow) -> list:
        style = "italic" if row.error else ""
        return [lit(_text(c.value(row, self.today)), style) for c in self._columns()]

    def _height(self, cells: list) -> int:
        """A row is as tall as its longest cell in words needs ("Submitted for review: two
        decisions conflict", "7 red flags; overdue; 24 gaps and risks"), so no cell is
        cut; a row whose cells fit stays one line."""
        lines = 1
        for key, cell in zip(SCREEN_COLUMNS, cells, strict=True):
            if cell.cell_len > self.widths[key]:
                lines = max(lines, len(cell.wrap(self.app.console, self.widths[key])))
        return lines

    def _lay_out(self, table: DataTable, rows: list[list]) -> None:
        """Fit the columns to the window and to the rows to be shown (column_fit)."""
        self.widths = lay_out(table, [(c.key, c.heading) for c in self._columns()], FITS,
                              rows, (table.size.width or self.app.size.width) - SCROLLBAR,
                              self.widths)

    def on_resize(self) -> None:
        if self.widths and self.rows:
            self._fill()

    def _filters(self) -> tuple[str, str]:
        view = self.query_one("#review-view", Select).value
        return (view if isinstance(view, str) else "all",
                self.query_one("#review-text", Input).value.strip())

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        current = self.selected()
        view, text = self._filters()
        rows = [r for r in ordered(list(self.rows.values()))
                if matches(r, view, text, self.today)]
        if self.sort_key:
            column = next(c for c in COLUMNS if c.key == self.sort_key)

            def key(r: PlanRow):
                if column.order is not None:  # Needs attention: by harm, not alphabet
                    return column.order(r, self.today)
                value = column.value(r, self.today)
                if isinstance(value, int):
                    return (0, value, "")
                return (1 if value is not None else 2, 0, str(value or "").lower())
            rows.sort(key=key, reverse=self.reverse)
        self.matching = len(rows)
        rows = rows[:SHOWN_AT_MOST]
        self.shown = [r.path for r in rows]
        filled = [(r.path, self._cells(r)) for r in rows]
        self._lay_out(table, [cells for _path, cells in filled])
        self._fill_table(table, filled, current)

    @work(exclusive=True, group="review-fill")
    async def _fill_table(self, table: DataTable, rows: list, current: str | None) -> None:
        await fill_gradually(table, rows, current, done=self._detail, height=self._height)

    def selected(self) -> str | None:
        return cursor_key(self.query_one(DataTable))

    @on(DataTable.RowHighlighted)
    def _detail(self) -> None:
        """The highlighted plan in one sentence under the table, every column in words:
        at 80 columns most columns are off to the right, and a screen reader reads this
        line whole."""
        # The line grows or shrinks with the plan it says, and the table with it: the
        # table (RowTable) scrolls the highlighted row into sight again when it resizes.
        self.query_one("#review-detail", Static).update(lit(self.detail(self.selected())))

    def detail(self, path: str | None) -> str:
        row = self.rows.get(path or "")
        if row is None:
            return ""
        columns = sorted(self._columns(), key=lambda c: c.key not in ("state", "attention"))
        parts = [str(next(c for c in COLUMNS if c.key == "case_ref").value(row, self.today))]
        for column in columns:
            value = column.value(row, self.today)
            if value not in ("", None) and column.key != "case_ref":
                parts.append(f"{column.heading}: {value}")
        if row.error:  # why, and whether its .bak is kept, as Home says (Enter: all of it)
            from checklist_tui.core.damaged import row_words

            parts.append(row_words(self.folder / row.path, row.error).removesuffix("."))
        return ". ".join(parts) + "."

    @on(Input.Changed, "#review-text")
    @on(Select.Changed, "#review-view")
    def _refilter(self) -> None:
        self._fill()
        self.query_one("#review-status", Static).update(self._status(""))

    @on(DataTable.HeaderSelected)
    def _sort_by_heading(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        self.reverse = not self.reverse if key == self.sort_key else False
        self.sort_key = key
        self._refilter()

    def action_sort_next(self) -> None:
        keys = list(SCREEN_COLUMNS)
        self.sort_key = keys[(keys.index(self.sort_key) + 1) % len(keys)] \
            if self.sort_key in keys else keys[0]
        self.reverse = False
        self._refilter()

    def action_sort_reverse(self) -> None:
        self.reverse = not self.reverse
        self._refilter()

    def action_filter(self) -> None:
        self.query_one("#review-text", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_table":  # Down in the filter box (elsewhere it moves as ever)
            return self.focused is self.query_one("#review-text", Input)
        return super().check_action(action, parameters)

    @on(Input.Submitted, "#review-text")
    def action_to_table(self) -> None:
        """Enter or Down in the filter: to the plans it left (it took Tab, Tab)."""
        self.query_one(DataTable).focus()

    def action_refresh(self) -> None:
        self.query_one(ProgressBar).display = True
        self.load()

    @on(DataTable.RowSelected)
    def _open(self, _event: DataTable.RowSelected) -> None:
        self.action_look()

    def action_look(self) -> None:
        path = self.selected()
        if path is None:
            return
        row = self.rows.get(path)
        if row is not None and row.error:
            self.notify(row.error, title="This file cannot be read", severity="warning",
                        markup=False)
            return
        from checklist_tui.tui.screens.review_plan import ReviewPlanScreen

        self.app.push_screen(ReviewPlanScreen(self.folder / path))

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.go_home()
