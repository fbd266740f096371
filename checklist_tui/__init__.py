"""checklist-tui: safeguarding checklists for unborn babies and newborns."""

__version__ = "0.1.0"
