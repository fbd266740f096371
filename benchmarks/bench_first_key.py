"""The first answer typed the moment a plan is painted: how long until it is handled? (#12.2)

    python benchmarks/bench_first_key.py [--runs 9] [--size 80x24]

Opening an unchanged plan loads no pydantic (its checklist and plan were validated
before); the first edit needs it, to check the value. The plan screen loads it, and
builds the plan's validators, in a thread started once the plan is drawn and ready
(``PlanScreen.prepare_edits``, ``tui/warm.py``: editing first, then the validators, then
saving and the rest the first paint went without; then the style warmers). This
measures what a practitioner who answers at once waits: each run is a fresh process
(nothing loaded yet, the garbage collector held as ``open PLAN`` holds it) running the
real app headless (Textual's test driver) on a copy of the twins example; as soon as the
plan screen is ready (its first items painted, the item to go back to focused), "y" (or
"n" if it is "yes" already) is sent and timed from reaching the app to the new answer
being in the plan (its edit applied and checked). Three ways, interleaved: ``as built``,
``no warming`` (the edit loads pydantic itself: the worst case), and ``warmed`` (the key
sent once the warming thread has finished and the style warmers are mounted: every later
edit). Also: how long after the first frame with the items the plan was ready (the
twins plan goes back to the item changed last: a key typed before waits for it, so
``from the first frame`` is what a key typed at the very first frame waits), and, from
ready, when the warming thread started, when the validators were built and when it was
done. The package is compiled to bytecode first.

Goal (#12): the first answer handled within 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "family-t-like-twins.toml"
WAYS = ("as built", "no warming", "warmed")


async def child(folder: Path, way: str, size: tuple[int, int]) -> dict[str, object]:
    from checklist_tui.tui import collector

    collector.hold_while_starting()  # as `open PLAN` does (tui/run.py), before Textual loads
    from textual import events

    from checklist_tui.core import plan_cache
    from checklist_tui.tui import warm
    from checklist_tui.tui.app import ChecklistApp
    from checklist_tui.tui.screens.plan import PlanScreen

    marks: dict[str, float] = {}
    real_warm_up, real_prepare = warm.warm_up, plan_cache.prepare_edits

    def warm_up() -> None:  # the warming thread: what the first paint went without
        marks["warming from"] = time.perf_counter()
        if way != "no warming":
            real_warm_up()
        marks["warmed"] = time.perf_counter()

    def prepare() -> None:  # pydantic and the plan's validators: what an answer needs
        real_prepare()
        marks["validators"] = time.perf_counter()

    drawn = PlanScreen._drawn

    def first_frame(screen: PlanScreen) -> None:  # the first frame with the items was drawn
        marks.setdefault("first frame", time.perf_counter())
        drawn(screen)

    PlanScreen._drawn = first_frame  # type: ignore[method-assign]
    warm.warm_up = warm_up  # type: ignore[assignment]
    plan_cache.prepare_edits = prepare  # type: ignore[assignment]
    app = ChecklistApp(folder, plan_path=folder / PLAN.name)
    async with app.run_test(size=size) as pilot:
        # Drawn: a key typed before the plan's first frame is not taken (nobody has seen
        # a question yet: plan_keys.KeysHeld.drawn), and the focus asked for has landed.
        while not (isinstance(app.screen, PlanScreen) and app.screen.ready
                   and app.screen.drawn and not app.screen.landing):
            await asyncio.sleep(0.001)
        screen = app.screen
        painted = time.perf_counter()
        if way == "warmed":  # the warming thread done, and then the style warmers mounted
            while not ("warmed" in marks and screen.warmed):
                await asyncio.sleep(0.005)
        focused = app.focused
        loaded = "pydantic" in sys.modules
        assert screen.session is not None and focused is not None and focused.id
        item = focused.id.removeprefix("answer-")
        answer = screen.session.plan.answers.get(item)
        before = answer.value if answer else None
        key = "n" if before == "yes" else "y"  # always a change
        event = events.Key(key, key)
        event.set_sender(app)
        sent = time.perf_counter()
        assert app._driver is not None
        app._driver.send_message(event)
        changed = False
        while not changed and time.perf_counter() - sent < 30:
            await asyncio.sleep(0.001)
            answer = screen.session.plan.answers.get(item)
            changed = (answer.value if answer else None) != before
        marks["handled"] = time.perf_counter()
        while "warmed" not in marks and time.perf_counter() - sent < 30:
            await asyncio.sleep(0.005)
        await pilot.pause()
    return {"wait": marks.get("handled", float("nan")) - sent, "changed": changed,
            "from_frame": marks.get("handled", float("nan")) - marks["first frame"],
            "focused": item, "pydantic_at_key": loaded,
            "warming": marks["warmed"] - marks["warming from"],
            "ready_after_frame": painted - marks["first frame"],
            "warming_from_paint": marks["warming from"] - painted,
            "validators_after_paint": marks.get("validators", float("nan")) - painted,
            "warming_after_paint": marks["warmed"] - painted}


def run_child(work: Path, way: str, size: str) -> dict[str, object]:
    folder = work / "plans"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    shutil.copy(PLAN, folder)
    env = dict(os.environ, CHECKLIST_TUI_PLANS_DIR=str(folder),
               CHECKLIST_TUI_CONFIG_DIR=str(work / "cfg"),
               CHECKLIST_TUI_CACHE_DIR=str(work / "cache"), PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run([sys.executable, __file__, "--child", way, "--size", size,
                           str(folder)], env=env, capture_output=True, text=True, cwd=ROOT,
                          check=False, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--child", choices=WAYS)
    parser.add_argument("folder", nargs="?")
    args = parser.parse_args(argv)
    size = tuple(int(n) for n in args.size.split("x"))
    if args.child:
        result = asyncio.run(child(Path(args.folder), args.child, (size[0], size[1])))
        print(json.dumps(result))
        return
    compileall.compile_dir(ROOT / "checklist_tui", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        run_child(work, "warmed", args.size)  # the checklist and plan validated once
        results: dict[str, list[dict[str, object]]] = {way: [] for way in WAYS}
        for _ in range(args.runs):
            for way in WAYS:
                results[way].append(run_child(work, way, args.size))
    first = results["as built"][0]
    print(f"first answer (on {first['focused']}) sent the moment the plan is ready; "
          f"medians of {args.runs} fresh starts, {args.size}; load average "
          f"{' '.join(f'{n:.2f}' for n in os.getloadavg())}")
    for way in WAYS:
        rows = results[way]
        waits = [float(r["wait"]) * 1000 for r in rows]  # type: ignore[arg-type]
        warming = [float(r["warming_after_paint"]) * 1000 for r in rows]  # type: ignore[arg-type]
        start = [float(r["warming_from_paint"]) * 1000 for r in rows]  # type: ignore[arg-type]
        ready = [float(r["ready_after_frame"]) * 1000 for r in rows]  # type: ignore[arg-type]
        frame = [float(r["from_frame"]) * 1000 for r in rows]  # type: ignore[arg-type]
        valid = [float(r["validators_after_paint"]) * 1000 for r in rows]  # type: ignore[arg-type]
        loaded = sum(bool(r["pydantic_at_key"]) for r in rows)
        changed = sum(bool(r["changed"]) for r in rows)
        print(f"{way:<11} key handled in {statistics.median(waits):6.1f} ms (max "
              f"{max(waits):6.1f}), {statistics.median(frame):6.1f} from the first frame "
              f"(ready {statistics.median(ready):5.1f} after it); warming from "
              f"{statistics.median(start):5.1f}, validators "
              f"{statistics.median(valid):6.1f}, done {statistics.median(warming):6.1f} ms after "
              f"the paint; pydantic loaded at the key in {loaded}/{len(rows)}; answer "
              f"recorded in {changed}/{len(rows)}")


if __name__ == "__main__":
    main(sys.argv[1:])
