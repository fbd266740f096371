"""A section of any size (#12.4): a 500-item section builds only the page on the screen
(a page left is taken down), pages on with PgDn and jumps straight to an item far down;
its last item is reached by keyboard alone and answered and saved with a bounded number
of item widgets built; an answer refreshes only the items whose state it changed, not
every item of every visited section."""

from __future__ import annotations

import gc

from checklist_tui.core import store
from checklist_tui.tui.screens.home import HomeScreen
from checklist_tui.tui.widgets import far_items
from checklist_tui.tui.widgets.item_view import ItemView
from checklist_tui.tui.widgets.section_pane import KEEP_ITEMS, PAGE_ITEMS, SectionPane
from tests.tui.helpers import plan_ready, wait_for
from tests.tui.test_sections import sections_app, shown_panes, title


def built(screen) -> list[str]:
    """The items whose widgets exist, in every section visited."""
    return [view.item.id for view in screen.query(ItemView)]


def built_ahead(screen) -> bool:
    """The page shown is built to below the bottom of its view (or to its end)."""
    pane = screen.shown
    views = pane.views()
    return len(views) == len(pane.items) or (
        views[-1].virtual_region.y >= pane.scroll_y + pane.size.height)


def focus_in_view(screen) -> bool:
    """The focused item is within the view: a scroll towards it has finished (the
    page builds ahead of where the scroll ends, so counting mid-scroll reads too much)."""
    focused, pane = screen.focused, screen.shown
    view = next((v for v in pane.views() if focused is not None
                 and (focused is v or v in focused.ancestors)), None)
    return view is not None and pane.scroll_y <= view.virtual_region.y \
        < pane.scroll_y + pane.size.height


def one_run(ids: list[str], order: list[str]) -> None:
    """``ids`` are built in the page's order, with no item let go between them."""
    assert ids == order[order.index(ids[0]):order.index(ids[-1]) + 1], "in order, no gaps"


def only_the_window_and_one_ahead(screen, first: int) -> list[str]:
    """Check that the page shown has built, through its item ``first``, the items on the
    screen and a window ahead, and no more: the last built item is below the view, and
    the one before it starts less than two windows down. Returns the ids built."""
    pane = screen.shown
    ids = [view.item.id for view in pane.views()]
    one_run(ids, [item.id for item in pane.items])
    assert pane.items[first].id in ids
    window = pane.size.height
    if len(ids) < len(pane.items):
        last, before = pane.views()[-1], pane.views()[-2]
        assert last.virtual_region.y >= pane.scroll_y + window, "nothing built ahead"
        assert before.virtual_region.y < pane.scroll_y + 2 * window, "more than a window ahead"
    return ids


async def test_a_500_item_section_builds_only_the_page_shown(tmp_path) -> None:
    app = sections_app(tmp_path, [500, 3])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        await wait_for(pilot, lambda: plan_ready(app) and built_ahead(screen))
        ids = only_the_window_and_one_ahead(screen, 0)
        assert built(screen) == ids and 4 < len(ids) < PAGE_ITEMS // 3
        assert title(screen).startswith("Section 1 of 2: Part 1 (items 1 to 40 of 500)")
        assert app.focused is not None and app.focused.id == "answer-a000"

        for _ in range(60):  # PgDn scrolls the page, then goes on to the next page
            if screen.shown.page == 1:
                break
            await pilot.press("pagedown")
        await wait_for(pilot, lambda: plan_ready(app) and screen.shown.page == 1)
        assert shown_panes(screen) == ["sec-a-p2"]
        assert title(screen).startswith("Section 1 of 2: Part 1 (items 41 to 80 of 500)")
        assert app.focused is not None and app.focused.id == "answer-a040"
        await wait_for(pilot, lambda: plan_ready(app) and built_ahead(screen))
        assert built(screen) == only_the_window_and_one_ahead(screen, 0)  # page 1 let go
        assert built(screen)[0] == "a040"

        screen.jump("a", "a450")  # Ctrl+P or the outstanding list, to an item far down
        await wait_for(pilot, lambda: plan_ready(app) and screen.shown.page == 11)
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == "answer-a450", what="a450 focused")
        assert title(screen).startswith("Section 1 of 2: Part 1 (items 441 to 480 of 500)")
        await wait_for(pilot, lambda: plan_ready(app) and built_ahead(screen)
                       and focus_in_view(screen), what="a450 in view, built ahead")
        ids = only_the_window_and_one_ahead(screen, 10)  # built through a450, and ahead
        assert built(screen) == ids and "a450" in ids and "a451" in ids  # page 2 let go

        await pilot.press("]")
        await wait_for(pilot, lambda: plan_ready(app) and screen.current == "b")
        assert shown_panes(screen) == ["sec-b"]
        assert title(screen).startswith("Section 2 of 2: Part 2")  # one page: no count


