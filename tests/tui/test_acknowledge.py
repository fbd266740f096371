"""Acknowledging a warning records the reason: one in words ("y" or "ok" is not one)."""


from __future__ import annotations

from textual.widgets import Static

from tests.tui.helpers import (
    make_app,
    plan_ready,
    rendered,
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
        form, before = app.screen, len(screen.session.plan.acknowledgements)
        await pilot.press("y", "enter")  # look-d 11: taken, it read as dealt with
        problem = form.query_one("#form-error", Static)
        await wait_for(pilot, lambda: rendered(problem).strip() == (
            "'y' is not a reason. Say what you have done or decided."), what="the refusal")
        assert app.screen is form and len(screen.session.plan.acknowledgements) == before
        await pilot.press("ctrl+a", *"Discussed with manager", "enter")
        acks = screen.session.plan.acknowledgements
        await wait_for(pilot, lambda: ("PBA-F03.not-alone", "Discussed with manager") in [
            (a.rule, a.reason) for a in acks], what="the acknowledgement")
