"""The review screen and Home at scale: first rows, and key latency while they load.

    python -m benchmarks.bench_review_screen FOLDER [review|home]

Run it twice: the first run may build the index (cold), the second shows the warm
case. Prints the time to the first rows (wall and this process's CPU) and how long
five Down keys take to move the cursor while the table is still filling and the
folder is being checked. Goal (issue #14): first rows under 1 s with a warm index.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from textual import events
from textual.widgets import DataTable

from checklist_tui.tui.app import ChecklistApp


async def measure(folder: Path, which: str) -> None:
    t0, c0 = time.perf_counter(), time.process_time()
    app = ChecklistApp(folder, review_dir=folder if which == "review" else None)
    async with app.run_test(size=(120, 40)) as pilot:
        while True:
            await pilot.pause(0.01)
            tables = app.screen.query(DataTable)
            if tables and tables.first().row_count:
                table = tables.first()
                break
        print(f"{which}: first {table.row_count} rows after {time.perf_counter() - t0:.2f} s "
              f"wall, {time.process_time() - c0:.2f} s CPU")
        for _ in range(5):
            before, t1 = table.cursor_row, time.perf_counter()
            app.post_message(events.Key("down", None))
            while table.cursor_row == before and time.perf_counter() - t1 < 10:
                await asyncio.sleep(0.005)
            print(f"  Down key with {table.row_count} rows on screen: "
                  f"{(time.perf_counter() - t1) * 1000:.0f} ms")
            await asyncio.sleep(0.3)
        while not getattr(app.screen, "loaded", True):
            await asyncio.sleep(0.05)
        print(f"{which}: up to date after {time.perf_counter() - t0:.2f} s wall, "
              f"{time.process_time() - c0:.2f} s CPU in this process")


if __name__ == "__main__":
    asyncio.run(measure(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "review"))
