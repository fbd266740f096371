"""Lay out a DataTable's columns; fill it with many rows without freezing the screen (a
batch at a time, letting keys and painting through between batches); and read the key of
the row under the cursor."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Sequence

from rich.console import Console
from rich.text import Text
from textual.widgets import DataTable

BATCH = 100
#: More rows than anyone scrolls through: beyond this, filter or sort instead.
SHOWN_AT_MOST = 1000


def add_columns(table: DataTable, columns: Iterable[tuple[str, int | None]]) -> DataTable:
    """(heading, width) columns; a fixed width (not None) never depends on the rows."""
    for heading, width in columns:
        table.add_column(heading, width=width)
    return table


async def fill_gradually(table: DataTable, rows: Sequence[tuple[str, list]],
                         keep_cursor: str | None = None,
                         done: Callable[[], None] | None = None,
                         height: Callable[[list], int] | None = None) -> None:
    """Clear ``table`` and add ``rows`` (key, cells) in batches; put the cursor back on
    ``keep_cursor`` if it is among them. Run it as an exclusive worker, so that a newer
    fill replaces an older one. ``height(cells)`` gives a row's lines (else one)."""
    table.clear()
    keys = [key for key, _cells in rows]
    for start in range(0, len(rows), BATCH):
        for key, cells in rows[start:start + BATCH]:
            table.add_row(*cells, key=key, height=height(cells) if height else 1)
        if start == 0 and keep_cursor in keys[:BATCH]:
            table.move_cursor(row=keys.index(keep_cursor))
        await asyncio.sleep(0)
    if keep_cursor in keys:
        table.move_cursor(row=keys.index(keep_cursor))
    if done is not None:
        done()


def fit_cells(cells: Sequence[Text], widths: Sequence[int], console: Console,
              most: int = 5) -> tuple[list[Text], int]:
    """Cells wrapped to their columns' widths, and the lines the row needs for every cell
    to be read whole; at most ``most`` lines, a cell longer than that ending in "…"
    (its whole text is in the form Enter opens)."""
    fitted, lines = [], 1
    for cell, width in zip(cells, widths, strict=True):
        wrapped = cell.wrap(console, width) if cell.cell_len > width else [cell]
        if len(wrapped) > most:
            last = wrapped[most - 1]
            last.truncate(width - 1)
            last.append("…")
            wrapped = [*wrapped[:most - 1], last]
            cell = Text("\n").join(wrapped)
        fitted.append(cell)
        lines = max(lines, len(wrapped))
    return fitted, lines


def cursor_key(table: DataTable) -> str | None:
    """The key of the row under the cursor, or None when the table is empty."""
    if not table.row_count:
        return None
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
