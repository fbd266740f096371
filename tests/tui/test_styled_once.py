"""Start-up (#12.2): a screen shown for the first time is styled once, as it is mounted.

Textual styles every widget of a screen again each time the screen is shown, for a screen
coming back whose styles may have changed while it was covered. The first time, that
pass only repeated what mounting had just done: before the plan's first frame every item
was styled twice (``AppScreen._on_screen_resume`` leaves that first pass out). Any later
showing keeps Textual's pass."""

from __future__ import annotations

from collections import Counter

import pytest
from textual import events
from textual.css.stylesheet import Stylesheet
from textual.widget import Widget

from checklist_tui.tui.widgets.item_head import ItemHead
from tests.tui.helpers import make_app, plan_ready, wait_for

PLAN = "family-t-like-twins.toml"


@pytest.fixture
def styled(monkeypatch: pytest.MonkeyPatch) -> Counter[object]:
    """How many times each widget had the stylesheet applied to it. Counted by the widget
    itself, which the count keeps alive: counted by id(), a widget freed while the plan
    opened (the opening screen's) left its count to a new widget given the same id, and
    the test failed or passed by when the collector ran (CI on 770be6f)."""
    seen: Counter[object] = Counter()
    original = Stylesheet.apply

    def counting(self, node, *args, **kwargs):
        seen[node] += 1
        return original(self, node, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", counting)
    return seen


def _styles(widgets: list[Widget]) -> list[list[str]]:
    return [widget.styles.base.css_lines for widget in widgets]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_plan_s_items_are_styled_once_before_its_first_frame(plans, styled,
                                                                      size) -> None:
    app = make_app(plans, PLAN)
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        heads = list(app.screen.query(ItemHead))
        assert heads
        # (a question's words never take the focus: nothing else restyles them)
        assert [styled[head] for head in heads] == [1] * len(heads)


async def test_the_pass_left_out_would_have_changed_nothing(plans) -> None:
    """Every widget of the plan screen, styled afresh once it is shown, keeps the styles
    it has: none was left with styles from before a change (a class set on the screen,
    the list hidden in a narrow window)."""
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        widgets = list(app.screen.walk_children(with_self=True))
        before = _styles(widgets)
        app.stylesheet.update_nodes(widgets, animate=False)
        assert _styles(widgets) == before


async def test_a_screen_shown_again_is_styled_again(plans, styled) -> None:
    """Shown again (Textual resumes a screen when one that covered it goes), the plan
    screen is styled again, as Textual does: its styles may have changed meanwhile."""
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        plan = app.screen
        heads = list(plan.query(ItemHead))
        once = [styled[head] for head in heads]
        plan.post_message(events.ScreenResume())
        await wait_for(pilot, lambda: all(
            styled[head] > n for head, n in zip(heads, once, strict=True)),
            what="the plan screen styled again")
