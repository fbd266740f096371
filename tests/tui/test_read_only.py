"""Read-only plans: opened so, locked elsewhere, or signed off."""


from __future__ import annotations

from checklist_tui.core import store
from checklist_tui.core.locking import PlanLock
from checklist_tui.tui.widgets.item_view import ItemView
from tests.tui.helpers import (
    make_app,
    plan_ready,
    wait_for,
)


async def test_read_only_mode_shows_reason_and_changes_nothing(plans) -> None:
    before = (plans / "early-pre-birth.toml").read_bytes()
    app = make_app(plans, "early-pre-birth.toml", read_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        assert "READ-ONLY: opened read-only" in str(screen.query_one("#readonly-reason").render())
        assert all(view.disabled for view in screen.query(ItemView))
        await pilot.press("y", "n", "d", "k", "c")
        await pilot.pause()
        assert app.screen is screen  # no dialog opened
        assert screen.check_action("details", ()) is False
        titles = [c.title for c in app.get_system_commands(screen)]
        assert "Outstanding" in titles and "Details" not in titles
        await pilot.press("ctrl+q")
    assert (plans / "early-pre-birth.toml").read_bytes() == before

async def test_plan_locked_elsewhere_opens_read_only(plans) -> None:
    with PlanLock(plans / "early-pre-birth.toml"):
        app = make_app(plans, "early-pre-birth.toml")
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: plan_ready(app))
            text = str(app.screen.query_one("#readonly-reason").render())
            assert "open for editing by" in text

async def test_plan_entered_in_error_is_read_only(plans) -> None:
    """(A signed-off plan is not read-only: its first change asks why and voids the
    sign-off, see test_challenge.py.)"""
    loaded = store.load(plans / "discharge-ready-for-sign-off.toml")
    loaded.plan.state = "entered_in_error"
    store.save(loaded)
    app = make_app(plans, "discharge-ready-for-sign-off.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        assert "entered in error" in str(app.screen.query_one("#readonly-reason").render())
