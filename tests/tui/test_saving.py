"""Saving as you go: autosave, and a failed save said and retried."""


from __future__ import annotations

from checklist_tui.core import store
from tests.tui.helpers import (
    go_to,
    make_app,
    plan_ready,
    wait_for,
)


async def test_autosave_within_a_second_without_quitting(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await go_to(pilot, "PBA-S08B")
        await pilot.press("y")
        # saved without quitting (the delay itself is checked below, not timed here:
        # timing assertions flake on a busy machine)
        await wait_for(pilot, lambda: store.load(plans / "early-pre-birth.toml").plan
                       .answers["PBA-S08B"].value == "yes")
        await wait_for(pilot, lambda: "Saved" in str(
            app.screen.query_one("#plan-header").render()))

def test_autosave_delay_is_at_most_a_second() -> None:
    from checklist_tui.tui.screens import plan_saving as plan_module
    from checklist_tui.tui.widgets import item_view

    assert 0 < plan_module.SAVE_AFTER_SECONDS <= 1.0
    assert plan_module.SAVE_AFTER_SECONDS + item_view.TEXT_COMMIT_SECONDS <= 1.5

async def test_failed_save_shows_message_keeps_answers_and_retries(plans, monkeypatch) -> None:
    from checklist_tui.core import session as session_module
    from checklist_tui.core.errors import PlanError
    from checklist_tui.tui.screens import plan_saving as plan_module

    monkeypatch.setattr(plan_module, "RETRY_SAVE_SECONDS", 0.2)
    real_save = session_module.store.write_snapshot
    calls = {"n": 0}
    disk = {"full": True}  # full until the test has seen NOT SAVED: no race with the retry

    def flaky(loaded, snapshot):
        calls["n"] += 1
        if disk["full"]:
            raise PlanError("early-pre-birth.toml: could not be saved (disk full)")
        return real_save(loaded, snapshot)

    monkeypatch.setattr(session_module.store, "write_snapshot", flaky)
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await go_to(pilot, "PBA-S08B")
        await pilot.press("y")
        await wait_for(pilot, lambda: "NOT SAVED" in str(
            app.screen.query_one("#plan-header").render()))
        assert app.screen.session.plan.answers["PBA-S08B"].value == "yes"
        disk["full"] = False
        await wait_for(pilot, lambda: calls["n"] >= 2 and "Saved" in str(
            app.screen.query_one("#plan-header").render()))
    assert store.load(plans / "early-pre-birth.toml").plan.answers["PBA-S08B"].value == "yes"


class SlowDisk:
    """Holds the first save on its thread until the test lets it go (a hook, not a
    sleep), and records what each save wrote, in the order they reached the disk."""

    def __init__(self, monkeypatch) -> None:
        import threading

        from checklist_tui.core import session as session_module
        from checklist_tui.tui.screens import plan_saving

        self.entered, self.go = threading.Event(), threading.Event()
        self.written: list[tuple[int, object]] = []
        real = session_module.store.write_snapshot

        def hold() -> None:
            if not self.entered.is_set():
                self.entered.set()
                assert self.go.wait(timeout=120), "the test never let the save go"

        def record(loaded, snapshot) -> None:
            real(loaded, snapshot)
            value = snapshot.data["answers"].get("PBA-S08B", {}).get("value")
            self.written.append((len(snapshot.history), value))

        monkeypatch.setattr(plan_saving, "BEFORE_WRITE_HOOK", hold)
        monkeypatch.setattr(session_module.store, "write_snapshot", record)


def _header(app) -> str:
    return str(app.screen.query_one("#plan-header").render())


async def test_a_slow_save_never_freezes_typing_and_the_latest_answer_lands_last(
        plans, monkeypatch) -> None:
    disk = SlowDisk(monkeypatch)
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        await go_to(pilot, "PBA-S08B")
        await pilot.press("y")
        await wait_for(pilot, disk.entered.is_set, what="the first save started")
        # The first save is held on its thread: the screen still takes answers ...
        await pilot.press("n")
        await wait_for(pilot, lambda: screen.session.plan.answers["PBA-S08B"].value == "no")
        # ... the save asked for meanwhile waits for the one in flight (never two at once)
        await wait_for(pilot, lambda: screen._save_again, what="the second save coalesced")
        assert disk.written == [] and "Saving" in _header(app)
        disk.go.set()
        await wait_for(pilot, lambda: "Saved" in _header(app) and not screen.session.state.dirty)
    on_disk = store.load(plans / "early-pre-birth.toml").plan
    assert on_disk.answers["PBA-S08B"].value == "no"
    assert disk.written[0][1] == "yes" and disk.written[-1][1] == "no"
    lengths = [n for n, _value in disk.written]
    assert lengths == sorted(lengths) and len(disk.written) <= 3  # in order, coalesced


async def test_quitting_during_a_save_waits_for_it_and_then_quits(plans, monkeypatch) -> None:
    from checklist_tui.core.locking import lock_path

    disk = SlowDisk(monkeypatch)
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await go_to(pilot, "PBA-S08B")
        await pilot.press("y")
        await wait_for(pilot, disk.entered.is_set, what="the save started")
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: any(w.group == "quit" for w in app.workers),
                       what="quitting waits")
        assert app.is_running and "Saving" in _header(app)  # not gone with the save held
        disk.go.set()
        await wait_for(pilot, lambda: not app.is_running, what="the app quit")
    assert app.return_code == 0 and not app.lost_answers
    assert store.load(plans / "early-pre-birth.toml").plan.answers["PBA-S08B"].value == "yes"
    assert not lock_path(plans / "early-pre-birth.toml").exists()
