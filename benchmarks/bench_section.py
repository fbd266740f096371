"""Sections of any size, headless: switching, paging and answering, wall and CPU time.

    python benchmarks/bench_section.py [--runs 9] [--size 80x24]

Uses a generated checklist: a small first section, a 60-item section of mixed types
and a 500-item section. Bytecode is compiled first (compileall), as an installed user
has it. Each figure is a median, wall (perf_counter) and CPU (process_time) of the same
runs:

- switch to the 60-item section, first visit (its pane is built) and later visits;
- switch to the 500-item section, first visit (usable: only its first page exists);
- walk the 500-item section page by page to its end (each page opened): the most item
  widgets built at once and the process's resident memory before and after the walk
  (a page left is taken down, and a page builds only what is on the screen and a window
  ahead, so neither grows with the pages visited);
- scroll through the 500-item section with PgDn from its first item to its last: the most
  item widgets built at once (items far from the view are let go);
- an answer in the 60-item section with every item built that the walk left built (the
  answer, the engine and the refresh of what changed: ``on_item_view_answered``);
- the floor: the same widgets (the question with its state line, yes/no choice, note box
  per item, in the plan screen's own widget classes and styles) with static data, as many items as
  our first visit builds, mounted into a scroll pane in a bare app, to the first frame
  drawn after; what ours costs above it is the engine, the header, the list and the focus.

Each run opens the plan and waits until the plan screen has done what it does after its
first frame (``warmed``: the warming thread and the style warmers) before its first
switch. "Switched" is the first frame drawn once the plan screen is ``ready`` (the section on
the screen with its title, refreshed from the engine and focused). The goal (#12.4):
under 50 ms for the 60-item section, first and later visits.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

TYPES = ["yes_no", "yes_no_unknown", "check", "short_text", "single_choice", "long_text",
         "date", "multi_choice"]


def _items(prefix: str, count: int, kinds: list[str]) -> str:
    out = []
    for n in range(count):
        kind = kinds[n % len(kinds)]
        extra = ('options = [{ value = "a", label = "Option A" }, '
                 '{ value = "b", label = "B" }]\n') if "choice" in kind else ""
        out.append(f'[[sections.items]]\nid = "{prefix}{n:03d}"\nprompt = "Question {n} for '
                   f'the practitioner to answer"\ntype = "{kind}"\nrefs = ["R1"]\n{extra}')
    return "\n".join(out)


def make_checklist(folder: Path) -> Path:
    text = ('id = "bench"\ntitle = "Benchmark"\nversion = "1.0.0"\naudience = "a"\n'
            'description = "d"\nowner = "o"\nreview_date = 2027-01-01\n\n'
            '[[sections]]\nid = "first"\ntitle = "First"\n\n' + _items("one", 2, ["yes_no"])
            + '\n[[sections]]\nid = "big"\ntitle = "Sixty items"\n\n' + _items("big", 60, TYPES)
            + '\n[[sections]]\nid = "huge"\ntitle = "Five hundred items"\n\n'
            + _items("huge", 500, ["yes_no", "yes_no_unknown", "check"]))
    path = folder / "bench.toml"
    path.write_text(text)
    return path


def bench_app():
    from checklist_tui.core import clock, store
    from checklist_tui.core.catalogue import load_catalogue
    from checklist_tui.tui.app import ChecklistApp

    clock.fix(datetime.fromisoformat("2026-11-25T10:00:00+00:00"))
    work = Path(tempfile.mkdtemp())
    make_checklist(work)
    catalogue = load_catalogue([work], include_user=False)
    loaded = store.create(work / "plans", catalogue.get("bench"), case_ref="BENCH-1",
                          now=clock.now())
    return ChecklistApp(work / "plans", [str(work)], plan_path=loaded.path)


Sample = tuple[float, float]  # wall, CPU (seconds)


async def timed(action: Callable[[], object], done: Callable[[], bool]) -> Sample:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    while not done():
        await asyncio.sleep(0)
    return time.perf_counter() - wall, time.process_time() - cpu


async def until(pilot, done: Callable[[], bool]) -> None:
    while not done():
        await pilot.pause(0.02)


def watch_paints(app) -> None:
    """Count a frame as "painted" once the screen is ready (the section, title and focus
    all shown): the switch is over when the frame that shows it is drawn."""
    display = app._display
    app.bench_painted = False

    def counted(screen, update) -> None:
        display(screen, update)
        if getattr(screen, "ready", False):
            app.bench_painted = True

    app._display = counted


async def switch(pilot, section: str) -> Sample:
    app = pilot.app
    screen = app.screen
    app.bench_painted = False

    def start() -> None:
        screen.show_section(section)
        app.bench_painted = False  # a frame of the old section does not count

    return await timed(start, lambda: screen.ready and screen.current == section
                       and app.bench_painted)


async def settle(pilot) -> None:
    """Wait until the section shown has built its whole page, and the app is idle."""
    await until(pilot, lambda: pilot.app.screen.section_complete)
    await pilot.pause()


def resident_mb() -> float:
    """The process's resident memory now (Linux; 0 where /proc is not there)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


