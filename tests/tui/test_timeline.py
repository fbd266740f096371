"""Timeline: overdue milestones marked."""


from __future__ import annotations

from tests.tui.helpers import (
    make_app,
    plan_ready,
    rendered,
    wait_for,
)


async def test_timeline_marks_overdue(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("t")
        await wait_for(pilot, lambda: "OVERDUE" in rendered(app.screen.query_one("#chart")))
        chart = str(app.screen.query_one("#chart").render())
        assert "Early safety actions agreed" in chart and "OVERDUE" in chart
        assert "✓" in chart and "!" in chart
