"""What does one save cost as a plan's history grows? (#12: the app must not freeze.)

    python benchmarks/bench_save.py [HISTORY ...]        (default: 57 5000 50000)

For each history length: a copy of the largest example is given that many history
entries and saved once; then one answer is changed and the plan saved again, nine
times, each in a worker thread as the TUI does. Reported (medians): wall and CPU time
of the save, and the longest the main thread was kept waiting meanwhile (a thread
ticking every millisecond: what a key press would wait, since Python runs one thread
at a time). Goal: with 5,000 entries no wait over 50 ms.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checklist_tui.core import store
from checklist_tui.core.plan import HistoryEntry

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "family-t-like-twins.toml"
START = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def grow(loaded: store.Loaded, length: int) -> None:
    history = loaded.plan.history
    n = len(history)
    while len(history) < length:
        history.append(HistoryEntry(at=START + timedelta(seconds=n), by="Pat Sample (example)",
                                    what="note", target=f"PBA-S{n % 20:02d}",
                                    old=f"earlier note {n}", new=f"a fictional note {n}"))
        n += 1


def one_save(loaded: store.Loaded, n: int) -> tuple[float, float, float]:
    """(wall, cpu, longest main-thread wait) of one threaded save after one change."""
    item = "PBA-S01"
    loaded.plan.history.append(HistoryEntry(at=START, by="Pat", what="answer", target=item,
                                            old="", new=str(n)))
    result: dict[str, float] = {}

    def work() -> None:
        w, c = time.perf_counter(), time.thread_time()
        store.save(loaded)
        result["wall"], result["cpu"] = time.perf_counter() - w, time.thread_time() - c

    worker = threading.Thread(target=work)
    longest, last = 0.0, time.perf_counter()
    worker.start()
    while worker.is_alive():
        time.sleep(0.001)
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    worker.join()
    return result["wall"], result["cpu"], longest


def bench(length: int, repeat: int = 9) -> tuple[float, float, float, int]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / EXAMPLE.name
        shutil.copy(EXAMPLE, path)
        loaded = store.load(path)
        grow(loaded, length)
        store.save(loaded)  # the first save (and any migration) is not what we time
        loaded = store.load(path)
        runs = [one_save(loaded, n) for n in range(repeat)]
        size = path.stat().st_size
    walls, cpus, waits = zip(*runs, strict=True)
    return statistics.median(walls), statistics.median(cpus), statistics.median(waits), size


def main(argv: list[str]) -> None:
    lengths = [int(a) for a in argv] or [57, 5000, 50000]
    print(f"{'history':>8} {'file KB':>8} {'wall ms':>8} {'cpu ms':>8} {'max wait ms':>12}")
    for length in lengths:
        wall, cpu, wait, size = bench(length)
        print(f"{length:>8} {size / 1024:>8.0f} {wall * 1000:>8.1f} {cpu * 1000:>8.1f} "
              f"{wait * 1000:>12.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
