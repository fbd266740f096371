"""Help: the focused item's guidance and sources."""


from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("words", [
    # Home and End were not named (#12)
    "Home and End go to the first and last item of a section",
    "Home and End go to the first and last plan",
    # look-a 11: `i` and `l` were hidden keys (not in F1, the footer or the README)
    "l answers Not yet (later)",
    "i adds or changes what a Yes carries",
    # rev7-tui 10: the header's "78/119+ answered" was explained nowhere
    "A + after the total (78/119+) means more questions may follow",
])
async def test_help_names_keys_that_were_hidden(plans, words) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("f1")
        await wait_for(pilot, lambda: app.screen.query("#item-help"))
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert words in text


async def test_the_screen_reader_line_names_the_plans_own_file(plans) -> None:
    """rev7-tui 13: F1 said "checklist-tui fill PLAN --plain (PLAN: the plan's file)"
    while the app knows the file: on a plan it names it, to be typed as it is."""
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("f1")
        await wait_for(pilot, lambda: app.screen.query("#screen-reader"))
        said = " ".join(str(app.screen.query_one("#screen-reader").render()).split())
        assert said.endswith(f"checklist-tui fill {plans / 'early-pre-birth.toml'} --plain")
        assert "PLAN" not in said
