"""The review table shows the whole state: "two decisions conflict" and "edited outside
the app" were cut off by the State column at 80x24 and 120x40."""

from __future__ import annotations

import pytest
from textual.widgets.data_table import ColumnKey

from checklist_tui.core import review
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.review_file import change_plan
from checklist_tui.tui.screens.review import ReviewScreen
from tests.conftest import NOW, TODAY
from tests.tui.helpers import wait_for
from tests.tui.test_review import READY, _loaded, _table, review_app, team_folder


def _conflict(folder) -> None:
    """Two managers decided differently, each without seeing the other's decision."""
    cat = load_catalogue(include_user=False)
    for name, decision in (("Manager One", "approved"), ("Manager Two", "returned")):
        change_plan(folder / READY, cat.get, lambda p, c, name=name, decision=decision:
                    review.decide(p, c, decision=decision, rationale="Read in full",
                                  name=name, role="Team manager", now=NOW, today=TODAY,
                                  seen=0))


def _state_cells(app) -> dict[str, str]:
    """Each row's State cell as the screen shows it, its lines joined with a space."""
    table = _table(app)
    header = "".join(s.text for s in table.render_line(0))
    start = header.index(" State ") + 1
    width = table.columns[ColumnKey("state")].get_render_width(table)
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
        cells = _state_cells(app)
        assert cells[READY] == "Submitted for review: two decisions conflict"
        assert cells["early-pre-birth.toml"] == "Draft; edited outside the app"
        assert cells["family-t-like-twins.toml"] == "Draft"
        assert _table(app).rows["family-t-like-twins.toml"].height == 1  # short: one line
