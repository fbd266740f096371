"""A table of plans whose highlighted row stays whole and in sight when the table changes
height (look-b 4), and where Home and End go to the first and last plan (look-c 16).
The review list's line under the table grows and shrinks with the plan it describes, and
the table with it; a row highlighted at the old height was left cut, or below the table,
while the line under it named it."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import DataTable


class RowTable(DataTable):
    """A DataTable that scrolls its highlighted row back into sight, whole, after each
    change of its size (a move of the cursor already does). Home and End go to the first
    and the last plan, as on Home (a row table's own Home and End only scrolled sideways)."""

    BINDINGS = [Binding("home", "scroll_top", "First plan", show=False),
                Binding("end", "scroll_bottom", "Last plan", show=False)]

    def on_resize(self, _event: events.Resize) -> None:
        self.call_after_refresh(self._back_in_sight)

    def _back_in_sight(self) -> None:
        """The row highlighted now (it may have moved since the resize)."""
        if self.row_count:
            self.move_cursor(row=self.cursor_row)
