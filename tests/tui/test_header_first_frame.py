"""The plan's first frame has the whole header: its third line (the men, the gaps and
risks, pause points and challenges) is in the frame that first shows the items, and the
header keeps its height from then on. It used to be blank in that frame and filled a
frame later; when it wrapped, the header grew a line and every item moved down a row
under the reader's eyes (#12.2)."""

from __future__ import annotations

import pytest

from checklist_tui.tui.screens.plan import PlanScreen
from checklist_tui.tui.widgets.item_view import ItemView
from checklist_tui.tui.widgets.plan_header import PlanHeader
from tests.tui.helpers import make_app, plan_ready, rendered, wait_for

PLAN = "family-t-like-twins.toml"


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (60, 24)])
async def test_the_first_frame_with_items_has_the_whole_header(plans, size) -> None:
    app = make_app(plans, PLAN)
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
        header = app.screen.query_one(PlanHeader)
        final = rendered(header).splitlines()
    first, height = frames[0]
    assert "DEMO-0002-TWINS" in first[0]
    assert first == final  # nothing is added to the header after the first frame
    shown = " ".join(first)
    assert "Father and male carers: " in shown and "Gaps and risks: " in shown
    assert {h for _lines, h in frames} == {height}  # the items never move down a row
