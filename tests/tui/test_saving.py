"""Saving as you go: autosave, and a failed save said and retried."""


from __future__ import annotations

from checklist_tui.core import store
from tests.tui.helpers import (
    make_app,
    plan_ready,
    wait_for,
)


async def test_autosave_within_a_second_without_quitting(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        app.screen.query_one("#answer-PBA-S08B").focus()
        await pilot.press("y")
        # saved without quitting (the delay itself is checked below, not timed here:
        # timing assertions flake on a busy machine)
        await wait_for(pilot, lambda: store.load(plans / "early-pre-birth.toml").plan
                       .answers["PBA-S08B"].value == "yes")
        await wait_for(pilot, lambda: "Saved" in str(
            app.screen.query_one("#plan-header").render()))

def test_autosave_delay_is_at_most_a_second() -> None:
    from checklist_tui.tui.screens import plan as plan_module
    from checklist_tui.tui.widgets import item_view

    assert 0 < plan_module.SAVE_AFTER_SECONDS <= 1.0
    assert plan_module.SAVE_AFTER_SECONDS + item_view.TEXT_COMMIT_SECONDS <= 1.5

async def test_failed_save_shows_message_keeps_answers_and_retries(plans, monkeypatch) -> None:
    from checklist_tui.core import session as session_module
    from checklist_tui.core.errors import PlanError
    from checklist_tui.tui.screens import plan as plan_module

    monkeypatch.setattr(plan_module, "RETRY_SAVE_SECONDS", 0.2)
    real_save = session_module.store.save
    calls = {"n": 0}
    disk = {"full": True}  # full until the test has seen NOT SAVED: no race with the retry

    def flaky(loaded):
        calls["n"] += 1
        if disk["full"]:
            raise PlanError("early-pre-birth.toml: could not be saved (disk full)")
        return real_save(loaded)

    monkeypatch.setattr(session_module.store, "save", flaky)
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        app.screen.query_one("#answer-PBA-S08B").focus()
        await pilot.press("y")
        await wait_for(pilot, lambda: "NOT SAVED" in str(
            app.screen.query_one("#plan-header").render()))
        assert app.screen.session.plan.answers["PBA-S08B"].value == "yes"
        disk["full"] = False
        await wait_for(pilot, lambda: calls["n"] >= 2 and "Saved" in str(
            app.screen.query_one("#plan-header").render()))
    assert store.load(plans / "early-pre-birth.toml").plan.answers["PBA-S08B"].value == "yes"
