"""Keys that reach the app together (a busy laptop, a remote session) are handled in
the order typed. Textual ran a key's binding (Backspace, the arrows) when the key came
back up to the app, after the letters typed behind it had gone in: "AB", Backspace,
"CD" gave "ABC", and a Backspace in one box deleted a letter typed in the next."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from checklist_tui.core import store
from checklist_tui.core.plan import PlanState
from checklist_tui.tui.screens.decision import DecisionForm
from tests.tui.helpers import make_app, wait_for, wait_for_screen
from tests.tui.test_new_plan import _burst, _new_plan_form
from tests.tui.test_review import READY, _open_ready_plan, review_app, team_folder


async def test_editing_keys_typed_ahead_apply_in_the_order_typed(tmp_path) -> None:
    app = make_app(tmp_path / "plans")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _new_plan_form(pilot)
        case_ref = screen.query_one("#case-ref", Input)
        _burst(pilot, ["enter", "A", "B", "backspace", "C", "D", "left", "left", "X",
                       "end", "Z"])
        try:
            await wait_for(pilot, lambda: case_ref.value.endswith("Z"))
        except AssertionError:
            raise AssertionError(case_ref.value) from None
        assert case_ref.value == "AXCDZ"


async def test_a_key_typed_ahead_in_one_box_stays_in_that_box(tmp_path) -> None:
    """Backspace in the number of babies, Shift+Tab, a role: the Backspace is the
    babies'."""
    app = make_app(tmp_path / "plans")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _new_plan_form(pilot)
        box = {i.id: i for i in screen.query(Input)}
        _burst(pilot, ["enter", "tab", "tab", "tab", "tab", "right", "backspace", "3",
                       "shift+tab", *"Ann", "shift+tab"])
        # (the focus passes through the name on its way: wait for the end of the burst)
        await wait_for(pilot, lambda: app.focused is box["practitioner"]
                       and box["role"].value == "Ann")
        assert (box["babies"].value, box["role"].value) == ("3", "Ann")
        await pilot.press("tab")  # every key of the burst handled before the app closes
        await wait_for(pilot, lambda: app.focused is box["role"])


async def test_tab_then_enter_typed_together_presses_approve(tmp_path) -> None:
    """look-tm 13: a rationale, Tab, Enter sent as one burst signs the plan off (the Enter
    went into the rationale box as a new line: the form stayed open, saying nothing)."""
    folder = team_folder(tmp_path / "team")
    app = review_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_ready_plan(pilot, app)
        await pilot.press("a")
        await wait_for_screen(pilot, DecisionForm)
        form = app.screen
        form.query_one("#decision-name", Input).value = "Alex Manager"
        form.query_one("#decision-role", Input).value = "Team manager"
        text = form.query_one("#decision-text", TextArea)
        form.set_focus(text)
        await wait_for(pilot, lambda: app.focused is text)
        _burst(pilot, [*"Proportionate", "tab", "enter"])
        await wait_for(pilot, lambda: store.load(folder / READY).plan.state
                       == PlanState.APPROVED, what="the approval on disk")
        assert store.load(folder / READY).plan.reviews[-1].rationale == "Proportionate"
