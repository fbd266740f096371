"""Past the EDD with no date of birth, Outstanding asks first whether the baby has been
born, and Enter on it opens Plan details to record the birth (look-d 20)."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import OptionList

from checklist_tui.core import edit
from checklist_tui.core.review_file import change_plan
from checklist_tui.tui.screens.details import DetailsScreen
from checklist_tui.tui.screens.outstanding_view import OutstandingScreen
from tests.conftest import NOW, TODAY
from tests.tui.helpers import make_app, plan_ready, rendered, wait_for


async def test_outstanding_asks_first_and_enter_opens_plan_details(plans, catalogue) -> None:
    change_plan(plans / "early-pre-birth.toml", catalogue.get, lambda p, c: edit.set_details(
        p, by="Test", now=NOW, edd=TODAY - timedelta(days=26)))
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        header = rendered(app.screen.query_one("#plan-header"))
        assert "26 days ago" in header and "weeks today" not in header
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, OutstandingScreen))
        options = app.screen.query_one(OptionList)
        rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        first = next(r for r in rows if "NO DATE OF BIRTH" in r)
        assert rows.index(first) <= 1  # under its own heading, before everything else
        assert "has the baby been born? Record it in the plan's details: d in the app" in first
        options.highlighted = rows.index(first)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DetailsScreen))
