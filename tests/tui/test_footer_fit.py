"""look-b 15: at 80x24, with a manager's challenge waiting, the plan's footer cut "r Answer
challenge" to "r Answer" and dropped F1 Help: the one key the practitioner must find. The
keys that matter most come first, so they are the ones that fit."""

from __future__ import annotations

from textual.widgets import Footer

from tests.tui.helpers import make_app, plan_ready, wait_for
from tests.tui.test_challenge import READY, _submitted_with_challenge


async def test_answer_challenge_and_help_fit_the_footer_at_80x24(plans) -> None:
    _submitted_with_challenge(plans)
    app = make_app(plans, READY)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        footer = app.screen.query_one(Footer)
        await wait_for(pilot, lambda: "Answer challenge" in str(
            [k.description for k in footer.query("FooterKey")]))
        await pilot.pause()
        shown = [k for k in footer.query("FooterKey")
                 if k.region.width and k.region.right <= app.size.width - 12]
        words = [f"{k.key_display} {k.description}" for k in shown]
        assert any(w.endswith("Answer challenge") for w in words), words
        assert any(w.endswith("Help") for w in words), words
