"""The highlighted row of Home's table and of the plan's section list shows by shape, not
by colour alone (monochrome terminals, colour-blind readers): underlined while the list
does not have the focus, and bold as well while it does (a table's row also reversed).
Read from the rendered lines."""

from __future__ import annotations

from textual.widgets import DataTable

from checklist_tui.tui.widgets.section_list import SectionList
from tests.tui.helpers import make_app, plan_ready, wait_for


def _styles_of_line_with(widget, text: str) -> list:
    """The styles of the printed characters on the rendered line that shows ``text``."""
    for y in range(widget.scrollable_content_region.height):
        strip = widget.render_line(y)
        if text in strip.text:
            return [seg.style for seg in strip if seg.text.strip() and seg.style]
    raise AssertionError(f"no rendered line shows {text!r}")


def _marked(styles: list, *, bold: bool, reverse: bool, underline: bool) -> bool:
    return bool(styles) and all(
        bool(s.bold) == bold and bool(s.reverse) == reverse
        and bool(s.underline) == underline for s in styles)


async def test_homes_highlighted_row_shows_without_colour(plans) -> None:
    app = make_app(plans)
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 3 and table.has_focus)
        await pilot.pause()
        first, second = (str(table.get_row_at(i)[0]) for i in (0, 1))
        assert _marked(_styles_of_line_with(table, first), bold=True, reverse=True,
                       underline=False)
        other = _styles_of_line_with(table, second)
        # only the highlighted row is marked
        assert not any(s.reverse or s.bold or s.underline for s in other)
        table.blur()
        await wait_for(pilot, lambda: not table.has_focus)
        await pilot.pause()
        assert _marked(_styles_of_line_with(table, first), bold=False, reverse=False,
                       underline=True)


async def test_the_section_lists_highlight_shows_without_colour(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        sections = app.screen.query_one(SectionList)
        assert sections.display and not sections.has_focus  # beside the plan
        await wait_for(pilot, lambda: sections.highlighted is not None)
        await pilot.pause()
        shown = sections.get_option_at_index(sections.highlighted).prompt
        title = str(shown)[9:].strip()[:15]  # after the progress mark (a title wraps)
        # the section open beside the list: underlined
        assert _marked(_styles_of_line_with(sections, title), bold=False, reverse=False,
                       underline=True)
        sections.focus()
        await wait_for(pilot, lambda: sections.has_focus)
        await pilot.pause()
        assert _marked(_styles_of_line_with(sections, title), bold=True, reverse=False,
                       underline=True)
