"""Leaving while a save hangs: the app says so, names what would be lost, and the user
decides (keep waiting, write a copy, or leave and lose it); it never hangs without a
word, and never loses an answer silently."""

from __future__ import annotations

import threading

import pytest

from checklist_tui.core import store
from checklist_tui.tui.screens import unsaved
from checklist_tui.tui.screens.unsaved import UnsavedScreen
from tests.tui.helpers import go_to, make_app, plan_ready, rendered, wait_for
from tests.tui.test_saving import SlowDisk


@pytest.fixture(autouse=True)
def quick_patience(monkeypatch):
    monkeypatch.setattr(unsaved, "PATIENCE_SECONDS", 0.3)


async def _quit_while_saving(pilot, disk, key: str = "ctrl+q") -> UnsavedScreen:
    app = pilot.app
    await wait_for(pilot, lambda: plan_ready(app))
    await go_to(pilot, "PBA-S08B")
    await pilot.press("y")
    await wait_for(pilot, disk.entered.is_set, what="the save started")
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(app.screen, UnsavedScreen)
                   and app.focused is app.screen.query_one(".buttons Button"), what="asked")
    return app.screen


async def test_a_hanging_save_is_said_with_what_would_be_lost_and_quitting_loses_it(
        tmp_path, monkeypatch) -> None:
    from checklist_tui.core.locking import lock_path

    plans = tmp_path / "plans"
    from tests.tui.helpers import copy_examples
    copy_examples(plans)
    disk = SlowDisk(monkeypatch)
    app = make_app(plans, "early-pre-birth.toml")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            dialog = await _quit_while_saving(pilot, disk)
            said = rendered(dialog.query_one("#unsaved-sentence"))
            assert "has not answered for" in said
            assert "your last change (the answer to PBA-S08B) will not be saved" in said
            assert app.focused is dialog.query_one("#wait")  # Enter keeps waiting
            dialog.query_one("#lose").press()
            await wait_for(pilot, lambda: not app.is_running, what="the app quit")
        # it quit although the save still hangs, and said exactly what was not saved
        assert not disk.go.is_set()
        assert app.return_code == 1
        assert "NOT saved in early-pre-birth.toml: your last change (the answer to " \
               "PBA-S08B)" in app.exit_note
        assert not lock_path(plans / "early-pre-birth.toml").exists()
    finally:
        disk.go.set()


async def test_keep_waiting_then_the_save_lands_and_the_app_quits(tmp_path, monkeypatch):
    from tests.tui.helpers import copy_examples
    plans = copy_examples(tmp_path / "plans")
    disk = SlowDisk(monkeypatch)
    app = make_app(plans, "early-pre-birth.toml")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            dialog = await _quit_while_saving(pilot, disk)
            dialog.query_one("#wait").press()
            await wait_for(pilot, lambda: not isinstance(app.screen, UnsavedScreen))
            assert app.is_running
            disk.go.set()
            await wait_for(pilot, lambda: not app.is_running, what="the app quit")
        assert app.return_code == 0 and not app.exit_note
        assert store.load(plans / "early-pre-birth.toml").plan.answers[
            "PBA-S08B"].value == "yes"
    finally:
        disk.go.set()


async def test_the_question_goes_by_itself_once_the_save_lands(tmp_path, monkeypatch):
    """Escape leaving the plan: asked while the save hangs; it lands; the plan closes."""
    from checklist_tui.tui.screens.home import HomeScreen
    from tests.tui.helpers import copy_examples
    plans = copy_examples(tmp_path / "plans")
    disk = SlowDisk(monkeypatch)
    app = make_app(plans, "early-pre-birth.toml")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            dialog = await _quit_while_saving(pilot, disk, key="escape")
            assert "If you leave the plan now" in rendered(dialog.query_one(
                "#unsaved-sentence"))
            disk.go.set()
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen),
                           what="the plan closed after its save")
        assert store.load(plans / "early-pre-birth.toml").plan.answers[
            "PBA-S08B"].value == "yes"
    finally:
        disk.go.set()


def test_a_write_that_ends_after_the_app_closed_ends_without_a_traceback(monkeypatch) -> None:
    """The user left without the hanging save; the write ends later, while the program
    is closing. It told the closed event loop, and "Exception in thread save ...
    RuntimeError: Event loop is closed" was printed on the terminal they went back to."""
    import asyncio

    from checklist_tui.tui.screens import plan_saving

    go, written = threading.Event(), threading.Event()

    def slow_write(session, pending):
        go.wait(timeout=120)
        written.set()

    monkeypatch.setattr(plan_saving, "_write", slow_write)
    errors: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))
    loop = asyncio.new_event_loop()
    task = loop.create_task(plan_saving._write_on_own_thread(None, None))  # type: ignore[arg-type]
    loop.run_until_complete(asyncio.sleep(0))  # the thread is started
    task.cancel()
    loop.run_until_complete(asyncio.gather(task, return_exceptions=True))
    loop.close()
    go.set()
    for thread in [t for t in threading.enumerate() if t.name == "save"]:
        thread.join(timeout=120)
    assert written.is_set() and not errors, errors
