"""Timeline: overdue milestones and overdue actions marked in words, with their owners."""


from __future__ import annotations

from datetime import date

from checklist_tui.core.plan import Action, ActionStatus
from checklist_tui.tui.widgets import timeline_chart
from tests.tui.helpers import (
    make_app,
    plan_ready,
    rendered,
    wait_for,
)

TODAY = date(2026, 11, 25)


async def test_timeline_marks_overdue(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("t")
        await wait_for(pilot, lambda: "OVERDUE" in rendered(app.screen.query_one("#chart")))
        chart = str(app.screen.query_one("#chart").render())
        assert "Early safety actions agreed" in chart and "OVERDUE" in chart
        assert "✓" in chart and "!" in chart


async def _family_t_timeline(pilot, app, showing: str) -> list[str]:
    """The timeline opened from the plan, once it shows ``showing``: its lines."""
    await wait_for(pilot, lambda: plan_ready(app))
    await pilot.press("t")
    await wait_for(pilot, lambda: showing in rendered(app.screen.query_one("#chart")))
    return rendered(app.screen.query_one("#chart")).splitlines()


async def test_an_overdue_action_is_on_the_timeline_in_words_with_its_owner(plans) -> None:
    """Family T's "See the father on his own" was due 20/11/2026 and is still in progress."""
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        lines = await _family_t_timeline(pilot, app, "Action:")
        row = next(i for i, line in enumerate(lines) if line.startswith("Action: See the father"))
        assert "20/11/2026" in lines[row] and lines[row].rstrip().endswith("OVERDUE")
        assert "See the father on his own" in lines[row + 1]
        assert "Owner: Alex Placeholder (Children's social care); in progress" in lines[row + 1]
        later = next(i for i, line in enumerate(lines) if line.startswith("Action: Agree how"))
        assert "OVERDUE" not in lines[later] and lines[later].rstrip().endswith("due")
        assert "NO OWNER" in lines[later + 1]  # an action nobody owns says so
        assert "Actions not done or cancelled: 5, 1 OVERDUE" in lines
        assert any("1 more with no due date" in line for line in lines)


def _actions() -> list[Action]:
    def act(what: str, due: date | None, status: ActionStatus, owner: str = "Owner A") -> Action:
        return Action(id=what[:8].ljust(8, "x"), what=what, owner=owner, due=due, status=status)

    return [act("Late one", date(2026, 11, 1), ActionStatus.NOT_STARTED),
            act("Done late", date(2026, 11, 1), ActionStatus.DONE),
            act("Cancelled late", date(2026, 11, 1), ActionStatus.CANCELLED),
            act("Due today", TODAY, ActionStatus.IN_PROGRESS),
            act("Later", date(2026, 12, 9), ActionStatus.NOT_STARTED, owner="")]


def test_only_open_actions_are_drawn_and_only_past_ones_are_overdue() -> None:
    text = timeline_chart.render([], TODAY, date(2027, 1, 27), None, 74, _actions()).plain
    lines = text.splitlines()
    drawn = [line for line in lines if line.startswith("Action: ")]
    assert [line.split("  ")[0].strip() for line in drawn] == [
        "Action: Late one", "Action: Due today", "Action: Later"]
    assert drawn[0].rstrip().endswith("OVERDUE") and "!" in drawn[0]
    assert not any("OVERDUE" in line for line in drawn[1:])  # due today is not yet late
    assert "Done late" not in text and "Cancelled late" not in text
    assert "Actions not done or cancelled: 3, 1 OVERDUE" in lines


async def test_a_conference_held_late_says_when_it_was_held(plans) -> None:
    """Family T's conference was due at 27 weeks (twins) and held on 13/11/2026: the
    timeline marks it overdue and says the date, so it never reads as not held."""
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        lines = await _family_t_timeline(pilot, app, "Pre-birth")
        row = next(i for i, line in enumerate(lines) if line.startswith("Pre-birth conference"))
        assert lines[row].rstrip().endswith("OVERDUE")
        assert lines[row + 1].strip() == "The date recorded is 13/11/2026, 16 days late."


def test_no_milestones_and_no_actions_says_what_to_do() -> None:
    text = timeline_chart.render([], TODAY, None, None, 74, []).plain
    assert text.startswith("No dated milestones yet")
