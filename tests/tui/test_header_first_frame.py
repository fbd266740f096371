"""The plan's first frame: its first items come before the header's third line (the men,
the gaps and risks, pause points and challenges), which is blank in that frame (never a
claim) and filled just after it (#12.2)."""

from __future__ import annotations

from checklist_tui.tui.widgets.plan_header import PlanHeader
from tests.tui.helpers import make_app, plan_ready, rendered, wait_for

PLAN = "family-t-like-twins.toml"


async def test_the_third_line_is_blank_in_the_first_frame_then_filled(plans,
                                                                      monkeypatch) -> None:
    at_first: list[tuple[list[str], bool]] = []
    catch_up = PlanHeader._catch_up

    def seen_first(header: PlanHeader, session) -> None:
        lines = rendered(header).splitlines()
        at_first.append((lines, bool(header.screen.query("ItemView"))))
        catch_up(header, session)

    monkeypatch.setattr(PlanHeader, "_catch_up", seen_first)
    app = make_app(plans, PLAN)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        [(first, items_built)] = at_first
        assert items_built  # the items were in that frame
        assert "DEMO-0002-TWINS" in first[0]
        assert len(first) == 3 and first[2].strip() == ""  # the third line: blank
        header = app.screen.query_one(PlanHeader)
        assert header.complete
        lines = rendered(header).splitlines()
        assert lines[:2] == first[:2]
        assert "Father and male carers: " in lines[2] and "Gaps and risks: " in lines[2]
