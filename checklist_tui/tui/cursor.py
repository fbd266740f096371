"""Where the terminal's cursor sits: on what has the focus (look-d D26).

Screen readers read at the terminal's cursor. Textual places it only for text boxes, and
only once something is typed, so after a Tab, a jump or a dialog opening it was left on
the last box typed in, or at the top of the screen. The app asks here at every frame it
draws: a box's own cursor, a list's highlighted row, else the focused widget's first line.
No widget module is imported: lists are known by what they have.
"""

from __future__ import annotations

from textual.geometry import Offset
from textual.widget import Widget


def _row(widget: Widget) -> int:
    """The highlighted row of a list or table, from the top of its content; 0 otherwise."""
    highlighted = getattr(widget, "highlighted", None)
    lines = getattr(widget, "_index_to_line", None)  # OptionList and SelectionList
    if isinstance(highlighted, int) and isinstance(lines, dict):
        return int(lines.get(highlighted, 0)) - round(widget.scroll_y)
    row_region = getattr(widget, "_get_row_region", None)  # DataTable
    rows, row = getattr(widget, "row_count", None), getattr(widget, "cursor_row", None)
    if callable(row_region) and isinstance(rows, int) and rows and isinstance(row, int):
        return int(row_region(row).y) - round(widget.scroll_y)
    return 0


def focus_point(widget: Widget, placed: Offset) -> Offset | None:
    """The screen cell the cursor belongs on for ``widget``; None when it is not shown.
    ``placed``: where the cursor was last put by a widget (a text box, an answer's options)
    and is kept while it lies on ``widget``."""
    own = getattr(widget, "cursor_screen_offset", None)  # Input and TextArea know theirs
    if isinstance(own, Offset):
        return own
    region = widget.content_region
    if not region:
        return None
    if region.contains_point(placed):  # the widget put it on its own option
        return placed
    return Offset(region.x, region.y + max(0, min(_row(widget), region.height - 1)))
