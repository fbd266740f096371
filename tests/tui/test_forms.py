"""Pilot tests of the dialogs and forms: dropdowns, focus, multi-line text, asking first."""

from __future__ import annotations

import pytest
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from checklist_tui.core.plan import PersonKind
from checklist_tui.tui.screens.record_form import RecordForm
from tests.tui.helpers import copy_examples, make_app, plan_ready, wait_for, wait_for_screen


@pytest.fixture
def plans(tmp_path):
    return copy_examples(tmp_path / "plans")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_dropdown_shows_every_option(plans, size) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        app.push_screen(RecordForm("people"))
        await wait_for_screen(pilot, RecordForm)
        select = app.screen.query_one("#f-kind", Select)
        select.focus()
        await pilot.press("enter")
        overlay = app.screen.query_one(SelectOverlay)
        await wait_for(pilot, lambda: select.expanded and overlay.region.height > 0)
        assert overlay.region.height >= min(len(PersonKind), 6), overlay.region
