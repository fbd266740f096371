"""The review screen: a folder of plans as a table, filters, sorting, and signing off."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, Input, Select, Static, TextArea

from checklist_tui.core import review, store
from checklist_tui.core.answers import display
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.index import PlanIndex
from checklist_tui.core.plan import PlanState
from checklist_tui.core.review_file import change_plan
from checklist_tui.tui.app import ChecklistApp
from checklist_tui.tui.screens.decision import DecisionForm
from checklist_tui.tui.screens.review import ReviewScreen
from checklist_tui.tui.screens.review_plan import ReviewPlanScreen, review_text
from tests.conftest import NOW, TODAY
from tests.tui.helpers import copy_examples, make_app, rendered, wait_for, wait_for_screen

READY = "discharge-ready-for-sign-off.toml"
SNAP_PLANS = Path("plans")
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def team_folder(folder: Path) -> Path:
    """The examples, one submitted for sign-off, a broken file, and a plan changed
    behind the index's back (indexed, then edited on disk)."""
    copy_examples(folder)
    cat = load_catalogue(include_user=False)
    change_plan(folder / READY, cat.get,
                lambda p, c: review.submit(p, c, by="Drew", now=NOW, today=TODAY))
    (folder / "zz-broken.toml").write_text("format_version = 1\ncase_ref = \"cut", "utf-8")
    fixed = datetime(2026, 11, 25, 9, 0, tzinfo=UTC).timestamp()
    for path in folder.iterdir():
        os.utime(path, (fixed, fixed))
    with PlanIndex(folder, cat.checklists, include_user=False) as index:
        index.refresh(today=TODAY)
    early = folder / "early-pre-birth.toml"
    early.write_text(early.read_text("utf-8").replace("DEMO-0001", "DEMO-0001-CHANGED"),
                     "utf-8")
    os.utime(early, (fixed + 60, fixed + 60))
    return folder


def review_app(folder: Path) -> ChecklistApp:
    return ChecklistApp(folder, review_dir=folder)


def _table(app) -> DataTable:
    return app.screen.query_one("#review-table", DataTable)


def _loaded(app) -> bool:
    """The index is refreshed and the table filled: no worker still loading or filling."""
    return isinstance(app.screen, ReviewScreen) and app.screen.loaded and _idle(app) \
        and _table(app).row_count == len(app.screen.shown)


def _idle(app) -> bool:
    """No worker is still loading, checking or filling."""
    return all(w.is_finished for w in app.workers)


def _cases(app) -> list[str]:
    table = _table(app)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_table_lists_every_plan_with_broken_and_changed(tmp_path):
    folder = team_folder(tmp_path / "team")
    app = review_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: _loaded(app) and len(_cases(app)) == 4,
                       what="the index refresh")
        cases = _cases(app)
        assert "DEMO-0001-CHANGED" in cases and "DEMO-0001" not in cases
        assert "not known" in cases  # the broken file, listed, not hidden
        status = rendered(app.screen.query_one("#review-status", Static))
        assert "4 of 4 plans shown" in status and "1 cannot be read" in status
        assert "1 awaiting sign-off" in status
        # a plan edited by hand says so in its row (the state words and needs attention)
        changed = _table(app).get_row("early-pre-birth.toml")
        assert "edited outside the app" in str(changed[1])
        assert "edited outside the app" in str(changed[2])


async def test_the_line_under_the_table_says_why_a_file_cannot_be_read(tmp_path):
    """s8count's leftover of look-d 29: the broken file's line said only "cannot be
    read"; it says why and whether a copy saved before it is kept, as Home's row does."""
    folder = team_folder(tmp_path / "team")
    app = review_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: _loaded(app) and len(_cases(app)) == 4)
        screen = app.screen
        said = screen.detail("zz-broken.toml")
        assert said.endswith("Cannot be read. File: zz-broken.toml. It ends part-way "
                             "through. No earlier copy kept."), said
        (folder / "zz-broken.toml.bak").write_bytes(
            (folder / "family-t-like-twins.toml").read_bytes())
        assert "Earlier copy kept as .bak, 20/11/2026" in screen.detail("zz-broken.toml")