async def walk(pilot, section: str, pages: int) -> tuple[int, float, float]:
    """Every page of a section in turn: the most item widgets built at once, and the
    resident memory (MB) after the first page and after the last."""
    from checklist_tui.tui.widgets.item_view import ItemView

    screen, most, memory = pilot.app.screen, 0, []
    for page in range(pages):
        screen.show_section(section, page=page)
        await until(pilot, lambda p=page: screen.ready and screen.shown.page == p)
        await settle(pilot)
        most = max(most, len(screen.query(ItemView)))
        if page in (0, pages - 1):
            gc.collect()
            memory.append(resident_mb())
    return most, memory[0], memory[-1]


async def walk_down(pilot, section: str, pages: int) -> int:
    """PgDn from the first item of a section to the end of its last page, as a reader
    scrolling through it: the most item widgets built at once (items far from the view
    are let go, so this does not grow with the page either)."""
    from checklist_tui.tui.widgets.item_view import ItemView

    screen, most = pilot.app.screen, 0
    screen.show_section(section, page=0)
    await until(pilot, lambda: screen.ready and screen.shown.page == 0)
    await settle(pilot)
    for _ in range(pages * 40):
        pane = screen.shown
        if pane.page == pages - 1 and pane.complete and pane.scroll_y >= pane.max_scroll_y:
            break
        await pilot.press("pagedown")
        await until(pilot, lambda: screen.ready)
        await settle(pilot)
        most = max(most, len(screen.query(ItemView)))
    return most


async def measure_ours(runs: int, size: tuple[int, int]) -> dict[str, list[Sample]]:
    from checklist_tui.tui.widgets.item_view import ItemView

    found: dict[str, list[Sample]] = {"first": [], "later": [], "huge": [], "answer": [],
                                      "built": [], "walk": []}
    for _ in range(runs):
        app = bench_app()
        async with app.run_test(size=size) as pilot:
            await until(pilot, lambda a=app: getattr(a.screen, "ready", False))
            await settle(pilot)
            # What the plan screen does after its first frame (tui/warm.py: pydantic and
            # the validators in a thread, then the style warmers) is over: a person's
            # first switch is not timed against the plan's own start.
            await until(pilot, lambda a=app: a.screen.warmed)
            await pilot.pause()
            screen = app.screen
            watch_paints(app)
            found["first"].append(await switch(pilot, "big"))
            found["built"].append((len(screen.shown.views()), 0.0))
            await settle(pilot)
            found["huge"].append(await switch(pilot, "huge"))
            await settle(pilot)
            for _ in range(3):
                await switch(pilot, "first")
                await settle(pilot)
                found["later"].append(await switch(pilot, "big"))
                await settle(pilot)
            view = screen.query_one("#item-big000", ItemView)
            if not found["walk"]:  # once: it is a count, not a time
                most, before, after = await walk(pilot, "huge", 13)
                found["walk"].append((most, before))
                found["walk"].append((after, after - before))
                found["walk"].append((await walk_down(pilot, "huge", 13), 0.0))
                await switch(pilot, "big")
                await settle(pilot)
            found["answered"] = [(len(screen.query(ItemView)), 0.0)]
            for value in ("yes", "no", "yes"):
                message = ItemView.Answered(view.item.id, value)
                found["answer"].append(await timed(
                    lambda m=message, s=screen: s.on_item_view_answered(m), lambda: True))
                await pilot.pause()
    return found


