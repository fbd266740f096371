"""#8.1: leaving while the header says NOT SAVED never silently discards answers."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from checklist_tui.core import store
from checklist_tui.core.errors import PlanError
from checklist_tui.tui.screens.plan import PlanScreen
from checklist_tui.tui.screens.unsaved import UnsavedScreen
from tests.tui.helpers import go_to, make_app, plan_ready, wait_for

PLAN = "early-pre-birth.toml"


@pytest.fixture
def disk_full(monkeypatch):
    from checklist_tui.core import session as session_module

    def failing(loaded, _snapshot):
        raise PlanError(f"{loaded.path.name}: could not be saved (No space left on device)")

    monkeypatch.setattr(session_module.store, "write_snapshot", failing)


async def _answer_unsaved(app, pilot) -> None:
    await wait_for(pilot, lambda: plan_ready(app), timeout=30)
    await go_to(pilot, "PBA-S08B")
    await pilot.press("y")
    await wait_for(pilot, lambda: "NOT SAVED" in str(
        app.screen.query_one("#plan-header").render()), timeout=30)


async def test_ctrl_q_while_not_saved_asks_and_lose_exits_non_zero(plans, disk_full) -> None:
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await _answer_unsaved(app, pilot)
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, UnsavedScreen), timeout=30)
        sentence = str(app.screen.query_one("#unsaved-sentence").render())
        assert "No space left on device" in sentence and "lose them" in sentence
        # what would be lost, in words (it said only "your latest answers")
        assert "your last change (the answer to PBA-S08B) will be lost" in sentence
        await pilot.press("escape")  # Escape means stay
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen), timeout=30)
        assert app.is_running
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, UnsavedScreen), timeout=30)
        await pilot.click("#lose")
        await wait_for(pilot, lambda: not app.is_running, timeout=30)
    assert app.return_code == 1
    assert "NOT saved" in app.exit_note and PLAN in app.exit_note


async def test_ctrl_q_while_not_saved_can_write_a_copy_elsewhere(plans, disk_full,
                                                               tmp_path) -> None:
    app = make_app(plans, PLAN)
    rescue = tmp_path / "usb" / "copies"
    async with app.run_test(size=(80, 24)) as pilot:
        await _answer_unsaved(app, pilot)
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, UnsavedScreen), timeout=30)
        app.screen.query_one("#copy-folder", Input).value = str(rescue)
        await pilot.click("#copy")
        await wait_for(pilot, lambda: not app.is_running, timeout=30)
    copies = list(rescue.glob("*.toml"))
    assert len(copies) == 1 and str(copies[0]) in app.exit_note
    assert store.load(copies[0]).plan.answers["PBA-S08B"].value == "yes"
    assert app.return_code == 0


async def test_escape_to_home_while_not_saved_asks_first(plans, disk_full) -> None:
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await _answer_unsaved(app, pilot)
        app.screen.focus_next()  # leave the answer control: Escape now means "back"
        app.screen.set_focus(None)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, UnsavedScreen), timeout=30)
        await pilot.click("#stay")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen), timeout=30)
        assert app.screen.session.plan.answers["PBA-S08B"].value == "yes"
