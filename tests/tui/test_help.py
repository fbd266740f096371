"""Help: the focused item's guidance and sources."""


from __future__ import annotations

from tests.tui.helpers import (
    go_to,
    make_app,
    plan_ready,
    wait_for,
)


async def test_help_shows_focused_item_guidance_and_sources(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await go_to(pilot, "PBA-S08A")
        await pilot.press("f1")
        await wait_for(pilot, lambda: app.screen.query_one("#item-help"))
        text = str(app.screen.query_one("#item-help").render())
        assert "looked after" in text and "Why this matters" in text
        assert "Pregnant looked-after child: the parents' own support needs" in text


async def test_help_names_home_and_end(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("f1")
        await wait_for(pilot, lambda: app.screen.query("#item-help"))
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "Home and End go to the first and last item of a section" in text
        assert "Home and End go to the first and last plan" in text


async def test_help_names_the_keys_for_not_yet_and_a_yes_details(plans) -> None:
    """look-a 11: `i` and `l` were hidden keys (not in F1, the footer or the README)."""
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("f1")
        await wait_for(pilot, lambda: app.screen.query("#item-help"))
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "l answers Not yet (later)" in text
        assert "i adds or changes what a Yes carries" in text
