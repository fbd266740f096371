"""The manager's decisions say who decides the way the rest of the app says who is making
changes (core.who; s8who's leftover): boxes that start empty, never the last reviewer or a
role nobody gave filled in; whoever said so earlier in this run, or last on this plan on
this computer, offered as a button; a placeholder refused by the same rule; ``--as``
taken and shown, not asked."""

from __future__ import annotations

from textual.widgets import Button, Input, Select, Static, TextArea

from checklist_tui.core import store
from checklist_tui.core.plan import PlanState
from checklist_tui.core.who import Who, remember, remembered
from checklist_tui.tui.app import ChecklistApp
from checklist_tui.tui.screens.decision import DecisionForm
from checklist_tui.tui.screens.review_plan import ReviewPlanScreen
from tests.conftest import NOW
from tests.tui.helpers import rendered, wait_for, wait_for_screen
from tests.tui.test_review import READY, _open_ready_plan, team_folder


def _asking_app(folder) -> ChecklistApp:
    """As the command line starts it (tui/run.py): it asks who is making changes."""
    return ChecklistApp(folder, review_dir=folder, ask_who=True)


async def _send(pilot, app, form: DecisionForm) -> str:
    form.query_one("#save", Button).press()
    await wait_for(pilot, lambda: app.screen is not form or bool(
        rendered(form.query_one("#form-error", Static)).strip()),
        what="the form sent or refused")
    if app.screen is not form:  # sent: the form (and its error line) may be gone already
        return ""
    return rendered(form.query_one("#form-error", Static)).strip()


async def test_the_manager_is_asked_in_empty_boxes_and_a_placeholder_is_refused(tmp_path):
    folder = team_folder(tmp_path / "team")
    app = _asking_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_ready_plan(pilot, app)
        plan_id = app.screen.plan.id
        await pilot.press("c")
        await wait_for_screen(pilot, DecisionForm)
        form = app.screen
        name, role = (form.query_one(f"#decision-{b}", Input) for b in ("name", "role"))
        assert (name.value, role.value) == ("", "")  # no "Team manager" nobody gave
        assert not form.query("#decision-same")  # nobody to offer yet
        await wait_for(pilot, lambda: app.focused is form.query_one("#decision-item"))
        form.query_one("#decision-item", Select).value = "DPM-M02"
        name.value, role.value = "tbc", "Team manager"
        form.query_one("#decision-text", TextArea).text = "Who spoke to the father?"
        assert await _send(pilot, app, form) == "'tbc' is not a name: say your name."
        assert app.screen is form and not store.load(folder / READY).plan.challenges
        name.value = "Alex   Manager"
        form.query_one("#save", Button).press()
        await wait_for(pilot, lambda: app.screen is not form, what="the form sent")
        await wait_for(pilot, lambda: len(store.load(folder / READY).plan.challenges) == 1)
    challenge = store.load(folder / READY).plan.challenges[0]
    assert (challenge.by, challenge.role) == ("Alex Manager", "Team manager")
    assert app.who == Who("Alex Manager", "Team manager")
    assert remembered(plan_id) == Who("Alex Manager", "Team manager")


async def test_who_last_changed_the_plan_here_is_never_offered_to_decide(tmp_path):
    """rev9-tui 2: whoever last made changes to the plan on this computer (its
    practitioner, a ward midwife) was offered as "I am NAME" on the manager's form, and
    one press approved their own work. Only who said who they are in this run is offered."""
    folder = team_folder(tmp_path / "team")
    plan = store.load(folder / READY).plan
    remember(plan.id, Who("Drew Demo", "Safeguarding midwife"), NOW)
    app = _asking_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_ready_plan(pilot, app)
        await pilot.press("a")
        await wait_for_screen(pilot, DecisionForm)
        form = app.screen
        name, role = (form.query_one(f"#decision-{b}", Input) for b in ("name", "role"))
        await wait_for(pilot, lambda: app.focused is name)
        assert (name.value, role.value) == ("", "")
        assert not form.query("#decision-same")


async def test_a_name_without_a_role_is_asked_for_its_role_not_lost(tmp_path):
    """rev9-tui 1: ``review --as 'Alex Manager'`` (a name, no role) was taken, the form had
    no role box, and sending it stopped the app: the manager's reasons were lost."""
    folder = team_folder(tmp_path / "team")
    app = ChecklistApp(folder, review_dir=folder, who=Who("Morgan Example", ""),
                       ask_who=False)  # as tui/run.py builds it for review --as NAME
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_ready_plan(pilot, app)
        await pilot.press("r")
        await wait_for_screen(pilot, DecisionForm)
        form = app.screen
        role = form.query_one("#decision-role", Input)
        assert str(form.query_one("#decision-same", Button).label) == "I am Morgan Example"
        form.query_one("#decision-same", Button).press()
        await wait_for(pilot, lambda: app.focused is role, what="on to the role")
        assert form.query_one("#decision-name", Input).value == "Morgan Example"
        role.value = "Team manager"
        form.query_one("#decision-text", TextArea).text = "Say who supervises contact."
        assert await _send(pilot, app, form) == ""
        await wait_for(pilot, lambda: store.load(folder / READY).plan.state
                       == PlanState.RETURNED, what="the return on disk")
        assert app.is_running
    review = store.load(folder / READY).plan.reviews[-1]
    assert (review.by, review.role) == ("Morgan Example", "Team manager")


async def test_the_next_decision_in_this_run_offers_who_decided(tmp_path):
    folder = team_folder(tmp_path / "team")
    app = _asking_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_ready_plan(pilot, app)
        await pilot.press("c")
        await wait_for_screen(pilot, DecisionForm)
        form = app.screen
        form.query_one("#decision-item", Select).value = "DPM-M02"
        form.query_one("#decision-name", Input).value = "Alex Manager"
        form.query_one("#decision-role", Input).value = "Team manager"
        form.query_one("#decision-text", TextArea).text = "Who spoke to the father?"
        await _send(pilot, app, form)
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewPlanScreen)
                       and app.screen.pending is None
                       and len(store.load(folder / READY).plan.challenges) == 1)
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, DecisionForm)
                       and app.screen is not form)
        again = app.screen
        assert str(again.query_one("#decision-same", Button).label) == "I am Alex Manager"
        assert again.query_one("#decision-name", Input).value == ""


async def test_as_on_the_command_line_is_taken_and_shown_not_asked(tmp_path):
    folder = team_folder(tmp_path / "team")
    app = ChecklistApp(folder, review_dir=folder, who=Who("Morgan Example", "Team manager"),
                       ask_who=True)  # as tui/run.py builds it for review --as
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_ready_plan(pilot, app)
        await pilot.press("r")
        await wait_for_screen(pilot, DecisionForm)
        form = app.screen
        assert not form.query("#decision-name") and not form.query("#decision-role")
        assert " ".join(rendered(form.query_one("#decision-by", Static)).split()) == (
            "Recorded as Morgan Example (Team manager), as you said when the app was "
            "started or earlier in this run.")
        text = form.query_one("#decision-text", TextArea)
        await wait_for(pilot, lambda: app.focused is text)
        text.text = "Say who supervises contact."
        assert await _send(pilot, app, form) == ""
        await wait_for(pilot, lambda: store.load(folder / READY).plan.state
                       == PlanState.RETURNED, what="the return on disk")
    review = store.load(folder / READY).plan.reviews[-1]
    assert (review.by, review.role) == ("Morgan Example", "Team manager")
