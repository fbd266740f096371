"""Outstanding: jumping to an item, and "born today"."""


from __future__ import annotations

from textual.widgets import OptionList

from checklist_tui.tui.screens.outstanding_view import OutstandingScreen
from checklist_tui.tui.screens.plan import PlanScreen
from tests.tui.helpers import (
    make_app,
    plan_ready,
    rendered,
    wait_for,
)


async def test_outstanding_enter_jumps_to_item_and_born_today(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, OutstandingScreen))
        title = app.screen.query_one("#out-title")
        normal = str(title.render())
        await pilot.press("b")
        await wait_for(pilot, lambda: "BORN TODAY" in rendered(title))
        born = str(title.render())
        assert "BORN TODAY" in born and born != normal
        # only what would not be in place at birth (#10), not the whole outstanding list
        born_rows = [str(app.screen.query_one(OptionList).get_option_at_index(i).prompt)
                     for i in range(app.screen.query_one(OptionList).option_count)]
        assert any(r.startswith("NOT IN PLACE: ") for r in born_rows)
        assert not any("OPEN: PBA-P01" in r for r in born_rows)
        await pilot.press("b")
        await wait_for(pilot, lambda: "BORN TODAY" not in rendered(title))
        options = app.screen.query_one(OptionList)
        target = next(i for i in range(options.option_count)
                      if "OPEN: PBA-P01" in str(options.get_option_at_index(i).prompt))
        options.highlighted = target
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen)
                       and app.screen.current == "history" and app.focused is not None
                       and "PBA-P01" in (app.focused.id or ""))


async def test_outstanding_lists_the_return_and_open_challenges_first(plans, catalogue) -> None:
    from checklist_tui.core import review
    from checklist_tui.core.review_file import change_plan
    from tests.conftest import NOW, TODAY

    path = plans / "discharge-ready-for-sign-off.toml"
    manager = {"name": "Sam Senior", "role": "Team manager", "now": NOW}
    change_plan(path, catalogue.get, lambda p, c: review.submit(p, c, by="Drew", now=NOW,
                                                                today=TODAY))
    change_plan(path, catalogue.get, lambda p, c: review.challenge(
        p, c, "DPM-C15", "Has the father been seen alone?", **manager))
    change_plan(path, catalogue.get, lambda p, c: review.decide(
        p, c, decision="returned", rationale="See the father before discharge.",
        today=TODAY, **manager))
    app = make_app(plans, path.name)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, OutstandingScreen))
        options = app.screen.query_one(OptionList)
        rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert "Nothing is outstanding." not in rows
        assert rows[0].startswith("Waiting for the practitioner after the manager's review (2)")
        assert rows[1].startswith("RETURNED: Returned by Sam Senior (Team manager)")
        assert "See the father before discharge." in rows[1]
        assert rows[2].startswith("CHALLENGE NOT ANSWERED: DPM-C15")
        assert "Has the father been seen alone?" in rows[2]
        # only the manager's review is left: no order is claimed over gaps that are not there
        assert rendered(app.screen.query_one("#out-title")).startswith("Outstanding: 2 things.")
        options.highlighted = 2
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen)
                       and app.focused is not None and "DPM-C15" in (app.focused.id or ""))


async def test_no_born_today_on_the_injury_checklist(plans, catalogue) -> None:
    """look-d 31: for a baby already born, "b" offered "This checklist marks nothing as
    needed at birth, so it cannot say what would be in place." over "Nothing is
    outstanding.". No such view: no "b" in the footer, the title or the palette."""
    from datetime import date

    from checklist_tui.core import store
    from checklist_tui.tui import commands
    from tests.conftest import NOW

    made = store.create(plans, catalogue.get("injury-non-mobile-baby"), case_ref="INJ-31",
                        now=NOW, dob=date(2026, 11, 10))
    app = make_app(plans, made.path.name)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, OutstandingScreen)
                       and "Outstanding" in rendered(app.screen.query_one("#out-title")))
        screen = app.screen
        title = screen.query_one("#out-title")
        assert "born today" not in rendered(title)
        assert screen.check_action("born_today", ()) is False  # hidden, and no palette entry
        assert "Born today?" not in [c.title for c in commands.palette(screen)]
        assert "Born today" not in rendered(screen.query_one("Footer"))
        await pilot.press("b")  # rev8-tui 8: said, not silently nothing
        await wait_for(pilot, lambda: any("marks nothing as needed at birth" in str(n.message)
                                          for n in app._notifications), what="b said")
        assert "BORN TODAY" not in rendered(title) and screen.born_today is False


async def test_the_born_today_view_of_a_born_baby_never_says_were_born_today(plans) -> None:
    """A baby whose date of birth is recorded: the key, the title and the list say what
    is needed at birth and not in place, never "if the baby were born today"."""
    app = make_app(plans, "discharge-ready-for-sign-off.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, OutstandingScreen))
        title = app.screen.query_one("#out-title")
        assert "b: what is needed at birth and not in place" in rendered(title)
        await pilot.press("b")
        await wait_for(pilot, lambda: "NEEDED AT BIRTH, NOW THE BABY IS BORN" in rendered(title))
        assert "BORN TODAY" not in rendered(title)
