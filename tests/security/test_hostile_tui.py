"""Hostile text read back from the TUI's screen: shown literally, never obeyed.

The plan screen (checklist wording, notes, text answers), people, agencies,
actions, outstanding and home screens are each rendered and read as text. The
short run takes a dozen of the most dangerous kinds; CHECKLIST_HOSTILE_ALL=1
(the long run, ``benchmarks/campaign/``) takes every kind in the corpus.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from checklist_tui.core.limits import MAX_TEXT
from checklist_tui.tui.app import ChecklistApp
from tests.security import hostile, plans
from tests.security.cli import TERMINAL_CONTROL
from tests.tui.helpers import plan_ready, wait_for

SHORT_RUN = ["rich-markup", "rich-markup-escape", "ansi-colour", "osc8-hyperlink",
             "osc52-clipboard", "c1-csi", "nul-byte", "bidi-override", "zero-width",
             "html-script", "markdown-link", "rtl-names", "cjk-wide", "long-word"]
LONG_RUN = os.environ.get("CHECKLIST_HOSTILE_ALL") == "1"
SIZE = (160, 60)


def _cases() -> list[hostile.Hostile]:
    """Every kind on its own (long run), or the short run's kinds in one text (one app)."""
    if LONG_RUN:
        return hostile.CORPUS
    # In this order: the long word last, so that it pushes nothing off the screen.
    chosen = [next(h for h in hostile.CORPUS if h.kind == kind) for kind in SHORT_RUN]
    # And one kind alone, as the long run has it: the mix once hid escape bytes shown raw
    # in the text-answer boxes (a short text is laid out differently from the long mix).
    alone = next(h for h in hostile.CORPUS if h.kind == "ansi-colour")
    return [hostile.Hostile("short-run-mix", " ".join(h.text for h in chosen),
                            "\n".join(h.visible for h in chosen)), alone]


def screen_text(app) -> str:
    """The current screen as the terminal would show it, as plain text."""
    from rich.console import Console

    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(),
                      force_terminal=True, color_system="truecolor", record=True,
                      legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text(styles=False)


def token(visible: str) -> str:
    """A piece of the visible text that survives wrapping: its longest word, cut short."""
    return max(visible.split(), key=len)[:24]


def test_token_of_markup() -> None:
    assert token("[bold red]LOUD[/bold red]") == "red]LOUD[/bold"


async def _look(pilot, app, key: str, expect: str, what: str, seen: dict[str, str]) -> None:
    await pilot.press(key)
    await wait_for(pilot, lambda: expect in screen_text(app), what=f"{what}: {expect!r}")
    seen[what] = screen_text(app)
    await pilot.press("escape")
    await wait_for(pilot, lambda: plan_ready(app), what="back on the plan")


def _home(app) -> bool:
    return type(app.screen).__name__ == "HomeScreen"


@pytest.mark.parametrize("item", _cases(), ids=lambda h: h.kind)
async def test_hostile_text_on_screen(item: hostile.Hostile, tmp_path: Path) -> None:
    if len(item.text) > MAX_TEXT:
        pytest.skip("over the stated text limit: refused at load (test_hostile.py)")
    plan, checklists = plans.make(tmp_path, item)
    wants = [token(v) for v in item.visible.split("\n")]
    before = plan.read_bytes()
    app = ChecklistApp(plan.parent, checklist_dirs=[str(checklists)], plan_path=plan)
    seen: dict[str, str] = {}
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: plan_ready(app), what="the plan screen")
        for want in wants:
            await wait_for(pilot, lambda w=want: w in screen_text(app),
                           what=f"plan screen: {want!r}")
        seen["plan"] = screen_text(app)
        await _look(pilot, app, "p", wants[0] if len(item.text) <= plans.SHORT else "Father",
                    "people", seen)
        await _look(pilot, app, "a", "01/12/2026", "actions", seen)
        await _look(pilot, app, "g", "Agenc", "agencies", seen)
        await _look(pilot, app, "o", "Outstanding", "outstanding", seen)
        for _ in range(6):  # through the answer and note boxes: leaving them changes nothing
            await pilot.press("tab")
        await pilot.press("escape")  # out of a note box, or out of the plan
        if not _home(app):
            await pilot.press("escape")
        await wait_for(pilot, lambda: _home(app), what="home")
        seen["home"] = screen_text(app)
    assert plan.read_bytes() == before, "only looking at the plan changed it"
    for what, text in seen.items():
        assert not TERMINAL_CONTROL.search(text), f"{what}: control characters on screen"
