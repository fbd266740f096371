"""Start the full-screen app (imported only when the TUI is wanted)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def run(plans_dir: Path, checklist_dirs: Sequence[str] = (), plan_path: Path | None = None,
        read_only: bool = False, review_dir: Path | None = None, as_name: str = "",
        as_role: str = "") -> int:
    """``as_name`` (and ``as_role``): who is making changes, said on the command line
    (``--as``; ``new --practitioner``): not asked again. Otherwise the app asks it of every
    plan opened for editing (look-d D12)."""
    from checklist_tui.tui import collector

    collector.hold_while_starting()  # before Textual loads: the app resumes it
    from checklist_tui.tui.app import ChecklistApp

    who = None
    if as_name.strip():  # (core.who loads the plan model: only when it is needed)
        from checklist_tui.core.who import Who

        who = Who(as_name.strip(), as_role.strip())
    app = ChecklistApp(plans_dir=plans_dir, checklist_dirs=list(checklist_dirs),
                       plan_path=plan_path, read_only=read_only, review_dir=review_dir,
                       who=who, ask_who=True)
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