async def test_the_last_of_500_items_is_reached_by_keyboard_with_few_widgets_built(
        tmp_path) -> None:
    """PgDn to the last page, Tab to the last item; item 481 is answered and saved. At
    no point are more than one page and the window's first items built (before, every
    page visited stayed built: 500 items by the last page)."""
    app = sections_app(tmp_path, [500, 3])
    bound = PAGE_ITEMS + 10
    most = 0
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        for _ in range(400):  # PgDn scrolls each page, then goes on to the next
            most = max(most, len(built(screen)))
            if screen.shown.page == 12 and plan_ready(app):
                break
            await pilot.press("pagedown")
        assert screen.shown.page == 12, "PgDn did not reach the last page"
        assert title(screen).startswith("Section 1 of 2: Part 1 (items 481 to 500 of 500)")
        assert app.focused is not None and app.focused.id == "answer-a480"
        await pilot.press("y")  # item 481 (id a480): yes
        for _ in range(60):  # Tab: the note, then the next item's answer, to the last
            if app.focused is not None and app.focused.id == "answer-a499":
                break
            await pilot.press("tab")
            most = max(most, len(built(screen)))
        assert app.focused is not None and app.focused.id == "answer-a499"
        await pilot.press("n")
        assert most <= bound, f"{most} item widgets built at once"
        ids = built(screen)  # the last page only (items far above it may be let go)
        one_run(ids, [f"a{n:03d}" for n in range(480, 500)])
        assert ids[-1] == "a499"
        path = screen.session.loaded.path
        await wait_for(pilot, lambda: store.load(path).plan.answers.get("a499") is not None,
                       what="the answers saved")
    answers = store.load(path).plan.answers
    assert answers["a480"].value == "yes" and answers["a499"].value == "no"


async def test_sections_seen_longest_ago_are_let_go_beyond_the_limit(
        tmp_path, monkeypatch) -> None:
    """Going back to a section is instant while everything built stays within KEEP_ITEMS;
    beyond it the section seen longest ago is taken down (and built again if visited).
    (Items far from the view are kept here, so that End builds a whole section.)"""
    monkeypatch.setattr(far_items, "KEEP_WINDOWS", 1000)
    sizes = [40, 40, 40, 40, 40, 40]
    app = sections_app(tmp_path, sizes)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        for n in range(len(sizes)):
            if n:
                await pilot.press("]")
                await wait_for(pilot, lambda n=n: plan_ready(app)
                               and screen.current == "abcdef"[n])
            await pilot.press("end")  # every item of the section built
            await wait_for(pilot, lambda n=n: app.focused is not None
                           and app.focused.id == f"answer-{'abcdef'[n]}039")
            await wait_for(pilot, lambda: plan_ready(app))
            assert len(built(screen)) <= KEEP_ITEMS
        assert sorted(screen.panes) == ["sec-b", "sec-c", "sec-d", "sec-e", "sec-f"]
        assert len(built(screen)) == KEEP_ITEMS
        screen.show_section("a")  # let go: built again, and shown as before
        await wait_for(pilot, lambda: plan_ready(app) and screen.current == "a")
        assert shown_panes(screen) == ["sec-a"] and "sec-b" not in screen.panes
        assert app.focused is not None and app.focused.id == "answer-a000"


