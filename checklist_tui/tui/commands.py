"""Every user command, declared once: key, footer text, palette entry, availability.

Screens list the commands they offer; their key bindings and footer come from
``bindings()``, and the command palette from ``palette()``. A command that changes
the plan is unavailable (hidden from footer and palette, key refused) when the
plan is read-only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen


@dataclass(frozen=True)
class Command:
    id: str
    keys: str
    title: str
    help: str
    footer: bool = True
    writes: bool = False
    key_display: str | None = None
    priority: bool = False
    """Before the focused widget's own use of the key (the tables' left and right)."""

    @property
    def action(self) -> str:
        return self.id.replace("-", "_")


HELP = Command("help", "f1,question_mark", "Help", "Help for the focused item and the app",
               key_display="F1")
BACK = Command("back", "escape", "Back", "Go back to the previous screen")

HOME = [
    Command("new-plan", "n", "New plan", "Start a plan from a checklist"),
    Command("open-plan", "o", "Open", "Open the highlighted plan", footer=False),
    Command("review", "r", "Review plans", "Every plan in the folder: review and sign off"),
    Command("refresh", "f5", "Refresh", "Read the plans folder again", footer=False),
    HELP,
    Command("quit", "q", "Quit", "Leave the app; everything is already saved"),
]

PLAN = [
    Command("next-section", "right_square_bracket", "Next section",
            "Go to the next section", key_display="]"),
    Command("previous-section", "left_square_bracket", "Previous section",
            "Go to the previous section", key_display="[", footer=False),
    Command("outstanding", "o", "Outstanding", "Everything still open, and where to fix it"),
    Command("people", "p", "People", "The people around the baby, men first"),
    Command("agencies", "g", "Agencies", "Agencies and their roles in this plan",
            footer=False),
    Command("actions", "a", "Actions", "The plan's actions: what, who, by when",
            footer=False),
    Command("timeline", "t", "Timeline", "Milestones against today and the EDD",
            footer=False),
    Command("export", "e", "Export", "Write the plan summary (Markdown, HTML, JSON)"),
    Command("details", "d", "Details", "Case reference, EDD, date of birth, number of babies",
            footer=False, writes=True),
    Command("acknowledge", "k", "Acknowledge", "Acknowledge warnings in this section",
            footer=False, writes=True),
    Command("complete", "c", "Mark complete", "Mark the plan complete when nothing blocks it",
            footer=False, writes=True),
    Command("what-changed", "v", "What changed", "What changed in the checklist since this "
            "plan was made, and moving it to the current version", footer=False),
    HELP,
    BACK,
]

OUTSTANDING = [
    Command("born-today", "b", "Born today?", "Show what would not be in place if the baby "
            "arrived today"),
    HELP, BACK,
]

RECORDS = [
    Command("add-record", "insert,plus", "Add", "Add a row", writes=True, key_display="+"),
    Command("edit-record", "enter", "Edit", "Edit the highlighted row", writes=True),
    Command("remove-record", "delete", "Remove", "Remove the highlighted row", writes=True,
            key_display="Del"),
    Command("show-people", "p", "People", "Show the people around the baby", footer=False),
    Command("show-agencies", "g", "Agencies", "Show the agencies and their roles",
            footer=False),
    Command("show-actions", "a", "Actions", "Show the plan's actions", footer=False),
    Command("next-tab", "right", "Next table", "The next table (People, Agencies, Actions)",
            footer=False, priority=True),
    Command("previous-tab", "left", "Previous table", "The previous table", footer=False,
            priority=True),
    HELP, BACK,
]

REVIEW = [
    Command("look", "enter", "Look", "Look at the highlighted plan, gaps and risks first",
            footer=False),
    Command("filter", "slash", "Filter", "Type to filter the plans", key_display="/"),
    Command("sort-next", "s", "Sort", "Sort by the next column"),
    Command("sort-reverse", "S", "Reverse", "Reverse the sort order", footer=False),
    Command("refresh", "f5", "Refresh", "Check the folder for changed plans again",
            footer=False),
    HELP, BACK,
]

REVIEW_PLAN = [
    Command("approve", "a", "Approve", "Approve and sign off this plan, with a rationale"),
    Command("return-plan", "r", "Return", "Return the plan to the practitioner with reasons"),
    Command("challenge", "c", "Challenge", "Ask the practitioner about one item"),
    Command("open-full", "o", "Open plan", "Open the whole plan, read-only", footer=False),
    HELP, BACK,
]

SIMPLE = [HELP, BACK]


def bindings(commands: Iterable[Command]) -> list[BindingType]:
    return [Binding(c.keys, c.action, c.title, show=c.footer, key_display=c.key_display,
                    tooltip=c.help, id=c.id, priority=c.priority) for c in commands]


def available(screen: Screen, command: Command) -> bool:
    if command.writes and getattr(screen, "read_only", False):
        return False
    return screen.check_action(command.action, ()) is not False


def palette(screen: Screen) -> Iterator[SystemCommand]:
    for command in getattr(screen, "COMMANDS_DECLARED", []):
        if command.id in ("back", "help") or not available(screen, command):
            continue
        yield SystemCommand(command.title, command.help,
                            partial(screen.run_action, command.action))