async def test_filters_and_sorting(tmp_path):
    folder = team_folder(tmp_path / "team")
    app = review_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: _loaded(app))
        app.screen.query_one("#review-view", Select).value = "submitted_for_review"
        await wait_for(pilot, lambda: _cases(app) == ["DEMO-0003"])
        app.screen.query_one("#review-view", Select).value = "unreadable"
        await wait_for(pilot, lambda: _cases(app) == ["not known"])
        app.screen.query_one("#review-view", Select).value = "edited"
        await wait_for(pilot, lambda: _cases(app) == ["DEMO-0001-CHANGED"])
        app.screen.query_one("#review-view", Select).value = "attention"
        # a plan awaiting sign-off needs a manager's attention, most harmful first
        await wait_for(pilot, lambda: _cases(app) == ["not known", "DEMO-0002-TWINS",
                                                      "DEMO-0001-CHANGED", "DEMO-0003"])
        # sorting by Needs attention is by harm, not by the alphabet of its words
        app.screen.sort_key = "attention"
        app.screen._refilter()
        await wait_for(pilot, lambda: _cases(app) == ["not known", "DEMO-0002-TWINS",
                                                      "DEMO-0001-CHANGED", "DEMO-0003"])
        app.screen.sort_key = ""
        app.screen.query_one("#review-view", Select).value = "all"
        await pilot.press("slash")
        await pilot.press(*"twins")
        await wait_for(pilot, lambda: _cases(app) == ["DEMO-0002-TWINS"])
        app.screen.query_one("#review-text", Input).value = ""
        await wait_for(pilot, lambda: len(_cases(app)) == 4)
        app.screen.query_one("#review-table").focus()
        await pilot.press("s")  # sort by case reference
        await wait_for(pilot, lambda: _cases(app) == sorted(_cases(app), key=str.lower))
        await pilot.press("S")
        await wait_for(pilot, lambda: _cases(app) == sorted(_cases(app), key=str.lower,
                                                            reverse=True))


async def _open_ready_plan(pilot, app) -> None:
    await wait_for(pilot, lambda: _loaded(app) and "DEMO-0003" in _cases(app),
                   what="the table filled")
    table = _table(app)
    table.focus()
    table.move_cursor(row=_cases(app).index("DEMO-0003"))
    await wait_for(pilot, lambda: app.screen.selected() == READY, what="the cursor on DEMO-0003")
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ReviewPlanScreen)
                   and app.screen.path.name == READY and app.screen.plan is not None,
                   what="the plan")


async def _fill_form(pilot, app, text: str) -> None:
    await wait_for_screen(pilot, DecisionForm)
    form = app.screen
    if form.query("#decision-name"):  # asked (not yet said in this run)
        form.query_one("#decision-name", Input).value = "Alex Manager"
        form.query_one("#decision-role", Input).value = "Team manager"
    form.query_one("#decision-text", TextArea).text = text
    form.query_one("#save", Button).press()  # no mouse: nothing to miss when busy
    await wait_for(pilot, lambda: app.screen is not form or bool(
        rendered(form.query_one("#form-error", Static)).strip()),
        what="the form sent or refused")


async def test_approve_from_the_review_screen(tmp_path):
    folder = team_folder(tmp_path / "team")
    app = review_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_ready_plan(pilot, app)
        text = rendered(app.screen.query_one("#review-plan-text", Static))
        assert text.index("GAPS AND RISKS") < text.index("SUMMARY (o opens the full plan")
        assert "Submitted for review" in text
        await pilot.press("a")
        await _fill_form(pilot, app, "Plan is proportionate and complete.")
        await wait_for(pilot, lambda: store.load(folder / READY).plan.state
                       == PlanState.APPROVED, what="the approval on disk")
        await wait_for(pilot, lambda: "Approved by Alex Manager" in rendered(
            app.screen.query_one("#review-plan-text", Static)))
        assert app.screen.check_action("approve", ()) is False  # no second approval
        await pilot.press("escape")
        await wait_for(pilot, lambda: _loaded(app) and "Approved" in [
            str(_table(app).get_row_at(i)[2]) for i in range(_table(app).row_count)])


async def test_return_and_challenge_from_the_review_screen(tmp_path):
    folder = team_folder(tmp_path / "team")
    app = review_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_ready_plan(pilot, app)
        await pilot.press("c")
        await wait_for_screen(pilot, DecisionForm)
        app.screen.query_one("#decision-item", Select).value = "DPM-M02"
        await _fill_form(pilot, app, "Who spoke to the father?")
        await wait_for(pilot, lambda: len(store.load(folder / READY).plan.challenges) == 1)
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewPlanScreen)
                       and "Who spoke to the father?" in rendered(
                           app.screen.query_one("#review-plan-text", Static)))
        await pilot.press("r")
        await _fill_form(pilot, app, "Answer the challenge first.")
        await wait_for(pilot, lambda: store.load(folder / READY).plan.state
                       == PlanState.RETURNED)
        plan = store.load(folder / READY).plan
        assert plan.reviews[-1].by == "Alex Manager" and plan.reviews[-1].role == "Team manager"


