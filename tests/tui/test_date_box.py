"""A typed date the plan cannot take is said beside its box, in one sentence, until it is
put right; the plan keeps what it had (and the line says what that is)."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from tests.tui.helpers import go_to, make_app, rendered, wait_for


async def test_a_date_not_taken_is_said_beside_its_box_until_put_right(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-S09")
        screen = app.screen
        answers = screen.session.plan.answers
        before = answers["PBA-S09"].value
        assert isinstance(before, date)
        box = screen.query_one("#answer-PBA-S09", Input)
        # the whole box replaced at once: emptied first, a busy machine could save the
        # empty box (which clears the answer) before the first key arrived
        box.focus()
        box.value = "5/11/26"
        await pilot.press("tab")
        view = screen.query_one("#item-PBA-S09")
        await wait_for(pilot, lambda: view.query(".date-problem"), what="the line")
        line = rendered(view.query_one(".date-problem"))
        # look-a A15: the form to type, not only that it is not a date
        assert line.startswith("NOT SAVED: '5/11/26' is not a date: type it as 05/11/2026 (")
        assert f"the plan keeps {before:%d/%m/%Y}" in line
        assert box.value == "5/11/26" and box.has_class("not-saved")  # what was typed
        assert answers["PBA-S09"].value == before
        assert not any("is not a date" in str(n.message) for n in app._notifications)
        box.focus()
        box.value = "05/11/2026"
        await pilot.press("tab")
        await wait_for(pilot, lambda: answers["PBA-S09"].value == date(2026, 11, 5),
                       what="the date saved")
        await wait_for(pilot, lambda: not view.query(".date-problem"), what="line gone")
        assert not box.has_class("not-saved")
