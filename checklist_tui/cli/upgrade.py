"""``checklist-tui upgrade PLAN``: move a plan to the current version of its checklist.

Answers to items that the new version replaces are carried where the checklist says what
they mean now (one history entry each); every other answer is kept, as an answer to an item
that is not in this version. A signed-off plan keeps the version it was signed off with.
"""

from __future__ import annotations

import argparse

from checklist_tui.cli.context import author, catalogue
from checklist_tui.cli.output import out
from checklist_tui.cli.records import _session


def cmd_upgrade(args: argparse.Namespace) -> int:
    from checklist_tui.core.dates import plural
    from checklist_tui.core.versions import changes_since, upgrade

    with _session(args) as session:
        plan, loaded = session.plan, session.checklist
        before = plan.checklist_version
        look_again = [line for line in changes_since(plan, loaded.checklist,
                                                     catalogue(args).sources)
                      if "'upgrade' carries" not in line]
        done = session.apply(upgrade, loaded.checklist, loaded.content_hash)
        kept = sorted(i for i in plan.answers if i not in loaded.checklist.item_map())
    out(f"{session.loaded.path.name}: moved from checklist version {before} to "
        f"{loaded.checklist.version}.")
    out(f"Carried {plural(len(done), 'answer')} to the items that replace them"
        + (":" if done else "."))
    for c in done:
        out(f"  {c.old_id} '{c.old_label}' -> {c.new_id} '{c.new_label}'")
    if kept:
        out("Kept as answers to items not in this version: " + ", ".join(kept))
    if look_again:
        out("What to look at again:")
        for line in look_again:
            out(f"  {line}")
    return 0


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("upgrade", parents=[common, author()],
                       help="move a plan to the current version of its checklist")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("--reason", metavar="TEXT",
                   help="why a completed or submitted plan is being changed (needed for "
                        "those; kept in its history)")
    p.set_defaults(handler=cmd_upgrade)
