"""The floor for the start-up benchmark: the plan screen's widgets with static data.

The same widget types, layout and styles (``app.tcss``) as ``checklist-tui open PLAN``
at first paint (a header, the section list, the section title, the banner, the items
that fill the window, each with a prompt, its answer control, a note box and a state
line, the footer), but no checklist, no plan, no pydantic and no core. Whatever the real
app costs above this is the price of reading and checking the plan. The item widgets are
the plan screen's own (``ItemHead``: the question and its state line, ``AnswerChoice``,
``NoteBox``, ``SteadyFooter``, ``MarkedSelectionList``: modules that import no core), so
the floor changes with them. As in the window ours paints for the benchmark's plan
(``family-t-like-twins.toml`` reopens at the section where work stopped: the partner
agencies' checks), the second question is a list of 13 agencies to tick (the plan
screen's ``MarkedSelectionList``), the others yes/no questions. As the plan screen does,
the screen's "narrow" class is set before its widgets are built, so each is styled once
for its width (set after them, every widget was styled again at 80x24).

As the plan screen does: the list has the pre-birth checklist's 14 sections and is
hidden below 100 columns (still built), and as many items are built for the first frame
as fill the window (``screens/plan_sections.py``: 4 at 80x24, 6 at 120x40).

With ``--hold-gc`` it holds garbage collection back from the start, as ``checklist-tui``
does until its first plan is shown (``tui/collector.py``): the benchmark reports ours
against both, so that the collector's share is not taken for the core's.
"""

import gc
import sys

if "--hold-gc" in sys.argv:
    gc.disable()

import shutil
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import ContentSwitcher, OptionList, Static, TextArea

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checklist_tui.tui.widgets.answer_choice import AnswerChoice  # noqa: E402
from checklist_tui.tui.widgets.item_head import ItemHead, question  # noqa: E402
from checklist_tui.tui.widgets.marked import MarkedSelectionList  # noqa: E402
from checklist_tui.tui.widgets.note_box import PLACEHOLDER, NoteBox  # noqa: E402
from checklist_tui.tui.widgets.steady_footer import SteadyFooter  # noqa: E402

CSS = ROOT / "checklist_tui" / "tui" / "app.tcss"
SECTIONS = ["Starting the assessment", "Who is in the baby's world",
            "The father and other male carers", "Both parents' history",
            "The parents' relationship, coercion and control",
            "Looked-after or care-leaver parent", "The parents' support, home and voice",
            "Partner agencies' checks and contributions", "The baby's expected daily life",
            "Analysis and early actions", "What the written plan says",
            "The birth plan and the labour-ward alert",
            "After the birth: discharge, core group and review",
            "New concerns, disagreement and escalation"]
YES_NO_UNKNOWN = [("yes", "Yes"), ("no", "No"), ("unknown", "Unknown")]
AGENCIES = ["Police", "Mother's GP", "Father's GP", "Maternity", "Health visiting",
            "Adult mental health", "Child and adolescent mental health (CAMHS)",
            "Drug and alcohol service", "Young people's drug and alcohol service",
            "Probation or youth justice", "Housing", "Other councils where the parents lived",
            "Leaving care team"]
STATE = "Source: not recorded (s)"
NARROW_BELOW, FIRST_ITEMS, LINES_PER_ITEM, CHROME_LINES = 100, 4, 6, 5  # as the plan screen
LIST_AT = 2  # the agencies' section's second question: which agencies' checks came back


class ItemView(Vertical):
    """Named as the plan screen's item, so that its styles in app.tcss apply."""


def note_area() -> TextArea:
    return TextArea("", placeholder=PLACEHOLDER, classes="note", compact=True, soft_wrap=True)


def agencies(n: int) -> MarkedSelectionList:
    """A multiple-choice question's list, as the plan screen builds it (``item_control``),
    three agencies ticked."""
    return MarkedSelectionList(*[(name, f"agency-{i}", i < 3) for i, name in enumerate(AGENCIES)],
                               id=f"answer-FLOOR-S{n:02}")


class Floor(App):
    CSS_PATH = str(CSS)
    CSS = "Screen.narrow #sections { display: none; }"

    def compose(self) -> ComposeResult:
        # Before the widgets exist, so they are styled once (as the plan screen does).
        self.screen.set_class(self.size.width < NARROW_BELOW, "narrow")
        yield Static("FLOOR-0002  Pre-birth assessment v2.0.0  Draft\nEDD 27/01/2027: 31+1 "
                     "weeks today  ·  37/69 answered  ·  Last changed 24/11/2026 10:00",
                     id="plan-header")
        with Horizontal(id="plan-body"):
            yield OptionList(*[f"• 3/7     {title}" for title in SECTIONS], id="sections")
            with Vertical(id="plan-main"):
                yield Static("Section 8 of 14: Partner agencies' checks and contributions",
                             id="section-title")
                yield Static("", id="banner")
                with (ContentSwitcher(id="items", initial="sec-start"),
                      VerticalScroll(id="sec-start", classes="section-pane")):
                    rows = shutil.get_terminal_size().lines
                    count = max(FIRST_ITEMS, (rows - CHROME_LINES) // LINES_PER_ITEM + 1)
                    for n in range(1, count + 1):
                        with ItemView():
                            yield ItemHead(question(
                                f"Question {n} for the practitioner to answer in plain "
                                "words", f"FLOOR-S{n:02}", True), STATE)
                            yield agencies(n) if n == LIST_AT else AnswerChoice(
                                YES_NO_UNKNOWN, "yes")
                            yield NoteBox(f"FLOOR-S{n:02}", note_area)
        yield SteadyFooter()


if __name__ == "__main__":
    Floor().run()
