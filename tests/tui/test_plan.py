"""The plan screen: answering by keyboard, conditions, literal text, sections and themes."""


from __future__ import annotations

import re
from datetime import date

import pytest
from textual.widgets import OptionList, TextArea

from checklist_tui.core import store
from checklist_tui.core.plan import ActionStatus, PersonKind
from checklist_tui.tui.screens.new_plan import NewPlanScreen
from checklist_tui.tui.screens.plan import PlanScreen
from checklist_tui.tui.screens.record_form import RecordForm
from checklist_tui.tui.screens.records import RecordsScreen
from checklist_tui.tui.widgets.answer_choice import AnswerChoice
from checklist_tui.tui.widgets.item_view import ItemView
from tests.tui.helpers import (
    go_to,
    make_app,
    plan_ready,
    rendered,
    wait_for,
    wait_for_screen,
)


async def _answer_focused_item_section(pilot, app, keys: list[str]) -> None:
    """Answer each item in the section in turn, by keyboard only."""
    answers = app.screen.session.plan.answers
    for n, key in enumerate(keys):
        focused = app.focused
        before = len(answers)
        await (pilot.press(*key) if isinstance(key, list) else pilot.press(key))
        await wait_for(pilot, lambda before=before: len(answers) > before, what="an answer")
        if n == len(keys) - 1:
            break
        await pilot.press("tab", "tab")  # the note, then the next item
        await wait_for(pilot, lambda focused=focused: app.focused is not focused
                       and (app.focused.id or "").startswith("answer-"), what="next item")

async def test_create_answer_people_agency_action_quit_reopen(tmp_path) -> None:
    plans = tmp_path / "plans"
    app = make_app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NewPlanScreen)
                       and app.screen.query_one(OptionList).option_count == 4)
        options = app.screen.query_one(OptionList)
        index = next(i for i in range(options.option_count)
                     if options.get_option_at_index(i).id == "pre-birth-assessment")
        options.highlighted = index
        await pilot.press("enter")  # choose it; focus moves to the case reference
        await pilot.press(*"KB-TEST-1")
        await pilot.press("tab", *"20/05/2027")
        await wait_for(pilot, lambda: "weeks today" in rendered(
            app.screen.query_one("#gestation")))
        # New plan's boxes: case reference, EDD, your name, your role, number of babies;
        # Enter moves to the next box, and creates the plan in the last one
        await pilot.press("tab", *"Test Worker", "tab", *"Social worker", "enter", "enter")
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        assert screen.current == "start"
        assert (screen.session.plan.practitioner, screen.session.plan.practitioner_role) == (
            "Test Worker", "Social worker")
        # answer the whole first section by keyboard: y/n/u on yes-no, space on checks
        await _answer_focused_item_section(
            pilot, app, ["y", "n", list("03/11/2026"), "n", "y", "n", "y", "y", "space"])
        await wait_for(pilot, lambda: screen.session.evaluate().section("start").answered == 9)
        ev = screen.session.evaluate()
        assert "looked-after-parent" in ev.visible_sections  # S08A = yes
        # people: a male carer (from an answer, as a practitioner would press it)
        await go_to(pilot, "PBA-S01")
        await pilot.press("p")
        await wait_for_screen(pilot, RecordsScreen)
        plan = screen.session.plan
        await pilot.press("plus")
        await wait_for_screen(pilot, RecordForm)
        kind = app.screen.query_one("#f-kind")
        kind.value = PersonKind.MALE_CARER
        await pilot.press("tab", *"Test Partner", "tab", *"Mother's partner")
        await pilot.click("#save")  # Enter in a box that is not the last moves on
        await wait_for(pilot, lambda: len(plan.people) == 1, what="the person")
        # an agency with a role
        await wait_for_screen(pilot, RecordsScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, PlanScreen)
        await pilot.press("g")
        await wait_for_screen(pilot, RecordsScreen)
        await pilot.press("plus")
        await wait_for_screen(pilot, RecordForm)
        await pilot.press(*"Health visiting", "tab", *"Example HV", "tab",
                          *"New-birth visit and weekly contact")
        await pilot.click("#save")
        await wait_for(pilot, lambda: len(plan.agencies) == 1, what="the agency")
        # an action with owner and due date
        await wait_for_screen(pilot, RecordsScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, PlanScreen)
        await pilot.press("a")
        await wait_for_screen(pilot, RecordsScreen)
        await pilot.press("plus")
        await wait_for_screen(pilot, RecordForm)
        await pilot.press(*"See the partner alone", "tab", *"Test Worker", "tab",
                          *"Children's social care", "tab", *"01/12/2026")
        await pilot.click("#save")
        await wait_for(pilot, lambda: len(plan.actions) == 1, what="the action")
        assert [p.kind for p in plan.people] == [PersonKind.MALE_CARER]
        assert plan.agencies[0].role == "New-birth visit and weekly contact"
        assert plan.actions[0].due == date(2026, 12, 1)
        path = screen.path
        await pilot.press("ctrl+q")
    assert not (path.parent / (path.name + ".lock")).exists()
    # reopen: everything is there
    again = store.load(path).plan
    assert again.answers["PBA-S01"].value == "yes" and again.answers["PBA-S08B"].value == "no"
    assert again.answers["PBA-S05"].value is True
    assert again.people[0].name == "Test Partner"
    assert again.agencies[0].agency == "Health visiting"
    assert again.actions[0].what == "See the partner alone"
    assert again.actions[0].status == ActionStatus.NOT_STARTED
    app2 = make_app(plans, path.name)
    async with app2.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app2))
        choice = app2.screen.query_one("#answer-PBA-S01", AnswerChoice)
        assert choice.value == "yes"

