"""New plan: focus goes where the hint says, and details that would mislead are refused."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from checklist_tui.tui.screens.new_plan import NewPlanScreen
from tests.tui.helpers import make_app, plan_ready, rendered, wait_for, wait_for_screen


async def _new_plan_form(pilot, checklist: str = "pre-birth-assessment") -> NewPlanScreen:
    await pilot.press("n")
    await wait_for_screen(pilot, NewPlanScreen)
    screen = pilot.app.screen
    options = screen.query_one(OptionList)
    await wait_for(pilot, lambda: options.option_count >= 4 and pilot.app.focused is options)
    options.highlighted = next(i for i in range(options.option_count)
                               if options.get_option_at_index(i).id == checklist)
    return screen


async def test_tab_from_the_checklists_goes_to_the_case_reference(tmp_path) -> None:
    app = make_app(tmp_path / "plans")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _new_plan_form(pilot)
        await pilot.press("tab")
        await wait_for(pilot, lambda: app.focused is not screen.query_one(OptionList))
        assert app.focused is screen.query_one("#case-ref", Input)
        await pilot.press(*"KB-1")
        await wait_for(pilot, lambda: screen.query_one("#case-ref", Input).value == "KB-1")


async def _try_create(pilot, screen, case_ref: str, edd: str) -> str:
    screen.query_one("#case-ref", Input).value = case_ref
    screen.query_one("#edd", Input).value = edd
    error = screen.query_one("#form-error")
    error.update("")
    screen.set_focus(screen.query_one("#babies", Input))  # Enter in the last box creates
    await pilot.press("enter")
    await wait_for(pilot, lambda: rendered(error).strip() or pilot.app.screen is not screen)
    return rendered(error)


async def test_misleading_details_are_refused_and_nothing_is_created(tmp_path) -> None:
    plans = tmp_path / "plans"
    app = make_app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _new_plan_form(pilot)
        assert "may be a name" in await _try_create(pilot, screen, "Jane Smith baby",
                                                    "20/05/2027")
        assert "looks like a date" in await _try_create(pilot, screen, "30/02/2027", "")
        assert "expected delivery date" in await _try_create(pilot, screen, "KB-2", "")
        assert "check the year" in await _try_create(pilot, screen, "KB-2", "20/05/2030")
        assert not list(plans.glob("*.toml")) if plans.exists() else True
        assert await _try_create(pilot, screen, "KB-2", "20/05/2027") == ""
        await wait_for(pilot, lambda: plan_ready(app))


async def test_an_edd_far_ahead_says_so_in_words(tmp_path) -> None:
    app = make_app(tmp_path / "plans")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _new_plan_form(pilot)
        screen.query_one("#edd", Input).value = "20/05/2030"
        gestation = screen.query_one("#gestation")
        await wait_for(pilot, lambda: "EDD" in rendered(gestation))
        assert "check the date" in rendered(gestation)
        assert "not yet pregnant" not in rendered(gestation)


def _shown_boxes(screen) -> list[str]:
    return [box.id for box in screen.query(Input) if box.display]


async def test_injury_checklist_asks_the_date_of_birth_not_the_edd(tmp_path) -> None:
    """The injury checklist is for a baby already born: New plan showed an EDD box (which
    it then refused) and a number of babies expected, and no date of birth (the command
    line's new has --dob). The boxes follow the checklist (core.plan_details.date_boxes),
    and change with the checklist highlighted."""
    from checklist_tui.core import store

    plans = tmp_path / "plans"
    app = make_app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _new_plan_form(pilot, "injury-non-mobile-baby")
        await wait_for(pilot, lambda: "edd" not in _shown_boxes(screen))
        assert _shown_boxes(screen) == ["case-ref", "dob", "practitioner", "role"]
        assert "date of birth" in rendered(screen.query_one("#dob-label")).lower()
        await pilot.press("enter", *"KB-3", "tab", *"20/11/2026")
        dob = screen.query_one("#dob", Input)
        await wait_for(pilot, lambda: dob.value == "20/11/2026")
        assert "5 days old" in rendered(screen.query_one("#age"))
        await pilot.press("tab", *"Ann Example", "tab", *"Health visitor", "enter")
        await wait_for(pilot, lambda: plan_ready(app), what="the plan created and open")
        [path] = plans.glob("*.toml")
        plan = store.load(path).plan
        assert (plan.case_ref, plan.edd, str(plan.dob), plan.practitioner_role) == (
            "KB-3", None, "2026-11-20", "Health visitor")
        assert "born 20/11/2026" in rendered(app.screen.query_one("#plan-header"))


async def test_the_boxes_follow_the_checklist_highlighted(tmp_path) -> None:
    app = make_app(tmp_path / "plans")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _new_plan_form(pilot, "injury-non-mobile-baby")
        await wait_for(pilot, lambda: "dob" in _shown_boxes(screen))
        options = screen.query_one(OptionList)
        options.highlighted = next(i for i in range(options.option_count)
                                   if options.get_option_at_index(i).id == "pre-birth-assessment")
        await wait_for(pilot, lambda: "edd" in _shown_boxes(screen))
        assert _shown_boxes(screen) == ["case-ref", "edd", "practitioner", "role", "babies"]


async def test_injury_checklist_needs_no_date(tmp_path) -> None:
    app = make_app(tmp_path / "plans")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _new_plan_form(pilot, "injury-non-mobile-baby")
        await wait_for(pilot, lambda: "dob" in _shown_boxes(screen))
        screen.query_one("#case-ref", Input).value = "KB-3"
        error = screen.query_one("#form-error")
        screen.set_focus(screen.query_one("#role", Input))  # Enter in the last box creates
        await pilot.press("enter")
        await wait_for(pilot, lambda: plan_ready(app) or rendered(error).strip())
        assert rendered(error).strip() == ""


def _burst(pilot, keys: list[str]) -> None:
    """Keys arriving together, as when the app is busy and the typist is not (or as tmux
    send-keys sends them): each reaches the app before the one before it is handled."""
    from textual import events
    from textual.keys import _character_to_key

    for key in keys:
        char = {"tab": "\t", "enter": "\r"}.get(key, key if len(key) == 1 else None)
        event = events.Key(_character_to_key(key) if len(key) == 1 else key, char)
        event.set_sender(pilot.app)
        pilot.app._driver.send_message(event)


async def test_keys_typed_ahead_land_in_the_box_they_were_typed_for(tmp_path) -> None:
    """Enter on the checklist, then the case reference, Tab, the EDD, Tab, your name, Tab,
    your role, Tab, the number of babies: typed faster than a busy app handles them, every
    key still lands where the keys before it moved the focus (Tab and Enter were lost, and
    the text went into one box). The name comes straight after the EDD (look-a 15: Tab
    after the EDD went to the number of babies, which takes digits only, and a name typed
    there vanished)."""
    app = make_app(tmp_path / "plans")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _new_plan_form(pilot)
        _burst(pilot, ["enter", *"KB-3", "tab", *"20/05/2027", "tab", *"Ann Example", "tab",
                       *"Social worker", "tab"])
        box = {i.id: i for i in screen.query(Input)}
        try:
            await wait_for(pilot, lambda: app.focused is box["babies"]
                           and box["role"].value == "Social worker")
        except AssertionError:  # say where the keys went
            raise AssertionError({k: v.value for k, v in box.items()}) from None
        assert (box["case-ref"].value, box["edd"].value, box["practitioner"].value,
                box["babies"].value) == ("KB-3", "20/05/2027", "Ann Example", "1")


async def test_the_error_line_goes_when_its_value_is_corrected(tmp_path) -> None:
    """The error line named an earlier bad value after it had been put right."""
    app = make_app(tmp_path / "plans")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _new_plan_form(pilot)
        assert "check the year" in await _try_create(pilot, screen, "KB-4", "20/05/2030")
        edd = screen.query_one("#edd", Input)
        assert app.focused is edd
        error = screen.query_one("#form-error")
        await pilot.press("end", "backspace", "backspace", *"27")
        await wait_for(pilot, lambda: edd.value == "20/05/2027")
        await wait_for(pilot, lambda: "2030" not in rendered(error))
        assert rendered(error).strip() == ""
        # An error about another box stays while a box it is not about changes.
        assert "looks like a date" in await _try_create(pilot, screen, "30/02/2027",
                                                        "20/05/2027")
        await pilot.press("tab", "tab", *"Ann")
        await wait_for(pilot, lambda: screen.query_one("#practitioner", Input).value == "Ann")
        assert "looks like a date" in rendered(error)


async def test_escape_asks_before_throwing_away_what_was_typed(tmp_path) -> None:
    """look-sw 13: Escape after typing a case reference went back to Home and dropped it
    unasked (every other form asks). Nothing typed: Escape goes back at once."""
    from checklist_tui.tui.screens.home import HomeScreen
    from checklist_tui.tui.screens.message import MessageScreen

    app = make_app(tmp_path / "plans")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _new_plan_form(pilot)
        await pilot.press("tab", *"KB-9", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MessageScreen))
        assert app.focused is app.screen.query_one("#no")  # Cancel: keep typing
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen)
        assert screen.query_one("#case-ref", Input).value == "KB-9"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MessageScreen))
        app.screen.query_one("#yes").press()
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("n")
        screen = await _new_plan_form(pilot)
        await pilot.press("escape")  # nothing typed
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_enter_moves_to_the_next_box_and_creates_only_from_the_last(tmp_path) -> None:
    """Enter in a box that is not the last goes to the next box, as in every form (it
    created the plan at once, from any box: half the details were never given, and the
    keys typed after that Enter went into the box left). Enter in the last box, or on
    Create plan, creates it."""
    plans = tmp_path / "plans"
    app = make_app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _new_plan_form(pilot)
        box = {i.id: i for i in screen.query(Input)}
        box["edd"].value = "20/05/2027"
        screen.set_focus(box["case-ref"])
        await pilot.press(*"KB-5", "enter")
        await wait_for(pilot, lambda: app.focused is box["edd"], what="Enter: the EDD box")
        await pilot.press("enter", *"Ann Example", "enter", *"Midwife", "enter")
        await wait_for(pilot, lambda: app.focused is box["babies"], what="the last box")
        assert (box["practitioner"].value, box["role"].value) == ("Ann Example", "Midwife")
        assert app.screen is screen and not (plans.exists() and list(plans.glob("*.toml")))
        await pilot.press("enter")  # the last box: create
        await wait_for(pilot, lambda: plan_ready(app), what="the plan created and opened")
        assert app.screen.session.plan.case_ref == "KB-5"
        assert app.screen.session.plan.practitioner == "Ann Example"


async def test_create_plan_button_creates_with_enter(tmp_path) -> None:
    app = make_app(tmp_path / "plans")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _new_plan_form(pilot)
        screen.query_one("#case-ref", Input).value = "KB-6"
        screen.query_one("#edd", Input).value = "20/05/2027"
        screen.set_focus(screen.query_one("#create"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: plan_ready(app), what="the plan created and opened")
        assert app.screen.session.plan.case_ref == "KB-6"
