"""Helpers for Pilot tests: a fresh app, waiting without sleeps."""

from __future__ import annotations

import asyncio
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from textual.css.query import QueryError

from checklist_tui.tui.app import ChecklistApp
from checklist_tui.tui.screens.plan import PlanScreen
from checklist_tui.tui.widgets.item_view import ItemView
from checklist_tui.tui.widgets.plan_header import PlanHeader
from tests.conftest import EXAMPLES

WAIT_SECONDS = float(os.environ.get("CHECKLIST_TUI_TEST_WAIT", "60"))
"""How long a test waits for the app before it fails: generous, because this machine
may be shared and busy. Tests wait for a condition, never for a length of time."""


def _holds(predicate: Callable[[], bool]) -> bool:
    """The condition, where a widget not there yet (or an item not found) counts as not yet."""
    try:
        return bool(predicate())
    except (QueryError, LookupError, StopIteration):
        return False


async def wait_for(pilot, predicate: Callable[[], bool], timeout: float | None = None,
                   what: str = "") -> None:
    """Let the app run until ``predicate()`` holds; fail after a generous deadline."""
    deadline = time.monotonic() + (WAIT_SECONDS if timeout is None else timeout)
    while not _holds(predicate):
        if time.monotonic() > deadline:
            predicate()  # raise the real error, if there is one, for the report
            raise AssertionError(f"timed out waiting for the app{': ' + what if what else ''}")
        await pilot.pause(0.02)


async def wait_for_screen(pilot, kind: type) -> None:
    """Wait until the app's current screen is a ``kind``, composed and mounted."""
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, kind)
                   and pilot.app.screen.is_mounted, what=kind.__name__)


async def open_from_plan(pilot, key: str, kind: type) -> None:
    """Once the plan is shown, press the key that opens a ``kind`` screen from it, and wait
    for that screen."""
    await wait_for(pilot, lambda: plan_ready(pilot.app))
    await pilot.press(key)
    await wait_for_screen(pilot, kind)


async def new_record_form(pilot, key: str):
    """Once the plan is shown: People (p), Agencies (g) or Actions (a), then + for a new
    row; its form (a RecordForm) once shown."""
    from checklist_tui.tui.screens.record_form import RecordForm
    from checklist_tui.tui.screens.records import RecordsScreen

    await open_from_plan(pilot, key, RecordsScreen)
    await pilot.press("plus")
    await wait_for_screen(pilot, RecordForm)
    return pilot.app.screen


async def choose_command(pilot, typed: str) -> None:
    """Open the command palette, type ``typed``, and press Enter once the command
    highlighted mentions it."""
    from textual.command import CommandPalette

    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
    await pilot.press(*typed)
    await wait_for(pilot, lambda: typed in str(highlighted_command(pilot.app)),
                   what=f"the command palette offering {typed}")
    await pilot.press("enter")


def highlighted_command(app):
    """The prompt of the command the open command palette has highlighted (or None)."""
    from textual.command import CommandList

    shown = app.screen.query_one(CommandList)
    if shown.highlighted is None:
        return None
    return shown.get_option_at_index(shown.highlighted).prompt


def rendered(widget) -> str:
    """What a Static (or any widget) shows, as plain text: lines that wrap with a hanging
    indent (tui.hanging) as their text, one line each, whatever the width drawn at."""
    from checklist_tui.tui.hanging import Hanging

    content = getattr(widget, "content", None)
    if isinstance(content, Hanging):
        return str(content)
    return str(widget.render())


def drawn_lines(widget) -> list[str]:
    """What a widget draws on the screen now, line by line (trailing spaces dropped)."""
    from textual.geometry import Region

    return ["".join(s.text for s in strip).rstrip() for strip in
            widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))]


def plan_ready(app) -> bool:
    screen = app.screen
    return (isinstance(screen, PlanScreen) and screen.session is not None and screen.ready
            and screen.drawn and not screen.landing and screen.section_complete
            and bool(screen.query(ItemView)) and screen.query_one(PlanHeader).complete)


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


async def go_to(pilot, item_id: str) -> None:
    """Show an item's section with the item focused. A plan reopens where work stopped
    (the item changed last), so a test that needs another item goes there first."""
    app = pilot.app
    await wait_for(pilot, lambda: plan_ready(app))
    screen = app.screen
    section = screen.session.checklist.checklist.section_of()[item_id].id
    screen.jump(section, item_id)
    await wait_for(pilot, lambda: plan_ready(app) and screen.current == section
                   and app.focused is not None
                   and app.focused.id in (f"answer-{item_id}", f"item-{item_id}"),
                   what=f"{item_id} focused")
    if app.focused.id == f"item-{item_id}":  # a text question: the item, not its box
        app.focused.focus_control()
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == f"answer-{item_id}", what=f"{item_id}'s box")
    # ... and scrolled into view as the page leaves it (a test that scrolls on at once
    # must not race the page's own scroll to the item, which comes after the layout).
    await wait_for(pilot, lambda: screen.shown.focus_placed, what=f"{item_id} in view")
