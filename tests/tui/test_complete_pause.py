"""c (mark complete) refuses a plan whose pause point no longer holds, naming it, in the
same words as the command line and plain mode (core.pause.completion_blockers)."""

from __future__ import annotations

from checklist_tui.cli import main
from checklist_tui.core import store
from checklist_tui.core.plan import PlanState
from checklist_tui.tui.screens.message import MessageScreen
from tests.tui.helpers import make_app, plan_ready, rendered, wait_for

READY = "discharge-ready-for-sign-off.toml"


async def test_complete_is_refused_while_the_pause_point_no_longer_holds(plans) -> None:
    path = str(plans / READY)
    assert main(["reopen", path, "--reason", "Checking the address again"]) == 0
    # a note changed (no "no" on the way: that is its own reason, look-c 7)
    assert main(["answer", path, "DPM-C01", "yes", "--note", "A new address"]) == 0
    app = make_app(plans, READY)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, MessageScreen))
        text = "\n".join(rendered(s) for s in app.screen.query("Static"))
        assert "Not ready to mark complete" in text
        assert ("- Pause point 'Confirm before discharge' no longer holds: the note on 'Is the "
                "discharge address confirmed?' (DPM-C01) was changed on ") in text
    assert store.load(plans / READY).plan.state == PlanState.AMENDED
