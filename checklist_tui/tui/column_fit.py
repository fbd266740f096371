"""Column widths that use the width a table has: as many columns as fit in the window are
drawn whole (their cells wrap, never cut), the words that matter get the room left, and
the columns that do not fit follow to the right at the width their longest cell needs.

A column has a narrowest readable width (``floor``: its heading, or the words it wraps
into) and a widest useful one (``cap``); the width it wants is its longest cell, between
the two. A figure never wraps: its floor is what it wants.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import DataTable

#: The space a DataTable puts around each cell (one column each side).
CELL_PADDING = 2


@dataclass(frozen=True)
class Fit:
    key: str
    floor: int
    cap: int
    grows: int = 1
    """How strongly the room left goes to this column (the words that matter most: more)."""


def fit_widths(fits: Sequence[Fit], longest: dict[str, int], headings: dict[str, int],
               width: int) -> dict[str, int]:
    """Each column's width, for a table ``width`` cells wide whose longest cell in each
    column is ``longest[key]`` cells and whose heading is ``headings[key]`` cells.

    The first columns up to the last one that ``grows`` more than 1 are the words that
    matter: they come first and take the room they want before any other column is given
    a place in the window; the others follow, in order, while they fit at their floor."""
    wants = {f.key: max(headings[f.key], min(f.cap, max(f.floor, longest.get(f.key, 0))))
             for f in fits}
    floors = {f.key: min(max(f.floor, headings[f.key]), wants[f.key]) for f in fits}
    widths = dict(wants)  # the columns off to the right: what their longest cell needs
    matter = max((n for n, f in enumerate(fits) if f.grows > 1), default=0) + 1
    shown: list[Fit] = []
    room = width
    for group in (fits[:matter], fits[matter:]):
        for f in group:  # in order, while they fit at their floor
            if len(shown) < fits.index(f) or floors[f.key] + CELL_PADDING > room:
                break
            widths[f.key] = floors[f.key]
            room -= floors[f.key] + CELL_PADDING
            shown.append(f)
        room = _grow(shown, widths, wants, room)
    return widths


def _grow(shown: list[Fit], widths: dict[str, int], wants: dict[str, int], room: int) -> int:
    """Give ``room`` to the columns in sight that want more, by their ``grows``; returns
    the room left over."""
    while room > 0:
        hungry = [f for f in shown if widths[f.key] < wants[f.key]]
        weight = sum(f.grows for f in hungry)
        given = 0
        for f in hungry:
            more = min(max(1, room * f.grows // weight), wants[f.key] - widths[f.key],
                       room - given)
            widths[f.key] += more
            given += more
        room -= given
        if not given:
            break
    return room


def lay_out(table: DataTable, columns: Sequence[tuple[str, str]], fits: Sequence[Fit],
            rows: Sequence[Sequence[Text]], width: int, current: dict[str, int]
            ) -> dict[str, int]:
    """Fit ``table``'s (key, heading) ``columns`` to ``width`` and to the cells of ``rows``
    (in the columns' order). When the widths differ from ``current``, the columns are
    made again (and the table's rows cleared: add them again). Returns the widths."""
    longest = {key: max((cells[n].cell_len for cells in rows), default=0)
               for n, (key, _heading) in enumerate(columns)}
    widths = fit_widths(fits, longest, {key: len(h) for key, h in columns}, width)
    if widths != current:
        table.clear(columns=True)
        for key, heading in columns:
            table.add_column(heading, key=key, width=widths[key])
    return widths
