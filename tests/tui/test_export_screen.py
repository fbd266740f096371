"""The export screen: files written, and asked before replacing."""


from __future__ import annotations

from tests.tui.helpers import (
    make_app,
    plan_ready,
    rendered,
    wait_for,
)


async def test_export_writes_files_and_asks_before_replacing(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("e")
        await wait_for(pilot, lambda: app.screen.query_one("#go"))
        app.screen.query_one("#go").press()
        await wait_for(pilot, lambda: "Written:" in rendered(app.screen.query_one(
            "#export-result")))
        written = sorted(p.name for p in plans.glob("*summary*"))
        assert written == [  # the plan file's name keeps same-case plans apart
            "demo-0002-twins-pre-birth-assessment-family-t-like-twins-summary.html",
            "demo-0002-twins-pre-birth-assessment-family-t-like-twins-summary.md"]
        assert "Written:" in str(app.screen.query_one("#export-result").render())
        app.screen.query_one("#go").press()
        await wait_for(pilot, lambda: "Replace" in rendered(app.screen.query_one(".title")))
