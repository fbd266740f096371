"""L5 on the plan screen: choosing twins in "How many babies are expected?" moves the
plan's number of babies (the rule in core.babies, as ``answer`` and plain mode); a number
given when the plan was made is kept, the answer is shown as contradicted, and correcting
the plan details (d) resolves it."""

from __future__ import annotations

from textual.widgets import Input, Select

from checklist_tui.core import babies
from checklist_tui.tui.screens.details import DetailsScreen
from tests.tui.helpers import go_to, make_app, rendered, wait_for, wait_for_screen

S07A = "PBA-S07A"


def _state(screen) -> str:
    return rendered(screen.query_one(f"#item-{S07A} .state"))


async def _choose(pilot, moves: str) -> None:
    """Open the focused drop-down, move through its options and take one, by keyboard."""
    select = pilot.app.focused
    assert isinstance(select, Select)
    await pilot.press("enter")
    await wait_for(pilot, lambda: select.expanded, what="the options open")
    await pilot.press(moves, "enter")
    await wait_for(pilot, lambda: not select.expanded, what="the options closed")


async def test_choosing_twins_moves_the_number_of_babies(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")  # one baby, the number never given
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, S07A)
        screen = app.screen
        await _choose(pilot, "down")
        await wait_for(pilot, lambda: screen.session.plan.answers[S07A].value == "two")
        plan = screen.session.plan
        await wait_for(pilot, lambda: plan.babies_expected == 2, what="the details follow")
        assert plan.history[-1].what == babies.FOLLOWED
        await wait_for(pilot, lambda: "Plan details: 2 babies are expected (set from this "
                       "answer)" in _state(screen).replace("\n", " "))


async def test_a_contradicting_answer_is_shown_and_the_details_resolve_it(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")  # made with two babies
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, S07A)
        screen = app.screen
        await _choose(pilot, "up")
        await wait_for(pilot, lambda: screen.session.plan.answers[S07A].value == "one")
        assert screen.session.plan.babies_expected == 2  # never overwritten
        await wait_for(pilot, lambda: "CONTRADICTED: the plan details say 2 babies are "
                       "expected" in _state(screen).replace("\n", " "))
        await pilot.press("d")
        await wait_for_screen(pilot, DetailsScreen)
        babies_box = app.screen.query_one("#d-babies_expected", Input)
        babies_box.value = "1"
        await pilot.click("#save")  # Enter in a box that is not the last moves on
        await wait_for(pilot, lambda: app.screen is screen
                       and screen.session.plan.babies_expected == 1)
        await wait_for(pilot, lambda: "CONTRADICTED" not in _state(screen))
