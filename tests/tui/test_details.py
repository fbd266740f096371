"""Plan details: recording the birth."""


from __future__ import annotations

from textual.widgets import Input

from tests.tui.helpers import (
    make_app,
    plan_ready,
    rendered,
    wait_for,
)


async def test_details_record_birth(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("d")
        await wait_for(pilot, lambda: app.screen.query_one("#d-dob", Input))
        app.screen.query_one("#d-edd", Input).value = "01/02/2027"  # 29+4 at the birth
        dob = app.screen.query_one("#d-dob", Input)
        dob.value = "20/11/2026"
        await pilot.click("#save")  # Enter in a box that is not the last moves on
        await wait_for(pilot, lambda: "born 20/11/2026, 5 days old" in rendered(
            app.screen.query_one("#plan-header")))


async def test_details_open_with_a_field_focused_and_refuse_a_future_birth(plans) -> None:
    from checklist_tui.tui.screens.details import DetailsScreen
    from tests.tui.helpers import wait_for_screen

    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        plan = app.screen.session.plan
        await pilot.press("d")
        await wait_for_screen(pilot, DetailsScreen)
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        assert app.focused is app.screen.query_one("#d-case_ref", Input)
        dob = app.screen.query_one("#d-dob", Input)
        dob.value = "26/11/2026"  # tomorrow
        await pilot.click("#save")
        error = app.screen.query_one("#form-error")
        await wait_for(pilot, lambda: "in the future" in rendered(error))
        assert app.focused is dob and plan.dob is None


async def test_details_follow_the_checklists_rule_for_the_edd(plans) -> None:
    """The Details form parses with the plan's checklist (core.plan_details), as New plan
    and `new` do: a pre-birth plan's EDD cannot be emptied while no birth is recorded."""
    from checklist_tui.tui.screens.details import DetailsScreen
    from tests.tui.helpers import wait_for_screen

    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        plan = app.screen.session.plan
        edd = plan.edd
        await pilot.press("d")
        await wait_for_screen(pilot, DetailsScreen)
        box = app.screen.query_one("#d-edd", Input)
        box.value = ""
        await pilot.click("#save")  # Enter in a box that is not the last moves on
        error = app.screen.query_one("#form-error")
        await wait_for(pilot, lambda: "expected delivery date" in rendered(error))
        assert plan.edd == edd and app.focused is box


async def test_an_injury_plans_details_have_its_date_of_birth_and_no_edd(plans) -> None:
    """The injury checklist takes no EDD (one typed is refused) and is about one baby
    already born: its Details form asks the date of birth, with no EDD box, nor babies
    expected, nor an early birth (core.plan_details.date_boxes, as New plan)."""
    from checklist_tui.core import clock, store
    from checklist_tui.core.catalogue import load_catalogue
    from checklist_tui.tui.screens.details import DetailsScreen
    from tests.tui.helpers import wait_for_screen

    loaded = store.create(plans, load_catalogue(include_user=False).get(
        "injury-non-mobile-baby"), case_ref="KB-7", now=clock.now())
    app = make_app(plans, loaded.path.name)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("d")
        await wait_for_screen(pilot, DetailsScreen)
        boxes = [box.id for box in app.screen.query(Input)]
        assert boxes == ["d-case_ref", "d-dob", "d-practitioner", "d-practitioner_role"]
        assert not app.screen.query("#d-prematurity_likely")
        app.screen.query_one("#d-dob", Input).value = "20/11/2026"
        await pilot.click("#save")
        await wait_for(pilot, lambda: "born 20/11/2026" in rendered(
            app.screen.query_one("#plan-header")))
        assert app.screen.session.plan.edd is None
