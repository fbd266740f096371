"""``checklist-tui answer`` invocations for the SIGKILL harness: each one changes the plan."""

from __future__ import annotations

import random
from pathlib import Path

from tests.security.killing import command


class Answering:
    """Alternate the yes/no question and write notes, so that every run saves something."""

    def __init__(self, folder: Path, plan: Path):
        self.folder, self.plan = folder, plan
        self.count = 0

    def argv(self, rng: random.Random) -> list[str]:
        self.count += 1
        if rng.random() < 0.5:
            value = "yes" if self.count % 2 else "no"
            return command("answer", str(self.plan), "q1", value,
                           "--note", f"killed run {self.count}")
        return command("answer", str(self.plan), "q2", f"Note written by run {self.count}. "
                       + "Long text to make the save take a little longer. " * rng.randint(1, 50))
