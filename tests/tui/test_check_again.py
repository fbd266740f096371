"""look-d D1 (c) in the app: the bruise check done again on the day of discharge. Typing
only the new date leaves the old day's words, which do not stand for it (the pause point's
tick says so); the details form offers to record the same words again, as written today,
when they are still true, and says on which day they were written."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Checkbox

from checklist_tui.core.review import reopen
from checklist_tui.core.written import written_before
from checklist_tui.tui.screens.detail_form import DetailForm
from tests.conftest import NOW
from tests.tui.helpers import go_to, make_app, plan_ready, rendered, wait_for, wait_for_screen

PLAN = "discharge-ready-for-sign-off.toml"
TODAY_TYPED = NOW.astimezone().strftime("%d/%m/%Y")


def _k01_reasons(screen) -> str:
    ev = screen.session.evaluate()
    return "; ".join(r for p in ev.contradicted if p.item_id == "DPM-K01" for r in p.reasons)


async def _details_of_h07(pilot, app):
    await wait_for(pilot, lambda: plan_ready(app))
    screen = app.screen
    screen.apply(reopen, screen.session.checklist.checklist,
                 "Checked again on the day the baby leaves", today=NOW.date())
    await go_to(pilot, "DPM-H07")
    await pilot.press("i")
    await wait_for_screen(pilot, DetailForm)
    form = app.screen
    await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "d-date")
    return screen, form


async def test_the_same_words_are_recorded_again_only_when_ticked(plans) -> None:
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, form = await _details_of_h07(pilot, app)
        said = " ".join(rendered(s) for s in form.query(".hint"))
        assert "Written on Sunday 22 November 2026: if it was done again today, write it " \
               "again, or tick the box below if these words are still true." in said
        tick = form.query_one("#again-text", Checkbox)
        assert not tick.value
        # at 80x24 the hint, the tick box and Save are all in view, without scrolling
        view = form.query_one(VerticalScroll)
        assert view.max_scroll_y == 0 and form.query_one("#save").region.bottom <= 24
        await pilot.press("ctrl+a", *TODAY_TYPED)
        await pilot.click("#save")  # the date alone: the words stay the 22nd's
        await wait_for(pilot, lambda: app.screen is screen, what="back on the plan")
        assert "(DPM-H07) was written on Sunday 22 November 2026, before the date it " \
               "records" in _k01_reasons(screen)
        plan, item = screen.session.plan, screen.session.checklist.checklist.item_map()
        await pilot.press("i")
        await wait_for_screen(pilot, DetailForm)
        form = app.screen
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "d-date")
        tick = form.query_one("#again-text", Checkbox)
        tick.focus()
        await wait_for(pilot, lambda: app.focused is tick)
        await pilot.press("space")
        await wait_for(pilot, lambda: tick.value)
        await pilot.click("#save")
        await wait_for(pilot, lambda: app.screen is screen, what="back on the plan")
        last = plan.history[-1]
        assert (last.what, last.target, last.old == last.new) == ("detail", "DPM-H07.text",
                                                                   True)
        assert written_before(plan, item["DPM-H07"], plan.answers["DPM-H07"]) == ""
        assert "(DPM-H07)" not in _k01_reasons(screen)


async def test_words_written_today_offer_no_tick_box(plans) -> None:
    """Words written today need nothing recorded again: no box to tick."""
    from checklist_tui.core import edit

    app = make_app(plans, PLAN)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        checklist = screen.session.checklist.checklist
        screen.apply(reopen, checklist, "Checked again on the day the baby leaves",
                     today=NOW.date())
        screen.apply(edit.set_detail, checklist, "DPM-H07", "text",
                     "Morgan Ward (fictional) checked the baby at 10:00: none")
        await go_to(pilot, "DPM-H07")
        await pilot.press("i")
        await wait_for_screen(pilot, DetailForm)
        form = app.screen
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "d-date")
        assert not form.query("#again-text")
