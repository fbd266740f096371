"""The style warmers' drop-down never stops the app: under load its Mount can arrive when
its parts are gone or were never built (NoMatches('SelectOverlay') stopped the plan screen
in 2 of 921 tests on a busy machine)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Vertical

from checklist_tui.tui.widgets.style_warmers import WarmerSelect, style_warmers


class _PartsNeverBuilt(WarmerSelect):
    def compose(self) -> ComposeResult:
        return iter(())


class _Host(App[None]):
    def compose(self) -> ComposeResult:
        yield Vertical(id="items")


async def test_a_warmer_select_without_its_parts_does_not_stop_the_app() -> None:
    app = _Host()
    async with app.run_test() as pilot:
        await app.query_one("#items").mount(_PartsNeverBuilt([("a", "a")]))
        await pilot.pause()
        assert app.is_running and app._exception is None


async def test_warmers_mounted_and_taken_down_at_once_leave_the_app_running() -> None:
    app = _Host()
    async with app.run_test() as pilot:
        for _ in range(20):
            box = style_warmers()
            await app.query_one("#items").mount(box)
            await box.remove()
        await pilot.pause()
        assert app.is_running and app._exception is None
        assert not app.query(WarmerSelect)
