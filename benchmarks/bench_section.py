"""Switching to a 60-item section, headless: from the key press to the section ready.

    python benchmarks/bench_section.py [--runs 15]

Uses a generated checklist (a 60-item section of mixed types after a small first
section). "Ready" is the plan screen's own flag: the section is shown, refreshed
from the engine and focused. Goal: under 50 ms. Also reports, as a baseline in the
same run, mounting 60 plain Static widgets in a bare Textual app.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

from textual.app import App
from textual.containers import VerticalScroll
from textual.widgets import Static

from checklist_tui.core import clock

clock.fix(datetime.fromisoformat("2026-11-25T10:00:00+00:00"))  # fixed dates, as in the tests

TYPES = ["yes_no", "yes_no_unknown", "check", "short_text", "single_choice", "long_text",
         "date", "multi_choice"]


def make_checklist(folder: Path) -> Path:
    items = []
    for n in range(60):
        kind = TYPES[n % len(TYPES)]
        extra = ""
        if "choice" in kind:
            extra = ('options = [{ value = "a", label = "Option A" }, '
                     '{ value = "b", label = "B" }]\n')
        items.append(f'[[sections.items]]\nid = "big{n:02d}"\nprompt = "Question {n} for the '
                     f'practitioner to answer"\ntype = "{kind}"\nrefs = ["R1"]\n{extra}')
    text = ('id = "bench"\ntitle = "Benchmark"\nversion = "1.0.0"\naudience = "a"\n'
            'description = "d"\nowner = "o"\nreview_date = 2027-01-01\n\n'
            '[[sections]]\nid = "first"\ntitle = "First"\n\n[[sections.items]]\nid = "one"\n'
            'prompt = "One"\ntype = "yes_no"\nrefs = ["R1"]\n\n'
            '[[sections]]\nid = "big"\ntitle = "Sixty items"\n\n' + "\n".join(items))
    path = folder / "bench.toml"
    path.write_text(text)
    return path


def _bench_app():
    from checklist_tui.core import clock, store
    from checklist_tui.core.catalogue import load_catalogue
    from checklist_tui.tui.app import ChecklistApp

    work = Path(tempfile.mkdtemp())
    make_checklist(work)
    catalogue = load_catalogue([work], include_user=False)
    loaded = store.create(work / "plans", catalogue.get("bench"), case_ref="BENCH",
                          now=clock.now())
    return ChecklistApp(work / "plans", [str(work)], plan_path=loaded.path)


async def measure_first_visit(runs: int, size: tuple[int, int]) -> list[float]:
    """The first switch to the section in a fresh app: its widgets are built."""
    times = []
    for _ in range(runs):
        app = _bench_app()
        async with app.run_test(size=size) as pilot:
            while not getattr(app.screen, "ready", False):
                await pilot.pause(0.02)
            start = time.perf_counter()
            app.screen.show_section("big")
            while not app.screen.ready:
                await asyncio.sleep(0)
            times.append(time.perf_counter() - start)
    return times


async def measure_app(runs: int, size: tuple[int, int]) -> list[float]:
    """Switching back to the section once it has been visited."""
    app = _bench_app()
    times = []
    async with app.run_test(size=size) as pilot:
        while not getattr(app.screen, "ready", False):
            await pilot.pause(0.02)
        for _ in range(runs):
            for section, keep in (("big", True), ("first", False)):
                start = time.perf_counter()
                app.screen.show_section(section)
                while not app.screen.ready:
                    await asyncio.sleep(0)
                if keep:
                    times.append(time.perf_counter() - start)
                await pilot.pause()
    return times


class Bare(App):
    def compose(self):
        yield VerticalScroll(id="box")


async def measure_bare(runs: int, size: tuple[int, int]) -> list[float]:
    app = Bare()
    times = []
    async with app.run_test(size=size) as pilot:
        box = app.query_one("#box")
        for _ in range(runs):
            start = time.perf_counter()
            await box.mount_all([Static(f"Question {n}") for n in range(60)])
            times.append(time.perf_counter() - start)
            await box.remove_children()
            await pilot.pause()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--size", default="120x40", help="terminal size, e.g. 80x24")
    args = parser.parse_args()
    size = tuple(int(n) for n in args.size.split("x"))
    first = asyncio.run(measure_first_visit(max(3, args.runs // 2), size))
    ours = asyncio.run(measure_app(args.runs, size))
    bare = asyncio.run(measure_bare(args.runs, size))
    print(f"terminal {args.size}")
    f, o, b = statistics.median(first), statistics.median(ours), statistics.median(bare)
    for label, value in (("first visit (builds its widgets)", f), ("later visits", o)):
        print(f"switch to a 60-item section, {label}: median {value * 1000:6.1f} ms "
              f"({'OK' if value < 0.05 else 'over'} the 50 ms goal)")
    print(f"baseline, 60 Static widgets mounted in a bare app: median {b * 1000:6.1f} ms "
          f"(first visit {f / b:.1f}x, later {o / b:.1f}x)")


if __name__ == "__main__":
    main()
