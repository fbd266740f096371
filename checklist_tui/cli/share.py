"""``checklist-tui share``: record who a copy of the plan was given to, and when.

Plans are shared once they are approved, so this works on an approved (locked) plan:
it takes the plan's lock, reads the file again, adds the record and its history entry,
and saves, as a manager's decision does (core.review_file). Distribution is not part
of what the plan says, so the approval stands.
"""

from __future__ import annotations

import argparse

from checklist_tui.cli.context import author, catalogue, plan_path
from checklist_tui.cli.output import out
from checklist_tui.cli.records import _date
from checklist_tui.core import clock
from checklist_tui.core.dates import uk_date


def cmd_share(args: argparse.Namespace) -> int:
    from checklist_tui.core import edit
    from checklist_tui.core.review_file import change_plan
    from checklist_tui.core.who import recorded_as

    on = _date("--on", args.on) or clock.today()
    now = clock.now()
    record = change_plan(plan_path(args), catalogue(args).get, lambda plan, _checklist:
                         edit.record_shared(plan, args.to or "", on, args.parents,
                                            by=recorded_as(plan, args.as_user), now=now,
                                            role=args.role or "", how=args.how or ""))
    out(f"Recorded: a copy given to {record.to}"
        + (f" ({record.role})" if record.role else "") + f" on {uk_date(record.on)}"
        + (f", {record.how}" if record.how else "") + ".")
    return 0


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("share", parents=[common, author("recording it")],
                       help="record who a copy of the plan was given to, and when "
                            "(also on an approved plan)")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("--to", metavar="WHO", help="person, team or agency given a copy")
    p.add_argument("--role", metavar="ROLE", help="their agency or role")
    p.add_argument("--how", metavar="HOW", help="how it was given, e.g. 'secure email'")
    p.add_argument("--parents", action="store_true", help="the copy given to the parents")
    p.add_argument("--on", metavar="DATE", help="the date it was given (default: today)")
    p.set_defaults(handler=cmd_share)
