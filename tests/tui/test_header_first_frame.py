"""The plan header never grows a line after the plan's first frame (#12.2). Its third line
(the men, the gaps and risks, pause points and challenges) is left blank in that frame
and filled just after it only when it is sure to fit on the line kept for it; else it is
in the first frame. It used to be filled a frame later whatever its length: when it
wrapped, the header grew a line and every item moved down a row under the reader's eyes."""

from __future__ import annotations

import pytest

from checklist_tui.tui.screens.plan import PlanScreen
from checklist_tui.tui.widgets import plan_header
from checklist_tui.tui.widgets.item_view import ItemView
from checklist_tui.tui.widgets.plan_header import PlanHeader
from tests.tui.helpers import make_app, plan_ready, rendered, wait_for

PLAN = "family-t-like-twins.toml"


async def frames_of(plans, size, plan=PLAN) -> tuple[list[tuple[list[str], int]], list[str]]:
    """(header lines and height in each frame drawn with items, the header once ready)."""
    app = make_app(plans, plan)
    frames: list[tuple[list[str], int]] = []
    display = app._display

    def seen(screen, renderable) -> None:  # each frame the app draws
        if isinstance(screen, PlanScreen) and renderable is not None:
            views = [v for v in screen.query(ItemView) if v.region.height]
            if views:
                header = screen.query_one(PlanHeader)
                frames.append((rendered(header).splitlines(), header.region.height))
        display(screen, renderable)

    app._display = seen  # type: ignore[method-assign]
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        final = rendered(app.screen.query_one(PlanHeader)).splitlines()
    return frames, final


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (60, 24), (44, 24)])
async def test_the_header_keeps_its_height_from_the_first_frame_with_items(
        plans, size) -> None:
    frames, final = await frames_of(plans, size)
    first, height = frames[0]
    assert "DEMO-0002-TWINS" in first[0]
    assert {h for _lines, h in frames} == {height}  # the items never move down a row
    assert len(final) == len(first)
    shown = " ".join(final)
    assert "Father and male carers: " in shown and "Gaps and risks: " in shown
    if all(line.strip() for line in first):  # filled before the first frame: as it stays
        assert first == final
    else:  # the one line kept blank is the one filled after it
        assert [n for n, line in enumerate(first) if not line.strip()] == [
            n for n, (a, b) in enumerate(zip(first, final, strict=True)) if a != b]


async def test_a_third_line_that_may_wrap_is_in_the_first_frame(plans) -> None:
    """At 60 columns the twins' third line wraps (the men; the gaps, 39 of them): it is
    worked out before the first frame. At 120 it cannot wrap: left for just after it."""
    frames, final = await frames_of(plans, (60, 24))
    assert frames[0][0] == final
    assert any(line.startswith("Gaps and risks: ") for line in frames[0][0])
    frames, final = await frames_of(plans, (120, 40))
    # (the count has a line of its own at 120x40: rev8-tui 5)
    men = next(n for n, line in enumerate(final) if line.startswith("Father and male"))
    assert frames[0][0][men].strip() == ""  # kept blank in that frame, then filled


def test_the_room_kept_is_for_the_longest_third_line_the_plan_can_have(
        plans, catalogue) -> None:
    """Each phrase at its longest: every pause point named, MOST_GAPS gaps all about the
    men, the challenges waiting; the men as recorded."""
    from checklist_tui.core.session import PlanSession

    session = PlanSession.open(plans / "discharge-ready-for-sign-off.toml", catalogue.get,
                               read_only=True)
    ev = session.evaluate()
    longest = len("Father and male carers: 9  ·  Gaps and risks: 9999, 9999 about the men"
                  " (G)")
    assert not plan_header._fits_anyway(session, ev, longest)  # the pause point too
    pause = next(s for s in session.checklist.checklist.sections if s.pause_point)
    with_pause = longest + len(f"  ·  {pause.title}: NO LONGER HOLDS (G)") + 20
    assert plan_header._fits_anyway(session, ev, with_pause)
    session.close()
