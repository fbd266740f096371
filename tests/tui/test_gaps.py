"""The Gaps and risks view: the engine's gaps, men first, each in words; Enter goes there."""

from __future__ import annotations

import re

import pytest

from checklist_tui.core.gaps import MEN_HEADING, OTHER_HEADING
from checklist_tui.tui.screens.gaps_view import GapsScreen
from checklist_tui.tui.screens.plan import PlanScreen
from checklist_tui.tui.screens.records import RecordsScreen
from checklist_tui.tui.widgets.entry_list import EntryList
from tests.conftest import EXAMPLES, NOW
from tests.tui.helpers import make_app, plan_ready, wait_for, wait_for_screen
from tests.tui.test_snapshots import SIZES, _on_plan_then, snap_plans  # noqa: F401 (fixture)


def _rows(screen) -> list[str]:
    options = screen.query_one(EntryList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def _gaps(pilot, app) -> GapsScreen:
    await wait_for(pilot, lambda: plan_ready(app))
    await pilot.press("G")
    await wait_for(pilot, lambda: isinstance(app.screen, GapsScreen)
                   and app.screen.query_one(EntryList).option_count > 0, what="gaps")
    return app.screen


async def test_gaps_men_first_each_in_words(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _gaps(pilot, app)
        rows = _rows(screen)
        assert rows[0].startswith(MEN_HEADING)
        other = next(i for i, r in enumerate(rows) if r.startswith(OTHER_HEADING))
        violence = next(i for i, r in enumerate(rows) if "violence" in r and "NOT KNOWN" in r)
        assert violence < other  # the father's unknown violence history is among the men
        row = rows[violence]
        assert "Why: nobody knows yet, so it cannot be counted as safe" in row
        assert "Who will find out: Alex Placeholder, by 04/12/2026" in row
        assert "Police and probation checks on the father" in row
        jesse = next(r for r in rows[:other] if "Jesse Example" in r)
        assert jesse.startswith("PLAN CHECK") and "Why: the plan's own records" in jesse
        assert any(r.startswith("RED FLAG") and "Why: the checklist says this must not pass"
                   in r and "What to do: " in r for r in rows)  # red flags are in the list
        assert any(r.startswith("OVERDUE") for r in rows)  # so are overdue due points
        title = str(screen.query_one("#gaps-title").render())
        assert "about the father and male carers" in title


async def test_enter_goes_to_the_item(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _gaps(pilot, app)
        rows = _rows(screen)
        options = screen.query_one(EntryList)
        options.highlighted = next(i for i, r in enumerate(rows)
                                   if "violence" in r and "NOT KNOWN" in r)
        await pilot.press("enter")
        await wait_for_screen(pilot, PlanScreen)
        await wait_for(pilot, lambda: plan_ready(app) and app.screen.current == "history"
                       and app.focused is not None
                       and any(getattr(w, "id", "") == "item-PBA-P06"
                               for w in app.focused.ancestors_with_self),
                       what="PBA-P06 focused")


async def test_enter_on_a_record_gap_opens_people(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _gaps(pilot, app)
        rows = _rows(screen)
        screen.query_one(EntryList).highlighted = next(
            i for i, r in enumerate(rows) if "Jesse Example" in r)
        await pilot.press("enter")
        await wait_for_screen(pilot, RecordsScreen)


async def test_escape_goes_back_without_moving(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        before = app.screen.current
        await _gaps(pilot, app)
        await pilot.press("escape")
        await wait_for_screen(pilot, PlanScreen)
        assert app.screen.current == before


@pytest.mark.parametrize("size", SIZES)
def test_gaps_snapshot(snap_compare, snap_plans, size) -> None:  # noqa: F811
    app = make_app(snap_plans, "family-t-like-twins.toml")
    assert snap_compare(app, terminal_size=size, run_before=_on_plan_then("G", "GapsScreen"))


def _header_count(app) -> int:
    """The header's "Gaps and risks: N" (0 when it says none were found)."""
    text = str(app.screen.query_one("PlanHeader").render())
    found = re.search(r"Gaps and risks: (\d+)", text)
    return int(found.group(1)) if found else 0


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.toml")))
async def test_header_g_show_and_exports_count_the_same_list(plans, example, catalogue) -> None:
    """look-sw 4 / look-tm 1: the header, G, `show` and every export count one list
    (core.plan_gaps): the twins example said 24 in the app and 40 in `show`."""
    from checklist_tui.core import store
    from checklist_tui.export.show_report import render_show
    from checklist_tui.export.summary import build

    loaded = store.load(plans / example)
    summary = build(catalogue.get(loaded.plan.checklist_id), loaded.plan, NOW,
                    catalogue.sources, found_outside=loaded.found_outside)
    shown = re.search(r"Gaps and risks \((\d+)\):", render_show(summary))
    expected = int(shown.group(1)) if shown else 0
    assert expected == len(summary.gaps)
    app = make_app(plans, example)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        assert _header_count(app) == expected, example
        await pilot.press("G")
        await wait_for_screen(pilot, GapsScreen)
        title = str(app.screen.query_one("#gaps-title").render())
        assert title.startswith(f"Gaps and risks: {expected} thing"), (example, title)
