"""The command line. Thin over the core; Textual is imported only when the TUI runs.

Exit codes: 0 ok, 1 bad input (one clear line on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from checklist_tui import __version__
from checklist_tui.core import locations
from checklist_tui.core.errors import UserFacingError

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--plans-dir", metavar="DIR",
                        help="folder of plans (default: your user data folder, or "
                             f"${locations.ENV_PLANS_DIR})")
    common.add_argument("--checklists", metavar="DIR", action="append", default=[],
                        help="extra folder of checklists; repeatable; replaces built-ins by id")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="checklist-tui", parents=[common],
        description="Safeguarding checklists for unborn babies and newborns.")
    parser.add_argument("--version", action="version", version=f"checklist-tui {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("list", parents=[common], help="list the checklists you can use")
    p = sub.add_parser("validate", parents=[common], help="check checklist files for mistakes")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: all)")
    p = sub.add_parser("new", parents=[common], help="start a plan from a checklist")
    p.add_argument("checklist_id", metavar="CHECKLIST_ID")
    p.add_argument("--case-ref", required=True, help="case reference (no names)")
    p.add_argument("--edd", help="expected delivery date, YYYY-MM-DD or DD/MM/YYYY")
    p.add_argument("--babies", type=int, default=1, help="number of babies expected")
    p.add_argument("--practitioner", default="", help="your name")
    p.add_argument("--role", default="", help="your role")
    p.add_argument("--no-open", action="store_true", help="create the plan without opening it")
    p = sub.add_parser("open", parents=[common], help="open a plan in the app")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("--read-only", action="store_true", help="look without changing anything")
    p = sub.add_parser("show", parents=[common], help="print where a plan stands, as plain text")
    p.add_argument("plan", metavar="PLAN")
    p = sub.add_parser("coverage", parents=[common],
                       help="which recommendations the checklists' items cite")
    p.add_argument("--format", choices=["table", "markdown", "json"], default="table")
    p = sub.add_parser("export", parents=[common], help="write a plan summary")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("--format", choices=["markdown", "html", "json"], default="markdown")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write, or - for the screen")
    p.add_argument("--redact", action="store_true", help="replace names with roles")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        from checklist_tui import commands

        handler = getattr(commands, f"cmd_{(args.command or 'tui').replace('-', '_')}")
        return int(handler(args) or 0)
    except UserFacingError as exc:
        print(f"checklist-tui: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback for the user
        if os.environ.get("CHECKLIST_TUI_DEBUG"):
            raise
        print(f"checklist-tui: unexpected error: {type(exc).__name__}: {exc} "
              "(set CHECKLIST_TUI_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_BAD_INPUT


def resolve_plan(arg: str, plans_dir: Path) -> Path:
    """A plan given as a path, or as a file name in the plans folder."""
    path = Path(arg).expanduser()
    if path.exists():
        return path
    for candidate in (plans_dir / arg, plans_dir / f"{arg}.toml"):
        if candidate.exists():
            return candidate
    return path

