"""Scale: the folder report and the plan index at 10,000 plans, as ratios in one run.

    python -m benchmarks.bench_index [--plans 10000] [--folder DIR]

Each measurement is a fresh Python process (so memory and CPU are its own, read
with wait4): a bare ``tomllib`` parse of every plan file (the baseline), then
``report`` (index refresh, assurance figures, CSV of the plans) with a cold
index on one process and on a process pool, then with a warm index, and the
time until the first rows are available from a warm index (what the review
screen and Home show first). Goals (issue #14): cold <= 2x the bare parse,
warm <= 0.2x, first rows < 1 s, peak memory < 300 MB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys, tomllib
from pathlib import Path
from checklist_tui.core.index import scan
folder = Path(sys.argv[1])
n = 0
for seen in scan(folder):
    try:
        tomllib.loads((folder / seen.rel).read_bytes().decode("utf-8-sig"))
        n += 1
    except Exception:
        pass
print(n)
"""

REPORT = """
import sys
from pathlib import Path
from checklist_tui.core import clock
from checklist_tui.core.assurance import assess
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.index import PlanIndex
from checklist_tui.export.report import render_report
folder, workers = Path(sys.argv[1]), int(sys.argv[2]) or None
cat = load_catalogue(include_user=False)
with PlanIndex(folder, cat.checklists, include_user=False) as index:
    result = index.refresh(workers=workers)
    rows = index.rows()
figures = assess(rows, cat.checklists, cat.sources, clock.today())
text = render_report(rows, figures, "csv")
print(len(rows), result.parsed, len(text))
"""

FIRST_ROWS = """
import sys, time
t0 = time.perf_counter()
from pathlib import Path
from checklist_tui.core.index import PlanIndex
from checklist_tui.core.index_view import ordered
with PlanIndex(Path(sys.argv[1]), {}, include_user=False) as index:
    rows = ordered(index.rows(with_items=False))
print(len(rows), time.perf_counter() - t0)
"""


def run(code: str, *args: str, env: dict[str, str]) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, peak MB, stdout) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    err = proc.stderr.read() if proc.stderr else ""
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"benchmark step failed: {err.strip()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=10_000)
    parser.add_argument("--folder", type=Path,
                        help="generated plans (made once, kept for later runs)")
    args = parser.parse_args(argv)
    folder = args.folder or Path(tempfile.gettempdir()) / f"checklist-tui-bench-{args.plans}"
    if not folder.is_dir():
        from benchmarks.make_plans import generate

        print(f"generating {args.plans} plans in {folder} ...", file=sys.stderr)
        generate(folder, args.plans)
    cache = Path(tempfile.mkdtemp(prefix="checklist-tui-bench-cache-"))
    env = dict(os.environ, CHECKLIST_TUI_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    try:
        run(BARE, str(folder), env=env)  # warm the OS file cache for everyone alike
        bare = run(BARE, str(folder), env=env)
        results = {"bare tomllib parse": bare}
        for label, workers in (("report, cold index, 1 process", "1"),
                               ("report, cold index, process pool", "0")):
            shutil.rmtree(cache / "index", ignore_errors=True)
            results[label] = run(REPORT, str(folder), workers, env=env)
        results["report, warm index"] = run(REPORT, str(folder), "0", env=env)
        first = run(FIRST_ROWS, str(folder), env=env)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    print(f"{args.plans} plans in {folder} ({os.cpu_count()} CPUs)")
    print(f"{'step':36} {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'x bare wall':>12} "
          f"{'x bare CPU':>11}")
    for label, (wall, cpu, peak, _out) in results.items():
        print(f"{label:36} {wall:8.2f} {cpu:8.2f} {peak:8.0f} {wall / bare[0]:12.2f} "
              f"{cpu / bare[1]:11.2f}")
    rows, seconds = first[3].split()
    print(f"first {rows} rows from a warm index: {float(seconds):.2f} s in-process "
          f"({first[0]:.2f} s with interpreter start), peak {first[2]:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
