"""m (submit for sign-off) says every reason it is refused, as c does, in a dialog that
reads at 80x24: each reason a line of its own, a wrapped reason indented under its text
(it said the first reason and "(and 42 more)" in a notification that went away). One
reason alone is said whole in a notification, as before (tests/tui/test_challenge.py)."""

from __future__ import annotations

import itertools

import pytest
from textual.widgets import Static

from checklist_tui.cli import main
from checklist_tui.core import clock
from checklist_tui.core.engine import evaluate
from checklist_tui.core.pause import completion_blockers
from checklist_tui.tui.screens.message import MessageScreen
from tests.tui.helpers import drawn_lines, make_app, plan_ready, rendered, wait_for

EARLY = "early-pre-birth.toml"
READY = "discharge-ready-for-sign-off.toml"


def _blockers(app) -> list[str]:
    session = app.screen.session
    checklist = session.checklist.checklist
    return completion_blockers(checklist, session.plan,
                               evaluate(checklist, session.plan, clock.today()))


def _words(app) -> Static:
    return app.screen.query_one("#message-words Static", Static)


@pytest.mark.parametrize("key", ["m", "c"])
async def test_submit_and_complete_list_every_reason(plans, key) -> None:
    path = plans / EARLY
    before = path.read_bytes()
    app = make_app(plans, EARLY)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        blockers = _blockers(app)
        assert len(blockers) > 12
        await pilot.press(key)
        await wait_for(pilot, lambda: isinstance(app.screen, MessageScreen)
                       and app.screen.is_mounted, what="the dialog")
        title = rendered(app.screen.query_one(".title", Static))
        assert title == ("Not submitted for sign-off" if key == "m"
                         else "Not ready to mark complete")
        lines = rendered(_words(app)).splitlines()
        assert lines[0] == ("Still to do:" if key == "c" else
                            f"The plan cannot be marked complete yet, for {len(blockers)} "
                            "reasons:")
        assert [line[2:] for line in lines if line.startswith("- ")] == blockers
        assert "Press o to see everything outstanding." in lines
        assert not any("more" in line for line in lines)
    assert path.read_bytes() == before


async def test_a_wrapped_reason_is_indented_under_its_text(plans) -> None:
    path = str(plans / READY)  # a pause point that no longer holds: a long reason
    assert main(["reopen", path, "--reason", "Checking the address again"]) == 0
    assert main(["answer", path, "DPM-C01", "no"]) == 0
    assert main(["answer", path, "DPM-C01", "yes", "--note", "A new address"]) == 0
    assert main(["answer", path, "DPM-C02", "not yet", "--owner", "Pat Sample", "--by",
                 "02/12/2026"]) == 0  # three reasons, two of them long
    app = make_app(plans, READY)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, MessageScreen)
                       and app.screen.is_mounted, what="the dialog")
        words = _words(app)
        logical = rendered(words).splitlines()
        await wait_for(pilot, lambda: words.size.height > len(logical),
                       what="some reasons wrapped")  # a pause point's reason is long
        drawn = drawn_lines(words)
        assert max(len(line) for line in drawn) <= words.size.width
        for line in drawn:  # at the left edge only what starts a line of the text
            if line and not line.startswith(" "):
                assert any(start.startswith(line) for start in logical), line
        for before, line in itertools.pairwise(drawn):
            if before.startswith("- ") and line.startswith(" "):  # a reason's next line
                assert line.startswith("  ") and not line.startswith("   "), line
