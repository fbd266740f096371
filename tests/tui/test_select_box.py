"""A drop-down answer is a light stand-in (SelectBox) until it is first used: it shows
the answer as the drop-down would, and the real drop-down takes its place, focused and,
for a click or a key that opens it, open."""

from __future__ import annotations

from textual.widgets import Select

from checklist_tui.tui.widgets.select_box import SelectBox
from tests.tui.helpers import go_to, make_app, rendered, wait_for

S07A = "PBA-S07A"  # How many babies are expected? One (in the example)


def _select(app) -> Select | None:
    found = app.screen.query(f"#answer-{S07A}")
    return found.first(Select) if found else None


async def test_the_drop_down_is_built_only_when_used_and_a_click_opens_it(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "PBA-S05")  # the question before, in the same section
        box = app.screen.query_one(f"#pick-{S07A}", SelectBox)
        assert _select(app) is None  # not built: only its stand-in
        assert rendered(box).split() == ["One", "▼"]  # the answer, as the drop-down shows it
        box.scroll_visible(animate=False)
        await wait_for(pilot, lambda: box.region.height == 3  # as tall as the drop-down
                       and box.region.y > 0 and box.region.bottom < app.size.height - 1,
                       what="the stand-in on the screen")
        await pilot.click(box)
        await wait_for(pilot, lambda: _select(app) is not None and _select(app).expanded
                       and not box.is_attached, what="the real drop-down, open")
        assert _select(app).value == "one"
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: app.screen.session.plan.answers[S07A].value == "two",
                       what="Two chosen")


async def test_enter_typed_as_it_is_reached_opens_it(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-S05")
        box = app.screen.query_one(f"#pick-{S07A}", SelectBox)
        box.focus()  # as Tab does; Enter follows at once, before the drop-down is in
        await pilot.press("enter")
        await wait_for(pilot, lambda: _select(app) is not None and _select(app).expanded,
                       what="the drop-down open")
        assert not box.is_attached and app.screen.session.plan.answers[S07A].value == "one"
