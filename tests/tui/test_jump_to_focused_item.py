"""Going to the item whose question already has the focus (Outstanding or G's Enter on
the item the reader is on) keeps the focus on it (v6clear: nothing had the focus after,
so every key was lost and a screen reader said nothing)."""

from __future__ import annotations

from tests.tui.helpers import go_to, make_app, wait_for


async def test_going_to_the_item_already_focused_keeps_the_focus_on_it(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-S09")  # a date question: its box has the focus
        await pilot.press("escape")  # the question itself
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == "item-PBA-S09", what="the question itself")
        screen = app.screen
        section = screen.current
        screen.jump(section, "PBA-S09")
        await wait_for(pilot, lambda: screen.ready, what="the section shown again")
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == "item-PBA-S09", what="the focus back on it")
        await pilot.press("enter")  # and keys still work: into its box
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == "answer-PBA-S09", what="its box")