async def test_form_refuses_missing_reasons(tmp_path):
    folder = team_folder(tmp_path / "team")
    app = review_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_ready_plan(pilot, app)
        await pilot.press("r")
        await _fill_form(pilot, app, "")
        assert isinstance(app.screen, DecisionForm)
        assert "the reasons" in rendered(app.screen.query_one("#form-error", Static))
        assert store.load(folder / READY).plan.state == PlanState.SUBMITTED


async def test_home_r_opens_review(tmp_path):
    folder = copy_examples(tmp_path / "plans")
    app = ChecklistApp(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.query_one(DataTable).row_count == 3)
        await pilot.press("r")
        await wait_for_screen(pilot, ReviewScreen)
        await wait_for(pilot, lambda: _loaded(app))
        assert len(_cases(app)) == 3


@pytest.fixture
def snap_team(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    team_folder(tmp_path / SNAP_PLANS)
    monkeypatch.setenv("TZ", "UTC")
    import time

    time.tzset()
    yield SNAP_PLANS
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("size", SIZES)
def test_review_snapshot(snap_compare, snap_team, size):
    async def run_before(pilot) -> None:
        await wait_for(pilot, lambda: _loaded(pilot.app) and len(_cases(pilot.app)) == 4)
        await pilot.wait_for_scheduled_animations()
        await wait_for(pilot, lambda: _loaded(pilot.app))

    assert snap_compare(review_app(snap_team), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_review_plan_snapshot(snap_compare, snap_team, size):
    async def run_before(pilot) -> None:
        await _open_ready_plan(pilot, pilot.app)
        await wait_for(pilot, lambda: _idle(pilot.app) and any(
            getattr(k, "key", "") == "a" for k in pilot.app.screen.query("FooterKey")))
        await pilot.wait_for_scheduled_animations()
        await wait_for(pilot, lambda: _idle(pilot.app))

    assert snap_compare(review_app(snap_team), terminal_size=size, run_before=run_before)


async def test_a_change_made_outside_is_seen_without_a_key(tmp_path, monkeypatch):
    """Another manager returns a plan from the command line while the list is open: the
    row and the count follow on their own, and the status never keeps an old 'up to date'."""
    monkeypatch.setattr(ReviewScreen, "CHECK_EVERY", 0.2)
    folder = team_folder(tmp_path / "team")
    app = review_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: _loaded(app) and "DEMO-0003" in _cases(app))
        assert "Submitted for review" in str(_table(app).get_row(READY)[2])
        cat = load_catalogue(include_user=False)
        change_plan(folder / READY, cat.get, lambda p, c: review.decide(
            p, c, decision="returned", rationale="Add the GP's name", name="Kim A",
            role="Team manager", now=NOW, today=TODAY))
        await wait_for(pilot, lambda: _loaded(app)
                       and "Returned" in str(_table(app).get_row(READY)[2]),
                       what="the row to follow the change made outside")
        status = rendered(app.screen.query_one("#review-status", Static))
        assert "0 awaiting sign-off" in status and "Up to date" not in status


async def test_a_void_approval_can_be_returned_from_the_review_screen(tmp_path):
    """look-tm 9: the footer offered nothing on a plan whose approval no longer stands.
    Now r returns it and c challenges an item (a approves nothing), and the screen says
    what changed, or that it is not known."""
    folder = team_folder(tmp_path / "team")
    cat = load_catalogue(include_user=False)
    change_plan(folder / READY, cat.get, lambda p, c: review.decide(
        p, c, decision="approved", rationale="Sound.", name="Sam Senior", role="TM",
        now=NOW, today=TODAY))
    path = folder / READY
    path.write_text(path.read_text("utf-8").replace("Drew Demo", "Drew Demo-Edited"), "utf-8")
    app = review_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_ready_plan(pilot, app)
        text = rendered(app.screen.query_one("#review-plan-text", Static))
        assert "What changed since approval:" in text
        assert review.NOT_KNOWN_WHAT_CHANGED[:40] in text.replace("\n", " ")
        assert app.screen.check_action("approve", ()) is False
        assert app.screen.check_action("return_plan", ()) is True
        assert app.screen.check_action("challenge", ()) is True
        await pilot.press("r")
        await _fill_form(pilot, app, "Edited after approval: submit it again.")
        await wait_for(pilot, lambda: store.load(folder / READY).plan.state
                       == PlanState.RETURNED, what="the return on disk")


async def test_the_filter_hands_back_to_the_list_and_forms_name_the_plan(tmp_path):
    """look-tm 19: Enter or Down in the filter goes to the list (Enter and Down did
    nothing: it took Tab, Tab); a decision form names the plan it decides on (it covers
    the plan) and says which text is missing ("Please give the text")."""
    folder = team_folder(tmp_path / "team")
    app = review_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: _loaded(app) and len(_cases(app)) == 4)
        table = _table(app)
        for leave in ("enter", "down"):
            await pilot.press("slash")
            await wait_for(pilot, lambda: app.focused is app.screen.query_one("#review-text"))
            await pilot.press(*"twins", leave)
            await wait_for(pilot, lambda: app.focused is table)
            assert _cases(app) == ["DEMO-0002-TWINS"]
            app.screen.query_one("#review-text", Input).value = ""
        await _open_ready_plan(pilot, app)
        await pilot.press("r")
        await wait_for_screen(pilot, DecisionForm)
        form = app.screen
        assert rendered(form.query_one("#decision-about", Static)) == f"Plan: DEMO-0003, {READY}"
        form.query_one("#decision-name", Input).value = "Alex Manager"
        form.query_one("#decision-role", Input).value = "Team manager"
        form.query_one("#save", Button).press()
        problem = form.query_one("#form-error", Static)
        await wait_for(pilot, lambda: rendered(problem).strip() == "Please give the reasons.")
        form.query_one("#decision-text", TextArea).text = "ok"  # look-d 11: says nothing
        form.query_one("#save", Button).press()
        await wait_for(pilot, lambda: rendered(problem).strip() == (
            "'ok' is not a reason. Say what must change before it can be signed off."))
        assert app.screen is form


