"""Reopening a plan goes back to where work stopped and says when it last changed;
y ticks a "Done" item."""

from __future__ import annotations

from checklist_tui.core import store
from checklist_tui.core.definition import ItemType
from tests.tui.helpers import copy_examples, make_app, plan_ready, rendered, wait_for


async def test_reopening_goes_to_the_last_section_worked_on(tmp_path) -> None:
    plans = copy_examples(tmp_path / "plans")
    loaded = store.load(plans / "family-t-like-twins.toml")
    items = {i.id: s.id for s in _checklist(loaded).sections for i in s.items}
    last = next(items[e.target] for e in reversed(loaded.plan.history) if e.target in items)
    assert last != _checklist(loaded).sections[0].id  # else the test proves nothing
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        assert app.screen.current == last
        header = rendered(app.screen.query_one("#plan-header"))
        assert "No changes yet" not in header and "Last changed" in header


def _checklist(loaded):
    from checklist_tui.core.catalogue import load_catalogue

    return load_catalogue(include_user=False).get(loaded.plan.checklist_id).checklist


async def test_y_ticks_a_done_item(tmp_path) -> None:
    plans = copy_examples(tmp_path / "plans")
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        answers = screen.session.plan.answers
        checklist = screen.session.checklist.checklist
        item, section = next((i, s) for s in checklist.sections for i in s.items
                             if i.type == ItemType.CHECK and i.id not in answers
                             and s.id in screen.session.evaluate().visible_sections
                             and i.id in screen.session.evaluate().visible_items)
        screen.jump(section.id, item.id)
        await wait_for(pilot, lambda: plan_ready(app) and screen.current == section.id
                       and (app.focused.id or "") == f"answer-{item.id}")
        await pilot.press("y")
        await wait_for(pilot, lambda: item.id in answers and answers[item.id].value is True)
