"""Regenerate the README's screenshots from the example plans.

    python docs/make_screenshots.py

Runs the real app headless on a copy of examples/ with a fixed clock and saves SVG
screenshots in docs/screenshots/. Open them in any browser.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (100, 30)
sys.path.insert(0, str(ROOT))  # run from anywhere, without installing the package

from datetime import datetime  # noqa: E402

from checklist_tui.core import clock  # noqa: E402

clock.fix(datetime.fromisoformat("2026-11-25T10:00:00+00:00"))  # fixed dates, as in the tests
os.environ["TZ"] = "UTC"


async def shoot(plans: Path) -> None:
    from textual.widgets import DataTable

    from checklist_tui.tui.app import ChecklistApp

    def ready(app) -> bool:
        return bool(getattr(app.screen, "ready", False))

    async def wait(pilot, predicate) -> None:
        for _ in range(200):
            if predicate():
                return
            await pilot.pause(0.05)
        raise RuntimeError("the app did not get ready")

    app = ChecklistApp(plans)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(DataTable)
        status = app.screen.query_one("#plans-status")
        await wait(pilot, lambda: table.row_count == 3
                   and "3 plans in" in str(status.render()))  # read, not still checking
        await pilot.pause(0.3)
        app.save_screenshot(str(OUT / "home.svg"))
    app = ChecklistApp(plans, plan_path=plans / "family-t-like-twins.toml")
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, lambda: ready(app))
        app.screen.jump("father", "PBA-F01")
        await wait(pilot, lambda: ready(app) and app.screen.current == "father")
        for widget in app.screen.query("Input, TextArea"):
            widget.cursor_blink = False
        await pilot.pause(0.2)
        app.save_screenshot(str(OUT / "plan.svg"))
        for key, name in (("o", "outstanding"), ("t", "timeline"), ("p", "people")):
            await pilot.press(key)
            await pilot.pause(0.3)
            app.save_screenshot(str(OUT / f"{name}.svg"))
            await pilot.press("escape")
            await pilot.pause(0.2)


def main() -> None:
    import time

    time.tzset()
    OUT.mkdir(parents=True, exist_ok=True)
    # A fixed folder name: the home screen shows where the plans are, and a random
    # temporary name would change the screenshot on every run.
    work = Path(tempfile.gettempdir()) / "checklist-tui-screenshots"
    shutil.rmtree(work, ignore_errors=True)
    plans = work / "plans"
    plans.mkdir(parents=True)
    for path in (ROOT / "examples").glob("*.toml"):
        shutil.copy(path, plans)
        os.utime(plans / path.name, (1795597200, 1795597200))
    os.environ["CHECKLIST_TUI_PLANS_DIR"] = str(plans)
    os.environ["CHECKLIST_TUI_CONFIG_DIR"] = str(work / "config")
    os.environ["CHECKLIST_TUI_LOG_DIR"] = str(work / "logs")
    os.environ["CHECKLIST_TUI_CACHE_DIR"] = str(work / "cache")  # no index from an earlier run
    asyncio.run(shoot(plans))
    shutil.rmtree(work, ignore_errors=True)
    for path in sorted(OUT.glob("*.svg")):
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
