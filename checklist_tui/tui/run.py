"""Start the full-screen app (imported only when the TUI is wanted)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def run(plans_dir: Path, checklist_dirs: Sequence[str] = (), plan_path: Path | None = None,
        read_only: bool = False, review_dir: Path | None = None) -> int:
    from checklist_tui.tui import collector

    collector.hold_while_starting()  # before Textual loads: the app resumes it
    from checklist_tui.tui.app import ChecklistApp

    app = ChecklistApp(plans_dir=plans_dir, checklist_dirs=list(checklist_dirs),
                       plan_path=plan_path, read_only=read_only, review_dir=review_dir)
    _exit_cleanly_on_hangup(app)
    try:
        app.run()
    finally:
        collector.resume()
        app.close_open_plans()  # idempotent: plans are normally closed on unmount
    import sys

    lost = [] if app.exit_note else app.lost_answers
    for message in (app.exit_note, *lost, app.crash_message):
        if message:
            print(message, file=sys.stderr)
    return app.return_code or (1 if app.lost_answers else 0)


def _exit_cleanly_on_hangup(app) -> None:
    """Closing the terminal window (SIGHUP) or a shutdown (SIGTERM) saves and unlocks."""
    import signal

    for name in ("SIGHUP", "SIGTERM"):
        sig = getattr(signal, name, None)
        if sig is not None:
            signal.signal(sig, lambda *_: app.exit(0))
