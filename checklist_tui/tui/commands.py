"""Every user command, declared once: key, footer text, palette entry, availability.

Screens list the commands they offer; their key bindings and footer come from
``bindings()``, and the command palette from ``palette()``. A command that changes
the plan is unavailable (hidden from footer and palette, key refused) when the
plan is read-only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import partial

from textual.actions import parse
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from checklist_tui.core.record import Record


class Command(Record):
    """A command: its keys, its words in the footer, Help and the palette."""

    id: str
    keys: str
    title: str
    help: str
    footer: bool = True
    writes: bool = False
    key_display: str | None = None
    priority: bool = False
    """Before the focused widget's own use of the key (the tables' left and right), and
    before the keys typed after it are passed on (] and [: a key typed just after them
    must not reach the question left)."""
    screen_help: str = ""
    """On a help command: one or two sentences on the screen it is declared for, shown
    above the app's help (kept here, beside the keys they name)."""
    calls: str = ""
    """The action with its argument, as Textual writes it (``records('people')``), where
    several commands share one action; otherwise the action is named after the id."""

    @property
    def invocation(self) -> str:
        """What a key or the palette runs: the action, with its argument if any."""
        return self.calls or self.id.replace("-", "_")

    @property
    def action(self) -> str:
        """The name of the screen's ``action_…`` method."""
        return parse(self.invocation)[1]

    @property
    def parameters(self) -> tuple[object, ...]:
        return parse(self.invocation)[2]


HELP = Command("help", "f1,question_mark", "Help", "Help for the focused item and the app",
               key_display="F1")

BACK = Command("back", "escape", "Back", "Go back to the previous screen")


def help_on(screen_help: str) -> Command:
    """The help command of one screen, with what to say about that screen."""
    return replace(HELP, screen_help=screen_help)


HOME = [
    Command("new-plan", "n", "New plan", "Start a plan from a checklist"),
    Command("open-plan", "o", "Open", "Open the highlighted plan", footer=False),
    Command("review", "r", "Review plans", "Every plan in the folder: review and sign off"),
    Command("refresh", "f5", "Refresh", "Read the plans folder again", footer=False),
    Command("first-plan", "home", "First plan", "Highlight the first (newest) plan",
            footer=False, priority=True),
    Command("last-plan", "end", "Last plan", "Highlight the last plan in the list",
            footer=False, priority=True),
    help_on("Home: your plans. Arrow keys move, Enter opens, n starts a new plan."),
    Command("quit", "q", "Quit", "Leave the app; everything is already saved"),
]

#: The footer shows the first that fit: at 80 columns "r Answer challenge" (while a
#: manager's challenge waits) and F1 Help were cut off behind People and Export.
PLAN = [
    Command("answer-challenge", "r", "Answer challenge",
            "Answer a manager's challenge (on this item, else the first not yet answered)",
            writes=True),
    Command("next-section", "right_square_bracket", "Next section",
            "Go to the next section", key_display="]", calls="step_section(1)",
            priority=True),
    Command("previous-section", "left_square_bracket", "Previous section",
            "Go to the previous section", key_display="[", footer=False,
            calls="step_section(-1)", priority=True),
    Command("outstanding", "o", "Outstanding", "Everything still open, and where to fix it"),
    help_on("Plan: the sections are on the left (hidden on small windows). ] and [ move "
            "between sections; Tab moves between items. On a yes/no item press y, n or u. "
            "w shows why an item matters. G lists the gaps and risks; on a pause point f "
            "confirms it. Everything is saved as you go."),
    Command("gaps", "G", "Gaps and risks", "What is wrong or not known, the father and male "
            "carers first", footer=False),
    Command("people", "p", "People", "The people around the baby, men first",
            calls="records('people')"),
    Command("agencies", "g", "Agencies", "Agencies and their roles in this plan",
            footer=False, calls="records('agencies')"),
    Command("actions", "a", "Actions", "The plan's actions: what, who, by when",
            footer=False, calls="records('actions')"),
    Command("timeline", "t", "Timeline", "Milestones against today and the EDD",
            footer=False),
    Command("export", "e", "Export", "Write the plan summary (Markdown, HTML, JSON)"),
    Command("distribution", "D", "Distribution", "Who was given a copy of the plan, and when "
            "the parents were given theirs", footer=False),
    Command("details", "d", "Details", "Case reference, EDD, date of birth, number of babies",
            footer=False, writes=True),
    Command("acknowledge", "k", "Acknowledge", "Acknowledge warnings in this section",
            footer=False, writes=True),
    Command("complete", "c", "Mark complete", "Mark the plan complete when nothing blocks it",
            footer=False, writes=True),
    Command("what-changed", "v", "What changed", "What changed in the checklist since this "
            "plan was made, and moving it to the current version", footer=False),
    Command("submit", "m", "Submit for sign-off",
            "Send the completed plan to a manager to approve or return", footer=False,
            writes=True),
    # not ``writes``: it is also how a plan opened only to look is changed after all
    Command("who", "W", "Who is making changes", "Say who is making changes to this plan "
            "from now on (every change is recorded under that name and role)",
            footer=False),
    Command("confirm-pause", "f", "Confirm this pause point", "Record who confirmed this "
            "pause point, when, and who was present", footer=False, writes=True),
    BACK,
]

