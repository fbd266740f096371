"""Confirming a pause point on the plan screen: who confirmed, when, who was present;
refused with the reason when the plan does not bear it out; cancel records nothing."""

from __future__ import annotations

from textual.widgets import Input

from checklist_tui.core import edit
from checklist_tui.core.review import reopen
from checklist_tui.core.vocabulary import NO_LONGER_HOLDS
from checklist_tui.tui.screens.confirm_pause import ConfirmPauseScreen
from checklist_tui.tui.screens.message import MessageScreen
from checklist_tui.tui.widgets.flag_banner import FlagBanner
from checklist_tui.tui.widgets.marked import MarkedSelectionList
from tests.conftest import NOW
from tests.tui.helpers import make_app, plan_ready, rendered, wait_for

PLAN = "discharge-ready-for-sign-off.toml"
STAMP = NOW.astimezone().strftime("%d/%m/%Y %H:%M")
R02 = "'Is there any sign the parents may try to leave hospital with the baby…' (DPM-R02)"
K04 = "'Safer sleep and crying advice given to every carer, any other man in …' (DPM-K04)"


async def _on_pause_point(pilot, app):
    await wait_for(pilot, lambda: plan_ready(app))
    # the example is completed: changing it (a new confirmation included) needs a reason
    app.screen.apply(reopen, app.screen.session.checklist.checklist,
                     "Confirmed again before the baby leaves", today=NOW.date())
    for item in ("DPM-H01", "DPM-H07", "DPM-C12"):  # checked again today: today's dates
        app.screen.apply(edit.set_detail, app.screen.session.checklist.checklist, item,
                         "date", NOW.astimezone().date())
        app.screen.apply(edit.set_detail, app.screen.session.checklist.checklist, item,  # words
                         "text", app.screen.session.plan.answers[item].details["text"],
                         again=True)  # the same words, recorded on the day (core.written)
    app.screen.jump("confirm", "DPM-K01")
    await wait_for(pilot, lambda: plan_ready(app) and app.screen.current == "confirm")
    return app.screen


def _banner(screen) -> str:
    return rendered(screen.query_one(FlagBanner))


async def test_confirm_records_who_when_and_who_was_present(plans) -> None:
    app = make_app(plans, PLAN)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _on_pause_point(pilot, app)
        await wait_for(pilot, lambda: "Confirmed by Drew Demo" in _banner(screen))
        before = len(screen.session.plan.confirmations)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmPauseScreen)
                       and app.focused is not None and app.focused.id == "name", what="form")
        form = app.screen
        assert STAMP in rendered(form.query(".dialog Static")[1])  # when: the clock
        await pilot.press("enter")  # Enter in a box that is not the last moves on
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "role")
        await pilot.click("#save")  # nothing given: refused, the form stays
        await wait_for(pilot, lambda: "Say who is confirming" in rendered(
            form.query_one("#form-error")))
        assert app.focused is not None and app.focused.id == "name"
        await pilot.press(*"Kim Example", "tab", *"Ward manager", "tab")
        present = form.query_one("#present", MarkedSelectionList)
        assert "Riley Example (Father)" in [str(o.prompt) for o in present.options]
        assert "Example Health Visitor (Health visiting)" in [str(o.prompt)
                                                             for o in present.options]
        present.select("Riley Example (Father)")
        present.select("Example Health Visitor (Health visiting)")
        form.query_one("#others", Input).value = "Lee Example, ward sister; "
        await pilot.click("#save")
        await wait_for(pilot, lambda: app.screen is screen, what="back on the plan")
        plan = screen.session.plan
        assert len(plan.confirmations) == before + 1
        latest = plan.confirmations[-1]
        assert (latest.section, latest.by, latest.at) == ("confirm", "Kim Example (Ward manager)",
                                                          NOW)
        assert latest.present == ["Riley Example (Father)",
                                  "Example Health Visitor (Health visiting)",
                                  "Lee Example, ward sister"]
        await wait_for(pilot, lambda: f"Confirmed by Kim Example (Ward manager) on {STAMP}; "
                       "present: Riley Example (Father); Example Health Visitor (Health "
                       "visiting); Lee Example, ward sister." in _banner(screen))
        # the confirmer is remembered for the session
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmPauseScreen))
        assert app.screen.query_one("#name", Input).value == "Kim Example"
        assert app.screen.query_one("#role", Input).value == "Ward manager"


async def test_cancel_records_nothing(plans) -> None:
    app = make_app(plans, PLAN)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _on_pause_point(pilot, app)
        plan = screen.session.plan
        before = (len(plan.confirmations), len(plan.history))
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmPauseScreen)
                       and app.focused is not None)
        await pilot.press(*"Kim Example", "tab", *"Ward manager")
        await pilot.press("escape")  # something was typed: asked first
        await wait_for(pilot, lambda: isinstance(app.screen, MessageScreen))
        await pilot.click("#yes")
        await wait_for(pilot, lambda: app.screen is screen)
        assert (len(plan.confirmations), len(plan.history)) == before
        assert app.confirmer == ("", "")  # nothing confirmed, nothing remembered


