"""Snapshots of the key screens at 80x24 and 120x40, made deterministic.

Regenerate after an intended change with:
    python -m pytest tests/tui/test_snapshots.py --snapshot-update
and review the SVG diffs (snapshot_report.html).
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, TextArea

from tests.tui.helpers import copy_examples, make_app, plan_ready, wait_for

# The home screen shows where plans are kept, so the folder's name must not change
# between runs; and several runs share this machine. So each test works in its own
# folder and opens the plans by the relative path "plans".
SNAP_PLANS = Path("plans")
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture
def snap_plans(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_examples(tmp_path / SNAP_PLANS)
    fixed = datetime(2026, 11, 25, 9, 0, tzinfo=UTC).timestamp()
    for path in (tmp_path / SNAP_PLANS).iterdir():
        os.utime(path, (fixed, fixed))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield SNAP_PLANS
    monkeypatch.undo()
    time.tzset()


def _no_blink(app) -> None:
    for widget in app.screen.query("Input, TextArea"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False


async def _home_ready(pilot) -> None:
    table = pilot.app.screen.query_one(DataTable)
    status = pilot.app.screen.query_one("#plans-status")
    await wait_for(pilot, lambda: table.row_count == 3
                   and "Checked at" in str(status.render()))
    await pilot.pause(0.3)  # let the table size its columns
    await pilot.wait_for_scheduled_animations()


async def _plan_ready(pilot) -> None:
    await wait_for(pilot, lambda: plan_ready(pilot.app))
    _no_blink(pilot.app)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare, snap_plans, size) -> None:
    assert snap_compare(make_app(snap_plans), terminal_size=size, run_before=_home_ready)


@pytest.mark.parametrize("size", SIZES)
def test_plan(snap_compare, snap_plans, size) -> None:
    app = make_app(snap_plans, "family-t-like-twins.toml")

    async def run_before(pilot) -> None:
        await _plan_ready(pilot)
        pilot.app.screen.jump("agencies", "PBA-A01")  # a section with a red flag
        await _plan_ready(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_outstanding(snap_compare, snap_plans, size) -> None:
    app = make_app(snap_plans, "family-t-like-twins.toml")

    async def run_before(pilot) -> None:
        await _plan_ready(pilot)
        await pilot.press("o")
        await wait_for(pilot, lambda: pilot.app.screen.query_one("#out-title"))
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_timeline(snap_compare, snap_plans, size) -> None:
    app = make_app(snap_plans, "family-t-like-twins.toml")

    async def run_before(pilot) -> None:
        await _plan_ready(pilot)
        await pilot.press("t")
        await wait_for(pilot, lambda: pilot.app.screen.query_one("#chart"))
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def _on_plan_then(keys: str, screen_name: str):
    """A run_before: open the plan, press ``keys``, wait for the screen named."""

    async def run_before(pilot) -> None:
        await _plan_ready(pilot)
        await pilot.press(*keys.split())
        await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == screen_name)
        await pilot.pause(0.3)
        _no_blink(pilot.app)
        await pilot.wait_for_scheduled_animations()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_new_plan(snap_compare, snap_plans, size) -> None:
    async def run_before(pilot) -> None:
        await _home_ready(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "NewPlanScreen"
                       and bool(pilot.app.screen.query("OptionList"))
                       and pilot.app.screen.query_one("OptionList").option_count > 0)
        await pilot.pause(0.3)
        _no_blink(pilot.app)

    assert snap_compare(make_app(snap_plans), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_records(snap_compare, snap_plans, size) -> None:
    app = make_app(snap_plans, "family-t-like-twins.toml")
    assert snap_compare(app, terminal_size=size,
                        run_before=_on_plan_then("p", "RecordsScreen"))


@pytest.mark.parametrize("size", SIZES)
def test_details(snap_compare, snap_plans, size) -> None:
    app = make_app(snap_plans, "family-t-like-twins.toml")
    assert snap_compare(app, terminal_size=size,
                        run_before=_on_plan_then("d", "DetailsScreen"))


@pytest.mark.parametrize("size", SIZES)
def test_export(snap_compare, snap_plans, size) -> None:
    app = make_app(snap_plans, "family-t-like-twins.toml")
    assert snap_compare(app, terminal_size=size,
                        run_before=_on_plan_then("e", "ExportScreen"))


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, snap_plans, size) -> None:
    app = make_app(snap_plans, "family-t-like-twins.toml")
    assert snap_compare(app, terminal_size=size,
                        run_before=_on_plan_then("f1", "HelpScreen"))