async def test_the_page_buttons_are_reached_by_tab_and_go_back(tmp_path) -> None:
    app = sections_app(tmp_path, [45])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        screen.query_one("#page-next").focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: plan_ready(app) and screen.shown.page == 1)
        assert [v.item.id for v in screen.shown.views()] == [f"a{n:03d}" for n in range(40, 45)]
        await pilot.press("shift+tab")  # from the first item back to the button before it
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == "page-back")
        await pilot.press("enter")
        await wait_for(pilot, lambda: plan_ready(app) and screen.shown.page == 0)
        assert shown_panes(screen) == ["sec-a"]
        await wait_for(pilot, lambda: app.focused is not None  # where it left
                       and app.focused.id == "answer-a039", what="a039 focused")


async def test_an_answer_refreshes_only_the_items_it_changed(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(far_items, "KEEP_WINDOWS", 1000)  # all 60 kept built
    rule = ('\n[[sections.items.rules]]\nid = "flag"\nseverity = "warning"\n'
            'if_answer = ["yes"]\nred_flag = true\nmessage = "A flag on the first item."\n'
            'escalation = "Tell the manager."\n')
    app = sections_app(tmp_path, [30, 30], extra={
        "a000": rule, "a001": 'show_if = { item = "a000", equals = "yes" }\n'})
    refreshed: list[str] = []
    show_state = ItemView.show_state

    def counted(view: ItemView, *args, **kwargs) -> None:
        refreshed.append(view.item.id)
        show_state(view, *args, **kwargs)

    monkeypatch.setattr(ItemView, "show_state", counted)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        for section in "ba":  # both sections visited to their ends: 60 items built
            await pilot.press("end")
            await wait_for(pilot, lambda: plan_ready(app) and app.focused is not None
                           and app.focused.id.endswith("029"))
            await pilot.press("]" if section == "b" else "[")
            await wait_for(pilot, lambda s=section: plan_ready(app) and screen.current == s)
        await pilot.press("home")
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == "answer-a000")
        assert len(built(screen)) == 60
        assert not screen.query_one("#item-a001").display
        refreshed.clear()
        await pilot.press("y")  # yes to the first item: a red flag, and a001 appears
        await wait_for(pilot, lambda: screen.query_one("#item-a001").display)
        await wait_for(pilot, lambda: "flag" in str(screen.query_one("#item-a000").query_one(
            ".state").render()).lower())
        await pilot.pause()
        assert sorted(set(refreshed)) == ["a000", "a001"]
        assert all(isinstance(p, SectionPane) for p in screen.query(".section-pane"))


async def test_what_is_alive_once_the_plan_is_shown_is_frozen_until_it_is_left(
        tmp_path) -> None:
    """The collector's full passes skip what was alive when the first section was shown
    (collector.py), and leaving the plan lets it see everything again."""
    app = sections_app(tmp_path, [5, 5])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await wait_for(pilot, lambda: gc.get_freeze_count() > 10_000, what="frozen")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen), what="home")
        await wait_for(pilot, lambda: gc.get_freeze_count() == 0, what="unfrozen")


async def test_home_and_end_go_to_the_first_and_last_item_of_the_section(tmp_path) -> None:
    """End goes to the last item of a 500-item section (its last page, that page only
    built) and Home back to the first; an item that does not apply is passed over; in a
    text box Home and End stay the box's own (start and end of the line)."""
    app = sections_app(tmp_path, [500, 3], extra={
        "a499": 'show_if = { item = "a000", equals = "yes" }\n'})
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        assert app.focused is not None and app.focused.id == "answer-a000"

        await pilot.press("end")  # a499 does not apply (a000 unanswered): a498 is last
        await wait_for(pilot, lambda: plan_ready(app) and screen.shown.page == 12
                       and app.focused is not None and app.focused.id == "answer-a498")
        assert shown_panes(screen) == ["sec-a-p13"]
        ids = built(screen)  # that page only (items far above a498 may be let go)
        one_run(ids, [f"a{n:03d}" for n in range(480, 500)])
        assert ids[-1] == "a499"
        assert screen.query_one("#item-a498").region.height > 0  # scrolled into sight
        assert title(screen).startswith("Section 1 of 2: Part 1 (items 481 to 500 of 500)")

        await pilot.press("home")
        await wait_for(pilot, lambda: plan_ready(app) and screen.shown.page == 0
                       and app.focused is not None and app.focused.id == "answer-a000")
        await wait_for(pilot, lambda: plan_ready(app) and built_ahead(screen))
        assert built(screen) == only_the_window_and_one_ahead(screen, 0)
        await pilot.press("y")  # a499 now applies
        await wait_for(pilot, lambda: "a499" in screen._session().evaluate().visible_items)
        await pilot.press("end")
        await wait_for(pilot, lambda: plan_ready(app) and app.focused is not None
                       and app.focused.id == "answer-a499")

        await pilot.press("]")  # a short section on one page: End within the page
        await wait_for(pilot, lambda: plan_ready(app) and screen.current == "b")
        await pilot.press("end")
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == "answer-b002")
        await pilot.press("home")
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == "answer-b000")

        await pilot.press("tab")  # into b000's note: a text box keeps Home and End
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == "note-b000")
        await pilot.press("a", "b", "c", "home")
        box = app.focused
        assert box.id == "note-b000" and box.cursor_location == (0, 0)
        await pilot.press("end")
        assert app.focused is box and box.cursor_location == (0, 3)


