"""#10 on the plan screen: "not yet" asks who and by when, a yes asks for its details,
a tick the plan contradicts is refused with the reason."""

from __future__ import annotations

from textual.widgets import Checkbox, TextArea

from checklist_tui.tui.screens.detail_form import DetailForm
from checklist_tui.tui.screens.follow_up import FollowUpScreen
from checklist_tui.tui.widgets.answer_choice import AnswerChoice
from checklist_tui.tui.widgets.item_view import ItemView
from tests.tui.helpers import make_app, plan_ready, rendered, wait_for


async def _open_at(pilot, app, section: str, item: str) -> ItemView:
    await wait_for(pilot, lambda: plan_ready(app))
    app.screen.jump(section, item)
    await wait_for(pilot, lambda: plan_ready(app) and app.screen.current == section
                   and app.screen.query_one(f"#item-{item}", ItemView) is not None)
    return app.screen.query_one(f"#item-{item}", ItemView)


async def test_not_yet_asks_owner_and_date_and_keeps_them(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _open_at(pilot, app, "father", "PBA-F08")
        screen = app.screen
        view.action_quick("not_yet")
        await wait_for(pilot, lambda: isinstance(app.screen, FollowUpScreen)
                       and app.focused is not None and app.focused.id == "owner", what="form")
        await pilot.press("enter", "enter")  # to the date, then Save: nothing given
        await wait_for(pilot, lambda: "Say who" in str(app.screen.query_one("#form-error")
                                                          .render()))
        await pilot.press(*"Pat Sample", "tab", *"10/12/2026", "enter")
        await wait_for(pilot, lambda: app.screen is screen, what="back on the plan")
        answer = screen.session.plan.answers["PBA-F08"]
        assert (answer.value, answer.owner, answer.by_date.isoformat()) == (
            "not_yet", "Pat Sample", "2026-12-10")
        await wait_for(pilot, lambda: "NOT KNOWN (not yet done): Pat Sample, by 10/12/2026"
                       in str(screen.query_one("#item-PBA-F08 .state").render()))


async def test_not_yet_cancelled_records_nothing(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _open_at(pilot, app, "father", "PBA-F08")
        screen = app.screen
        view.action_quick("not_yet")
        await wait_for(pilot, lambda: isinstance(app.screen, FollowUpScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert "PBA-F08" not in screen.session.plan.answers


async def test_yes_asks_for_its_detail(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _open_at(pilot, app, "analysis", "PBA-X04")
        screen = app.screen
        view.action_quick("yes")
        await wait_for(pilot, lambda: isinstance(app.screen, DetailForm)
                       and isinstance(app.focused, TextArea), what="detail form")
        await pilot.press(*"Call the duty team; the midwife tells the ward.")
        await pilot.click("#save")
        await wait_for(pilot, lambda: app.screen is screen)
        answer = screen.session.plan.answers["PBA-X04"]
        assert answer.details == {"text": "Call the duty team; the midwife tells the ward."}
        assert "PBA-X04" in screen.session.evaluate().done_items


async def test_yes_without_detail_shows_incomplete(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _open_at(pilot, app, "analysis", "PBA-X04")
        screen = app.screen
        view.action_quick("yes")
        await wait_for(pilot, lambda: isinstance(app.screen, DetailForm))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        await wait_for(pilot, lambda: "INCOMPLETE: missing: The contingency plan" in str(
            screen.query_one("#item-PBA-X04 .state").render()))


async def test_contradicted_tick_is_refused_with_reason(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _open_at(pilot, app, "father", "PBA-F12")
        screen = app.screen
        view.action_quick("yes")
        await wait_for(pilot, lambda: any("PBA-F12: Yes cannot be recorded: " in str(n.message)
                                          for n in app._notifications), what="the refusal")
        assert screen.session.plan.answers["PBA-F12"].value == "no"  # kept
        await wait_for(pilot, lambda: screen.query_one(
            "#item-PBA-F12", ItemView).query_one(AnswerChoice).value == "no")


async def test_discharge_pause_point_tick_refused_without_agency_contact(plans) -> None:
    from checklist_tui.core import clock, edit, review

    app = make_app(plans, "discharge-ready-for-sign-off.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _open_at(pilot, app, "confirm", "DPM-K06")
        screen = app.screen
        session = screen.session
        # a completed plan: changed only with a reason (core.review.reopen)
        session.apply(review.reopen, session.checklist.checklist, "Agency contact checked again",
                      today=clock.today())
        screen.apply(edit.clear_answer, "DPM-K06")
        agency = session.plan.agencies[0]
        screen.apply(edit.update_record, type(agency), agency.id, practitioner="", contact="")
        screen.restore_item("DPM-K06")
        await wait_for(pilot, lambda: not screen.query_one("#item-DPM-K06", ItemView)
                       .query_one(Checkbox).value)
        view = screen.query_one("#item-DPM-K06", ItemView)
        view.query_one(Checkbox).value = True
        await wait_for(pilot, lambda: any("no named practitioner" in str(n.message)
                                          for n in app._notifications), what="the refusal")
        assert not session.plan.answers["DPM-K06"].has_value


async def test_unknown_on_a_risk_question_asks_who_will_find_out_and_by_when(plans) -> None:
    """PBA-C01 (missed appointments, stopped engaging) takes "unknown" as a concern: the
    answer waits for an owner and a date, as "not yet" does. (The example's violence
    question, PBA-P06, is already "unknown" with the police checks awaited.)"""
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _open_at(pilot, app, "escalation", "PBA-C01")
        screen = app.screen
        assert "PBA-C01" not in screen.session.plan.answers
        view.action_quick("unknown")
        await wait_for(pilot, lambda: isinstance(app.screen, FollowUpScreen)
                       and app.focused is not None and app.focused.id == "owner", what="form")
        await pilot.press(*"Pat Sample", "tab", *"04/12/2026", "enter")
        await wait_for(pilot, lambda: app.screen is screen, what="back on the plan")
        answer = screen.session.plan.answers["PBA-C01"]
        assert (answer.value, answer.owner, answer.by_date.isoformat()) == (
            "unknown", "Pat Sample", "2026-12-04")
        assert "PBA-C01" not in screen.session.evaluate().done_items  # open, not answered


async def test_unknown_on_a_risk_question_cancelled_leaves_it_unrecorded(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _open_at(pilot, app, "escalation", "PBA-C01")
        screen = app.screen
        before = len(screen.session.plan.history)
        view.action_quick("unknown")
        await wait_for(pilot, lambda: isinstance(app.screen, FollowUpScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert "PBA-C01" not in screen.session.plan.answers
        assert len(screen.session.plan.history) == before
        # the question goes back to no answer: nothing on screen claims "unknown"
        await wait_for(pilot, lambda: view.query_one(AnswerChoice).value is None
                       and "(•)" not in rendered(view.query_one(AnswerChoice)),
                       what="no option chosen")


async def test_the_father_list_offers_only_the_father(plans) -> None:
    """look-c 2: the list "The father (add him on the People page)" offered everyone in
    People, the mother first; it offers the people People records as the father."""
    from checklist_tui.tui.widgets.names_list import NamesList

    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_at(pilot, app, "father", "PBA-F01")
        await pilot.press("i")  # what the Yes carries
        await wait_for(pilot, lambda: isinstance(app.screen, DetailForm), what="detail form")
        names = app.screen.query_one(NamesList)
        offered = [str(names.get_option_at_index(i).prompt) for i in range(names.option_count)]
        assert offered == ["Sam Example (Father)"]  # not Robin Example, the mother


async def test_a_yes_changed_to_no_no_longer_shows_what_it_carried(plans) -> None:
    """look-c 6: the item still showed the Yes's details as content after a change to No."""
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _open_at(pilot, app, "father", "PBA-F01")
        screen = app.screen

        def state() -> str:
            return str(screen.query_one("#item-PBA-F01 .state").render())

        await wait_for(pilot, lambda: "The father (add him on the People page): Sam Example"
                       in state(), what="the Yes's details")
        view.action_quick("no")
        await wait_for(pilot, lambda: "Details recorded with an earlier Yes are not shown now "
                       "the answer is No" in state(), what="the details not shown")
        assert "The father (add him on the People page): Sam Example" not in state()


async def test_no_back_to_yes_says_the_earlier_details_are_not_carried(plans) -> None:
    """No and then Yes again: the Yes does not bring back the earlier Yes's details as
    current; the item says so (core.carried.not_carried), and asks for them again."""
    from tests.core.test_carried import NOT_CARRIED

    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _open_at(pilot, app, "father", "PBA-F01")
        screen = app.screen

        def state() -> str:
            return " ".join(str(screen.query_one("#item-PBA-F01 .state").render()).split())

        view.action_quick("no")
        await wait_for(pilot, lambda: "not shown now the answer is No" in state(),
                       what="the answer No")
        view.action_quick("yes")
        await wait_for(pilot, lambda: isinstance(app.screen, DetailForm),
                       what="the form asking for the details again")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen, what="back on the plan")
        await wait_for(pilot, lambda: " ".join(NOT_CARRIED.split()) in state(),
                       what="the details not carried over, said")
        assert "Sam Example" not in state()
