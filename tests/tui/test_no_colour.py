"""Without colour (NO_COLOR=1, or a monochrome terminal such as TERM=xterm-mono) every
state still reads by words or by shape: which table is shown, which row of a list is
highlighted (not the same look as a heading), a hint in an empty box (not the same look as
something recorded). Read from the rendered lines, with NO_COLOR set as a user sets it."""

from __future__ import annotations

import pytest
from textual.filter import Monochrome, NoColor
from textual.widgets import Input, Tab

from checklist_tui.tui.screens.outstanding_view import OutstandingScreen
from checklist_tui.tui.screens.records import RecordsScreen
from checklist_tui.tui.widgets.entry_list import EntryList
from tests.tui.helpers import make_app, new_record_form, open_from_plan, wait_for
from tests.tui.test_highlight_shape import _styles_of_line_with


@pytest.fixture(autouse=True)
def no_color(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")


def _printed_styles(widget, y: int = 0) -> list:
    return [seg.style for seg in widget.render_line(y) if seg.text.strip() and seg.style]


async def test_the_app_takes_the_colour_out(plans) -> None:
    app = make_app(plans)
    async with app.run_test(size=(80, 24)):
        assert app.no_color
        assert any(isinstance(f, Monochrome | NoColor) for f in app._filters)


async def test_the_table_shown_has_its_tab_marked_by_shape(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_plan(pilot, "a", RecordsScreen)
        tabs = {t.id: t for t in app.screen.query(Tab)}
        shown = next(t for t in tabs.values() if t.id and t.id.endswith("actions"))
        await wait_for(pilot, lambda: shown.has_class("-active"))
        await pilot.pause()
        for tab in tabs.values():
            styles = _printed_styles(tab)
            marked = bool(styles) and all(s.bold and s.underline for s in styles)
            assert marked == (tab is shown), (tab.id, styles)


async def test_a_heading_and_the_highlighted_row_do_not_look_alike(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_plan(pilot, "o", OutstandingScreen)
        entries = app.screen.query_one(EntryList)
        await wait_for(pilot, lambda: entries.has_focus and entries.highlighted is not None)
        await pilot.pause()
        heading = str(entries.get_option_at_index(0).prompt)
        row = str(entries.get_option_at_index(entries.highlighted).prompt).splitlines()[0]
        heading_styles = _styles_of_line_with(entries, heading)
        row_styles = _styles_of_line_with(entries, row[:30])
        assert all(s.bold and not s.underline for s in heading_styles)
        assert all(s.underline for s in row_styles)


async def test_a_hint_in_an_empty_box_is_not_read_as_an_answer(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await new_record_form(pilot, "p")
        box = form.query_one("#f-relationship", Input)
        await wait_for(pilot, lambda: box.size.width > 0)
        await pilot.pause()
        styles = _styles_of_line_with(box, "e.g. Maternal")
        assert styles and all(s.italic for s in styles)
