"""#8.15: quitting while a plan is still loading leaves no lock behind."""

from __future__ import annotations

import threading
import time

from checklist_tui.core.locking import lock_path
from tests.tui.helpers import copy_examples, make_app

PLAN = "early-pre-birth.toml"


async def test_quit_while_loading_leaves_no_lock(plans) -> None:
    app = make_app(plans, PLAN)
    release, reached = threading.Event(), threading.Event()
    real = app.checklist

    def slow_checklist(checklist_id):
        reached.set()
        release.wait(60)
        return real(checklist_id)

    app.checklist = slow_checklist
    async with app.run_test(size=(80, 24)) as pilot:
        deadline = time.monotonic() + 30
        while not reached.is_set():
            assert time.monotonic() < deadline, "the plan never started loading"
            await pilot.pause(0.05)
        assert lock_path(plans / PLAN).exists()  # taken while loading
        await pilot.press("ctrl+q")
    release.set()
    deadline = time.monotonic() + 30
    while lock_path(plans / PLAN).exists():
        assert time.monotonic() < deadline, "the lock was left behind"
        time.sleep(0.05)


async def test_plan_in_unwritable_folder_opens_read_only(tmp_path, monkeypatch) -> None:
    import errno

    from checklist_tui.core import locking
    from tests.tui.helpers import plan_ready, wait_for

    plans = copy_examples(tmp_path / "plans")
    real = locking.os.open

    def refuse(path, flags, *args):
        if ".lock" in str(path):  # the lock and its temporary file: the folder refuses both
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real(path, flags, *args)

    monkeypatch.setattr(locking.os, "open", refuse)
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        assert app.screen.session.read_only
        shown = str(app.screen.query_one("#readonly-reason").render())
        assert "READ-ONLY" in shown and "cannot be written" in shown


async def test_header_marks_a_plan_edited_outside_the_app(tmp_path) -> None:
    from checklist_tui.core import history, store
    from tests.tui.helpers import plan_ready, wait_for

    plans = copy_examples(tmp_path / "plans")
    path = plans / PLAN
    store.save(store.load(path))  # sealed
    path.write_text(path.read_text("utf-8").replace('value = "yes"', 'value = "no"', 1),
                    "utf-8")
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        header = str(app.screen.query_one("#plan-header").render())
        assert history.EDITED_OUTSIDE in header
