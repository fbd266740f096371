"""Acknowledging a warning records the reason."""


from __future__ import annotations

from tests.tui.helpers import (
    make_app,
    plan_ready,
    wait_for,
)


async def test_acknowledge_warning_records_reason(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        app.screen.jump("father", "PBA-F03")
        await wait_for(pilot, lambda: plan_ready(app) and app.screen.current == "father")
        screen = app.screen
        await pilot.press("k")
        await wait_for(pilot, lambda: app.screen is not screen and app.focused is not None)
        await pilot.press(*"Discussed with manager", "enter")
        acks = screen.session.plan.acknowledgements
        await wait_for(pilot, lambda: ("PBA-F03.not-alone", "Discussed with manager") in [
            (a.rule, a.reason) for a in acks], what="the acknowledgement")
