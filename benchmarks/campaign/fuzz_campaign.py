"""Long fuzz and hostile-text run: at least 10,000 hypothesis examples, every hostile kind
through every TUI screen, and the still-open findings put back in.

    python benchmarks/campaign/fuzz_campaign.py [--examples 5000] [--open all]

``--examples`` is per fuzz test (two tests: plan files and checklist definitions, so
5,000 gives 10,000 examples). Random examples (the suite's are fixed); hypothesis
prints how to reproduce anything that fails. ``--open all`` also fuzzes the
cases of findings still open (see OPEN_FINDINGS in tests/security/fuzzing.py and
test_hostile.py), to see whether they are fixed yet.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000)
    parser.add_argument("--open", default="", help="'all' or names of open findings")
    args = parser.parse_args()
    env = dict(os.environ, CHECKLIST_FUZZ_EXAMPLES=str(args.examples), CHECKLIST_FUZZ_RANDOM="1",
               CHECKLIST_FUZZ_OPEN=args.open, CHECKLIST_HOSTILE_ALL="1")
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q",
         "--hypothesis-show-statistics", "tests/security/test_fuzz.py",
         "tests/security/test_hostile.py", "tests/security/test_hostile_tui.py"],
        cwd=ROOT, env=env, check=False)
    print(f"wall {time.monotonic() - start:.0f} s; {2 * args.examples} fuzz examples asked for")
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
