"""Start the full-screen app (imported only when the TUI is wanted)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def run(plans_dir: Path, checklist_dirs: Sequence[str] = (), plan_path: Path | None = None,
        read_only: bool = False) -> int:
    from checklist_tui.tui.app import ChecklistApp

    app = ChecklistApp(plans_dir=plans_dir, checklist_dirs=list(checklist_dirs),
                       plan_path=plan_path, read_only=read_only)
    app.run()
    return app.return_code or 0