async def test_condition_shows_and_hides_items_live(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        screen.jump("father", "PBA-F01")
        await wait_for(pilot, lambda: plan_ready(app) and screen.current == "father")
        reason = screen.query_one("#item-PBA-F01R", ItemView)
        contacted = screen.query_one("#item-PBA-F02", ItemView)
        assert not reason.display and contacted.display
        await go_to(pilot, "PBA-F01")
        await pilot.press("n")
        await wait_for(pilot, lambda: reason.display and not contacted.display)
        assert "RED FLAG" in rendered(screen.query_one("#banner"))
        await pilot.press("y")
        await wait_for(pilot, lambda: not reason.display and contacted.display)

MARKUP = "[bold]not bold[/bold] [link=https://evil.example]x[/link] \x1b[31mred"

async def test_markup_looking_text_is_shown_literally(plans) -> None:
    loaded = store.load(plans / "early-pre-birth.toml")
    loaded.plan.case_ref = "[b]CASE[/b]"
    loaded.plan.answers["PBA-S01"].note = MARKUP
    store.save(loaded)
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        header = str(app.screen.query_one("#plan-header").render())
        assert "[b]CASE[/b]" in header
        await go_to(pilot, "PBA-S01")
        note = app.screen.query_one("#note-PBA-S01", TextArea)
        assert "[bold]not bold[/bold]" in note.text and "\x1b" not in note.text
        app.screen.query_one("#plan-header").update(  # the literal helper, end to end
            __import__("checklist_tui.tui.text", fromlist=["lit"]).lit(MARKUP))
        rendered = str(app.screen.query_one("#plan-header").render())
        assert "[bold]not bold[/bold]" in rendered and "\x1b" not in rendered
        assert "\\x1b[31mred" in rendered

async def test_unexpected_error_saves_logs_and_shows_no_traceback(plans, isolated) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    with pytest.raises(ZeroDivisionError):
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: plan_ready(app))
            await go_to(pilot, "PBA-S08B")
            await pilot.press("y")
            app.screen.refresh_state = lambda: 1 / 0
            await pilot.press("n")
            await wait_for(pilot, lambda: app._exception is not None, what="the crash")
    assert "unexpected problem" in app.crash_message and "answers were saved" in app.crash_message
    assert list((isolated / "logs").glob("crash-*.log"))
    assert store.load(plans / "early-pre-birth.toml").plan.answers["PBA-S08B"].value == "no"

