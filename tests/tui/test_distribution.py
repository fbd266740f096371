"""The Distribution screen (#13.4): who was given a copy, and the parents' copy, recorded
from the plan screen (key D or the command palette), also on an approved plan."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input

from checklist_tui.cli import main
from checklist_tui.core import store
from checklist_tui.core.plan import PlanState
from checklist_tui.core.review import approval_void
from checklist_tui.tui.screens.distribution import DistributionScreen, ShareForm
from tests.tui.helpers import (
    choose_command,
    make_app,
    open_from_plan,
    plan_ready,
    rendered,
    wait_for,
    wait_for_screen,
)
from tests.tui.test_snapshots import SIZES, _on_plan_then, snap_plans  # noqa: F401

READY = "discharge-ready-for-sign-off.toml"


async def _share(pilot, to: str, role: str, how: str, on: str | None = None,
                 then: type = DistributionScreen) -> None:
    app = pilot.app
    await pilot.press("plus")
    await wait_for_screen(pilot, ShareForm)
    for name, value in (("to", to), ("role", role), ("how", how)):
        app.screen.query_one(f"#f-{name}", Input).value = value
    if on is not None:
        app.screen.query_one("#f-on", Input).value = on
    app.screen.query_one("#f-on", Input).focus()  # Enter in the last box saves
    await pilot.press("enter")
    await wait_for_screen(pilot, then)


async def test_record_a_copy_on_a_draft_plan(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_plan(pilot, "D", DistributionScreen)
        note = rendered(app.screen.query_one("#distribution-note"))
        assert "not recorded yet" in note
        assert "not recorded" in rendered(app.screen.query_one("#parents-copy"))
        await _share(pilot, "Sam Example", "Health visitor", "Secure email", "24/11/2026")
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 1)
        assert [str(c) for c in table.get_row_at(0)][:4] == [
            "24/11/2026", "Sam Example", "Health visitor", "Secure email"]
        await _share(pilot, "", "", "By hand", then=ShareForm)  # refused: nobody named
        await wait_for(pilot, lambda: "Say who" in rendered(app.screen.query_one("#form-error")))
        await pilot.click("#f-parents")
        await wait_for(pilot, lambda: app.screen.query_one("#f-to", Input).value
                       == "The parents")
        app.screen.query_one("#f-on", Input).focus()
        await pilot.press("enter")
        await wait_for_screen(pilot, DistributionScreen)
        await wait_for(pilot, lambda: "25/11/2026 (By hand)" in rendered(
            app.screen.query_one("#parents-copy")))
        await pilot.press("escape")
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("ctrl+q")
    plan = store.load(plans / "family-t-like-twins.toml").plan
    assert [(d.to, d.parents) for d in plan.distribution] == [("Sam Example", False),
                                                              ("The parents", True)]


async def test_record_a_copy_on_an_approved_plan_keeps_the_approval(plans) -> None:
    path = str(plans / READY)
    assert main(["submit", path]) == 0
    assert main(["sign-off", path, "--decision", "approved", "--rationale", "Sound.",
                 "--name", "Alex Manager", "--role", "Team manager"]) == 0
    app = make_app(plans, READY)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await choose_command(pilot, "Distribution")
        await wait_for_screen(pilot, DistributionScreen)
        assert "This plan is approved" in rendered(app.screen.query_one("#distribution-note"))
        await _share(pilot, "Example GP surgery", "GP", "Secure email", "25/11/2026")
        await wait_for(pilot, lambda: app.screen.query_one(DataTable).row_count == 1)
        # on disk at once, or by the next save if the open plan is writable
        await wait_for(pilot, lambda: [d.to for d in store.load(plans / READY).plan
                                       .distribution] == ["Example GP surgery"])
        on_disk = store.load(plans / READY)
        assert on_disk.plan.state == PlanState.APPROVED and not approval_void(on_disk.plan)
        assert on_disk.plan.history[-1].what == "shared" and on_disk.found_outside == ""
        await pilot.press("escape")
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("ctrl+q")
    assert store.load(plans / READY).plan.state == PlanState.APPROVED


async def test_nothing_recorded_on_a_plan_opened_by_another_program(plans) -> None:
    from checklist_tui.core.locking import PlanLock

    lock = PlanLock(plans / "family-t-like-twins.toml")
    lock.acquire()
    try:
        app = make_app(plans, "family-t-like-twins.toml")
        async with app.run_test(size=(80, 24)) as pilot:
            await open_from_plan(pilot, "D", DistributionScreen)
            assert "Read-only" in rendered(app.screen.query_one("#distribution-note"))
            await pilot.press("plus")
            await pilot.pause()
            assert isinstance(app.screen, DistributionScreen)  # the form is not offered
    finally:
        lock.release()


@pytest.mark.parametrize("size", SIZES)
def test_distribution_snapshot(snap_compare, snap_plans, size) -> None:  # noqa: F811
    app = make_app(snap_plans, "family-t-like-twins.toml")
    assert snap_compare(app, terminal_size=size,
                        run_before=_on_plan_then("D", "DistributionScreen"))


@pytest.mark.parametrize("size", SIZES)
def test_share_form_snapshot(snap_compare, snap_plans, size) -> None:  # noqa: F811
    app = make_app(snap_plans, "family-t-like-twins.toml")
    assert snap_compare(app, terminal_size=size,
                        run_before=_on_plan_then("D plus", "ShareForm"))


async def test_copies_given_before_a_change_read_as_out_of_date(plans) -> None:
    """look-d D15: the GP's and the parents' copies of the old plan, after the plan changed
    to say the baby will not go home with the parents: D says so, row by row."""
    path = str(plans / READY)
    assert main(["share", path, "--to", "Example GP surgery", "--role", "GP"]) == 0
    assert main(["share", path, "--parents", "--how", "by hand"]) == 0
    assert main(["answer", path, "DPM-C03", "separate", "--reason", "Grandmother withdrew"]) == 0
    app = make_app(plans, READY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_plan(pilot, "D", DistributionScreen)
        note = rendered(app.screen.query_one("#distribution-note"))
        assert note.startswith("2 copies given out are out of date")
        table = app.screen.query_one(DataTable)
        assert "(OUT OF DATE)" in str(table.get_row_at(0)[1])
        assert "OUT OF DATE" in rendered(app.screen.query_one("#parents-copy"))
