"""``checklist-tui share``: record who a copy of the plan was given to, and when."""

from __future__ import annotations

import argparse

from checklist_tui.cli.output import out
from checklist_tui.cli.records import _date, _session
from checklist_tui.core import clock, edit
from checklist_tui.core.dates import uk_date


def cmd_share(args: argparse.Namespace) -> int:
    on = _date("--on", args.on) or clock.today()
    with _session(args) as session:
        record = session.apply(edit.record_shared, args.to or "", on, args.parents)
    out(f"Recorded: a copy given to {record.to} on {uk_date(record.on)}.")
    return 0


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("share", parents=[common],
                       help="record who a copy of the plan was given to, and when")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("--to", metavar="WHO", help="person, team or agency given a copy")
    p.add_argument("--parents", action="store_true", help="the copy given to the parents")
    p.add_argument("--on", metavar="DATE", help="the date it was given (default: today)")
    p.add_argument("--as", dest="as_user", metavar="NAME",
                   help="who is recording it (default: the plan's practitioner)")
    p.set_defaults(handler=cmd_share)
