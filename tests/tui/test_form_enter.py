"""Enter in a form acts once: it confirms or saves once and closes only the form (the
plan stays on the screen), and in a form with several boxes it moves to the next one."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from checklist_tui.core.edit import set_detail
from checklist_tui.core.review import reopen
from checklist_tui.tui.screens.confirm_pause import ConfirmPauseScreen
from checklist_tui.tui.screens.detail_form import DetailForm
from checklist_tui.tui.screens.form import FormScreen
from checklist_tui.tui.widgets.flag_banner import FlagBanner
from tests.conftest import NOW
from tests.tui.helpers import go_to, make_app, plan_ready, rendered, wait_for, wait_for_screen


async def test_enter_in_the_last_box_confirms_the_pause_point_once(plans) -> None:
    app = make_app(plans, "discharge-ready-for-sign-off.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        screen.apply(reopen, screen.session.checklist.checklist,
                     "Confirmed again before the baby leaves", today=NOW.date())
        for item in ("DPM-H01", "DPM-H07", "DPM-C12"):  # checked again today (#12)
            screen.apply(set_detail, screen.session.checklist.checklist, item, "date",
                         NOW.astimezone().date())
            screen.apply(set_detail, screen.session.checklist.checklist, item, "text",
                         screen.session.plan.answers[item].details["text"], again=True)
        screen.jump("confirm", "DPM-K01")
        await wait_for(pilot, lambda: plan_ready(app) and screen.current == "confirm")
        plan = screen.session.plan
        before = len(plan.confirmations)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmPauseScreen)
                       and app.focused is not None and app.focused.id == "name")
        await pilot.press(*"Morgan Ward", "tab", *"Ward midwife", "tab", "space", "tab",
                          *"Example Social Worker C (social worker)", "enter")
        await wait_for(pilot, lambda: app.screen is screen and "Confirmed by Morgan Ward"
                       in rendered(screen.query_one(FlagBanner)), what="back on the plan")
        for _ in range(5):  # a second dismiss, if any, would have closed the plan by now
            await pilot.pause()
        assert app.screen is screen and screen.is_mounted
        assert len(plan.confirmations) == before + 1
        assert plan.confirmations[-1].by == "Morgan Ward (Ward midwife)"


async def test_enter_in_a_detail_box_moves_on_and_saves_nothing(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-D01")
        screen = app.screen
        await pilot.press("i")
        await wait_for_screen(pilot, DetailForm)
        form = app.screen
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        await pilot.press(*"12 Example Road", "enter")
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id != form.query_one(Input).id, what="moved on")
        for _ in range(5):
            await pilot.pause()
        assert app.screen is form  # still open: the second detail is still to give
        assert not (screen.session.plan.answers["PBA-D01"].details or {})


def test_a_form_cannot_handle_enter_twice() -> None:
    with pytest.raises(TypeError, match="submitted"):
        class Twice(FormScreen[str]):  # refused as it is defined
            def on_input_submitted(self, _event: Input.Submitted) -> None:
                pass
