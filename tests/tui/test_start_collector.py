"""Start-up (#12.2): the garbage collector is held back while the app starts and always
resumed: once the first plan is shown, once the first screen is drawn when no plan is
named, and when the app ends whatever happened."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from checklist_tui.tui import collector
from checklist_tui.tui.app import ChecklistApp
from tests.tui.helpers import make_app, plan_ready, wait_for

PLAN = "family-t-like-twins.toml"


@pytest.fixture
def held() -> Iterator[None]:
    """Collections held back as ``tui.run`` holds them; the test process gets them back."""
    was = gc.isenabled()
    collector.hold_while_starting()
    try:
        yield
    finally:
        collector.release()
        if was:
            gc.enable()


def test_run_holds_collections_before_the_app_and_resumes_them_after(
        plans, monkeypatch) -> None:
    from checklist_tui.tui import run

    seen: list[bool] = []

    def fake_run(self, *args, **kwargs):
        seen.append(gc.isenabled())
        raise RuntimeError("the app failed")  # resumed even so

    monkeypatch.setattr(ChecklistApp, "run", fake_run)
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        run.run(plans_dir=plans)
    assert seen == [False]
    assert gc.isenabled()


async def test_collections_resume_once_the_first_plan_is_shown(plans, held, monkeypatch) -> None:
    monkeypatch.setattr(collector, "HOLD_AT_MOST_SECONDS", 3600.0)  # not by the fallback
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app), what="the plan shown")
        await wait_for(pilot, gc.isenabled, what="collections resumed")


async def test_collections_resume_once_home_is_drawn(plans, held, monkeypatch) -> None:
    monkeypatch.setattr(collector, "HOLD_AT_MOST_SECONDS", 3600.0)
    app = make_app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, gc.isenabled, what="collections resumed")


async def test_collections_resume_at_the_latest_after_a_while(plans, held, monkeypatch) -> None:
    """Even when the plan is never shown (here: the opening never ends)."""
    from checklist_tui.tui.screens import opening

    monkeypatch.setattr(opening.OpeningScreen, "load_plan_screen", lambda self: None)
    monkeypatch.setattr(collector, "HOLD_AT_MOST_SECONDS", 0.2)
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, gc.isenabled, what="collections resumed")
        assert isinstance(app.screen, opening.OpeningScreen)


@pytest.mark.parametrize("words", [["open", PLAN], ["fill", PLAN]])
def test_the_command_line_holds_collections_for_the_app_and_resumes_them(
        plans, monkeypatch, words) -> None:
    """From the top of ``main``, not only from the app's start (parsing made about 20
    passes that freed nothing); the app gets them held, and they are on again after."""
    from checklist_tui.cli import main
    from checklist_tui.cli import plans as plan_commands

    seen: list[bool] = []
    monkeypatch.setattr(plan_commands, "run_tui",
                        lambda *a, **k: seen.append(gc.isenabled()) or 0)
    assert gc.isenabled()
    assert main([words[0], str(plans / words[1])]) == 0
    assert seen == [False]
    assert gc.isenabled()


@pytest.mark.parametrize("words", [["open", "--plain", PLAN], ["--plain", "fill", PLAN]])
def test_plain_mode_and_other_commands_collect_as_usual(plans, monkeypatch, words) -> None:
    from checklist_tui.cli import fill, main

    seen: list[bool] = []
    monkeypatch.setattr(fill, "run_plain", lambda *a, **k: seen.append(gc.isenabled()) or 0)
    assert main([str(plans / w) if w == PLAN else w for w in words]) == 0
    assert seen == [True]
    assert main(["list"]) == 0
    assert gc.isenabled()


def test_collections_resume_when_the_command_line_is_refused(plans, capsys) -> None:
    from checklist_tui.cli import main

    with pytest.raises(SystemExit):
        main(["open"])  # no plan named: argparse's usage line
    assert gc.isenabled()
    assert main(["open", str(plans / "no-such-plan.toml")]) == 1
    assert gc.isenabled()
