"""How long does validating a big checklist take? It must grow linearly with items.

    python benchmarks/bench_validate.py [ITEMS ...]

Writes a generated checklist with N items (every fifth one with a condition and a
rule) and times ``validate_paths`` on it, wall and CPU, median of 3. Goal (#12):
3,000 items in under 1 s.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checklist_tui.core.catalogue import validate_paths

HEAD = """id = "big"
title = "Generated checklist"
version = "1.0.0"
audience = "Benchmarks"
description = "Generated to time validation."
owner = "Benchmarks"
review_date = 2027-11-01
"""


def checklist_text(items: int, per_section: int = 50) -> str:
    parts = [HEAD]
    for n in range(items):
        if n % per_section == 0:
            parts.append(f'\n[[sections]]\nid = "s{n // per_section}"\ntitle = "Section"\n')
        parts.append(f'\n[[sections.items]]\nid = "i{n}"\nprompt = "Question {n}?"\n'
                     f'type = "yes_no"\nrefs = ["R3a"]\n')
        if n % 5 == 4:
            parts.append(f'show_if = {{ item = "i{n - 1}", equals = "yes" }}\n'
                         f'[[sections.items.rules]]\nseverity = "warning"\n'
                         f'if_answer = ["no"]\nmessage = "Item {n} is no."\n')
    return "".join(parts)


def time_validate(items: int, repeat: int = 3) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.toml"
        path.write_text(checklist_text(items), encoding="utf-8")
        walls, cpus = [], []
        for _ in range(repeat):
            w, c = time.perf_counter(), time.process_time()
            count, problems = validate_paths([path])
            walls.append(time.perf_counter() - w)
            cpus.append(time.process_time() - c)
            assert count == 1 and not problems, problems[:3]
    return statistics.median(walls), statistics.median(cpus)


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [300, 1000, 3000, 10000]
    print(f"{'items':>7} {'wall s':>8} {'cpu s':>8}  per item (ms)")
    for n in sizes:
        wall, cpu = time_validate(n)
        print(f"{n:>7} {wall:>8.3f} {cpu:>8.3f}  {1000 * wall / n:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