OUTSTANDING = [
    Command("born-today", "b", "Born today?", "Show what would not be in place if the baby "
            "arrived today"),
    help_on("Outstanding: everything still open. Enter goes to the place to fix it. b "
            "shows what would not be in place if the baby were born today (only on a "
            "checklist that marks things as needed at birth)."),
    BACK,
]

RECORDS = [
    Command("add-record", "insert,plus", "Add", "Add a row", writes=True, key_display="+"),
    Command("edit-record", "enter", "Edit", "Edit the highlighted row", writes=True),
    Command("remove-record", "delete", "Remove", "Remove the highlighted row", writes=True,
            key_display="Del"),
    Command("show-people", "p", "People", "Show the people around the baby", footer=False,
            calls="show_page('people')"),
    Command("show-agencies", "g", "Agencies", "Show the agencies and their roles",
            footer=False, calls="show_page('agencies')"),
    Command("show-actions", "a", "Actions", "Show the plan's actions", footer=False,
            calls="show_page('actions')"),
    Command("next-tab", "right", "Next table", "The next table (People, Agencies, Actions)",
            footer=False, priority=True, calls="step_tab(1)"),
    Command("previous-tab", "left", "Previous table", "The previous table", footer=False,
            priority=True, calls="step_tab(-1)"),
    help_on("People, agencies and actions. + adds a row, Enter edits the highlighted row, "
            "Delete removes it. Left and right arrows on the tabs switch between tables."),
    BACK,
]

REVIEW = [
    Command("look", "enter", "Look", "Look at the highlighted plan, gaps and risks first",
            footer=False),
    Command("filter", "slash", "Filter", "Type to filter the plans", key_display="/"),
    Command("to-table", "down", "To the plans", "From the filter to the list of plans",
            footer=False),
    Command("sort-next", "s", "Sort", "Sort by the next column"),
    Command("sort-reverse", "S", "Reverse", "Reverse the sort order", footer=False),
    Command("refresh", "f5", "Refresh", "Check the folder for changed plans again",
            footer=False),
    help_on("Review: every plan in the folder. Press / and type to filter (Enter or Down "
            "goes back to the list), Tab to choose a view, s to sort by the next column, "
            "Enter to look at a plan and sign it off; Home and End go to the first and last "
            "plan. The line under the list says the highlighted plan in full."),
    BACK,
]

REVIEW_PLAN = [
    Command("approve", "a", "Approve", "Approve and sign off this plan, with a rationale"),
    Command("return-plan", "r", "Return", "Return the plan to the practitioner with reasons"),
    Command("challenge", "c", "Challenge", "Ask the practitioner about one item"),
    Command("open-full", "o", "Full plan", "Open the whole plan, read-only"),
    help_on("One plan, read-only, gaps and risks first. a approves, r returns it with "
            "reasons, c challenges one item; o opens the full plan read-only."),
    BACK,
]

GAPS = [
    help_on("Gaps and risks: answers that are a concern, ticks the plan contradicts, what "
            "nobody knows yet (with who will find out and by when), yeses without their "
            "details, and missing records about the men. The father and male carers come "
            "first. Enter goes to the place to fix it. Items not yet answered at all are in "
            "Outstanding (o on the plan screen)."),
    BACK,
]

TIMELINE = [
    help_on("Timeline: each row is a milestone from the checklist, placed between the "
            "earliest and latest dates. Twins or a likely early birth move the pre-birth "
            "milestones earlier. Below them, every action not done or cancelled that has a "
            "due date, with its owner; one past its date says OVERDUE."),
    BACK,
]

NEW_PLAN = [
    help_on("New plan: choose a checklist with the arrow keys, then press Enter (or Tab) to "
            "fill in the details. Enter moves to the next box; Enter in the last box, or "
            "on Create plan, creates the plan."),
    # On the list, Enter goes on to the details before the next key is passed on (keys
    # typed ahead of a busy app were lost in the list).
    Command("choose-checklist", "enter", "Fill in the details",
            "Go on to the case reference for the highlighted checklist", footer=False,
            priority=True),
    # In a box, Enter moves on as in every form (it created the plan from any box).
    Command("next-box", "enter", "Next box",
            "Go to the next box; in the last box, create the plan", footer=False,
            priority=True),
    BACK,
]

DISTRIBUTION = [
    Command("add-shared", "insert,plus", "Record a copy", "Record who was given a copy",
            writes=True, key_display="+"),
    help_on("Distribution: who was given a copy of the plan (name, agency or role, date, "
            "how) and when the parents were given theirs. + records a copy. It can be "
            "recorded after the plan is approved: it does not change the plan or its "
            "approval, and it is kept in the plan's history."),
    BACK,
]


def bindings(commands: Iterable[Command]) -> list[BindingType]:
    return [Binding(c.keys, c.invocation, c.title, show=c.footer, key_display=c.key_display,
                    tooltip=c.help, id=c.id, priority=c.priority) for c in commands]


def available(screen: Screen, command: Command) -> bool:
    if command.writes and getattr(screen, "read_only", False):
        return False
    return screen.check_action(command.action, command.parameters) is not False


def palette(screen: Screen) -> Iterator[SystemCommand]:
    for command in getattr(screen, "COMMANDS_DECLARED", []):
        if command.id in ("back", "help") or not available(screen, command):
            continue
        yield SystemCommand(command.title, command.help,
                            partial(screen.run_action, command.invocation))
