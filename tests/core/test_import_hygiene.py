"""The core never imports Textual, and the CLI starts without it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import checklist_tui.core
import checklist_tui.export
from tests.conftest import ROOT


def _imports_textual(modules: list[str]) -> bool:
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "print('textual' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         check=True)
    return out.stdout.strip() == "True"


def test_core_and_export_do_not_import_textual() -> None:
    modules = [f"checklist_tui.core.{m.name}" for m in pkgutil.iter_modules(
        checklist_tui.core.__path__)]
    modules += [f"checklist_tui.export.{m.name}" for m in pkgutil.iter_modules(
        checklist_tui.export.__path__)]
    assert len(modules) > 10
    assert not _imports_textual(modules)


def test_cli_commands_module_does_not_import_textual() -> None:
    assert not _imports_textual(["checklist_tui.cli", "checklist_tui.cli.plans",
                                 "checklist_tui.cli.checklists"])


def test_the_check_itself_can_fail() -> None:
    assert _imports_textual(["textual.app"])