async def measure_floor(runs: int, size: tuple[int, int], count: int) -> list[Sample]:
    from floor_app import CSS, STATE, YES_NO_UNKNOWN, ItemView, note_area
    from textual.app import App
    from textual.containers import Vertical, VerticalScroll

    from checklist_tui.tui.widgets.answer_choice import AnswerChoice
    from checklist_tui.tui.widgets.item_head import ItemHead, question
    from checklist_tui.tui.widgets.note_box import NoteBox

    class FloorItems(App):
        CSS_PATH = str(CSS)

        def compose(self):
            yield Vertical(id="items")

    def item(n: int) -> Vertical:
        return ItemView(
            ItemHead(question(f"Question {n} for the practitioner to answer",
                              f"FLOOR-{n:03d}", True), STATE),
            AnswerChoice(YES_NO_UNKNOWN),
            NoteBox(f"FLOOR-{n:03d}", note_area))

    samples = []
    for _ in range(runs):
        app = FloorItems()
        async with app.run_test(size=size) as pilot:
            box = app.query_one("#items")
            await pilot.pause()
            watch_paints(app)
            pane = VerticalScroll(*[item(n) for n in range(count)], classes="section-pane")
            app.screen.ready = False
            mounted = asyncio.ensure_future(_await(box.mount(pane)))

            def painted(a=app, m=mounted) -> bool:
                if m.done() and not a.screen.ready:
                    a.screen.ready = True  # from now on, a frame drawn counts
                    a.bench_painted = False
                return a.screen.ready and a.bench_painted

            samples.append(await timed(lambda: None, painted))
            await pilot.pause()
    return samples


async def _await(awaitable: Awaitable[object]) -> None:
    await awaitable


def median(samples: list[Sample]) -> Sample:
    return (statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples))


def ms(sample: Sample) -> str:
    return f"{sample[0] * 1000:6.1f} ms wall, {sample[1] * 1000:6.1f} ms CPU"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--size", default="80x24", help="terminal size, e.g. 120x40")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "checklist_tui", quiet=1)
    compileall.compile_dir(ROOT / "benchmarks", quiet=1)
    size = (int(args.size.split("x")[0]), int(args.size.split("x")[1]))
    ours = asyncio.run(measure_ours(args.runs, size))
    count = int(statistics.median(s[0] for s in ours["built"]))
    floor = median(asyncio.run(measure_floor(args.runs, size, count)))
    print(f"terminal {args.size}, medians of {args.runs} runs "
          f"({len(ours['later'])} later visits, {len(ours['answer'])} answers)")
    for key, label in (("first", "60-item section, first visit"),
                       ("later", "60-item section, later visits"),
                       ("huge", "500-item section, first visit (first page)"),
                       ("answer", f"an answer, {int(ours['answered'][0][0])} items built")):
        value = median(ours[key])
        goal = "" if key == "answer" or key == "huge" else \
            ("  (under the 50 ms goal)" if value[0] < 0.05 else "  (OVER the 50 ms goal)")
        print(f"{label:45} {ms(value)}{goal}")
    (most, before), (after, grown), (scrolled, _) = ours["walk"]
    print(f"{'500-item section, all 13 pages walked':45} at most {most} item widgets built "
          f"at once; resident memory {before:.0f} MB after page 1, {after:.0f} MB after "
          f"page 13 ({grown:+.0f} MB)")
    print(f"{'500-item section, PgDn from top to bottom':45} at most {int(scrolled)} item "
          f"widgets built at once")
    first = median(ours["first"])
    print(f"{'floor: the same ' + str(count) + ' items mounted, static data':45} {ms(floor)}")
    print(f"first visit against the floor: {first[0] / floor[0]:.2f}x wall, "
          f"{first[1] / floor[1]:.2f}x CPU")


if __name__ == "__main__":
    main()