async def test_rows_arriving_after_the_review_screen_is_gone_are_dropped(tmp_path) -> None:
    """The folder is read and checked in threads; what they send after the screen was
    closed (or the app stopped) is dropped. Before, the screen looked for its table, or
    the thread for its app, and a test app stopped with NoMatches or NoActiveAppError."""
    import asyncio

    from checklist_tui.tui.from_thread import call_while_attached
    from checklist_tui.tui.screens.review import ReviewScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)):
        gone = ReviewScreen(tmp_path)
        assert not gone.is_attached
        for callback, args in ((gone._replace, ([], "Checked.", True)),
                               (gone._progress, (1, 2)), (gone._add, ([],))):
            await asyncio.to_thread(call_while_attached, app, gone, callback, *args)


def _shown(widget) -> str:
    """What a widget draws on screen, its lines joined by a space (each line's text as
    the terminal shows it, so a cut shows as missing words)."""
    from textual.geometry import Region

    width, height = widget.size
    strips = widget.render_lines(Region(0, 0, width, height))
    return " ".join(" ".join("".join(s.text for s in strip).split()) for strip in strips
                    ).strip()


@pytest.mark.parametrize("size", SIZES)
async def test_the_challenge_form_shows_each_question_whole(tmp_path, size):
    """look-tm 20, look-b 13: the challenge form cut every item's question at 70 characters
    ("DPM-M05: Has a strategy discussion been held about the new concern, be") and did not
    show the answer; the manager chooses what to challenge by reading both. The list and
    the chosen item wrap them whole, at 80x24 too, and the buttons stay in sight."""
    from textual.widgets._select import SelectCurrent, SelectOverlay

    folder = team_folder(tmp_path / "team")
    app = review_app(folder)
    async with app.run_test(size=size) as pilot:
        await _open_ready_plan(pilot, app)
        checklist, plan = app.screen.checklist.checklist, app.screen.plan
        await pilot.press("c")
        await wait_for_screen(pilot, DecisionForm)
        form = app.screen
        select = form.query_one("#decision-item", Select)
        longest = max((i for _s, i in checklist.all_items()), key=lambda i: len(i.prompt))
        answer = display(longest, plan.answers[longest.id])
        whole = f"{longest.id}: {' '.join(longest.prompt.split())} Answer: {answer}"
        assert len(whole) > 100  # a question that no line of the form holds
        await pilot.press("space")  # the list opens (Enter moves on, as in every form)
        overlay = select.query_one(SelectOverlay)
        await wait_for(pilot, lambda: select.expanded and overlay.size.height > 1)
        overlay.highlighted = next(n for n, o in enumerate(overlay.options)
                                   if o.id == longest.id or str(o.prompt).startswith(
                                       f"{longest.id}:"))
        await wait_for(pilot, lambda: whole in _shown(overlay), what="the whole question in"
                       " the list")
        select.value = longest.id
        current = select.query_one(SelectCurrent).query_one("#label")
        await pilot.press("escape") if select.expanded else None
        await wait_for(pilot, lambda: not select.expanded and whole in _shown(current),
                       what="the whole question once chosen")
        go = form.query_one("#save", Button)
        dialog = form.query_one(".dialog")
        assert go.region.height >= 1 and dialog.content_region.contains_region(go.region), (
            go.region, dialog.region)  # not drawn past the bottom of the form


