"""The review table shows the whole state and what needs attention: "two decisions
conflict", "edited outside the app" and "…24 gaps and risks" were cut off by their
columns at 80x24 and 120x40; the highlighted plan is also said whole under the table."""

from __future__ import annotations

import pytest
from textual.widgets import Static
from textual.widgets.data_table import ColumnKey

from checklist_tui.core import review
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.index_view import attention, state_words
from checklist_tui.core.review_file import change_plan
from checklist_tui.tui.screens.review import ReviewScreen
from tests.conftest import NOW, TODAY
from tests.tui.helpers import rendered, wait_for
from tests.tui.test_review import READY, _loaded, _table, review_app, team_folder


def _conflict(folder) -> None:
    """Two managers decided differently, each without seeing the other's decision."""
    cat = load_catalogue(include_user=False)
    for name, decision in (("Manager One", "approved"), ("Manager Two", "returned")):
        change_plan(folder / READY, cat.get, lambda p, c, name=name, decision=decision:
                    review.decide(p, c, decision=decision, rationale="Read in full",
                                  name=name, role="Team manager", now=NOW, today=TODAY,
                                  seen=0))


def _cells(app, heading: str = "State", key: str = "state") -> dict[str, str]:
    return column_text(_table(app), heading, table_key=key)


def column_text(table, heading: str, table_key: str | None = None) -> dict[str, str]:
    """Each row's cell in a column as the screen shows it, its lines joined by a space."""
    header = "".join(s.text for s in table.render_line(0))
    start = header.index(f" {heading} ") + 1
    column = table.columns[ColumnKey(table_key)] if table_key else next(
        c for c in table.columns.values() if str(c.label) == heading)
    width = column.get_render_width(table)
    lines = ["".join(s.text for s in table.render_line(y))[start:start + width].strip()
             for y in range(1, table.size.height)]
    cells, y = {}, 0
    for index in range(table.row_count):
        key = str(table.coordinate_to_cell_key((index, 0)).row_key.value)
        height = table.rows[key].height
        cells[key] = " ".join(line for line in lines[y:y + height] if line)
        y += height
    return cells


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_whole_state_is_readable_in_the_table(tmp_path, size):
    folder = team_folder(tmp_path / "team")
    _conflict(folder)
    app = review_app(folder)
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: _loaded(app) and _table(app).row_count == 4)
        assert isinstance(app.screen, ReviewScreen)
        cells = _cells(app)
        assert cells[READY] == "Submitted for review: two decisions conflict"
        assert cells["early-pre-birth.toml"] == "Draft; edited outside the app"
        assert cells["family-t-like-twins.toml"] == "Draft"
        assert _table(app).rows["zz-broken.toml"].height == 1  # all short: one line


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_what_needs_attention_is_readable_whole(tmp_path, size):
    folder = team_folder(tmp_path / "team")
    app = review_app(folder)
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: _loaded(app) and _table(app).row_count == 4)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        cells = _cells(app, "Needs attention", "attention")
        for path, row in screen.rows.items():
            words = attention(row, screen.today)
            assert cells[path] == words, (path, words)
        assert "gaps and risks" in cells["family-t-like-twins.toml"]  # was "… 24 gaps"
        _table(app).move_cursor(row=list(cells).index("family-t-like-twins.toml"))
        detail = screen.query_one("#review-detail", Static)
        twins = screen.rows["family-t-like-twins.toml"]
        await wait_for(pilot, lambda: rendered(detail).startswith(f"{twins.case_ref}. "))
        said = " ".join(rendered(detail).split())
        assert f"State: {state_words(twins, screen.today)}." in said
        assert f"Needs attention: {attention(twins, screen.today)}." in said
        assert f"Sign-off: {twins.signoff}." in said or not twins.signoff


def _in_view(table) -> list[str]:
    """The keys of the columns drawn whole in the table's window (no sideways scroll)."""
    x, shown = 0, []
    for column in table.ordered_columns:
        x += column.get_render_width(table)
        if x > table.scrollable_content_region.width:
            break
        shown.append(str(column.key.value))
    return shown


async def test_the_columns_use_the_width_the_window_has(tmp_path):
    """look-tm 5: the columns had fixed widths, so at 120x40 the table showed what it showed
    at 80x24, with Sign-off 200 columns off to the right and "changed since approval" cut
    in the State column. Now the words that matter take the width there is: at 80x24 the
    case, what needs attention and the state are read whole; at 120x40 the sign-off too,
    with more room for each; every cell in sight is whole (it wraps, never cut), and
    widening the window lays the columns out again."""
    folder = team_folder(tmp_path / "team")
    _conflict(folder)
    app = review_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: _loaded(app) and _table(app).row_count == 4)
        screen, table = app.screen, _table(app)
        assert isinstance(screen, ReviewScreen)
        assert _in_view(table)[:3] == ["case_ref", "attention", "state"]
        narrow = table.columns[ColumnKey("attention")].get_render_width(table)
        await pilot.resize_terminal(120, 40)
        await wait_for(pilot, lambda: "signoff" in _in_view(_table(app)) and _loaded(app),
                       what="the columns laid out again for 120x40")
        table = _table(app)
        assert _in_view(table)[:4] == ["case_ref", "attention", "state", "signoff"]
        assert table.columns[ColumnKey("attention")].get_render_width(table) > narrow
        signoffs = _cells(app, "Sign-off", "signoff")
        for path, row in screen.rows.items():
            assert signoffs[path] == row.signoff, path  # whole, its lines joined
        assert _cells(app)[READY] == "Submitted for review: two decisions conflict"
        attention_cells = _cells(app, "Needs attention", "attention")
        for path, row in screen.rows.items():
            assert attention_cells[path] == attention(row, screen.today), path
        for column in table.ordered_columns:  # no heading cut either
            assert column.get_render_width(table) >= len(str(column.label)) + 2, column.label


def _cursor_row_in_sight(table) -> bool:
    """The highlighted row whole between the header and the bottom of the table."""
    y = table.header_height
    for index in range(table.cursor_row):
        y += table.rows[table.coordinate_to_cell_key((index, 0)).row_key].height
    key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key
    top = table.scroll_y + table.header_height
    bottom = table.scroll_y + table.scrollable_content_region.height
    return top <= y and y + table.rows[key].height <= bottom


async def test_the_highlighted_row_stays_whole_in_sight_at_80x24(tmp_path):
    """look-b 4: at 80x24 the line under the table (the highlighted plan in words) grows
    and shrinks with the plan, and the table with it: the highlighted row was left below
    the table, or cut, while the line named it."""
    import shutil

    folder = team_folder(tmp_path / "team")
    _conflict(folder)
    for n in range(4):  # rows of one to three lines, said in two to six lines under them
        for name in (READY, "family-t-like-twins.toml", "zz-broken.toml"):
            shutil.copy(folder / name, folder / f"copy{n}-{name}")
    app = review_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: _loaded(app) and _table(app).row_count == 16)
        table = _table(app)
        table.focus()
        heights = set()
        for _ in range(15):
            await pilot.press("down")
            await wait_for(pilot, lambda: _cursor_row_in_sight(table),
                           what=f"row {table.cursor_row} whole in sight")
            detail = app.screen.query_one("#review-detail", Static)
            assert rendered(detail).startswith(str(table.get_row_at(table.cursor_row)[0]))
            heights.add(detail.size.height)
        assert len(heights) > 1  # the line under the table did change its height
