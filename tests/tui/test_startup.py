"""Start-up (#12.2): a plan is read once per open; the first frame names the case; a plan
named on the command line that cannot be opened closes the app with one sentence."""

from __future__ import annotations

import io
import os
import sys
import threading

import pytest

from checklist_tui.core import store
from checklist_tui.tui.screens.plan import PlanScreen
from checklist_tui.tui.widgets.plan_header import PlanHeader, opening
from tests.tui.helpers import make_app, plan_ready, rendered, wait_for, wait_for_screen

PLAN = "family-t-like-twins.toml"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of every plan file parsed (and validated) from its bytes."""
    seen: list[str] = []
    original = store._parse

    def counting(data, path, *args, **kwargs):
        seen.append(path.name)
        return original(data, path, *args, **kwargs)

    monkeypatch.setattr(store, "_parse", counting)
    return seen


async def test_the_app_reads_the_plan_once(plans, reads) -> None:
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        app.screen.refresh_state()
    assert reads == [PLAN]


def test_the_open_command_leaves_reading_to_the_app(plans, reads, monkeypatch) -> None:
    """``open PLAN`` reads nothing itself before the app starts (the app reads it once)."""
    from checklist_tui.cli import main
    from checklist_tui.cli import plans as cli_plans

    started: list[object] = []
    monkeypatch.setattr(cli_plans, "run_tui", lambda args, plan_path, read_only:
                        started.append(plan_path) or 0)
    assert main(["open", str(plans / PLAN)]) == 0
    assert started == [plans / PLAN]
    assert reads == []


def test_open_in_plain_mode_reads_the_plan_once(plans, reads, monkeypatch) -> None:
    from checklist_tui.cli import main

    monkeypatch.setattr(sys, "stdin", io.StringIO("quit\n"))
    assert main(["open", str(plans / PLAN), "--plain"]) == 0
    assert reads == [PLAN]


def test_open_a_missing_plan_says_so_without_starting(plans, capsys) -> None:
    from checklist_tui.cli import main

    assert main(["open", str(plans / "no-such-plan.toml")]) == 1
    assert "no such plan file" in capsys.readouterr().err


def test_the_first_header_names_the_case_before_the_plan_is_checked(plans, tmp_path) -> None:
    assert str(opening(plans / PLAN)) == "Opening DEMO-0002-TWINS…"
    odd = tmp_path / "odd.toml"
    odd.write_text('[table]\ncase_ref = "LATE-1"\n', encoding="utf-8")
    assert str(opening(odd)) == "Opening plan…"  # not said plainly at the top: no guess
    hostile = tmp_path / "hostile.toml"
    hostile.write_text('case_ref = "X\x1b[31mRED"\n', encoding="utf-8")
    assert "\x1b" not in str(opening(hostile))


async def test_a_damaged_plan_named_at_start_closes_with_one_sentence(plans) -> None:
    (plans / "broken.toml").write_text('case_ref = "BROKEN-1"\nthis is not toml\n',
                                       encoding="utf-8")
    app = make_app(plans, "broken.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.return_code == 1, what="the app to close")
    assert app.exit_note.startswith("checklist-tui: broken.toml: damaged or not a plan file")
    assert "\n" not in app.exit_note


async def test_a_damaged_plan_chosen_in_the_app_goes_back_home(plans) -> None:
    from checklist_tui.tui.screens.home import HomeScreen

    (plans / "broken.toml").write_text("this is not toml\n", encoding="utf-8")
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        app.open_plan(plans / "broken.toml")
        await wait_for_screen(pilot, HomeScreen)
        assert app.return_code is None
        await wait_for(pilot, lambda: any("damaged" in str(n.message)
                                          for n in app._notifications), what="the message")


async def test_the_first_frame_shows_the_case_reference(plans) -> None:
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, PlanScreen)
        assert "DEMO-0002-TWINS" in rendered(app.screen.query_one(PlanHeader))
        await wait_for(pilot, lambda: plan_ready(app))
        assert "DEMO-0002-TWINS" in rendered(app.screen.query_one(PlanHeader))


async def test_the_plan_named_at_start_opens_on_the_apps_first_screen(plans) -> None:
    """No blank screen is built, resumed and drawn first: the opening screen is the app's
    first screen, and the plan screen goes over it (#12.2: it cost the first paint about
    9 ms). Escape from the plan goes Home, which takes the plan screen's place; a plan
    opened from Home takes the opening screen's place there, as before."""
    from checklist_tui.tui.screens.home import HomeScreen
    from checklist_tui.tui.screens.opening import OpeningScreen

    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        assert [type(s) for s in app.screen_stack] == [OpeningScreen, PlanScreen]
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
        assert [type(s) for s in app.screen_stack] == [OpeningScreen, HomeScreen]
        app.open_plan(plans / "early-pre-birth.toml")
        await wait_for(pilot, lambda: plan_ready(app))
        assert [type(s) for s in app.screen_stack] == [OpeningScreen, HomeScreen, PlanScreen]
        assert app.screen.session.plan.case_ref != "DEMO-0002-TWINS"
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
        assert [type(s) for s in app.screen_stack] == [OpeningScreen, HomeScreen]


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="names descriptors via /proc")
async def test_the_lock_is_forced_to_the_disk_once_the_plan_is_painted(
        plans, monkeypatch) -> None:
    """The first paint does not wait for the disk (an fsync, 1 to 30 ms on a busy one):
    the lock is held from the start and forced to the disk just after the paint, so the
    first save does not wait for it either (#12.2)."""
    synced: list[tuple[str, bool]] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        name = os.path.basename(os.readlink(f"/proc/self/fd/{fd}"))
        synced.append((name, getattr(app.screen, "ready", False)))  # shown, focused
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await wait_for(pilot, lambda: bool(synced), what="the lock forced to the disk")
        assert synced[0] == (PLAN + ".lock", True)  # after the plan was shown


