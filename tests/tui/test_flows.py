"""Pilot tests of the practitioner's screens and flows."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable, Input, OptionList, RadioSet

from checklist_tui.core import store
from checklist_tui.core.locking import PlanLock
from checklist_tui.core.plan import ActionStatus, PersonKind
from checklist_tui.tui.screens.home import HomeScreen
from checklist_tui.tui.screens.new_plan import NewPlanScreen
from checklist_tui.tui.screens.outstanding_view import OutstandingScreen
from checklist_tui.tui.screens.plan import PlanScreen
from checklist_tui.tui.screens.record_form import RecordForm
from checklist_tui.tui.screens.records import RecordsScreen
from checklist_tui.tui.widgets.item_view import ItemView
from tests.tui.helpers import (
    copy_examples,
    make_app,
    plan_ready,
    rendered,
    wait_for,
    wait_for_screen,
)


@pytest.fixture
def plans(tmp_path):
    return copy_examples(tmp_path / "plans")


async def test_home_lists_plans_and_copes_with_unreadable_files(plans) -> None:
    (plans / "broken.toml").write_text("format_version = 1\n[answers\n")
    app = make_app(plans)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 4)
        cells = [str(table.get_row_at(i)[1]) for i in range(4)]
        assert "(cannot be read)" in cells
        assert "Pre-birth assessment" in cells


async def test_home_with_no_plans_says_what_to_do(tmp_path) -> None:
    app = make_app(tmp_path / "empty")
    async with app.run_test(size=(80, 24)) as pilot:
        status = app.screen.query_one("#plans-status")
        await wait_for(pilot, lambda: "No plans yet" in str(status.render()))
        assert "Press n" in str(status.render())


async def _answer_focused_item_section(pilot, app, keys: list[str]) -> None:
    """Answer each item in the section in turn, by keyboard only."""
    answers = app.screen.session.plan.answers
    for n, key in enumerate(keys):
        focused = app.focused
        before = len(answers)
        await pilot.press(key)
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
        await pilot.press("tab", "tab", *"Test Worker", "tab", *"Social worker", "enter")
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        assert screen.current == "start"
        # answer the whole first section by keyboard: y/n/u on yes-no, space on checks
        await _answer_focused_item_section(
            pilot, app, ["y", "y", "n", "y", "y", "space", "space"])
        await wait_for(pilot, lambda: screen.session.evaluate().section("start").answered == 7)
        ev = screen.session.evaluate()
        assert "looked-after-parent" in ev.visible_sections  # S08 = yes
        # people: a male carer (from an answer, as a practitioner would press it)
        screen.query_one("#answer-PBA-S01").focus()
        await pilot.press("p")
        await wait_for_screen(pilot, RecordsScreen)
        plan = screen.session.plan
        await pilot.press("plus")
        await wait_for_screen(pilot, RecordForm)
        kind = app.screen.query_one("#f-kind")
        kind.value = PersonKind.MALE_CARER
        await pilot.press("tab", *"Test Partner", "tab", *"Mother's partner", "enter")
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
                          *"New-birth visit and weekly contact", "enter")
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
                          *"Children's social care", "tab", *"01/12/2026", "enter")
        await wait_for(pilot, lambda: len(plan.actions) == 1, what="the action")
        assert [p.kind for p in plan.people] == [PersonKind.MALE_CARER]
        assert plan.agencies[0].role == "New-birth visit and weekly contact"
        assert plan.actions[0].due == date(2026, 12, 1)
        path = screen.path
        await pilot.press("ctrl+q")
    assert not (path.parent / (path.name + ".lock")).exists()
    # reopen: everything is there
    again = store.load(path).plan
    assert again.answers["PBA-S01"].value == "yes" and again.answers["PBA-S07"].value == "no"
    assert again.answers["PBA-S05"].value is True
    assert again.people[0].name == "Test Partner"
    assert again.agencies[0].agency == "Health visiting"
    assert again.actions[0].what == "See the partner alone"
    assert again.actions[0].status == ActionStatus.NOT_STARTED
    app2 = make_app(plans, path.name)
    async with app2.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app2))
        radio = app2.screen.query_one("#answer-PBA-S01", RadioSet)
        assert radio.pressed_button is not None and radio.pressed_button.name == "yes"


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
        screen.query_one("#answer-PBA-F01").focus()
        await pilot.press("n")
        await wait_for(pilot, lambda: reason.display and not contacted.display)
        assert "RED FLAG" in rendered(screen.query_one("#banner"))
        await pilot.press("y")
        await wait_for(pilot, lambda: not reason.display and contacted.display)


async def test_read_only_mode_shows_reason_and_changes_nothing(plans) -> None:
    before = (plans / "early-pre-birth.toml").read_bytes()
    app = make_app(plans, "early-pre-birth.toml", read_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        assert "READ-ONLY: opened read-only" in str(screen.query_one("#readonly-reason").render())
        assert all(view.disabled for view in screen.query(ItemView))
        await pilot.press("y", "n", "d", "k", "c")
        await pilot.pause()
        assert app.screen is screen  # no dialog opened
        assert screen.check_action("details", ()) is False
        titles = [c.title for c in app.get_system_commands(screen)]
        assert "Outstanding" in titles and "Details" not in titles
        await pilot.press("ctrl+q")
    assert (plans / "early-pre-birth.toml").read_bytes() == before


async def test_plan_locked_elsewhere_opens_read_only(plans) -> None:
    with PlanLock(plans / "early-pre-birth.toml"):
        app = make_app(plans, "early-pre-birth.toml")
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: plan_ready(app))
            text = str(app.screen.query_one("#readonly-reason").render())
            assert "open for editing by" in text


async def test_signed_off_plan_is_read_only(plans) -> None:
    loaded = store.load(plans / "discharge-ready-for-sign-off.toml")
    from checklist_tui.core.plan import SignOff
    from tests.conftest import NOW

    loaded.plan.signoff = SignOff(by="A Manager", role="Team manager", at=NOW,
                                  decision="approved")  # approved needs its sign-off
    loaded.plan.state = "approved"
    store.save(loaded)
    app = make_app(plans, "discharge-ready-for-sign-off.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        assert "approved" in str(app.screen.query_one("#readonly-reason").render())


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
        note = app.screen.query_one("#note-PBA-S01", Input)
        assert note.value == MARKUP
        app.screen.query_one("#plan-header").update(  # the literal helper, end to end
            __import__("checklist_tui.tui.text", fromlist=["lit"]).lit(MARKUP))
        rendered = str(app.screen.query_one("#plan-header").render())
        assert "[bold]not bold[/bold]" in rendered and "\x1b" not in rendered
        assert "\\x1b[31mred" in rendered


async def test_autosave_within_a_second_without_quitting(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        app.screen.query_one("#answer-PBA-S07").focus()
        await pilot.press("y")
        # saved without quitting (the delay itself is checked below, not timed here:
        # timing assertions flake on a busy machine)
        await wait_for(pilot, lambda: store.load(plans / "early-pre-birth.toml").plan
                       .answers["PBA-S07"].value == "yes")
        await wait_for(pilot, lambda: "Saved" in str(
            app.screen.query_one("#plan-header").render()))


def test_autosave_delay_is_at_most_a_second() -> None:
    from checklist_tui.tui.screens import plan as plan_module
    from checklist_tui.tui.widgets import item_view

    assert 0 < plan_module.SAVE_AFTER_SECONDS <= 1.0
    assert plan_module.SAVE_AFTER_SECONDS + item_view.TEXT_COMMIT_SECONDS <= 1.5


async def test_failed_save_shows_message_keeps_answers_and_retries(plans, monkeypatch) -> None:
    from checklist_tui.core import session as session_module
    from checklist_tui.core.errors import PlanError
    from checklist_tui.tui.screens import plan as plan_module

    monkeypatch.setattr(plan_module, "RETRY_SAVE_SECONDS", 0.2)
    real_save = session_module.store.save
    calls = {"n": 0}

    def flaky(loaded):
        calls["n"] += 1
        if calls["n"] == 1:
            raise PlanError("early-pre-birth.toml: could not be saved (disk full)")
        return real_save(loaded)

    monkeypatch.setattr(session_module.store, "save", flaky)
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        app.screen.query_one("#answer-PBA-S07").focus()
        await pilot.press("y")
        await wait_for(pilot, lambda: "NOT SAVED" in str(
            app.screen.query_one("#plan-header").render()))
        assert app.screen.session.plan.answers["PBA-S07"].value == "yes"
        await wait_for(pilot, lambda: calls["n"] >= 2 and "Saved" in str(
            app.screen.query_one("#plan-header").render()))
    assert store.load(plans / "early-pre-birth.toml").plan.answers["PBA-S07"].value == "yes"


async def test_unexpected_error_saves_logs_and_shows_no_traceback(plans, isolated) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    with pytest.raises(ZeroDivisionError):
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: plan_ready(app))
            app.screen.query_one("#answer-PBA-S07").focus()
            await pilot.press("y")
            app.screen.refresh_state = lambda: 1 / 0
            await pilot.press("n")
            await wait_for(pilot, lambda: app._exception is not None, what="the crash")
    assert "unexpected problem" in app.crash_message and "answers were saved" in app.crash_message
    assert list((isolated / "logs").glob("crash-*.log"))
    assert store.load(plans / "early-pre-birth.toml").plan.answers["PBA-S07"].value == "no"


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
        assert "OVERDUE" in str(app.screen.query_one(OptionList).get_option_at_index(
            next(i for i in range(app.screen.query_one(OptionList).option_count)
                 if "OVERDUE" in str(app.screen.query_one(OptionList)
                                     .get_option_at_index(i).prompt))).prompt)
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


async def test_timeline_marks_overdue(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("t")
        await wait_for(pilot, lambda: "OVERDUE" in rendered(app.screen.query_one("#chart")))
        chart = str(app.screen.query_one("#chart").render())
        assert "Early safety actions agreed" in chart and "OVERDUE" in chart
        assert "✓" in chart and "!" in chart


async def test_export_writes_files_and_asks_before_replacing(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("e")
        await wait_for(pilot, lambda: app.screen.query_one("#go"))
        app.screen.query_one("#go").press()
        await wait_for(pilot, lambda: "Written:" in rendered(app.screen.query_one(
            "#export-result")))
        written = sorted(p.name for p in plans.glob("*summary*"))
        assert written == ["demo-0002-twins-pre-birth-assessment-summary.html",
                           "demo-0002-twins-pre-birth-assessment-summary.md"]
        assert "Written:" in str(app.screen.query_one("#export-result").render())
        app.screen.query_one("#go").press()
        await wait_for(pilot, lambda: "Replace" in rendered(app.screen.query_one(".title")))


async def test_help_shows_focused_item_guidance_and_sources(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        app.screen.query_one("#answer-PBA-S08").focus()
        await pilot.press("f1")
        await wait_for(pilot, lambda: app.screen.query_one("#item-help"))
        text = str(app.screen.query_one("#item-help").render())
        assert "PBA-S08" in text and "Why this matters" in text and "R2b" in text


async def test_acknowledge_warning_records_reason(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        app.screen.jump("father", "PBA-F12")
        await wait_for(pilot, lambda: plan_ready(app) and app.screen.current == "father")
        screen = app.screen
        await pilot.press("k")
        await wait_for(pilot, lambda: app.screen is not screen and app.focused is not None)
        await pilot.press(*"Discussed with manager", "enter")
        acks = screen.session.plan.acknowledgements
        await wait_for(pilot, lambda: ("PBA-F12.not-assessed", "Discussed with manager") in [
            (a.rule, a.reason) for a in acks], what="the acknowledgement")


async def test_complete_is_refused_with_reasons(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("c")
        await wait_for(pilot, lambda: "Not ready" in rendered(app.screen.query_one(".title")))
    assert store.load(plans / "early-pre-birth.toml").plan.state.value == "draft"


async def test_details_record_birth(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("d")
        await wait_for(pilot, lambda: app.screen.query_one("#d-dob", Input))
        dob = app.screen.query_one("#d-dob", Input)
        dob.value = "20/11/2026"
        dob.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: "born 20/11/2026, 5 days old" in rendered(
            app.screen.query_one("#plan-header")))


async def test_small_window_collapses_section_list(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        assert not app.screen.query_one("#sections").display or \
            app.screen.query_one("#sections").region.width == 0
        assert "Section 1 of" in str(app.screen.query_one("#section-title").render())
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        assert app.screen.query_one("#sections").region.width > 0


async def test_home_opens_plan_and_back_returns(plans) -> None:
    app = make_app(plans)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_no_color_is_honoured(plans, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(plans, "early-pre-birth.toml")
    assert app.no_color
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        # state still reads without colour: the chosen answer has a mark, others none
        radio = app.screen.query_one("#answer-PBA-S01", RadioSet)
        marks = [b._button.plain for b in radio.query("RadioButton")]
        assert marks == ["▐●▌", "▐ ▌"]


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
    text = text.replace('checklist_version = "1.0.0"', 'checklist_version = "0.9.0"')
    text = text.replace("[answers.PBA-S01]", '[answers.PBA-OLD1]\nvalue = "yes"\n'
                        'not_applicable = false\nnote = ""\n'
                        'answered_at = 2026-11-02T09:00:00+00:00\nanswered_by = "x"\n\n'
                        "[answers.PBA-S01]")
    (plans / "early-pre-birth.toml").write_text(text)
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        messages = [n.message for n in app._notifications]
        assert any("version 0.9.0" in m and "1 answer(s)" in m for m in messages)
        app.screen.query_one("#answer-PBA-S07").focus()
        await pilot.press("y")
        await wait_for(pilot, lambda: store.load(plans / "early-pre-birth.toml").plan
                       .answers["PBA-S07"].value == "yes", what="the save")
    kept = store.load(plans / "early-pre-birth.toml").plan.answers
    assert kept["PBA-OLD1"].value == "yes"  # never dropped, even after saving


async def test_leaving_a_big_section_at_once_still_mounts_all_its_items(tmp_path) -> None:
    """Moving on before a big section's later batches are mounted must not lose them."""
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
        assert len(screen.query_one("#sec-big").query(ItemView)) == 30
