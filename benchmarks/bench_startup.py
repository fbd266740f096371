"""Start-up: launch `checklist-tui open PLAN` in a pseudo-terminal until the plan is painted.

    python benchmarks/bench_startup.py [--runs 9] [--size 80x24]

Three programs in the same run, interleaved so machine noise hits all alike, each in
a pty of the size asked for (80x24 by default), as an installed user has them (bytecode
compiled first with compileall; PYTHONDONTWRITEBYTECODE is NOT set):
  bare   a bare Textual app (header, one line, footer): ``bare_app.py``
  floor  the plan screen's widgets with static data and no core: ``floor_app.py``
  floor-held  the same, holding garbage collection back from the start as ours does
         until its first plan is shown (``tui/collector.py``): ours against it is the
         price of the core, without the collector's share
  ours   ``checklist-tui open PLAN``, its checklist already validated once (as every
         start after the first: see ``core/definition_cache.py``)
  cold   the same with the checklist cache emptied before each run (a first start, or
         the first after the checklist or the app changed)
Measured to (a) the first frame with the case reference and (b) the first item painted
(its id in the terminal output). Wall time from spawn; CPU time (user + system) of
the child read from /proc at the moment the marker appears. Medians.
Goals (#12): first item at most 1.15x the floor; case reference at most 1.5x bare.
On a shared machine the wall times carry other people's load: compare the CPU ratios,
and run enough repetitions (``--runs``).
"""

from __future__ import annotations

import argparse
import compileall
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


TICK = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a running process so far (Linux /proc)."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def time_until(argv: list[str], marker: bytes, env: dict[str, str], timeout: float = 30.0,
               size: tuple[int, int] = (80, 24)) -> tuple[float, float]:
    """(wall, CPU) seconds from spawning ``argv`` in a pty of ``size`` (columns, lines)
    until ``marker`` (a regular expression) is written."""
    pattern = re.compile(marker)
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    seen = b""
    try:
        while True:
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{marker!r} never appeared")
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    raise RuntimeError("the program exited early:\n" + seen.decode(
                        errors="replace")[-500:]) from None
                seen += chunk
                if pattern.search(seen):
                    return time.perf_counter() - start, _cpu_seconds(pid)
    finally:
        os.kill(pid, signal.SIGTERM)
        deadline = time.time() + 5
        while time.time() < deadline:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            try:
                os.read(fd, 65536)
            except OSError:
                break
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--size", default="80x24", help="columns x lines, e.g. 120x40")
    args = parser.parse_args()
    columns, lines = (int(n) for n in args.size.lower().split("x"))
    size = (columns, lines)
    work = Path(tempfile.mkdtemp())
    plans = work / "plans"
    plans.mkdir()
    shutil.copy(ROOT / "examples" / "family-t-like-twins.toml", plans)
    compileall.compile_dir(ROOT / "checklist_tui", quiet=1)  # as installed: bytecode exists
    compileall.compile_dir(ROOT / "benchmarks", quiet=1)
    env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(columns), LINES=str(lines),
               CHECKLIST_TUI_PLANS_DIR=str(plans), CHECKLIST_TUI_CONFIG_DIR=str(work / "cfg"),
               CHECKLIST_TUI_CACHE_DIR=str(work / "cache"),
               CHECKLIST_TUI_LOG_DIR=str(work / "logs"), PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    ours = [sys.executable, "-m", "checklist_tui", "open", "family-t-like-twins.toml"]
    programs = {
        "bare": ([sys.executable, str(ROOT / "benchmarks" / "bare_app.py")],
                 {"ready": rb"Bare app ready"}),
        "floor": ([sys.executable, str(ROOT / "benchmarks" / "floor_app.py")],
                  {"item": rb"\(FLOOR-S\d\d\)"}),
        "floor-held": ([sys.executable, str(ROOT / "benchmarks" / "floor_app.py"), "--hold-gc"],
                       {"item": rb"\(FLOOR-S\d\d\)"}),
        "ours": (ours, {"case": rb"DEMO-0002-TWINS", "item": rb"\(PBA-[A-Z]+\d+[A-Z]?\)"}),
        "cold": (ours, {"item": rb"\(PBA-[A-Z]+\d+[A-Z]?\)"}),
    }
    for argv, markers in programs.values():  # warm the file cache (and any app cache)
        for marker in markers.values():
            time_until(argv, marker, env, size=size)
    results: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for _ in range(args.runs):
        for name, (argv, markers) in programs.items():
            for label, marker in markers.items():
                if name == "cold":
                    shutil.rmtree(work / "cache", ignore_errors=True)
                results.setdefault((name, label), []).append(
                    time_until(argv, marker, env, size=size))

    def med(name: str, label: str) -> tuple[float, float]:
        runs = results[(name, label)]
        return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))

    bare, floor_item = med("bare", "ready"), med("floor", "item")
    held_item = med("floor-held", "item")
    ours_case, ours_item = med("ours", "case"), med("ours", "item")
    cold_item = med("cold", "item")
    print(f"medians over {args.runs} runs, {args.size} pty; wall / CPU; load average "
          f"{' '.join(f'{n:.2f}' for n in os.getloadavg())} at the end")
    for label, (wall, cpu) in (("bare app painted", bare), ("floor app, first item", floor_item),
                               ("floor app, collector held", held_item),
                               ("checklist-tui, case reference", ours_case),
                               ("checklist-tui, first item", ours_item),
                               ("first item, checklist cache empty", cold_item)):
        print(f"{label:<32} {wall * 1000:6.0f} ms / {cpu * 1000:6.0f} ms")
    print(f"first item vs floor:      {ours_item[0] / floor_item[0]:.2f}x wall, "
          f"{ours_item[1] / floor_item[1]:.2f}x CPU   (goal at most 1.15x)")
    print(f"  vs floor, collector held: {ours_item[0] / held_item[0]:.2f}x wall, "
          f"{ours_item[1] / held_item[1]:.2f}x CPU   (the core's price alone)")
    print(f"first item vs bare:       {ours_item[0] / bare[0]:.2f}x wall, "
          f"{ours_item[1] / bare[1]:.2f}x CPU")
    print(f"floor vs bare:            {floor_item[0] / bare[0]:.2f}x wall, "
          f"{floor_item[1] / bare[1]:.2f}x CPU")
    print(f"case reference vs bare:   {ours_case[0] / bare[0]:.2f}x wall, "
          f"{ours_case[1] / bare[1]:.2f}x CPU   (goal at most 1.5x)")
    print(f"cache empty vs floor:     {cold_item[0] / floor_item[0]:.2f}x wall, "
          f"{cold_item[1] / floor_item[1]:.2f}x CPU")

    def mean_cpu(name: str, label: str) -> float:
        return statistics.mean(r[1] for r in results[(name, label)])

    # CPU is read in clock ticks (10 ms here): a median of them moves 10 ms at a time;
    # the mean of the same runs shows smaller differences.
    ours_mean, floor_mean = mean_cpu("ours", "item"), mean_cpu("floor", "item")
    print(f"mean CPU, first item: ours {ours_mean * 1000:.1f} ms, floor "
          f"{floor_mean * 1000:.1f} ms, bare {mean_cpu('bare', 'ready') * 1000:.1f} ms: "
          f"{ours_mean / floor_mean:.2f}x the floor (ticks of {1000 / TICK:.0f} ms)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
