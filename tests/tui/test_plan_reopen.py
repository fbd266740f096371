"""Reopening a plan goes back to where work stopped and says when it last changed;
y ticks a "Done" item."""

from __future__ import annotations

import pytest

from checklist_tui.core import store
from checklist_tui.core.definition import ItemType
from tests.tui.helpers import copy_examples, make_app, plan_ready, rendered, wait_for


async def test_reopening_says_when_the_plan_last_changed(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        header = rendered(app.screen.query_one("#plan-header"))
        assert "No changes yet" not in header and "Last changed" in header


def test_the_section_worked_on_last_is_known(tmp_path) -> None:
    from checklist_tui.core.session import PlanSession

    plans = copy_examples(tmp_path / "plans")
    loaded = store.load(plans / "family-t-like-twins.toml")
    checklist = _checklist(loaded)
    session = PlanSession.open(plans / "family-t-like-twins.toml", lambda _id: _loaded(loaded))
    try:
        assert session.last_section(session.evaluate()) == "agencies" != checklist.sections[0].id
    finally:
        session.close()


def _loaded(loaded):
    from checklist_tui.core.catalogue import load_catalogue

    return load_catalogue(include_user=False).get(loaded.plan.checklist_id)


def _checklist(loaded):
    from checklist_tui.core.catalogue import load_catalogue

    return load_catalogue(include_user=False).get(loaded.plan.checklist_id).checklist


@pytest.mark.parametrize("name", ["early-pre-birth.toml", "family-t-like-twins.toml"])
async def test_reopening_goes_back_to_the_section_worked_on_last(tmp_path, name) -> None:
    plans = copy_examples(tmp_path / "plans")
    app = make_app(plans, name)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        session = screen.session
        checklist = session.checklist.checklist
        last = next(e.target for e in reversed(session.plan.history)
                    if e.target in checklist.item_map())
        assert screen.current == checklist.section_of()[last].id != checklist.sections[0].id
        title = rendered(screen.query_one("#section-title"))
        assert "Section 1 of" not in title


def _empty_plan(tmp_path, checklist_id: str, case_ref: str):
    """A new plan with no answers, and its checklist."""
    from checklist_tui.core.catalogue import load_catalogue
    from tests.conftest import NOW

    plans = tmp_path / "plans"
    checklist = load_catalogue(include_user=False).get(checklist_id)
    path = store.create(plans, checklist, case_ref=case_ref, now=NOW).path
    return make_app(plans, path.name), checklist


async def test_a_plan_with_no_answers_opens_at_the_first_section(tmp_path) -> None:
    app, checklist = _empty_plan(tmp_path, "pre-birth-assessment", "DEMO-7")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        assert app.screen.current == checklist.checklist.sections[0].id
        assert "Section 1 of" in rendered(app.screen.query_one("#section-title"))


async def test_y_ticks_a_done_item(plans) -> None:
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


async def test_a_plan_with_nothing_found_yet_does_not_say_zero(tmp_path) -> None:
    """'Gaps and risks: 0' on a plan with nothing answered read as assurance. (The father
    is in People: a plan with no man recorded has that gap, core.plan_gaps.)"""
    from checklist_tui.core import edit
    from checklist_tui.core.plan import Person, PersonKind
    from checklist_tui.core.plan_gaps import plan_gaps
    from tests.conftest import NOW

    app, checklist = _empty_plan(tmp_path, "discharge-planning-meeting", "DEMO-8")
    path = next((tmp_path / "plans").glob("*.toml"))
    loaded = store.load(path)
    edit.add_record(loaded.plan, Person, by="t", now=NOW, name="Sam Example",
                    kind=PersonKind.FATHER, involvement="Met", assessment="Started")
    store.save(loaded)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        session = app.screen.session
        assert not plan_gaps(checklist.checklist, session.plan, session.evaluate())
        header = rendered(app.screen.query_one("#plan-header"))
        assert "Gaps and risks: none found yet" in header
        assert "Gaps and risks: 0" not in header


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_reopening_goes_back_to_the_item_changed_last_in_view(tmp_path, size) -> None:
    """Not only its section: the item changed last is focused and on the screen, also
    when it is far down a long section (the section's first item was focused)."""
    from checklist_tui.core import edit
    from checklist_tui.core.catalogue import load_catalogue
    from checklist_tui.core.review_file import change_plan
    from tests.conftest import NOW

    plans = copy_examples(tmp_path / "plans")
    path = plans / "family-t-like-twins.toml"
    catalogue = load_catalogue(include_user=False)
    checklist = catalogue.get(store.load(path).plan.checklist_id).checklist
    section = max(checklist.sections, key=lambda s: len(s.items))  # the longest
    item = section.items[-1].id
    change_plan(path, catalogue.get, lambda p, c: edit.set_note(
        p, item, "Asked again at the core group", by="A. Worker", now=NOW))
    app = make_app(plans, path.name)
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: plan_ready(app) and app.focused is not None
                       and app.focused.id == f"answer-{item}", what=f"{item} focused")
        screen = app.screen
        assert screen.current == section.id

        def in_view() -> bool:
            region = screen.query_one(f"#item-{item}").region
            items = screen.query_one("#items").region
            return region.y < items.bottom and region.bottom > items.y

        await wait_for(pilot, in_view, what="the item on the screen")
