"""How long does exporting the largest example take, in every format?

    python benchmarks/bench_export.py

Reported as absolute times and as a ratio against a baseline run in the same
process (reading and parsing the same plan file), because machines are noisy.
Goal: under 100 ms per export of the largest example. CPU time is printed beside wall
time, with the load average: on a shared, busy machine the wall time is mostly waiting
for a core.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checklist_tui.core import clock, store
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.export.writer import FORMATS, render

clock.fix(datetime.fromisoformat("2026-11-25T10:00:00+00:00"))  # fixed dates, as in the tests

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def timed(fn, repeat: int = 30) -> tuple[float, float]:
    """Median wall time and median CPU time of ``fn``, after one warm-up call."""
    fn()  # warm up imports and caches
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    largest = max(EXAMPLES.glob("*.toml"), key=lambda p: p.stat().st_size)
    cat = load_catalogue(include_user=False)
    loaded = store.load(largest)
    checklist = cat.get(loaded.plan.checklist_id)
    baseline, _cpu = timed(lambda: store.load(largest))
    print(f"largest example: {largest.name} ({largest.stat().st_size} bytes)")
    print(f"baseline (load and validate the plan file): {baseline * 1000:.2f} ms")
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg())
          + f" on {os.cpu_count()} CPUs")
    for fmt in FORMATS:
        for redact in (False, True):
            t, cpu = timed(lambda fmt=fmt, redact=redact: render(
                fmt, checklist, loaded.plan, redact, cat.sources, b"bench-key"))
            label = f"{fmt}{' redacted' if redact else ''}"
            print(f"export {label:<18} {t * 1000:7.2f} ms wall {cpu * 1000:7.2f} ms CPU  "
                  f"({t / baseline:4.1f}x baseline)  {'OK' if t < 0.1 else 'OVER 100 ms'}")


if __name__ == "__main__":
    main()
