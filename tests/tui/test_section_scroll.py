"""A section opened at 80x24 shows its first question from the top: its words are not left
above the view (closing-note-s6: the discharge example's "Confirm before discharge",
reached with ], opened scrolled 5 rows, with the answer at the top of the window and
the question it answers out of sight). Textual's own scrolls on focus were made before
the new section was laid out, and the last scroll brought only the answer into view."""

from __future__ import annotations

import pytest

from tests.tui.helpers import make_app, plan_ready, wait_for

PLAN = "discharge-ready-for-sign-off.toml"


async def _settled(pilot) -> None:
    """Whatever scrolling the opening asked for is done (scrolls, then animations)."""
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def _first_question_in_view(screen) -> bool:
    """The first question of the section shown is in the window, whole (its words, its
    answer), with the section's description above it (the page is at its top)."""
    pane = screen.shown
    first = next(view for view in pane.views() if view.display)
    window = pane.scrollable_content_region
    return (pane.scroll_y == 0 and window.contains_region(first.query_one(".prompt").region)
            and window.contains_region(first.region))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_each_section_opened_with_the_next_key_shows_its_first_question(
        plans, size) -> None:
    app = make_app(plans, PLAN)
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        sections = [s.id for s in screen.session.checklist.checklist.sections]
        screen.show_section(sections[0])
        await wait_for(pilot, lambda: plan_ready(app) and screen.current == sections[0])
        for section in sections[1:]:
            await pilot.press("]")
            await wait_for(pilot, lambda s=section: plan_ready(app) and screen.current == s
                           and screen.shown.section.id == s, what=section)
            await _settled(pilot)
            shown = screen.shown
            assert _first_question_in_view(screen), (
                section, shown.scroll_y, app.focused.id if app.focused else None)


async def test_a_section_jumped_to_from_the_list_shows_its_first_question(plans) -> None:
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        screen.show_section("confirm")  # as Enter on the list or Ctrl+P's section does
        await wait_for(pilot, lambda: plan_ready(app) and screen.shown.section.id == "confirm")
        await _settled(pilot)
        assert _first_question_in_view(screen), screen.shown.scroll_y
        first = next(view for view in screen.shown.views() if view.display)
        assert app.focused is not None and first in app.focused.ancestors_with_self
