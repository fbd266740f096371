"""How long do the evaluation, the pause point's state and an export take with a long
history after a pause point's confirmation?

    python benchmarks/bench_evaluate.py [ENTRIES]

The discharge example (confirmed pause point) with ENTRIES (default 5,000) more history
entries after its confirmation: each answer the pause point vouches for given again with
the value it has (so the confirmation still holds: the history must be read to know it),
and notes changed elsewhere. Reported: ``evaluate``, ``pause_statuses`` (whether each
pause point holds: what every view reads), ``show`` (the summary and its plain lines)
and the JSON and Markdown exports; median wall and CPU time of 15 runs, with the load
average (on a shared machine the wall time is mostly waiting for a core).
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_export import timed

from checklist_tui.core import clock, store
from checklist_tui.core.answers import stringify
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.engine import evaluate
from checklist_tui.core.pause import pause_statuses
from checklist_tui.core.plan import HistoryEntry
from checklist_tui.export.show_report import render_show
from checklist_tui.export.summary import build
from checklist_tui.export.writer import render

NOW = datetime.fromisoformat("2026-11-25T10:00:00+00:00")
clock.fix(NOW)  # fixed dates, as in the tests
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "discharge-ready-for-sign-off.toml"


def long_plan(entries: int):
    cat = load_catalogue(include_user=False)
    plan = store.load(EXAMPLE).plan
    loaded = cat.get(plan.checklist_id)
    checklist = loaded.checklist
    c = max(plan.confirmations, key=lambda c: c.at)
    section = next(s for s in checklist.sections if s.id == c.section)
    watched = [i.id for i in section.items if i.id in plan.answers]
    others = [i for i in plan.answers if i not in watched]
    at = c.at
    for n in range(entries):
        at += timedelta(seconds=1)
        if n % 2:
            ident = watched[n // 2 % len(watched)]
            said = stringify(plan.answers[ident].value)
            plan.history.append(HistoryEntry(at=at, by="Bench", what="answer", target=ident,
                                             old=said, new=said))
        else:
            ident = others[n // 2 % len(others)]
            note = plan.answers[ident].note
            plan.history.append(HistoryEntry(at=at, by="Bench", what="note", target=ident,
                                             old=note, new=note))
    return cat, loaded, plan


def main() -> None:
    entries = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    cat, loaded, plan = long_plan(entries)
    checklist = loaded.checklist
    today = NOW.date()
    ev = evaluate(checklist, plan, today)
    statuses = pause_statuses(checklist, plan, ev)
    print(f"{EXAMPLE.name} with {len(plan.history)} history entries; pause points hold: "
          + ", ".join(f"{s.title}: {s.holds}" for s in statuses))
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg())
          + f" on {os.cpu_count()} CPUs")
    runs = {
        "evaluate": lambda: evaluate(checklist, plan, today),
        "pause_statuses": lambda: pause_statuses(checklist, plan, ev),
        "show": lambda: render_show(build(loaded, plan, NOW, cat.sources)),
        "export json": lambda: render("json", loaded, plan, False, cat.sources, b"k"),
        "export markdown": lambda: render("markdown", loaded, plan, False, cat.sources, b"k"),
    }
    for label, fn in runs.items():
        wall, cpu = timed(fn, repeat=15)
        print(f"{label:<16} {wall * 1000:8.2f} ms wall {cpu * 1000:8.2f} ms CPU")


if __name__ == "__main__":
    main()
