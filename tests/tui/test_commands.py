"""Commands are declared once; bindings, footer and palette all come from that."""

from __future__ import annotations

from pathlib import Path

from checklist_tui.tui import commands
from checklist_tui.tui.screens.home import HomeScreen
from checklist_tui.tui.screens.outstanding_view import OutstandingScreen
from checklist_tui.tui.screens.plan import PlanScreen
from checklist_tui.tui.screens.records import RecordsScreen
from tests.tui.helpers import choose_command, make_app, plan_ready, wait_for

SCREENS = [HomeScreen, PlanScreen, OutstandingScreen, RecordsScreen]


def test_every_binding_has_id_description_and_a_command() -> None:
    for screen in SCREENS:
        ids = [c.id for c in screen.COMMANDS_DECLARED]
        assert [b.id for b in screen.BINDINGS] == ids
        for binding, command in zip(screen.BINDINGS, screen.COMMANDS_DECLARED, strict=True):
            assert binding.description == command.title and binding.tooltip == command.help
            assert hasattr(screen, f"action_{command.action}"), (screen, command.id)


def test_each_screen_says_its_own_help_and_an_old_help_text_is_refused() -> None:
    import pytest

    from checklist_tui.tui.screens.base import AppScreen

    sentences = [screen(*args).screen_help for screen, args in (
        (HomeScreen, ()), (PlanScreen, (Path("x.toml"),)))]
    assert sentences[0].startswith("Home: ") and sentences[1].startswith("Plan: ")
    with pytest.raises(TypeError, match="help_on"):
        type("Old", (AppScreen,), {"HELP": "never shown"})


def test_no_keys_that_terminals_swallow() -> None:
    swallowed = {"ctrl+s", "ctrl+enter", "shift+enter", "ctrl+j", "ctrl+b"}
    for group in (commands.HOME, commands.PLAN, commands.OUTSTANDING, commands.RECORDS):
        for command in group:
            assert not set(command.keys.split(",")) & swallowed


async def test_palette_offers_plan_commands(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Outstanding", "Timeline", "People", "Agencies", "Actions", "Export"):
            assert title in titles
        assert any("theme" in t.lower() for t in titles)


async def test_palette_jumps_to_an_item(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await choose_command(pilot, "PBA-R01")
        await wait_for(pilot, lambda: plan_ready(app) and app.screen.current == "relationship"
                       and app.focused is not None and "PBA-R01" in (app.focused.id or ""))

