"""Home and the review list claim no more than is known (look-b 2, look-a 1, look-b 15):
a plan with nothing answered says so, a plan whose pause point no longer holds is never
ticked, and a plan open for editing elsewhere says so, and who has it, as the rows come
and go."""

from __future__ import annotations

import os

from textual.widgets import DataTable, Static

from checklist_tui.core import store
from checklist_tui.core.locking import lock_path
from checklist_tui.core.review_file import change_plan
from checklist_tui.tui.screens.home import HomeScreen
from checklist_tui.tui.screens.review import ReviewScreen
from tests.conftest import NOW
from tests.core.test_folder_claims import DISCHARGE, _lock, confirmed_earlier
from tests.tui.helpers import make_app, rendered, wait_for
from tests.tui.test_review import _loaded, _table, review_app
from tests.tui.test_review_state import column_text


async def test_home_says_nothing_answered_and_never_ticks_a_pause_point_not_holding(
        plans, catalogue) -> None:
    change_plan(plans / DISCHARGE, catalogue.get, confirmed_earlier)
    store.create(plans, catalogue.get("injury-non-mobile-baby"), case_ref="INJ-7", now=NOW)
    app = make_app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 4
                       and "Checked at" in rendered(app.screen.query_one("#plans-status")))
        cases = column_text(table, "Case reference")
        shown = column_text(table, "Progress")
        dpm = next(k for k, v in cases.items() if v.startswith("DEMO-0003"))
        injury = next(k for k, v in cases.items() if v.startswith("INJ-7"))
        assert "✓" not in shown[dpm]
        assert shown[dpm] == "• 52/52 pause point NO LONGER HOLDS"
        assert shown[injury] == "• 0/22 nothing answered yet"


async def test_home_and_the_review_list_say_a_plan_is_open_elsewhere(plans, monkeypatch):
    monkeypatch.setattr(ReviewScreen, "CHECK_EVERY", 0.2)
    monkeypatch.setattr(HomeScreen, "CHECK_EVERY", 0.2)
    _lock(plans / DISCHARGE, os.getppid())  # a live process that is not this app
    app = review_app(plans)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: _loaded(app) and _table(app).row_count == 3)
        state = column_text(_table(app), "State")
        assert state[DISCHARGE] == "Completed; open for editing elsewhere"
        assert [k for k, v in state.items() if "open for editing" in v] == [DISCHARGE]
        _table(app).move_cursor(row=_table(app).get_row_index(DISCHARGE))
        detail = app.screen.query_one("#review-detail", Static)
        await wait_for(pilot, lambda: "open for editing by the computer account "
                       "'colleague'" in rendered(detail), what="the detail line")
        lock_path(plans / DISCHARGE).unlink()  # closed there: the list follows on its own
        await wait_for(pilot, lambda: _loaded(app) and "open for editing" not in
                       str(_table(app).get_row(DISCHARGE)), what="the lock to go")
    home = make_app(plans)
    _lock(plans / "early-pre-birth.toml", os.getppid())
    async with home.run_test(size=(80, 24)) as pilot:
        table = home.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 3 and "open for editing elsewhere"
                       in " ".join(column_text(table, "State").values()))
        lock_path(plans / "early-pre-birth.toml").unlink()
        await wait_for(pilot, lambda: "open for editing" not in " ".join(
            column_text(table, "State").values()), what="Home to follow")


async def test_the_review_list_never_says_no_plans_changed_when_one_did(plans, catalogue,
                                                                         monkeypatch):
    """look-c 16: after `checklist-tui answer` (which brings the index up to date itself)
    the list read the plan again and said "(no plans changed)"."""
    from checklist_tui.core.index import PlanIndex
    from tests.conftest import TODAY

    monkeypatch.setattr(ReviewScreen, "CHECK_EVERY", 1.0)
    app = review_app(plans)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: _loaded(app) and _table(app).row_count == 3)
        status = app.screen.query_one("#review-status", Static)
        change_plan(plans / DISCHARGE, catalogue.get, confirmed_earlier)  # as the CLI does:
        with PlanIndex(plans, catalogue.checklists, include_user=False) as index:
            index.refresh(today=TODAY)  # the change, and the index brought up to date
        await wait_for(pilot, lambda: "pause point NO LONGER HOLDS" in str(
            _table(app).get_row(DISCHARGE)), what="the changed row")
        await wait_for(pilot, lambda: "(nothing to read again)" in rendered(status))
        assert "no plans changed" not in rendered(status)
