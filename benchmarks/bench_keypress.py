"""How long does a key press wait while the plan saves? (#12.3: no UI freeze.)

    python benchmarks/bench_keypress.py [--history 5000] [--rounds 15] [--size 80x24]

The real app runs headless (Textual's test driver, the real plan screen, the real
autosave) on a copy of an example plan given a long history (5,000 entries by
default). Each round answers a yes/no question with no save running; when the
autosave starts (typing paused for SAVE_AFTER_SECONDS) another key press arrives, as
a typist's would while the save runs; the round ends when everything is saved. For
each key press, the time from the key reaching the app to the app handling it (its
binding running) is measured: "during" is the wait of a key pressed as a save starts,
"alone" of one pressed with no save running. Also: the longest the event loop was
kept from running while a save ran (a task ticking every millisecond), and the
process CPU and wall time of the run. The same run is made with the save in a thread
worker (as the app does) and with the save on the UI thread (as before). The package
is compiled to bytecode first (an installed app is).

Goal: with 5,000 history entries no key press waits more than 50 ms for a save.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual import events  # noqa: E402

from benchmarks.bench_save import grow  # noqa: E402
from checklist_tui.core import clock, store  # noqa: E402

EXAMPLE = ROOT / "examples" / "early-pre-birth.toml"
ITEM = "PBA-S08B"  # a yes/no question in the plan's first section


def make_plan(folder: Path, length: int) -> Path:
    path = folder / EXAMPLE.name
    shutil.copy(EXAMPLE, path)
    loaded = store.load(path)
    grow(loaded, length)  # the same history as the save benchmark's
    store.save(loaded)
    return path


async def one_run(folder: Path, path: Path, rounds: int, size: tuple[int, int],
                  on_ui_thread: bool) -> dict[str, object]:
    from checklist_tui.tui.app import ChecklistApp
    from checklist_tui.tui.screens import plan_saving
    from checklist_tui.tui.screens.plan import PlanScreen
    from checklist_tui.tui.widgets.item_view import ItemView

    app = ChecklistApp(folder, plan_path=path)
    pressed: list[tuple[float, bool]] = []  # (when the key reached the app, during a save)
    handled: list[float] = []
    saves: list[float] = []
    real_background = plan_saving.SavingScreen.save_in_background
    real_quick = ItemView.action_quick
    armed: list[bool] = []
    windows: list[list[float]] = []  # [start, end] of each save
    real_finished = plan_saving.SavingScreen._save_finished
    key = {"next": "y"}  # the example's answer is "no": every press changes it

    def send_key(during_save: bool) -> None:
        char = key["next"]
        key["next"] = "y" if char == "n" else "n"
        event = events.Key(char, char)
        event.set_sender(app)
        pressed.append((time.perf_counter(), during_save))
        assert app._driver is not None
        app._driver.send_message(event)

    def save_in_background(self: plan_saving.SavingScreen) -> None:
        if armed and self.session is not None and self.session.state.dirty:
            armed.clear()
            saves.append(time.perf_counter())
            send_key(True)  # it arrives as this save starts, and is handled while it runs
        windows.append([time.perf_counter(), float("inf")])
        if on_ui_thread:
            self.flush()
            windows[-1][1] = time.perf_counter()
        else:
            real_background(self)

    def finished(self: plan_saving.SavingScreen, job: object, then_save: bool = True) -> bool:
        windows[-1][1] = min(windows[-1][1], time.perf_counter())
        return real_finished(self, job, then_save)  # type: ignore[arg-type]

    def quick(self: ItemView, value: str) -> None:
        handled.append(time.perf_counter())  # the key press is being handled now
        real_quick(self, value)

    plan_saving.SavingScreen.save_in_background = save_in_background  # type: ignore[method-assign]
    ItemView.action_quick = quick  # type: ignore[method-assign]
    plan_saving.SavingScreen._save_finished = finished  # type: ignore[method-assign]
    gaps: list[tuple[float, float]] = []  # (when the tick came, how long since the last)
    try:
        async with app.run_test(size=size) as pilot:
            while not (isinstance(app.screen, PlanScreen) and app.screen.ready):
                await pilot.pause(0.05)
            screen = app.screen
            assert isinstance(screen, PlanScreen) and screen.session is not None
            section = screen.session.checklist.checklist.section_of()[ITEM].id
            screen.jump(section, ITEM)  # the plan reopens where work stopped
            while app.focused is None or app.focused.id != f"answer-{ITEM}" \
                    or not screen.ready:
                await pilot.pause(0.05)
            await pilot.pause(0.2)
            running = True

            async def tick() -> None:
                last = time.perf_counter()
                while running:
                    await asyncio.sleep(0.001)
                    now = time.perf_counter()
                    gaps.append((now, now - last))
                    last = now

            ticker = asyncio.create_task(tick())
            wall, cpu = time.perf_counter(), time.process_time()
            while len(saves) < rounds:
                armed.append(True)
                send_key(False)  # no save running: typing paused long enough
                while armed or len(handled) < len(pressed) or screen._save_job is not None \
                        or screen.session.state.dirty:
                    await asyncio.sleep(0.005)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            running = False
            await ticker
            await app.action_quit()
            while app.is_running:
                await asyncio.sleep(0.01)
    finally:
        plan_saving.SavingScreen.save_in_background = real_background  # type: ignore[method-assign]
        ItemView.action_quick = real_quick  # type: ignore[method-assign]
        plan_saving.SavingScreen._save_finished = real_finished  # type: ignore[method-assign]
    waits = [done - at for (at, _), done in zip(pressed, handled, strict=True)]
    during = [w for w, (_, d) in zip(waits, pressed, strict=True) if d]
    alone = [w for w, (_, d) in zip(waits, pressed, strict=True) if not d]
    in_save = [gap for at, gap in gaps
               if any(start < at and at - gap < end for start, end in windows)]
    return {"during": during, "alone": alone, "gap": max(in_save, default=0.0), "wall": wall,
            "cpu": cpu, "saves": len(saves)}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--size", default="80x24")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.split("x"))
    compileall.compile_dir(ROOT / "checklist_tui", quiet=1)
    clock.fix(datetime(2026, 11, 26, 10, 0, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plans"
        folder.mkdir()
        print(f"history {args.history} entries, {args.rounds} autosaves with a key press "
              f"during each, {width}x{height}")
        print(f"{'save runs':<14} {'key alone ms':>20} {'key during save ms':>24} "
              f"{'loop gap in save ms':>20} {'wall s':>7} {'CPU s':>6}")
        print(f"{'':<14} {'median / max':>20} {'median / max':>24}")
        for on_ui in (False, True):
            path = make_plan(folder, args.history)
            result = asyncio.run(one_run(folder, path, args.rounds, (width, height), on_ui))
            during, alone = result["during"], result["alone"]
            assert isinstance(during, list) and isinstance(alone, list)
            label = "on UI thread" if on_ui else "in a thread"
            print(f"{label:<14} {_ms(alone):>20} {_ms(during):>24} "
                  f"{float(result['gap']) * 1000:>20.1f} {float(result['wall']):>7.2f} "  # type: ignore[arg-type]
                  f"{float(result['cpu']):>6.2f}")  # type: ignore[arg-type]
            path.unlink()


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f} / {max(values) * 1000:.1f}"


if __name__ == "__main__":
    main(sys.argv[1:])
