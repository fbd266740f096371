"""The command line's grammar. Each subcommand names its handler with ``set_defaults``."""

from __future__ import annotations

import argparse

from checklist_tui import __version__
from checklist_tui.cli import fill, plans
from checklist_tui.cli.context import author
from checklist_tui.core import locations


def _folders(parser: argparse.ArgumentParser, prefix: str) -> None:
    """``--plans-dir`` and ``--checklists``; a subcommand's copies keep separate names so
    that they never overwrite what was given before the subcommand."""
    parser.add_argument("--plans-dir", metavar="DIR", dest=f"{prefix}plans_dir",
                        default=None if not prefix else argparse.SUPPRESS,
                        help="folder of plans (default: your user data folder, or "
                             f"${locations.ENV_PLANS_DIR})")
    parser.add_argument("--checklists", metavar="DIR", action="append",
                        dest=f"{prefix}checklists",
                        default=[] if not prefix else argparse.SUPPRESS,
                        help="extra folder of checklists; repeatable; replaces built-ins by id")


def _plain(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--plain", action="store_true",
                        help="plain mode: one question at a time as plain lines, for screen "
                             "readers, braille displays and any terminal")


def settle_folders(args: argparse.Namespace) -> argparse.Namespace:
    """Merge the folders given before and after the subcommand (the later one wins)."""
    args.plans_dir = getattr(args, "sub_plans_dir", None) or args.plans_dir
    args.checklists = [*args.checklists, *getattr(args, "sub_checklists", [])]
    return args


#: Commands whose grammar can be built alone (see ``build_parser``).
ALONE = ("open", "fill")


def _open_or_fill(sub: argparse._SubParsersAction, common: argparse.ArgumentParser,
                  names: tuple[str, ...]) -> None:
    for name, handler, words in (
            ("open", plans.cmd_open, "open a plan in the app"),
            ("fill", fill.cmd_fill,
             "fill in a plan; with --plain, one question at a time as plain lines")):
        if name in names:
            p = sub.add_parser(name, parents=[common, author(
                "making changes", "asked when the plan opens")], help=words)
            p.add_argument("plan", metavar="PLAN")
            p.add_argument("--read-only", action="store_true",
                           help="look without changing anything")
            _plain(p)
            p.set_defaults(handler=handler)


def build_parser(first: str | None = None) -> argparse.ArgumentParser:
    """The whole grammar; or, when ``first`` (the first word given) is one of ``ALONE``,
    the same grammar with only that command in it: nothing else could be parsed from
    what was given, and building (and importing) every other command costs each start
    of the app several milliseconds (#12.2). Its help, usage and errors are the same."""
    common = argparse.ArgumentParser(add_help=False)
    _folders(common, "sub_")
    parser = argparse.ArgumentParser(
        prog="checklist-tui", description="Safeguarding checklists for unborn babies and newborns.")
    _folders(parser, "")
    parser.add_argument("--version", action="version", version=f"checklist-tui {__version__}")
    parser.add_argument("--plain", action="store_true", dest="plain_first",
                        help="plain mode: without a command, your plans as plain text, for "
                             "screen readers and braille displays (also when TERM=dumb)")
    parser.set_defaults(handler=plans.cmd_tui)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    if first in ALONE:
        _open_or_fill(sub, common, (first,))
        return parser

    from checklist_tui.cli import checklists, edit_details, records, review, share, upgrade

    p = sub.add_parser("list", parents=[common], help="list the checklists you can use")
    p.set_defaults(handler=checklists.cmd_list)
    p = sub.add_parser("validate", parents=[common], help="check checklist files for mistakes")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: all)")
    p.set_defaults(handler=checklists.cmd_validate)
    p = sub.add_parser("new", parents=[common], help="start a plan from a checklist")
    p.add_argument("checklist_id", metavar="CHECKLIST_ID")
    p.add_argument("--case-ref", required=True, help="case reference (no names)")
    p.add_argument("--edd", help="expected delivery date, YYYY-MM-DD or DD/MM/YYYY")
    p.add_argument("--dob", help="date of birth, once born (the injury checklist takes this, "
                   "never an EDD), YYYY-MM-DD or DD/MM/YYYY")
    p.add_argument("--babies", type=int, default=1, help="number of babies expected")
    p.add_argument("--practitioner", default="", help="your name")
    p.add_argument("--role", default="", help="your role")
    p.add_argument("--no-open", action="store_true", help="create the plan without opening it")
    _plain(p)
    p.set_defaults(handler=plans.cmd_new)
    _open_or_fill(sub, common, ALONE)
    p = sub.add_parser("show", parents=[common],
                       help="print where a plan stands, or every plan in a folder, as plain text")
    p.add_argument("plan", metavar="PLAN|DIR")
    p.add_argument("--born-today", action="store_true",
                   help="only what would not be in place if the baby were born today")
    p.add_argument("--plain", action="store_true",
                   help="for a folder: every plan in plain sentences, one per paragraph")
    p.set_defaults(handler=plans.cmd_show)
    p = sub.add_parser("coverage", parents=[common],
                       help="which recommendations the checklists' items cite")
    p.add_argument("--format", choices=["table", "markdown", "json"], default="table")
    p.set_defaults(handler=checklists.cmd_coverage)
    p = sub.add_parser("export", parents=[common], help="write a plan summary")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("--format", choices=["markdown", "html", "json", "csv", "docx"],
                   default="markdown")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write, or - for the screen")
    p.add_argument("--redact", action="store_true",
                   help="replace the names recorded in People and Agencies, contact "
                   "details and the case reference (other names typed in answers and "
                   "notes may remain: read it before sharing)")
    p.add_argument("--same-pseudonym", action="store_true",
                   help="with --redact: the same pseudonym every time (a secret key in your "
                   "config folder), so redacted copies of one plan can be matched")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(handler=plans.cmd_export)
    review.add_commands(sub, common)
    records.add_parsers(sub, common)
    share.add_parsers(sub, common)
    edit_details.add_parsers(sub, common)
    upgrade.add_parsers(sub, common)
    return parser
