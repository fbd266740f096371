"""Plan details: recording the birth."""


from __future__ import annotations

from textual.widgets import Input

from tests.tui.helpers import (
    make_app,
    plan_ready,
    rendered,
    wait_for,
)


async def test_details_record_birth(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("d")
        await wait_for(pilot, lambda: app.screen.query_one("#d-dob", Input))
        dob = app.screen.query_one("#d-dob", Input)
        dob.value = "20/11/2026"
        dob.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: "born 20/11/2026, 5 days old" in rendered(
            app.screen.query_one("#plan-header")))