async def test_complete_is_refused_with_reasons(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("c")
        await wait_for(pilot, lambda: "Not ready" in rendered(app.screen.query_one(".title")))
    assert store.load(plans / "early-pre-birth.toml").plan.state.value == "draft"

async def test_small_window_collapses_section_list(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        assert not app.screen.query_one("#sections").display or \
            app.screen.query_one("#sections").region.width == 0
        assert re.match(r"Section \d+ of \d+: ", str(app.screen.query_one("#section-title")
                                                      .render()))
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        assert app.screen.query_one("#sections").region.width > 0

async def test_no_color_is_honoured(plans, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(plans, "early-pre-birth.toml")
    assert app.no_color
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        # state still reads without colour: the chosen answer has a mark, others none
        await go_to(pilot, "PBA-S01")
        choice = app.screen.query_one("#answer-PBA-S01", AnswerChoice)
        # Yes, No, Not yet (PBA-S01 allows not yet)
        assert rendered(choice) == "(•) Yes   ( ) No   ( ) Not yet"

async def test_light_and_dark_themes(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        for theme in ("textual-light", "textual-dark"):
            app.theme = theme
            await wait_for(pilot, lambda theme=theme: app.current_theme.name == theme)
            assert "DEMO-0001" in str(app.screen.query_one("#plan-header").render())

async def test_plan_from_older_checklist_version_opens_and_says_so(plans) -> None:
    text = (plans / "early-pre-birth.toml").read_text()
    text = re.sub(r'checklist_version = "[0-9.]+"', 'checklist_version = "0.9.0"', text)
    text = text.replace("[answers.PBA-S01]", '[answers.PBA-OLD1]\nvalue = "yes"\n'
                        'not_applicable = false\nnote = ""\n'
                        'answered_at = 2026-11-02T09:00:00+00:00\nanswered_by = "x"\n\n'
                        "[answers.PBA-S01]")
    (plans / "early-pre-birth.toml").write_text(text)
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        messages = [n.message for n in app._notifications]
        assert any("version 0.9.0" in m and "1 answer to items" in m for m in messages)
        await go_to(pilot, "PBA-S08B")
        await pilot.press("y")
        await wait_for(pilot, lambda: store.load(plans / "early-pre-birth.toml").plan
                       .answers["PBA-S08B"].value == "yes", what="the save")
    kept = store.load(plans / "early-pre-birth.toml").plan.answers
    assert kept["PBA-OLD1"].value == "yes"  # never dropped, even after saving

async def test_leaving_a_big_section_at_once_still_mounts_all_its_items(tmp_path) -> None:
    """Moving on before a big section's later batches are mounted must not lose them: back
    there, End builds it through its last item, every item once and in order."""
    import asyncio

    from checklist_tui.core import clock
    from checklist_tui.core.catalogue import load_catalogue
    from checklist_tui.tui.app import ChecklistApp

    items = "\n".join(f'[[sections.items]]\nid = "b{n}"\nprompt = "Question {n}"\n'
                      f'type = "yes_no"\nrefs = ["R1"]\n' for n in range(30))
    one = '[[sections.items]]\nid = "{0}"\nprompt = "One"\ntype = "yes_no"\nrefs = ["R1"]\n'
    (tmp_path / "three.toml").write_text(
        'id = "three"\ntitle = "Three"\nversion = "1.0.0"\naudience = "a"\n'
        'description = "d"\nowner = "o"\nreview_date = 2027-01-01\n\n'
        '[[sections]]\nid = "first"\ntitle = "First"\n\n' + one.format("f1")
        + '\n[[sections]]\nid = "big"\ntitle = "Big"\n\n' + items
        + '\n[[sections]]\nid = "third"\ntitle = "Third"\n\n' + one.format("t1"))
    catalogue = load_catalogue([tmp_path], include_user=False)
    loaded = store.create(tmp_path / "plans", catalogue.get("three"), case_ref="BIG",
                          now=clock.now())
    app = ChecklistApp(tmp_path / "plans", [str(tmp_path)], plan_path=loaded.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        screen.show_section("big")
        while not screen.ready:  # the first batch is on screen; the rest is pending
            await asyncio.sleep(0)
        assert not screen.section_complete
        screen.show_section("third")  # a new section, straight away
        await wait_for(pilot, lambda: plan_ready(app) and screen.current == "third")
        screen.show_section("big")
        await wait_for(pilot, lambda: plan_ready(app) and screen.current == "big")
        await pilot.press("end")  # the last item: the page is built through it, in order
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "answer-b29")
        pane = screen.query_one("#sec-big")
        # every item once and in order: built, or let go far above b29 (a gap in its place)
        assert [slot.item.id for slot in pane._slots] == [f"b{n}" for n in range(30)]
        built = [v.item.id for v in pane.query(ItemView)]
        assert built[-1] == "b29" and built == [f"b{n}" for n in range(30) if f"b{n}" in built]
