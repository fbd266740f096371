"""People, agencies and actions: tabs by arrow keys and p/g/a, a banner per table,
removing says which row."""

from __future__ import annotations

from textual.widgets import TabbedContent

from checklist_tui.tui.screens.message import MessageScreen
from checklist_tui.tui.screens.records import RecordsScreen
from tests.tui.helpers import (
    make_app,
    open_from_plan,
    rendered,
    wait_for,
    wait_for_screen,
)


async def test_tabs_follow_arrows_and_letters_with_a_banner_each(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_plan(pilot, "p", RecordsScreen)
        screen = app.screen
        tabs = screen.query_one(TabbedContent)
        banner = screen.query_one("#men-line")
        assert tabs.active == "people" and "male carer" in rendered(banner)
        await pilot.press("right")
        await wait_for(pilot, lambda: tabs.active == "agencies")
        await wait_for(pilot, lambda: rendered(banner).startswith("Agencies:"))
        assert "male carer" not in rendered(banner)
        await pilot.press("left", "left")
        await wait_for(pilot, lambda: tabs.active == "actions")
        await wait_for(pilot, lambda: rendered(banner).startswith("Actions:"))
        await pilot.press("g")
        await wait_for(pilot, lambda: tabs.active == "agencies")
        await pilot.press("p")
        await wait_for(pilot, lambda: tabs.active == "people")
        await pilot.press("a")
        await wait_for(pilot, lambda: tabs.active == "actions")


async def test_remove_says_which_row(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_plan(pilot, "a", RecordsScreen)
        first = app.screen.session.plan.actions[0].what
        await pilot.press("delete")
        await wait_for_screen(pilot, MessageScreen)
        title = rendered(app.screen.query_one(".title"))
        assert title.startswith("Remove the action '") and first[:20] in title
