"""How long does exporting the largest example take, in every format?

    python benchmarks/bench_export.py

Reported as absolute times and as a ratio against a baseline run in the same
process (reading and parsing the same plan file), because machines are noisy.
Goal: under 100 ms per export of the largest example.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("CHECKLIST_TUI_NOW", "2026-11-25T10:00:00+00:00")

from checklist_tui.core import store
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.export.writer import render

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def timed(fn, repeat: int = 30) -> float:
    fn()  # warm up imports and caches
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    largest = max(EXAMPLES.glob("*.toml"), key=lambda p: p.stat().st_size)
    cat = load_catalogue(include_user=False)
    loaded = store.load(largest)
    checklist = cat.get(loaded.plan.checklist_id)
    baseline = timed(lambda: store.load(largest))
    print(f"largest example: {largest.name} ({largest.stat().st_size} bytes)")
    print(f"baseline (load and validate the plan file): {baseline * 1000:.2f} ms")
    for fmt in ("markdown", "html", "json"):
        for redact in (False, True):
            t = timed(lambda fmt=fmt, redact=redact: render(fmt, checklist, loaded.plan, redact,
                                                            cat.sources))
            label = f"{fmt}{' redacted' if redact else ''}"
            print(f"export {label:<18} {t * 1000:7.2f} ms  ({t / baseline:4.1f}x baseline)"
                  f"  {'OK' if t < 0.1 else 'OVER 100 ms'}")


if __name__ == "__main__":
    main()
