"""An item asked for its focus before its control exists (mounted, not yet composed: a
busy machine) waits for the control instead of stopping the app: the plan screen's first
frame stopped with NoMatches('#answer-PBA-A01') in a fresh-clone CI run under load."""

from __future__ import annotations

from textual.widgets import Button

from checklist_tui.tui.widgets.item_view import ItemView
from tests.tui.helpers import make_app, plan_ready, wait_for


async def test_focus_asked_before_the_control_exists_lands_once_it_does(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        view = next(v for v in app.screen.shown.views() if v.display)
        wanted = f"answer-{view.item.id}"
        await view.query_one(f"#{wanted}").remove()  # as if not yet composed

        view.focus_control()  # raised NoMatches and stopped the app
        assert app.is_running and app._exception is None

        await view.mount(Button("stand-in", id=wanted))  # composed at last
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == wanted,
                       what="the control focused once it exists")
        assert isinstance(view, ItemView) and app._exception is None
