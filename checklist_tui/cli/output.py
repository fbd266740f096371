"""Everything a command prints goes through here, so checklist and plan text can never
drive the terminal: control characters (ESC, OSC 8/52, C1, ...) are shown, not obeyed."""

from __future__ import annotations

import sys


def out(text: str = "", end: str = "\n") -> None:
    from checklist_tui.export.safe import plain  # not loaded by a command that prints nothing

    sys.stdout.write(plain(text) + end)


def err(text: str) -> None:
    from checklist_tui.export.safe import plain

    sys.stderr.write(plain(text) + "\n")


def warn(text: str) -> None:
    err(f"checklist-tui: warning: {text}")
