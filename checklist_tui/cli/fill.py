"""``fill PLAN --plain`` and ``new … --plain``: the plan as a line-by-line conversation."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from checklist_tui.cli.context import catalogue, plan_path
from checklist_tui.cli.output import err

if TYPE_CHECKING:  # plain mode loads only when it is asked for
    from checklist_tui.plain.console import Console


def wants_plain(args: argparse.Namespace) -> bool:
    """Plain mode when asked for, or when the terminal cannot draw the full-screen app."""
    return asked_plain(args) or os.environ.get("TERM", "") == "dumb"


def asked_plain(args: argparse.Namespace) -> bool:
    """``--plain`` given, after the command or before it (``checklist-tui --plain fill``)."""
    return bool(getattr(args, "plain", False) or getattr(args, "plain_first", False))


def say_why_plain(args: argparse.Namespace, what: str) -> None:
    """When plain mode was not asked for but the terminal cannot draw the full-screen
    app, say so (on stderr), with what happens instead."""
    if not asked_plain(args):
        err(f"checklist-tui: this terminal cannot show the full-screen app (TERM=dumb), "
            f"so {what}.")


def run_plain(args: argparse.Namespace, path: Path, read_only: bool = False) -> int:
    from checklist_tui.cli.plans import said_who
    from checklist_tui.core.session import PlanSession
    from checklist_tui.core.who import Who
    from checklist_tui.plain import who_question
    from checklist_tui.plain.console import Closed, Console
    from checklist_tui.plain.conversation import Conversation

    say_why_plain(args, "the plan opens in plain mode")
    cat = catalogue(args)
    session = PlanSession.open(path, cat.get, read_only=read_only)
    console = Console()
    name, role = said_who(args)
    try:
        if name and not session.read_only:  # said on the command line: not asked
            session.changes_by(Who(name, role))
        elif not who_question.ask(console, session):  # quit before anything was changed
            session.close()
            return _stopped(console, made=getattr(args, "command", "") == "new")
    except (Closed, KeyboardInterrupt):
        session.close()
        return _stopped(console, made=getattr(args, "command", "") == "new")
    return Conversation(console, session, cat.sources).run()


def _stopped(console: Console, made: bool = False) -> int:
    """Stopped at the first question (quit, Ctrl+D, Ctrl+C): said, on a line of its own
    (a screen reader heard nothing, and the prompt was left hanging). ``made``: the plan
    was made by this command (``new``), so it is there, with nothing answered."""
    from checklist_tui.plain.console import Closed

    try:
        console.blank()
        console.say("Stopped before the first question: " + (
            "the plan is made, with nothing answered yet." if made
            else "nothing was changed."))
    except Closed:
        pass
    return 0


def cmd_fill(args: argparse.Namespace) -> int:
    path = plan_path(args)
    if wants_plain(args):
        return run_plain(args, path, read_only=args.read_only)
    from checklist_tui.cli.plans import run_tui

    return run_tui(args, plan_path=path, read_only=args.read_only)
