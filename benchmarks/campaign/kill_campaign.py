"""Long SIGKILL run: at least 1,000 real checklist-tui processes killed mid-work.

    python benchmarks/campaign/kill_campaign.py [--kills 1000] [--seed 1] [--folder DIR]

Kills ``new``, the TUI on a pseudo-terminal around its autosave, and ``answer``
once it exists, in turn; after every kill the plans folder is checked (see
``tests/security/killing.py``). Prints a summary; exit code 1 if any plan was torn,
lost history, had a bad backup or stayed locked.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.security import killing  # noqa: E402


def main() -> int:
    import signal

    # Stopped with SIGTERM: unwind, so that the harness kills the child it is running.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folder", type=Path, help="work folder (default: a temporary one)")
    parser.add_argument("--kinds", default="", help="comma-separated: new,tui,answer")
    args = parser.parse_args()
    if args.kinds:
        kinds = tuple(args.kinds.split(","))
    else:
        kinds = ("new", "tui", "answer") if killing.answer_available() else ("new", "tui")
    start, cpu = time.monotonic(), time.process_time()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder or Path(tmp)
        tally = killing.campaign(folder, args.kills, args.seed, kinds, log=True)
    wall, cpu = time.monotonic() - start, time.process_time() - cpu
    print(f"kills: {tally.kills} {tally.by_kind}; finished before the kill: "
          f"{tally.finished_before_kill}; torn plans: {tally.torn}; problems: "
          f"{len(tally.problems)}; saves in the file but not read on screen: "
          f"{tally.unseen_saves}; wall {wall:.0f} s (harness CPU {cpu:.0f} s)")
    for problem in tally.problems[:50]:
        print("  " + problem)
    return 1 if tally.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
