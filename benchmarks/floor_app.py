"""The floor for the start-up benchmark: the plan screen's widgets with static data.

The same widget types, layout and styles (``app.tcss``) as ``checklist-tui open PLAN``
at first paint (a header, the section list, the section title, the banner, four
items each with a prompt, a yes/no radio set, a note box and a state line, the
footer), but no checklist, no plan, no pydantic and no core. Whatever the real app
costs above this is the price of reading and checking the plan.
"""

from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import (
    ContentSwitcher,
    Footer,
    OptionList,
    RadioButton,
    RadioSet,
    Static,
    TextArea,
)

CSS = Path(__file__).resolve().parent.parent / "checklist_tui" / "tui" / "app.tcss"
SECTIONS = ["Starting the assessment", "The father and other male carers", "Agencies",
            "History and risks", "Relationship", "Parenting capacity", "Support network",
            "The plan", "Looked-after parent", "Birth and discharge", "Review"]


class Floor(App):
    CSS_PATH = str(CSS)

    def compose(self) -> ComposeResult:
        yield Static("FLOOR-0002  Pre-birth assessment v2.0.0  Draft\nEDD 27/01/2027: 31+1 "
                     "weeks today  ·  37/69 answered  ·  Last changed 24/11/2026 10:00",
                     id="plan-header")
        with Horizontal(id="plan-body"):
            yield OptionList(*[f"• 3/7     {title}" for title in SECTIONS], id="sections")
            with Vertical(id="plan-main"):
                yield Static("Section 1 of 11: Starting the assessment", id="section-title")
                yield Static("", id="banner")
                with (ContentSwitcher(id="items", initial="sec-start"),
                      VerticalScroll(id="sec-start", classes="section-pane")):
                    for n in range(1, 5):
                        with Vertical(classes="item"):
                            yield Static(f"* Question {n} for the practitioner to answer "
                                         f"in plain words  (FLOOR-S0{n})", classes="prompt")
                            yield RadioSet(RadioButton("Yes", value=True), RadioButton("No"),
                                           RadioButton("Unknown"))
                            yield TextArea("", placeholder="Note (optional)", compact=True,
                                           classes="note")
                            yield Static("Source: not recorded (s)", classes="state")
        yield Footer()


if __name__ == "__main__":
    Floor().run()
