"""``checklist-tui``: parse, run one command, turn errors into one clear line."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from checklist_tui.cli.fill import wants_plain
from checklist_tui.cli.output import err
from checklist_tui.cli.parser import build_parser, settle_folders
from checklist_tui.core.errors import UserFacingError

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


#: The first words that start the full-screen app (unless plain mode is wanted).
APP_COMMANDS = (None, "open", "fill")


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    held = _hold_collections(words[0] if words else None)
    try:
        parser = build_parser(words[0] if words else None)
        args = settle_folders(parser.parse_args(words))
        if held and wants_plain(args):  # a conversation, not the app: collect as usual
            held = _resume()
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # here, where a reader gone away is caught (not at exit)
        return code
    except BrokenPipeError:
        # The reader stopped reading (``| head``): what was to be done is done (a change
        # is saved before anything is printed), so not an error. As Python's docs advise
        # for SIGPIPE: nothing more goes to the closed pipe, not even at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
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
    finally:
        if held:  # the app resumes them after its first paint; anything else, now
            _resume()


def _hold_collections(first: str | None) -> bool:
    """For a command that starts the app, hold the garbage collector's passes back from
    here, not only from when the app starts (``tui/run.py``): parsing the command line
    and loading its modules made about 20 passes that freed nothing (about 3 ms of CPU,
    #12.2). True if held (never when the collector was off already)."""
    import gc

    if first not in APP_COMMANDS or not gc.isenabled():
        return False
    from checklist_tui.tui import collector

    collector.hold_while_starting()
    return True


def _resume() -> bool:
    """Collect again; False (no longer held)."""
    from checklist_tui.tui import collector

    collector.resume()
    return False
