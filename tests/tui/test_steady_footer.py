"""The plan screen's footer is built again only when the keys it shows change: opening a
section (the focus moves away and back to a question) leaves it as it is, and a text
question's stop, which offers Enter, changes it."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from tests.tui.helpers import go_to, make_app, plan_ready, wait_for


def _keys(app) -> list[FooterKey]:
    return list(app.screen.query(FooterKey))


def _words(app) -> str:
    return " ".join(f"{key.key} {key.description}" for key in _keys(app))


async def test_the_footer_is_rebuilt_only_when_its_keys_change(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "PBA-S10")  # a yes/no question
        screen = app.screen
        await wait_for(pilot, lambda: bool(_keys(app)), what="the footer's keys")
        before = _keys(app)
        assert "Type the answer" not in _words(app)
        await pilot.press("right_square_bracket")
        await wait_for(pilot, lambda: plan_ready(app) and screen.current != "start",
                       what="the next section")
        await pilot.press("left_square_bracket")
        await wait_for(pilot, lambda: plan_ready(app) and screen.current == "start",
                       what="back again")
        await pilot.pause()
        assert _keys(app) == before  # the very same widgets: nothing was built again
        await go_to(pilot, "PBA-S09")  # a text question: its stop offers Enter
        app.screen.query_one("#item-PBA-S09").focus_control(step_in=False)
        await wait_for(pilot, lambda: "Type the answer" in _words(app),
                       what="the footer offering Enter")
