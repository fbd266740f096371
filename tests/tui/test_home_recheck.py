"""Home re-checks the plans folder every few seconds, as the review list does: a plan
added or changed by someone else (a colleague on a shared folder, the command line,
another window) appears without restarting, the highlight stays on the plan the user
chose, and the status line says when the folder was last checked."""

from __future__ import annotations

import shutil

from textual.widgets import DataTable

from checklist_tui.tui.screens.home import HomeScreen
from checklist_tui.tui.table_fill import cursor_key
from tests.tui.helpers import make_app, rendered, wait_for


def _case_refs(table: DataTable) -> set[str]:
    return {str(table.get_row_at(i)[0]) for i in range(table.row_count)}


async def test_home_shows_plans_added_or_changed_by_someone_else(plans, monkeypatch) -> None:
    monkeypatch.setattr(HomeScreen, "CHECK_EVERY", 0.2, raising=False)
    app = make_app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        table = screen.query_one(DataTable)
        status = screen.query_one("#plans-status")
        await wait_for(pilot, lambda: table.row_count == 3
                       and "Checked at" in rendered(status))
        await pilot.press("down")
        await wait_for(pilot, lambda: table.cursor_row == 1)
        chosen = cursor_key(table)

        early = plans / "early-pre-birth.toml"
        early.write_text(early.read_text(encoding="utf-8").replace(
            'case_ref = "DEMO-0001"', 'case_ref = "DEMO-0001-RENAMED"'), encoding="utf-8")
        shutil.copy(plans / "discharge-ready-for-sign-off.toml", plans / "a-colleagues.toml")
        (plans / "a-colleagues.toml").write_text(
            (plans / "a-colleagues.toml").read_text(encoding="utf-8").replace(
                'case_ref = "DEMO-0003"', 'case_ref = "DEMO-0009"'), encoding="utf-8")

        await wait_for(pilot, lambda: table.row_count == 4
                       and {"DEMO-0001-RENAMED", "DEMO-0009"} <= _case_refs(table),
                       what="the added and changed plans listed")
        assert "DEMO-0001" not in _case_refs(table)
        await wait_for(pilot, lambda: rendered(status).startswith("4 plans")
                       and "Checked at" in rendered(status))
        assert cursor_key(table) == chosen  # the user's row, wherever it now is
        assert app.screen is screen


async def test_home_says_when_it_last_checked_and_nothing_changed(plans, monkeypatch) -> None:
    monkeypatch.setattr(HomeScreen, "CHECK_EVERY", 0.2, raising=False)
    app = make_app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        status = app.screen.query_one("#plans-status")
        await wait_for(pilot, lambda: "Checked at" in rendered(status)
                       and "(no plans changed)" in rendered(status))
        assert rendered(status).startswith("3 plans in ")


async def test_the_highlighted_plan_stays_when_the_window_is_resized(plans) -> None:
    """look-a 5: resizing (a ward PC's window restored, a font changed) moved the highlight
    back to the top row, and Enter opened another family's plan."""
    app = make_app(plans)
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 3
                       and "Checked at" in rendered(app.screen.query_one("#plans-status")))
        await pilot.press("down")
        await wait_for(pilot, lambda: table.cursor_row == 1)
        chosen = cursor_key(table)
        for size in ((80, 24), (120, 40)):
            await pilot.resize_terminal(*size)
            await wait_for(pilot, lambda size=size: app.size == size
                           and len(table.ordered_columns) == (5 if size[0] < 110 else 6)
                           and table.row_count == 3)
            await pilot.pause()
            assert cursor_key(table) == chosen, size


async def test_the_review_list_checks_the_folder_by_the_same_rule(plans, monkeypatch) -> None:
    """Home and the review list check their folder by one rule (screens/folder_base.py): a
    check that finds nothing changed says so, in the same words. Before, the review list
    repeated what its last read had done ("2 plans read again") at every later check, as
    if it had read them again then."""
    from textual.widgets import Static

    from checklist_tui.tui.screens.review import ReviewScreen
    from tests.tui.test_review import _loaded, review_app

    monkeypatch.setattr(ReviewScreen, "CHECK_EVERY", 0.2)
    app = review_app(plans)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: _loaded(app))
        status = app.screen.query_one("#review-status", Static)
        await wait_for(pilot, lambda: "(no plans changed)" in rendered(status),
                       what="a check that found nothing")
        assert rendered(status).startswith("Checked at ")
        assert "3 of 3 plans shown" in rendered(status)
