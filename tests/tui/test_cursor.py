"""look-d D26: the terminal's cursor follows the focus, so a screen reader reads what has
it: after Tab on the plan screen, in a dialog as it opens, on a list's highlighted row."""

from __future__ import annotations

from textual.widgets import OptionList

from tests.tui.helpers import make_app, plan_ready, wait_for, wait_for_screen


def _on_focus(app) -> bool:
    widget = app.focused
    if widget is None or not widget.region:
        return False
    return widget.region.contains_point(app.cursor_position)  # as the next frame puts it


async def test_the_cursor_follows_tab_on_the_plan_screen(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app) and app.focused is not None)
        await wait_for(pilot, lambda: _on_focus(app), what="cursor on the first focus")
        for _ in range(3):
            before = app.focused
            await pilot.press("tab")
            await wait_for(pilot, lambda b=before: app.focused is not b and _on_focus(app),
                           what="cursor on the next focus")


async def test_the_cursor_is_in_a_dialog_box_as_it_opens(plans) -> None:
    from checklist_tui.tui.screens.details import DetailsScreen

    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("d")
        await wait_for_screen(pilot, DetailsScreen)
        await wait_for(pilot, lambda: app.focused is not None and _on_focus(app),
                       what="cursor in the dialog's focused box")


async def test_the_cursor_follows_a_list_highlight(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        lists = [w for w in app.screen.query(OptionList) if w.display and w.focusable]
        assert lists, "the plan screen at 120x40 shows its section list"
        sections = lists[0]
        sections.focus()
        await wait_for(pilot, lambda: app.focused is sections and _on_focus(app))
        start = sections.highlighted or 0
        await pilot.press("down")
        await wait_for(pilot, lambda: sections.highlighted == start + 1)
        line = sections.region.y + start + 1 - round(sections.scroll_y)
        await wait_for(pilot, lambda: app.cursor_position.y >= line, what="cursor on row")


async def test_the_cursor_goes_back_to_the_focus_when_a_dialog_closes(plans) -> None:
    from checklist_tui.tui.screens.details import DetailsScreen

    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app) and _on_focus(app))
        plan_screen = app.screen
        await pilot.press("d")
        await wait_for_screen(pilot, DetailsScreen)
        await wait_for(pilot, lambda: app.focused is not None and _on_focus(app))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is plan_screen and _on_focus(app),
                       what="cursor back on the plan's focus")


async def test_help_says_first_how_to_reach_plain_mode(plans) -> None:
    """look-d D27: nothing in the app told a screen-reader user that plain mode exists."""
    from textual.widgets import Static

    from checklist_tui.tui.screens.help import HelpScreen

    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("f1")
        await wait_for_screen(pilot, HelpScreen)
        first = app.screen.query(Static).filter(".title").first()
        texts = [str(w.render()) for w in app.screen.query(Static) if w is not first]
        assert texts[0].startswith("Using a screen reader?") and "--plain" in texts[0]
