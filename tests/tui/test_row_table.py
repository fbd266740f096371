"""look-b 4: the review list's table changes height with the line under it (the highlighted
plan in words, two to six lines at 80x24); the highlighted row must come back whole into
sight each time, not stay cut or below the table while that line names it."""

from __future__ import annotations

import inspect

from textual.app import App, ComposeResult
from textual.widgets import DataTable

from tests.tui.helpers import wait_for
from tests.tui.test_review_state import _cursor_row_in_sight


class Tall(App):
    def __init__(self, kind: type[DataTable]):
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        yield self.kind(cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.styles.height = 14
        table.add_column("Plan", width=20)
        for n in range(8):  # rows of two and three lines, as the review list's wrap
            table.add_row(f"plan {n}\nline two" + ("\nline three" if n % 2 else ""),
                          height=2 + n % 2, key=str(n))


async def _shrunk_keeps_the_row(kind: type[DataTable], timeout: float | None = None) -> bool:
    """Whether the highlighted row is back in sight after the table shrinks (waiting up to
    ``timeout``: the helpers' generous deadline unless given)."""
    app = Tall(kind)
    async with app.run_test(size=(40, 24)) as pilot:
        table = app.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 8)
        table.move_cursor(row=5)  # a row at the bottom of the 14 lines
        await wait_for(pilot, lambda: table.cursor_row == 5 and _cursor_row_in_sight(table))
        table.styles.height = 11  # the line under the table grew by three lines
        await wait_for(pilot, lambda: table.size.height == 11)
        try:
            await wait_for(pilot, lambda: _cursor_row_in_sight(table), timeout=timeout,
                           what="the highlighted row back in sight")
        except AssertionError:
            return False
        return True


async def test_the_review_table_brings_its_row_back_into_sight_when_it_shrinks() -> None:
    from checklist_tui.tui.screens.review import ReviewScreen
    from checklist_tui.tui.widgets.row_table import RowTable

    assert await _shrunk_keeps_the_row(RowTable)
    assert not await _shrunk_keeps_the_row(DataTable, 10)  # the bug this guards against
    assert 'RowTable(id="review-table"' in inspect.getsource(ReviewScreen)


async def test_home_and_end_go_to_the_first_and_last_plan() -> None:
    """look-b 4, look-c 16: Home did not go to the first row of the review list."""
    from checklist_tui.tui.widgets.row_table import RowTable

    app = Tall(RowTable)
    async with app.run_test(size=(40, 24)) as pilot:
        table = app.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 8)
        table.focus()
        table.move_cursor(row=4)
        await pilot.press("end")
        await wait_for(pilot, lambda: table.cursor_row == 7 and _cursor_row_in_sight(table))
        await pilot.press("home")
        await wait_for(pilot, lambda: table.cursor_row == 0 and _cursor_row_in_sight(table))