async def test_items_far_from_the_view_are_let_go_but_never_the_focused_or_typed(
        tmp_path) -> None:
    """Scrolled through a whole page, a page keeps only the items near the view built
    (those far above or below are let go, a gap of their height left, nothing moves),
    except the one with the focus and its typed note; coming back builds them again."""
    app = sections_app(tmp_path, [500, 3])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        pane = screen.shown
        screen.query_one("#item-a002").query_one(".note").focus()
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "note-a002",
                       what="a002's note")
        await pilot.press(*"kept words")
        most, seen_gone = 0, False
        for _ in range(80):  # scrolled (the focus stays in the note) to the page's end
            pane.scroll_to(y=pane.scroll_y + pane.size.height, animate=False)
            await pilot.pause()
            await wait_for(pilot, lambda: plan_ready(app))
            most = max(most, len(built(screen)))
            seen_gone = seen_gone or "a010" not in built(screen)
            if pane.complete and pane.scroll_y >= pane.max_scroll_y:
                break
        assert pane.complete and "a039" in built(screen), "the page's end was not reached"
        assert seen_gone and "a010" not in built(screen), "nothing far above was let go"
        assert most <= 28, f"{most} item widgets built at once"  # 40 before
        note = screen.query_one("#note-a002")  # kept: it has the focus and the words
        assert app.focused is note and note.text == "kept words"
        await pilot.press("escape", "home")  # out of the note; to the first item
        await wait_for(pilot, lambda: plan_ready(app) and app.focused is not None
                       and app.focused.id == "answer-a000", what="a000 again")
        await wait_for(pilot, lambda: plan_ready(app) and "a005" in built(screen),
                       what="a005 built again")
        ids = built(screen)
        assert ids == sorted(ids) and len(set(ids)) == len(ids)
        assert "a039" not in ids  # far below now: let go in its turn
    answers = store.load(screen.session.loaded.path).plan.answers
    assert answers["a002"].note == "kept words"  # passed on when the focus left it


async def test_no_collection_while_a_section_is_built_and_first_drawn(tmp_path,
                                                                      monkeypatch) -> None:
    """The collector's passes are held from a switch until the frame that shows the
    section is drawn (collector.hold_while_switching: they came about 30 times in a
    60-item section's first visit, each delaying that frame), and run again after it."""
    from checklist_tui.tui.screens.plan_sections import PlanSections

    app = sections_app(tmp_path, [5, 60])
    collecting_at_show: list[bool] = []
    shown = PlanSections._show

    def _show(self, pane) -> None:
        collecting_at_show.append(gc.isenabled())
        shown(self, pane)

    monkeypatch.setattr(PlanSections, "_show", _show)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app) and app.screen.warmed, what="warmed")
        await wait_for(pilot, gc.isenabled, what="collecting after the start")
        screen = app.screen
        collecting_at_show.clear()
        second = screen.session.checklist.checklist.sections[1].id
        screen.show_section(second)
        await wait_for(pilot, lambda: screen.ready and screen.shown.section.id == second)
        assert collecting_at_show == [False]
        await wait_for(pilot, gc.isenabled, what="collecting again once drawn")
