"""``checklist-tui``: parse, run one command, turn errors into one clear line."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from checklist_tui.cli.output import err
from checklist_tui.cli.parser import build_parser, settle_folders
from checklist_tui.core.errors import UserFacingError

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words[0] if words else None)
    args = settle_folders(parser.parse_args(words))
    try:
        return int(args.handler(args) or 0)
    except UserFacingError as exc:
        err(f"checklist-tui: {exc}")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback for the user
        if os.environ.get("CHECKLIST_TUI_DEBUG"):
            raise
        err(f"checklist-tui: unexpected error: {type(exc).__name__}: {exc} "
            "(set CHECKLIST_TUI_DEBUG=1 for details)")
        return EXIT_BAD_INPUT
