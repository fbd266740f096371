"""People, agencies and actions: tabs by arrow keys and p/g/a, a banner per table,
removing says which row."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable, TabbedContent

from checklist_tui.tui.screens.message import MessageScreen
from checklist_tui.tui.screens.records import RecordsScreen
from tests.tui.helpers import (
    make_app,
    open_from_plan,
    rendered,
    wait_for,
    wait_for_screen,
)


async def test_tabs_follow_arrows_and_letters_with_a_banner_each(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_plan(pilot, "p", RecordsScreen)
        screen = app.screen
        tabs = screen.query_one(TabbedContent)
        banner = screen.query_one("#men-line")
        assert tabs.active == "people" and "male carer" in rendered(banner)
        await pilot.press("right")
        await wait_for(pilot, lambda: tabs.active == "agencies")
        await wait_for(pilot, lambda: rendered(banner).startswith("Agencies:"))
        assert "male carer" not in rendered(banner)
        await pilot.press("left", "left")
        await wait_for(pilot, lambda: tabs.active == "actions")
        await wait_for(pilot, lambda: rendered(banner).startswith("Actions:"))
        await pilot.press("g")
        await wait_for(pilot, lambda: tabs.active == "agencies")
        await pilot.press("p")
        await wait_for(pilot, lambda: tabs.active == "people")
        await pilot.press("a")
        await wait_for(pilot, lambda: tabs.active == "actions")


async def test_remove_says_which_row(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_plan(pilot, "a", RecordsScreen)
        first = app.screen.session.plan.actions[0].what
        await pilot.press("delete")
        await wait_for_screen(pilot, MessageScreen)
        title = rendered(app.screen.query_one(".title"))
        assert title.startswith("Remove the action '") and first[:20] in title


def _shown(screen: RecordsScreen, page: str) -> bool:
    """Whether ``page`` is the page shown; asks for it again when not. Under load the
    screen's own first focus (on its first page) can be handled after the test asked for
    another page and switch back to the first (TabbedContent follows focus)."""
    if screen.page == page and screen.query_one(TabbedContent).active == page:
        return True
    screen.action_show_page(page)
    return False


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_column_is_on_screen_and_every_word_is_read(plans, size) -> None:
    """look-sw 15: at 80x24 "Adult who visits or stay" and "Mother's new par" were cut,
    and the actions' Status (with OVERDUE) was off the screen. Every column fits the
    window, a row is as tall as its words need, and the headings are whole too."""
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=size) as pilot:
        await open_from_plan(pilot, "a", RecordsScreen)
        screen = app.screen
        for page in ("people", "agencies", "actions"):
            table = screen.query_one(f"#table-{page}", DataTable)
            await wait_for(pilot, lambda page=page, table=table: _shown(screen, page)
                           and table.row_count > 0 and table.size.width > 0, what=page)
            used = sum(c.get_render_width(table) for c in table.ordered_columns)
            assert used <= table.scrollable_content_region.width, (page, used)
            for column in table.ordered_columns:
                assert column.label.cell_len <= column.width * table.header_height
            for key in table.rows:
                cells = table.get_row(key)
                for cell, column in zip(cells, table.ordered_columns, strict=True):
                    lines = cell.wrap(app.console, column.width)
                    assert len(lines) <= table.rows[key].height, (page, str(cell))
        actions = screen.query_one("#table-actions", DataTable)
        first = screen.session.plan.actions[0]
        status = " ".join(str(actions.get_row(first.id)[-1]).split())
        assert status == "In progress, OVERDUE"
        # look-b 11: the line above the table counts it too
        assert rendered(screen.query_one("#men-line")).startswith(
            "Actions: 6 recorded, 1 OVERDUE, 2 without a named owner or a due date.")


async def test_an_action_saved_already_past_its_date_says_it_is_overdue(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_plan(pilot, "a", RecordsScreen)
        screen = app.screen
        said: list[str] = []
        screen.notify = lambda message, **kw: said.append(str(message))  # type: ignore
        screen._added({"what": "Visit the grandparents", "owner": "Alex Placeholder",
                       "agency": "", "due": date(2026, 11, 1), "status": "not_started"})
        await wait_for(pilot, lambda: bool(said))
        assert said == ["'Visit the grandparents' was due on 01/11/2026: it is OVERDUE "
                        "already."]


async def test_removing_a_man_asks_why_and_keeps_it(plans) -> None:
    """look-d D2: one Delete removed a visiting man with no reason asked, and 'no other man'
    then read as true. Now it asks why (a real reason), and the history keeps it."""
    from checklist_tui.tui.screens.remove_person import RemovePersonScreen
    from checklist_tui.tui.widgets.line_box import LineBox

    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_plan(pilot, "p", RecordsScreen)
        screen = app.screen
        plan = screen.session.plan
        table = screen.query_one("#table-people", DataTable)
        man = next(p for p in plan.people if p.is_man)
        row = table.get_row_index(man.id)
        table.move_cursor(row=row)
        await wait_for(pilot, lambda: table.cursor_row == row)
        await pilot.press("delete")
        await wait_for_screen(pilot, RemovePersonScreen)
        assert man.name in str(app.screen.title)
        app.screen.query_one("#why", LineBox).value = "ok"
        app.screen.save()
        assert isinstance(app.screen, RemovePersonScreen)  # "ok" is not a reason
        app.screen.query_one("#why", LineBox).value = "Moved out on 20/11/2026"
        app.screen.save()
        await wait_for(pilot, lambda: app.screen is screen and man not in plan.people)
        last = plan.history[-1]
        assert (last.what, last.new) == ("person.remove", "removed: Moved out on 20/11/2026")


async def test_a_man_changed_to_not_a_man_asks_why(plans) -> None:
    """look-d D2: a man recorded as not a man in the person form was saved with no word,
    and nothing named him among the men again. Saving asks why (a real reason); 'Do not
    change' changes nothing."""
    from checklist_tui.core.plan import Person
    from checklist_tui.tui.screens.remove_person import ChangedPersonScreen
    from checklist_tui.tui.widgets.line_box import LineBox

    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_plan(pilot, "p", RecordsScreen)
        screen = app.screen
        plan = screen.session.plan
        man = next(p for p in plan.people if p.is_man)
        values = man.model_dump(exclude={"id"}) | {"man": False}
        count = len(plan.history)
        screen._edited(man.id, values)  # what the person form gives back on Save
        await wait_for_screen(pilot, ChangedPersonScreen)
        assert man.name in str(app.screen.title) and "why?" in str(app.screen.title)
        # rev8-tui 4: which it takes him out of, said once
        assert "is no longer counted among the men (the father and male carers)" in str(
            app.screen.title)
        await pilot.click("#cancel")
        await wait_for(pilot, lambda: app.screen is screen)
        assert len(plan.history) == count and next(
            p for p in plan.people if p.id == man.id).is_man
        screen._edited(man.id, values)
        await wait_for_screen(pilot, ChangedPersonScreen)
        app.screen.query_one("#why", LineBox).value = "ok"
        app.screen.save()
        assert isinstance(app.screen, ChangedPersonScreen)  # "ok" is not a reason
        app.screen.query_one("#why", LineBox).value = "Recorded as a man by mistake"
        app.screen.save()
        await wait_for(pilot, lambda: app.screen is screen and len(plan.history) == count + 1)
        changed = next(p for p in plan.people if p.id == man.id)
        assert isinstance(changed, Person) and not changed.is_man
        assert plan.history[-1].new.endswith("; why=Recorded as a man by mistake")
        await wait_for(pilot, lambda: f"No longer recorded as men: {man.name} (recorded as "
                       "not a man: Recorded as a man by mistake)." in " ".join(
                           rendered(screen.query_one("#men-line")).split()),
                       what="the People line names him")
