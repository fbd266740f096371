"""look-c 8, 13, 14: a manager's decision while the practitioner has the plan open says it
waits and can be stopped, a decision reported as not recorded is never recorded later,
the screen reads the plan again before a decision and when the file changes, and the
full plan opened from the review goes back to it."""

from __future__ import annotations

from checklist_tui.core import review, store
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.locking import PlanLock
from checklist_tui.core.plan import PlanState
from checklist_tui.core.review_file import change_plan
from checklist_tui.tui.screens.decision import DecisionForm
from checklist_tui.tui.screens.review_plan import ReviewPlanScreen
from checklist_tui.tui.screens.waiting import WaitingScreen
from tests.conftest import NOW
from tests.tui.helpers import rendered, wait_for, wait_for_screen
from tests.tui.test_review import READY, _fill_form, _open_ready_plan, review_app, team_folder


def _notes(app) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


def _idle(app) -> bool:
    return all(w.is_finished for w in app.workers)


async def _approve(pilot, app, text: str) -> None:
    await pilot.press("a")
    await _fill_form(pilot, app, text)


async def test_a_decision_waiting_for_the_lock_says_so_and_stopped_is_never_recorded(tmp_path):
    folder = team_folder(tmp_path / "team")
    path = folder / READY
    practitioner = PlanLock(path)
    app = review_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_ready_plan(pilot, app)
        screen = app.screen
        practitioner.acquire()  # the practitioner opens the plan
        try:
            await _approve(pilot, app, "Carers named; safe to sign off.")
            await wait_for_screen(pilot, WaitingScreen)
            said = " ".join(rendered(app.screen.query_one("#message-words Static")).split())
            assert "is open for editing by" in said and "nothing is recorded" in said
            assert screen.check_action("approve", ()) is False  # no second decision
            app.screen.query_one("#no").press()  # Stop waiting
            await wait_for(pilot, lambda: any("not recorded" in n for n in _notes(app))
                           and _idle(app), what="the stop reported and the worker ended")
        finally:
            practitioner.release()  # the practitioner closes the plan afterwards
        assert app.screen is screen and screen.pending is None
        await wait_for(pilot, lambda: _idle(app))
    plan = store.load(path).plan
    assert plan.state == PlanState.SUBMITTED and plan.reviews == []


async def test_a_waiting_decision_goes_through_once_when_the_plan_is_closed(tmp_path):
    folder = team_folder(tmp_path / "team")
    path = folder / READY
    practitioner = PlanLock(path)
    app = review_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_ready_plan(pilot, app)
        screen = app.screen
        practitioner.acquire()
        try:
            await _approve(pilot, app, "Carers named; safe to sign off.")
            await wait_for_screen(pilot, WaitingScreen)
        finally:
            practitioner.release()
        await wait_for(pilot, lambda: app.screen is screen and screen.pending is None
                       and "Approved by" in rendered(screen.query_one("#review-plan-text")),
                       what="the approval recorded and the plan read again")
        assert screen.check_action("approve", ()) is False
        await wait_for(pilot, lambda: any(n.startswith("Saved") for n in _notes(app)))
    plan = store.load(path).plan
    assert plan.state == PlanState.APPROVED and len(plan.reviews) == 1


async def test_an_approval_of_a_plan_changed_after_it_was_read_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(ReviewPlanScreen, "CHECK_EVERY", 3600)  # the change is not seen
    folder = team_folder(tmp_path / "team")
    path = folder / READY
    app = review_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_ready_plan(pilot, app)
        await pilot.press("a")
        await wait_for_screen(pilot, DecisionForm)
        change_plan(path, load_catalogue(include_user=False).get,  # meanwhile
                    lambda p, c: p.people.clear())
        await _fill_form(pilot, app, "Looks fine.")
        await wait_for(pilot, lambda: any("changed after you read it" in n
                                          for n in _notes(app)) and _idle(app))
    assert store.load(path).plan.state == PlanState.SUBMITTED


