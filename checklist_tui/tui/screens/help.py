"""Help for the focused item (why it matters, what it serves) and for the app."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from checklist_tui.core.definition import Item
from checklist_tui.core.vocabulary import MAY_FOLLOW, MAY_FOLLOW_MARK
from checklist_tui.tui import commands
from checklist_tui.tui.text import join, lit

_PLAIN_MODE = ("Using a screen reader? Plain mode asks one question at a time in plain lines, "
               "through the same checks and saving: press Ctrl+Q, then type ")


def screen_reader(plan: Path | None = None) -> str:
    """How to reach plain mode, first in every help, so the one who needs it hears it
    first (look-d D27); on a plan, with the command for that plan's own file (rev7-tui
    13: the app knows the file, the reader should not have to find it)."""
    if plan is None:
        return f"{_PLAIN_MODE}checklist-tui fill PLAN --plain (PLAN: the plan's file)."
    name = f'"{plan}"' if " " in str(plan) else str(plan)
    return f"{_PLAIN_MODE}checklist-tui fill {name} --plain"


SCREEN_READER = screen_reader()

APP_HELP = f"""How this app works
- Your answers are saved automatically within a second: the plan has no Save button.
- A form (Add person, agency or action, details, confirming a pause point) is kept only \
when you press its Save button, or Enter in its last box. Enter moves to the next box.
- Tab and Shift+Tab move between answers; arrow keys move within a list.
- Home and End go to the first and last item of a section (in a text box: the start \
and end of the line); PgUp and PgDn move a screen at a time. On your list of plans, \
Home and End go to the first and last plan.
- On a yes/no item: y = Yes, n = No, u = Unknown, x = Not applicable, Delete clears it. \
The arrow keys move between its answers and Space or Enter chooses one; (•) marks \
the answer chosen. l answers Not yet (later) where a question allows it; i adds or \
changes what a Yes carries (a date, people, a text, a place).
- w shows why an item matters; s changes where the information came from
  (seen, reported by a parent, by an agency, not yet checked). * = required.
- ! RED FLAG means something must not pass quietly: read "What to do".
- The header counts the questions answered: 78/119 answered is 78 of 119. A \
{MAY_FOLLOW_MARK} after the total (78/119{MAY_FOLLOW_MARK}) means {MAY_FOLLOW}: some \
questions are shown only once earlier answers are given.
- In the list of sections: ✓ 5/5 is complete, • 3/5 is not; ✗1 counts answers that do \
not count yet (contradicted or incomplete), !2 counts red flags.
- Ctrl+P opens the list of all commands (jump to a section or item, change theme).
- F12 hides the screen at once (someone walks in); Enter shows it again.
- Escape goes back. Ctrl+Q quits: your answers are already saved; if a form holds \
typing not yet saved, it asks first."""
"""(The header's count is explained in the words every other view uses: rev7-tui 10.)"""


def _keys() -> str:
    lines = ["Keys on the plan screen"]
    for c in commands.PLAN:
        key = c.key_display or c.keys.split(",")[0]
        lines.append(f"- {key:<6} {c.title}: {c.help}")
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q,question_mark", "dismiss", "Close", id="close-help")]

    def __init__(self, item: Item | None, context: str = "", plan: Path | None = None):
        """``plan``: the file of the plan open (named in the screen reader's line)."""
        super().__init__()
        self.item, self.context, self.plan = item, context, plan

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Help  (Escape to close)", classes="title")
            with VerticalScroll():
                yield Static(lit(screen_reader(self.plan)), id="screen-reader")
                if self.item is not None:
                    yield Static(self._item_help(), id="item-help")
                if self.context:
                    yield Static(lit(self.context))
                yield Static(lit(APP_HELP))
                yield Static(lit(_keys()))

    def _item_help(self):
        item = self.item
        sources = self.app.sources()
        refs = "\n".join(f"  {sources[r].group}: {sources[r].title}" if r in sources
                         else "  a source that is not installed here" for r in item.refs)
        due = f"\nDue: {item.due.describe()}" if item.due else ""
        return join(lit(item.prompt, "bold"), "\n",
                    "Why this matters: ", lit(item.guidance or "no guidance given"), "\n",
                    "Required: ", "yes" if item.required else "no", due, "\n",
                    "This item serves:\n", lit(refs), "\n")
