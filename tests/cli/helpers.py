"""What the command-line tests share: the example plans copied into a folder of their
own, and one run of the command line with what it printed."""

from __future__ import annotations

import shutil
from pathlib import Path

from checklist_tui.cli import main
from tests.conftest import EXAMPLES


def example_plans(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    for path in EXAMPLES.glob("*.toml"):
        shutil.copy(path, folder)
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
