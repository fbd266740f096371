"""Who is making changes (look-d D12): asked once when a plan is opened for editing, shown
in the header, changed with W, and recorded on every change; "Only look" changes nothing."""

from __future__ import annotations

from checklist_tui.core import edit, who
from checklist_tui.core.who import Who
from checklist_tui.tui.app import ChecklistApp
from checklist_tui.tui.screens.plan import PlanScreen
from checklist_tui.tui.screens.who_dialog import WhoScreen
from checklist_tui.tui.widgets.plan_header import PlanHeader
from tests.tui.helpers import plan_ready, rendered, wait_for

PLAN = "family-t-like-twins.toml"  # a draft: changed without a reason
PRACTITIONER = "Alex Placeholder (example social worker)"


def _app(plans, **kwargs) -> ChecklistApp:
    return ChecklistApp(plans, plan_path=plans / PLAN, ask_who=True, **kwargs)


async def _asked(pilot, app):
    await wait_for(pilot, lambda: isinstance(app.screen, WhoScreen) and app.focused is not None
                   and app.focused.id == "who-name", what="who is making changes")
    return app.screen


def _plan_screen(app) -> PlanScreen:
    return next(s for s in app.screen_stack if isinstance(s, PlanScreen))


def _said(form) -> str:
    """Every line of the form's words."""
    from textual.widgets import Static
    return " ".join(rendered(line) for line in form.query(Static))


def _header(app) -> str:
    return rendered(_plan_screen(app).query_one(PlanHeader))


async def _note(pilot, app, text: str) -> str:
    """A change made on the plan screen: a note on the first answer without one."""
    screen = _plan_screen(app)
    item = next(i for i, a in screen.session.plan.answers.items() if not a.note)
    assert screen.apply(edit.set_note, item, text)
    return screen.session.plan.history[-1].by


async def test_asked_once_offering_nobody_and_every_change_is_theirs(plans) -> None:
    app = _app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _asked(pilot, app)
        # rev8-tui 1: the practitioner is not filled in (Enter, Enter took them), nor offered
        assert form.query_one("#who-name").value == form.query_one("#who-role").value == ""
        assert not form.query("#who-same") and PRACTITIONER not in _said(form)
        assert "Your name" in _said(form)
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: "Say your name" in rendered(form.query_one("#form-error")))
        assert app.screen is form
        await pilot.press(*"Morgan Example", "enter", *"Ward midwife", "enter")
        await wait_for(pilot, lambda: plan_ready(app))
        assert "You: Morgan Example" in _header(app)
        assert await _note(pilot, app, "Re-checked on the ward") == \
            "Morgan Example (Ward midwife)"
        session = _plan_screen(app).session
        assert session.said == Who("Morgan Example", "Ward midwife")
        assert who.remembered(session.plan.id) == Who("Morgan Example", "Ward midwife")


async def test_the_next_time_the_last_person_here_is_a_button_and_enter_keeps_nobody(
        plans) -> None:
    from checklist_tui.core import store

    plan_id = store.load(plans / PLAN).plan.id
    who.remember(plan_id, Who("Morgan Example", "Ward midwife"), store.load(
        plans / PLAN).plan.updated)
    app = _app(plans)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _asked(pilot, app)
        assert form.query_one("#who-name").value == ""  # never filled in for the person
        assert "Last here: Morgan Example (Ward midwife)" in _said(form)
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: "Say your name" in rendered(form.query_one("#form-error")))
        form.set_focus(form.query_one("#who-same"))  # as Tab from the role box reaches it
        await pilot.press("enter")  # "I am Morgan Example": a choice made on purpose
        await wait_for(pilot, lambda: plan_ready(app))
        assert "You: Morgan Example (Ward midwife)" in _header(app)


async def test_notices_from_before_the_question_do_not_cover_it(plans) -> None:
    """rev8-tui 9: a 'Not taken' notice of keys typed while the plan opened covered the
    form's buttons at 80x24 for seconds."""
    app = _app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify("Not taken: keys typed while the plan opened", timeout=60)
        await _asked(pilot, app)
        assert not list(app._notifications)


async def test_a_placeholder_is_not_a_name(plans) -> None:
    app = _app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _asked(pilot, app)
        await pilot.press(*"tbc", "enter", "enter")
        await wait_for(pilot, lambda: "'tbc' is not a name" in rendered(
            form.query_one("#form-error")))
        assert app.screen is form and app.focused.id == "who-name"


async def test_only_look_opens_it_read_only_until_w(plans) -> None:
    app = _app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        await _asked(pilot, app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen)
                       and app.screen.session.read_only)
        screen = app.screen
        assert "nobody said who is making changes: press W" in rendered(
            screen.query_one("#readonly-reason"))
        assert "You:" not in _header(app)
        assert screen.session.who_pending is False
        await pilot.press("W")  # said after all: the plan opens again, and asks
        form = await _asked(pilot, app)
        await pilot.press(*"Morgan Example", "enter", "ctrl+a", *"Ward midwife", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen)
                       and app.screen is not screen and plan_ready(app)
                       and "You: Morgan Example" in _header(app))
        assert not app.screen.session.read_only
        assert form.changing is False
        assert await _note(pilot, app, "Looked, then changed") == \
            "Morgan Example (Ward midwife)"