async def test_refused_with_the_reason_and_the_old_confirmation_no_longer_holds(plans) -> None:
    app = make_app(plans, PLAN)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _on_pause_point(pilot, app)
        plan = screen.session.plan
        # the father was not given the safer-sleep advice after all
        screen.apply(edit.set_answer, screen.session.checklist.checklist, "DPM-S02", "no")
        screen.refresh_state()
        await wait_for(pilot, lambda: _banner(screen).startswith(
            f"{NO_LONGER_HOLDS}: Confirmed by Drew Demo"), what="no longer holds")
        assert "DPM-K04" in _banner(screen) and "Press f" not in _banner(screen)  # A3
        assert f"First put right what contradicts {K04}, then press f to confirm it again." \
            in _banner(screen)
        before = (len(plan.confirmations), len(plan.history))
        await pilot.press("f")
        await wait_for(pilot, lambda: any(
            "Confirm before discharge cannot be confirmed: 'Safer sleep and crying advice "
            "given to every carer, any other man in …' (DPM-K04)" in str(n.message)
            and "contradicted by the plan" in str(n.message) for n in app._notifications),
            what="the refusal")
        assert not isinstance(app.screen, ConfirmPauseScreen)  # no form to fill in for nothing
        assert (len(plan.confirmations), len(plan.history)) == before


async def test_not_a_pause_point_says_so(plans) -> None:
    app = make_app(plans, PLAN)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        first = screen.session.checklist.checklist.sections[0].id
        screen.jump(first)
        await wait_for(pilot, lambda: plan_ready(app) and screen.current == first)
        await pilot.press("f")
        await wait_for(pilot, lambda: any("not a pause point" in str(n.message)
                                          and "Confirm before discharge" in str(n.message)
                                          for n in app._notifications))
        assert not isinstance(app.screen, ConfirmPauseScreen)


async def test_the_form_fits_80x24_with_its_buttons_in_view(plans) -> None:
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await _on_pause_point(pilot, app)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmPauseScreen)
                       and app.focused is not None)
        await pilot.pause()
        for name in ("#save", "#cancel"):
            button = app.screen.query_one(name)
            region = button.region
            shown, _ = app.screen.get_widget_at(region.x + 1, region.y)
            assert shown is button, f"{name} is hidden behind {shown!r}"


async def test_an_open_red_flag_refuses_f_and_the_banner_says_what_to_do(plans) -> None:
    """look-a A6 and A3: the parents may leave with the baby (DPM-R02, raised after the
    items were ticked): f is refused before the form, and the banner never says "Press f"
    while it would be; acknowledged with what is being done, f opens the form."""
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _on_pause_point(pilot, app)
        plan = screen.session.plan
        screen.apply(edit.set_answer, screen.session.checklist.checklist, "DPM-R02", "yes")
        screen.refresh_state()
        await wait_for(pilot, lambda: f"red flag on {R02}" in _banner(screen),
                       what="what to do about the red flag")
        assert "Press f" not in _banner(screen)
        before = (len(plan.confirmations), len(plan.history))
        await pilot.press("f")
        await wait_for(pilot, lambda: any(
            "Confirm before discharge cannot be confirmed: a red flag is open on 'Is there any "
            "sign the parents may try to leave hospital with the baby…' (DPM-R02)"
            in str(n.message) and f"First acknowledge the red flag on {R02} (go to it and "
            "press k)" in str(n.message) for n in app._notifications), what="the refusal")
        assert not isinstance(app.screen, ConfirmPauseScreen)
        assert (len(plan.confirmations), len(plan.history)) == before
        screen.apply(edit.acknowledge, screen._session().checklist.checklist,
                     "DPM-R02.leaving", "Police and EDT told; ward briefed")
        screen.refresh_state()
        await wait_for(pilot, lambda: "Press f to confirm it again." in _banner(screen))
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmPauseScreen), what="form")


async def test_every_box_is_in_sight_when_focused_at_80x24(plans) -> None:
    """look-d 16: at 80x24 "Others present", the form's last box, lay under the buttons
    (which stay put over the fields): it had no row, and the name typed into it was
    nowhere on screen. Each box, reached by Tab, is scrolled clear of them."""
    from textual.containers import Vertical

    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await _on_pause_point(pilot, app)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmPauseScreen)
                       and app.focused is not None and app.focused.id == "name", what="form")
        form = app.screen
        foot = form.query_one(".form-foot", Vertical)
        title = form.query_one(".form-title")
        for ident in ("role", "present", "others"):
            await pilot.press("tab")
            await wait_for(pilot, lambda ident=ident: app.focused is not None
                           and app.focused.id == ident, what=ident)
            box = app.focused

            def clear(box=box) -> bool:
                region = box.region
                return bool(region) and title.region.bottom <= region.y \
                    and region.bottom <= foot.region.y

            await wait_for(pilot, clear, what=f"{ident} clear of the title and buttons")
        await pilot.press(*"Kim Example")
        await wait_for(pilot, lambda: form.query_one("#others", Input).value == "Kim Example",
                       what="the name typed in sight")
