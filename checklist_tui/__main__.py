"""Allow ``python -m checklist_tui``."""

from checklist_tui.cli import main

raise SystemExit(main())