async def test_approve_with_challenges_open_says_so_before_any_rationale(tmp_path):
    """look-b 8: Approve opened its form on a plan with challenges not answered, and the
    refusal came only after the rationale was typed (and lost). Now the plan says it, and
    a says it at once, without a form to type into; r still returns it."""
    folder = team_folder(tmp_path / "team")
    cat = load_catalogue(include_user=False)
    for item in ("DPM-M02", "DPM-H01"):
        change_plan(folder / READY, cat.get, lambda p, c, item=item: review.challenge(
            p, c, item, "Why?", name="Sam Senior", role="Team manager", now=NOW))
    app = review_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_ready_plan(pilot, app)
        said = " ".join(rendered(app.screen.query_one("#review-plan-text", Static)).split())
        assert ("2 challenges are not yet answered, so this plan cannot be approved yet: r "
                "returns it to the practitioner.") in said
        screen = app.screen
        await pilot.press("a")
        await wait_for(pilot, lambda: any("cannot be approved yet" in str(n.message)
                                          for n in app._notifications), what="the warning")
        assert app.screen is screen  # no form opened
        await pilot.press("r")
        await _fill_form(pilot, app, "Answer both challenges.")
        await wait_for(pilot, lambda: store.load(folder / READY).plan.state
                       == PlanState.RETURNED, what="the return on disk")


async def _open_plan(pilot, app, name: str) -> None:
    await wait_for(pilot, lambda: _loaded(app) and name in app.screen.shown)
    table = _table(app)
    table.focus()
    table.move_cursor(row=app.screen.shown.index(name))
    await wait_for(pilot, lambda: app.screen.selected() == name)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ReviewPlanScreen)
                   and app.screen.path.name == name and app.screen.plan is not None)


@pytest.mark.parametrize("size", SIZES)
async def test_the_plan_for_review_reads_the_one_list_and_wraps_under_itself(tmp_path, size):
    """look-b 15: a wrapped line of the review text started at the left edge, as if it
    were a line of its own ("What to do: ..." / "again." at column 1). v5out: its GAPS AND
    RISKS block listed the older attention list (open required questions too), not the
    plan's one list that the header, show and the exports count."""
    from checklist_tui.core.engine import evaluate
    from checklist_tui.core.plan_gaps import plan_gaps

    folder = team_folder(tmp_path / "team")
    app = review_app(folder)
    twins = "family-t-like-twins.toml"
    async with app.run_test(size=size) as pilot:
        await _open_plan(pilot, app, twins)
        screen = app.screen
        plan, checklist = screen.plan, screen.checklist.checklist
        gaps = plan_gaps(checklist, plan, evaluate(checklist, plan, TODAY))
        text = review_text(plan, screen.checklist, app.sources())
        assert f"Gaps and risks: {len(gaps)} things, " in text
        logical = text.split("\n")
        shown = screen.query_one("#review-plan-text", Static)
        await wait_for(pilot, lambda: shown.size.height > len(logical))  # some lines wrap
        from textual.geometry import Region

        drawn = ["".join(s.text for s in strip).rstrip() for strip in
                 shown.render_lines(Region(0, 0, shown.size.width, shown.size.height))]
        starts = [line for line in logical if line and not line.startswith(" ")]
        for line in drawn:  # at the left edge only what starts a line of the text
            if line and not line.startswith(" "):
                assert any(start.startswith(line) for start in starts), line
        assert max(len(line) for line in drawn) <= shown.size.width
