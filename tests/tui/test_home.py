"""Home: the list of plans, and the way into a plan and back."""


from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import DataTable

from checklist_tui.core import clock
from checklist_tui.core.index import PlanIndex
from checklist_tui.core.index_view import state_words
from checklist_tui.core.vocabulary import progress_mark
from checklist_tui.tui.screens.home import HomeScreen
from checklist_tui.tui.table_fill import cursor_key
from tests.tui.helpers import (
    make_app,
    plan_ready,
    rendered,
    wait_for,
)
from tests.tui.test_review import team_folder
from tests.tui.test_review_state import column_text


async def test_home_lists_plans_and_copes_with_unreadable_files(plans) -> None:
    (plans / "broken.toml").write_text("format_version = 1\n[answers\n")
    app = make_app(plans)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 4)
        cells = [str(table.get_row_at(i)[1]) for i in range(4)]
        # why, in short (s8count: it said only "(cannot be read)"), and no copy claimed
        assert "The text at line 2 is not in the plan format. No earlier copy kept." in cells
        assert "Pre-birth assessment" in cells


async def test_an_unreadable_plan_s_row_says_why_and_that_its_bak_is_kept(plans) -> None:
    """look-d 29 on Home: the row itself says why and that the version saved before it is
    kept (when it was last changed); Enter says its name and how to use it."""
    good = (plans / "early-pre-birth.toml").read_bytes()
    (plans / "cut.toml").write_bytes(good[:3000])
    (plans / "cut.toml.bak").write_bytes(good)
    from checklist_tui.core import store

    updated = store.load(plans / "early-pre-birth.toml").plan.updated.astimezone()
    app = make_app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 4)
        row = next(table.get_row_at(i) for i in range(4)
                   if str(table.get_row_at(i)[0]) == "cut.toml")
        assert str(row[1]) == ("It ends part-way through. Earlier copy kept as .bak, "
                               f"{updated:%d/%m/%Y %H:%M}.")
        assert str(row[2]) == "Cannot be read"
        (plans / "cut.toml.bak").write_bytes(good[:100])  # the .bak damaged too
    app = make_app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 4)
        assert "It ends part-way through. Its earlier copy (.bak) cannot be read either." in [
            str(table.get_row_at(i)[1]) for i in range(4)]

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
        at = next(i for i, c in enumerate(table.ordered_columns)
                  if str(c.label) == "Progress")
        width = table.ordered_columns[at].width
        marks = [str(table.get_row_at(i)[at]) for i in range(3)]
        assert any("!" in m and int(m.split("!")[1]) > 1 for m in marks)  # the twins' flags
        assert all(len(m) <= width for m in marks), (marks, width)
        assert len(progress_mark(100, 138, 5, 12, not_done=9)) <= width  # "• 100/138 ✗9 !12"
        assert sum(c.get_render_width(table) for c in table.columns.values()) <= 80


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_home_says_each_plans_state_in_the_words_review_uses(tmp_path, size) -> None:
    """A submitted, a hand-edited and an unreadable plan read differently on Home (they
    showed only "✓ 52/52" and looked alike), in the review's words, whole."""
    folder = team_folder(tmp_path / "team")
    app = make_app(folder)
    async with app.run_test(size=size) as pilot:
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 4 and "Checking" not in
                       rendered(app.screen.query_one("#plans-status")))
        with PlanIndex(folder, {}, include_user=False) as index:
            words = {row.path: state_words(row, clock.today()) for row in index.rows()}
        expected = {str(folder / path): said for path, said in words.items()}
        # The rows the index knew are drawn first, then the checked ones replace them
        # gradually (a worker): wait for the checked ones, do not read in between.
        await wait_for(pilot, lambda: column_text(table, "State") == expected,
                       what="the checked rows")
        shown = column_text(table, "State")
        assert set(shown.values()) >= {"Submitted for review",
                                       "Draft; edited outside the app"}
        assert len(set(shown.values())) == 4  # no two alike


async def test_home_highlights_the_plan_last_opened_and_home_end_move(plans) -> None:
    """Back on Home the plan just used is highlighted (Enter opened the row highlighted
    before it, another family's plan); Home and End go to the first and last plans."""
    app = make_app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 3)
        await pilot.press("end")
        await wait_for(pilot, lambda: table.cursor_row == 2)
        chosen = cursor_key(table)
        await pilot.press("home")
        await wait_for(pilot, lambda: table.cursor_row == 0)
        app.open_plan(Path(str(chosen)))
        await wait_for(pilot, lambda: plan_ready(app))
        os.utime(chosen, None)  # the file is newer; the plan keeps its place (look-a 9)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await wait_for(pilot, lambda: str(app.screen.query_one("#plans-status").render())
                       .startswith("3 plans"))
        await wait_for(pilot, lambda: cursor_key(table) == chosen and table.cursor_row == 2)


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


async def test_rows_arriving_after_home_is_gone_are_dropped(plans) -> None:
    """The folder is read in a thread; when its rows arrive after Home has been removed
    (the app quitting, or a damaged plan sending the app back while it closes), they are
    dropped. Before, Home looked for its table and the app stopped with NoMatches."""
    import asyncio

    from checklist_tui.tui.from_thread import call_while_attached

    app = make_app(plans)
    async with app.run_test(size=(80, 24)):
        gone = HomeScreen()
        assert not gone.is_attached
        await asyncio.to_thread(call_while_attached, app, gone, gone._show, [], [])
        await asyncio.to_thread(call_while_attached, app, gone, gone._reading, 200, 1000)