async def test_w_changes_who_for_the_changes_from_then_on(plans) -> None:
    app = _app(plans)
    async with app.run_test(size=(120, 40)) as pilot:
        await _asked(pilot, app)
        await pilot.press(*"Alex Placeholder", "enter", *"Social worker", "enter")
        await wait_for(pilot, lambda: plan_ready(app) and "You: " in _header(app))
        assert await _note(pilot, app, "First note") == "Alex Placeholder (Social worker)"
        await pilot.press("W")
        form = await _asked(pilot, app)
        assert form.query_one("#cancel").label.plain == "Cancel"  # not "Only look" (rev8-tui 3)
        assert form.query_one("#who-same").label.plain == "I am Alex Placeholder"
        await pilot.press(*"Sam Sample", "tab", *"Health visitor", "enter")
        await wait_for(pilot, lambda: plan_ready(app) and "Sam Sample" in _header(app))
        assert await _note(pilot, app, "Second note") == "Sam Sample (Health visitor)"
        assert form.changing


async def test_said_on_the_command_line_is_not_asked(plans) -> None:
    app = _app(plans, who=Who("Morgan Example (Ward midwife)"))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app) and "You: " in _header(app))
        assert not isinstance(app.screen, WhoScreen)
        assert await _note(pilot, app, "A note") == "Morgan Example (Ward midwife)"


async def test_a_plan_made_here_is_its_practitioners_and_not_asked(tmp_path) -> None:
    from textual.widgets import Input, OptionList

    from checklist_tui.tui.screens.new_plan import NewPlanScreen
    from tests.tui.helpers import wait_for_screen

    app = ChecklistApp(tmp_path / "plans", ask_who=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await wait_for_screen(pilot, NewPlanScreen)
        screen = app.screen
        options = screen.query_one(OptionList)
        await wait_for(pilot, lambda: options.option_count >= 4 and app.focused is options)
        options.highlighted = next(i for i in range(options.option_count)
                                   if options.get_option_at_index(i).id
                                   == "pre-birth-assessment")
        await pilot.press("tab")
        await wait_for(pilot, lambda: app.focused is screen.query_one("#case-ref", Input))
        for box, value in (("case-ref", "WHO-3"), ("edd", "20/05/2027"),
                           ("practitioner", "Pat Example"), ("role", "Social worker")):
            screen.query_one(f"#{box}", Input).value = value
        screen.set_focus(screen.query_one("#babies", Input))  # Enter in the last box creates
        await pilot.press("enter")
        await wait_for(pilot, lambda: plan_ready(app) and "You: " in _header(app))
        assert "You: Pat Example" in _header(app)
        assert not isinstance(app.screen, WhoScreen)
        assert await _note_or_answer(pilot, app) == "Pat Example (Social worker)"


async def test_opened_from_home_is_asked(plans) -> None:
    from checklist_tui.tui.screens.home import HomeScreen
    from tests.tui.helpers import wait_for_screen

    app = ChecklistApp(plans, ask_who=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "plans"
                       and app.focused.row_count == 3, what="the plans listed")
        await pilot.press("enter")
        await _asked(pilot, app)


async def _note_or_answer(pilot, app) -> str:
    """A change on a new plan (no answers yet): a Yes on its first yes/no question."""
    screen = _plan_screen(app)
    checklist = screen.session.checklist.checklist
    item = next(i for _s, i in checklist.all_items() if i.type.value == "yes_no")
    assert screen.apply(edit.set_answer, checklist, item.id, "yes")
    return screen.session.plan.answers[item.id].answered_by


async def test_confirming_a_pause_point_offers_who_is_making_changes(plans) -> None:
    """The ward midwife who said who she is is offered as the one confirming (the form
    asked for a name as if nobody had said)."""
    from checklist_tui.tui.screens.confirm_pause import ConfirmPauseScreen
    from tests.tui.test_confirm_pause import PLAN as DISCHARGE
    from tests.tui.test_confirm_pause import _on_pause_point

    app = ChecklistApp(plans, plan_path=plans / DISCHARGE,
                       who=Who("Morgan Example", "Ward midwife"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _on_pause_point(pilot, app)
        assert screen.session.user == "Morgan Example (Ward midwife)"
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmPauseScreen))
        assert app.screen.query_one("#name").value == "Morgan Example"
        assert app.screen.query_one("#role").value == "Ward midwife"
        assert screen.session.plan.history[-1].by == "Morgan Example (Ward midwife)"


async def test_nothing_is_changed_while_the_question_waits(plans) -> None:
    """A key that reaches the plan before the question is put (typed as it appears) is
    not recorded under the practitioner's name: it is refused, and the question follows."""
    from checklist_tui.core.errors import PlanError

    app = _app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: _plan_screen(app).session is not None)
        session = _plan_screen(app).session
        assert session.who_pending
        item = next(i for i, a in session.plan.answers.items() if not a.note)
        try:
            session.edit(edit.set_note, item, "Typed too soon")
        except PlanError as exc:
            assert "nobody has said yet who is making changes" in str(exc)
        else:
            raise AssertionError("an edit was taken before anyone said who they are")
        await _asked(pilot, app)
        await pilot.press(*"Morgan Example", "enter", *"Ward midwife", "enter")
        await wait_for(pilot, lambda: not session.who_pending)
        assert session.edit(edit.set_note, item, "Now it is theirs")


async def test_a_form_taken_down_as_it_opens_raises_nothing(plans) -> None:
    """The app closed the moment the question was put (its boxes already gone when its
    on_mount ran): no error, so no 'unexpected problem' at quitting (s9open's note)."""
    app = _app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _asked(pilot, app)
        await form.query("#who-name").remove()
        form.on_mount()  # as it runs when the boxes were never built or already gone
        assert not form.query("#who-name") and app.screen is form
        assert app.return_code is None and not app.crash_message
