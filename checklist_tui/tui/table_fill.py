"""Lay out a DataTable's columns; fill it with many rows without freezing the screen (a
batch at a time, letting keys and painting through between batches); and read the key of
the row under the cursor."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Sequence

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


def cursor_key(table: DataTable) -> str | None:
    """The key of the row under the cursor, or None when the table is empty."""
    if not table.row_count:
        return None
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