async def test_the_review_reads_the_plan_again_before_deciding_and_when_it_changes(
        tmp_path, monkeypatch):
    """look-c 13: after the practitioner answered the challenge, the screen still said it
    was not answered and a refused the approval."""
    monkeypatch.setattr(ReviewPlanScreen, "CHECK_EVERY", 3600)
    folder = team_folder(tmp_path / "team")
    path = folder / READY
    cat = load_catalogue(include_user=False)
    change_plan(path, cat.get, lambda p, c: review.challenge(
        p, c, "DPM-M02", "Who invited the father?", name="Sam Senior", role="Team manager",
        now=NOW))
    app = review_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_ready_plan(pilot, app)
        text = app.screen.query_one("#review-plan-text")
        assert "cannot be approved yet" in " ".join(rendered(text).split())
        ident = store.load(path).plan.challenges[0].id
        change_plan(path, cat.get, lambda p, c: review.respond(
            p, ident, "The midwife phoned him on Monday.", by="Drew", now=NOW))
        await pilot.press("a")  # the screen has not looked yet: a reads the plan first
        await wait_for_screen(pilot, DecisionForm)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewPlanScreen))
        assert "phoned him on Monday" in rendered(app.screen.query_one("#review-plan-text"))


async def test_a_change_on_disk_is_shown_without_a_key(tmp_path, monkeypatch):
    monkeypatch.setattr(ReviewPlanScreen, "CHECK_EVERY", 0.2)
    folder = team_folder(tmp_path / "team")
    path = folder / READY
    cat = load_catalogue(include_user=False)
    app = review_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_ready_plan(pilot, app)
        change_plan(path, cat.get, lambda p, c: review.challenge(
            p, c, "DPM-M02", "Who invited the father?", name="Sam Senior",
            role="Team manager", now=NOW))
        await wait_for(pilot, lambda: "Who invited the father?" in rendered(
            app.screen.query_one("#review-plan-text")), what="the challenge read again")


async def test_the_full_plan_goes_back_to_the_review(tmp_path):
    """look-c 14: o then Escape landed on Home; the summary is called what it is."""
    from checklist_tui.tui.screens.plan import PlanScreen

    folder = team_folder(tmp_path / "team")
    app = review_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_ready_plan(pilot, app)
        screen = app.screen
        text = rendered(screen.query_one("#review-plan-text"))
        assert "THE WHOLE PLAN" not in text and "SUMMARY (o opens the full plan" in text
        assert any(getattr(k, "key", "") == "o" for k in screen.query("FooterKey"))
        await pilot.press("o")
        await wait_for_screen(pilot, PlanScreen)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen, what="back on the review")


async def test_the_approve_form_keys_are_every_forms_keys(tmp_path):
    """look-c 12: Enter did nothing in the Approve form ("Pat ManagerDischarge to both
    parents..."), and Escape threw the rationale away without asking."""
    from textual.widgets import Input, TextArea

    from checklist_tui.tui.screens.message import MessageScreen

    folder = team_folder(tmp_path / "team")
    app = review_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_ready_plan(pilot, app)
        await pilot.press("a")
        await wait_for_screen(pilot, DecisionForm)
        form = app.screen
        await wait_for(pilot, lambda: app.focused is form.query_one("#decision-name"))
        await pilot.press(*"Pat Manager", "enter", *"Team manager", "enter",
                          *"Safe to sign off")
        await wait_for(pilot, lambda: form.query_one("#decision-text", TextArea).text
                       == "Safe to sign off", what="the rationale in its own box")
        assert form.query_one("#decision-name", Input).value == "Pat Manager"
        assert form.query_one("#decision-role", Input).value == "Team manager"
        await pilot.press("escape")
        await wait_for_screen(pilot, MessageScreen)
        assert app.screen.title_text == "Discard what you typed?"
        assert store.load(folder / READY).plan.state == PlanState.SUBMITTED


async def test_a_key_typed_as_the_waiting_dialog_appears_is_said_not_taken(tmp_path):
    """The waiting dialog is a message dialog: a key typed as it appears is not taken and
    it says so (its own copy of the layout lacked that line, and such a key crashed the
    app with NoMatches)."""
    from textual._time import get_time
    from textual.widgets import Button

    folder = team_folder(tmp_path / "team")
    practitioner = PlanLock(folder / READY)
    app = review_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_ready_plan(pilot, app)
        practitioner.acquire()
        try:
            await _approve(pilot, app, "Carers named; safe to sign off.")
            await wait_for_screen(pilot, WaitingScreen)
            dialog = app.screen
            assert str(dialog.query_one("#no", Button).label) == "Stop waiting"
            dialog._takes_keys_from = get_time() + 60  # as if typed the moment it appeared
            await pilot.press("x")
            await wait_for(pilot, lambda: "Not taken" in rendered(
                dialog.query_one("#message-not-taken")), what="the key said not taken")
            assert app.screen is dialog and app.is_running
            dialog.query_one("#no", Button).press()
            await wait_for(pilot, lambda: _idle(app) and app.screen is not dialog)
        finally:
            practitioner.release()


