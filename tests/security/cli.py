"""Run checklist-tui commands in this process, as a user would, and look at what they print."""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

#: What must never reach a terminal from user or checklist text: ESC and the other C0
#: controls (tab and newline are layout), DEL and the C1 controls (8-bit CSI, OSC...).
TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
EXPORT_FORMATS_FALLBACK = ("markdown", "html", "json")


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def crashed(self) -> bool:
        """A traceback or the catch-all 'unexpected error' line: a bug, not an answer."""
        return "Traceback" in self.err or "unexpected error" in self.err


def run(*argv: str) -> Run:
    """``checklist-tui ARGV`` in this process; stdin is empty, stdout/stderr are captured."""
    from checklist_tui.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 1
    return Run(int(code or 0), out.getvalue(), err.getvalue())


#: Formats that cannot go to the screen: exported to a file beside the plan instead.
BINARY_FORMATS = {"docx"}


def export_args(plan: Path, fmt: str) -> list[str]:
    """``export PLAN --format FMT -o -`` (or ``-o FILE`` for a binary format)."""
    target = str(plan.with_name(plan.name + f".out.{fmt}")) if fmt in BINARY_FORMATS else "-"
    return ["export", str(plan), "--format", fmt, "-o", target, "--force"]


def export_formats() -> tuple[str, ...]:
    """Every format ``export --format`` accepts, read from the command line's own parser."""
    import argparse

    from checklist_tui.cli.parser import build_parser

    parser = build_parser()
    for action in parser._actions:  # the sub-command table
        if isinstance(action, argparse._SubParsersAction) and "export" in action.choices:
            for sub in action.choices["export"]._actions:
                if "--format" in sub.option_strings and sub.choices:
                    return tuple(sub.choices)
    return EXPORT_FORMATS_FALLBACK
