"""The command line: parsing (``parser``) and thin commands over the core (``checklists``,
``plans``). Textual is imported only when the TUI runs.

Exit codes: 0 ok, 1 bad input (one clear line on stderr), 2 usage.
"""

from checklist_tui.cli.entry import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, main

__all__ = ["EXIT_BAD_INPUT", "EXIT_OK", "EXIT_USAGE", "main"]