async def test_the_rest_of_a_section_is_built_after_its_first_items_are_drawn(
        plans, monkeypatch) -> None:
    """The first frame with items holds only those that fill the window; the rest of the
    section is mounted after it has been drawn, as the reader comes to it (#12.2)."""
    from textual.errors import NoWidget

    from checklist_tui.tui.widgets.section_pane import SectionPane

    drawn_first: list[bool] = []
    original = SectionPane._build_more

    async def build_more(self, count, *again):
        try:
            drawn_first.append(self.views()[0].region.height > 0)
        except NoWidget:
            drawn_first.append(False)  # not laid out yet: nothing drawn
        await original(self, count, *again)

    monkeypatch.setattr(SectionPane, "_build_more", build_more)
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        longest = max(screen._session().checklist.checklist.sections,
                      key=lambda section: len(section.items))
        screen.show_section(longest.id)  # (the plan reopens where it was left)
        await wait_for(pilot, lambda: plan_ready(app) and screen.current == longest.id)
        for _ in range(6):  # more of the section is built as the reader scrolls to it
            await pilot.press("pagedown")
        await wait_for(pilot, lambda: bool(drawn_first) and plan_ready(app))
    assert drawn_first and all(drawn_first)


async def test_the_plan_is_opened_before_the_plan_screen_which_shows_it_at_once(
        plans, monkeypatch) -> None:
    """The opening screen's thread opens the plan (lock, read, checks) and hands the session
    over: the plan screen is built with it and never opens the plan itself (#12.2)."""
    from checklist_tui.core.session import PlanSession

    threads: list[bool] = []
    original = PlanSession.open.__func__  # type: ignore[attr-defined]

    def watched(cls, *args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return original(cls, *args, **kwargs)

    monkeypatch.setattr(PlanSession, "open", classmethod(watched))
    given: list[bool] = []
    init = PlanScreen.__init__

    def made(self, path, read_only=False, session=None):
        given.append(session is not None)
        init(self, path, read_only=read_only, session=session)

    monkeypatch.setattr(PlanScreen, "__init__", made)
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        assert "DEMO-0002-TWINS" in rendered(app.screen.query_one(PlanHeader))
        assert "Section" in rendered(app.screen.query_one("#section-title"))
    assert threads == [False]  # opened once, in a thread
    assert given == [True]


async def test_quitting_while_the_plan_opens_leaves_it_unlocked(plans, monkeypatch) -> None:
    """Ctrl+Q while the opening screen's thread is still opening the plan: the session it
    then gets is closed, so the plan is not left locked for the next open."""
    from checklist_tui.core.locking import lock_path
    from checklist_tui.core.session import PlanSession

    entered, gate, closed = threading.Event(), threading.Event(), threading.Event()
    original = PlanSession.open.__func__  # type: ignore[attr-defined]
    close = PlanSession.close

    def slow(cls, *args, **kwargs):
        entered.set()
        gate.wait(120)
        return original(cls, *args, **kwargs)

    def closing(self):
        try:
            return close(self)
        finally:
            closed.set()

    monkeypatch.setattr(PlanSession, "open", classmethod(slow))
    monkeypatch.setattr(PlanSession, "close", closing)
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        try:
            await wait_for(pilot, entered.is_set, what="the plan to start opening")
            await pilot.press("ctrl+q")
            await wait_for(pilot, lambda: app.return_code is not None, what="the app to close")
        finally:
            gate.set()  # never leave the opening thread waiting
    assert closed.wait(120), "the session opened after quitting was never closed"
    assert not lock_path(plans / PLAN).exists()
