"""Helpers for Pilot tests: a fresh app, waiting without sleeps."""

from __future__ import annotations

import asyncio
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from checklist_tui.tui.app import ChecklistApp
from checklist_tui.tui.screens.plan import PlanScreen
from checklist_tui.tui.widgets.item_view import ItemView
from tests.conftest import EXAMPLES


async def wait_for(pilot, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.05)


def plan_ready(app) -> bool:
    screen = app.screen
    return (isinstance(screen, PlanScreen) and screen.session is not None and screen.ready
            and screen.section_complete and bool(screen.query(ItemView)))


def copy_examples(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in EXAMPLES.glob("*.toml"):
        shutil.copy(path, folder / path.name)
    return folder


def make_app(plans: Path, plan: str | None = None, read_only: bool = False) -> ChecklistApp:
    return ChecklistApp(plans, plan_path=plans / plan if plan else None, read_only=read_only)


async def settle(pilot) -> None:
    await pilot.pause()
    await asyncio.sleep(0)
