"""Home: the list of plans, and the way into a plan and back."""


from __future__ import annotations

from textual.widgets import DataTable

from checklist_tui.tui.screens.home import HomeScreen
from tests.tui.helpers import (
    make_app,
    plan_ready,
    wait_for,
)


async def test_home_lists_plans_and_copes_with_unreadable_files(plans) -> None:
    (plans / "broken.toml").write_text("format_version = 1\n[answers\n")
    app = make_app(plans)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 4)
        cells = [str(table.get_row_at(i)[1]) for i in range(4)]
        assert "(cannot be read)" in cells
        assert "Pre-birth assessment" in cells

async def test_home_with_no_plans_says_what_to_do(tmp_path) -> None:
    app = make_app(tmp_path / "empty")
    async with app.run_test(size=(80, 24)) as pilot:
        status = app.screen.query_one("#plans-status")
        await wait_for(pilot, lambda: "No plans yet" in str(status.render()))
        assert "Press n" in str(status.render())

async def test_home_opens_plan_and_back_returns(plans) -> None:
    app = make_app(plans)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_home_shows_progress_and_red_flags_whole_at_80x24(plans) -> None:
    """A plan with a hundred questions and red flags ("• 75/113 !5") is not cut to "!"
    with no number: the progress column holds it at 80 columns."""
    app = make_app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 3)
        width = next(c.width for c in table.columns.values() if str(c.label) == "Progress")
        marks = [str(table.get_row_at(i)[3]) for i in range(3)]
        assert any("!" in m and int(m.split("!")[1]) > 1 for m in marks)  # the twins' flags
        assert all(len(m) <= width for m in marks), (marks, width)
        assert sum(c.get_render_width(table) for c in table.columns.values()) <= 80


async def test_a_plan_opened_from_home_says_which_plan_first(plans, monkeypatch) -> None:
    """The same first frame as `open PLAN`: the case reference at once, before the plan
    screen is loaded (from Home the old screen stayed up, saying nothing, meanwhile)."""
    from checklist_tui.tui.screens import opening

    held: list = []
    original = opening.OpeningScreen.load_plan_screen
    monkeypatch.setattr(opening.OpeningScreen, "load_plan_screen",
                        lambda self: held.append(self))
    app = make_app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 3)
        case = str(table.get_row_at(table.cursor_row)[0])
        await pilot.press("enter")
        await wait_for(pilot, lambda: bool(held), what="the opening frame")
        screen = app.screen
        assert isinstance(screen, opening.OpeningScreen)
        assert f"Opening {case}…" in str(screen.query_one("#plan-header").render())
        original(screen)
        await wait_for(pilot, lambda: plan_ready(app))
        assert app.screen.session.plan.case_ref == case
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