async def test_a_change_that_keeps_the_files_time_and_size_is_shown(tmp_path, monkeypatch):
    """A program that writes the plan in place and puts its time back (or two writes in
    one tick of a coarse clock) changed it without changing its time or size: the screen
    went on showing the plan as it was until the next a, r or c."""
    import os

    monkeypatch.setattr(ReviewPlanScreen, "CHECK_EVERY", 0.2)
    folder = team_folder(tmp_path / "team")
    path = folder / READY
    app = review_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_ready_plan(pilot, app)
        screen = app.screen
        text = screen.query_one("#review-plan-text")
        assert "Drew Demo" in rendered(text)
        first = screen._signature
        before = path.stat()
        data = path.read_bytes()
        assert b"Drew Demo" in data
        with path.open("r+b") as file:  # in place: the same file, the same size
            file.write(data.replace(b"Drew Demo", b"Dana Demo"))
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        after = path.stat()
        assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
        await wait_for(pilot, lambda: "Dana Demo" in rendered(text)
                       and screen._signature not in (None, first),
                       what="the plan read again")
        assert "Drew Demo" not in rendered(text)


async def test_a_plan_not_submitted_says_why_it_cannot_be_approved(tmp_path):
    """A team manager reading a draft pressed a to approve it and nothing happened, with
    nothing said: a and r are offered only for a plan awaiting sign-off. The review says
    why, and what can be done now; a plan awaiting sign-off does not say it."""
    from tests.tui.test_review import _cases, _loaded, _table

    folder = team_folder(tmp_path / "team")
    app = review_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: _loaded(app) and any(
            case.startswith("DEMO-0001") for case in _cases(app)))
        table = _table(app)
        table.focus()
        table.move_cursor(row=next(n for n, case in enumerate(_cases(app))
                                   if case.startswith("DEMO-0001")))
        await wait_for(pilot, lambda: app.screen.selected() == "early-pre-birth.toml")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewPlanScreen)
                       and app.screen.plan is not None, what="the draft")
        said = " ".join(rendered(app.screen.query_one("#review-plan-text")).split())
        assert "not awaiting sign-off, so it cannot be approved or returned until the " \
            "practitioner submits it" in said
        assert app.screen.check_action("approve", ()) is False
        await pilot.press("escape")
        await _open_ready_plan(pilot, app)
        said = " ".join(rendered(app.screen.query_one("#review-plan-text")).split())
        assert "not awaiting sign-off" not in said


async def test_a_decision_recorded_after_the_screen_was_left_is_still_said(
        tmp_path, monkeypatch):
    """rev7-tui 7: the decision's worker called the screen from its thread unguarded; a
    manager who went back while it was written (a slow shared drive) got a crash, or
    nothing said. It is said by the app, and the screen gone is not asked."""
    import threading

    from checklist_tui.core import review_file

    written = threading.Event()
    go_on = threading.Event()
    real = review_file.change_plan

    def slow(*args, **kwargs):
        result = real(*args, **kwargs)
        written.set()
        go_on.wait(30)  # the drive is slow to answer
        return result

    monkeypatch.setattr(review_file, "change_plan", slow)
    folder = team_folder(tmp_path / "team")
    path = folder / READY
    app = review_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_ready_plan(pilot, app)
        screen = app.screen
        try:
            await _approve(pilot, app, "Carers named; safe to sign off.")
            await wait_for(pilot, written.is_set, what="the decision written")
            await pilot.press("escape")  # back to the list while the drive answers
            await wait_for(pilot, lambda: not screen.is_attached, what="the screen left")
        finally:
            go_on.set()
        await wait_for(pilot, lambda: any(n == "Saved: Approved and signed off."
                                          for n in _notes(app)) and _idle(app),
                       what="the decision said")
        assert app.is_running and app.return_code is None
    assert store.load(path).plan.state == PlanState.APPROVED
