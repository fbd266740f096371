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
from textual.screen import Screen
from textual.widget import Widget

from checklist_tui.tui.widgets.item_head import ItemHead
from checklist_tui.tui.widgets.section_list import SectionList
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


@pytest.fixture
def list_focus(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each change of the section list's focus, in order."""
    changes: list[bool] = []
    original = SectionList.watch_has_focus

    def watching(self, has_focus: bool) -> None:
        changes.append(has_focus)
        original(self, has_focus)

    monkeypatch.setattr(SectionList, "watch_has_focus", watching)
    return changes


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_section_list_is_not_given_the_focus_on_the_way_to_the_question(
        plans, styled, list_focus, size) -> None:
    """The plan opens with the focus on a question. Textual's own first choice (the first
    widget that takes the focus: the section list, even hidden below 100 columns) is not
    made first, as the screen is built and first shown: each change of its focus styled
    the list again before the first frame (#12.2)."""
    app = make_app(plans, PLAN)
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        assert app.focused is not None and app.focused.id.startswith("answer-")
        assert list_focus == []
        assert styled[app.screen.query_one(SectionList)] == 1


async def test_a_plan_shown_again_without_a_focus_gives_it_as_textual_does(plans) -> None:
    """Once the plan is shown, Textual's own choice applies again: a read-only plan (its
    questions take no focus) shown again after a screen over it gives the focus to the
    first widget that takes it, the section list, so the arrow keys move in it."""
    app = make_app(plans, PLAN, read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        plan = app.screen
        plan.set_focus(None)
        await app.push_screen(Screen())
        app.pop_screen()
        await wait_for(pilot, lambda: app.screen is plan and app.focused is not None,
                       what="the plan shown again, with the focus somewhere")
        assert isinstance(app.focused, SectionList)
