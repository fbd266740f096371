"""A typed date the plan cannot take: said beside its box until it is put right.

A date answer is passed on only once it reads as a date. Until then the box keeps what
was typed (nothing is thrown away) and the line under it says, in one sentence, that it
is not saved and how to write the date, and what the plan keeps meanwhile. A toast went
after a few seconds and left '5/11/26' in the box as if it were the answer.
"""

from __future__ import annotations

from datetime import date

from textual.widget import Widget
from textual.widgets import Static

from checklist_tui.core.dates import not_a_date, parse_date, uk_date


def date_problem(text: str, kept: object) -> str | None:
    """The sentence to show for ``text`` typed as a date (None: it reads as a date, or
    the box is empty). ``kept``: what the plan holds for the item meanwhile."""
    text = text.strip()
    if not text:
        return None
    try:
        parse_date(text)
    except ValueError:
        keeps = f"the plan keeps {uk_date(kept)}" if isinstance(kept, date) else \
            "the plan holds no date for this question yet"
        return f"NOT SAVED: {not_a_date(text)} ({keeps})."
    return None


def show_problem(view: Widget, box: Widget, problem: str | None) -> None:
    """Show ``problem`` under ``box`` (or take the line away once it is put right)."""
    lines = view.query(".date-problem")
    if problem is None:
        box.remove_class("not-saved")
        lines.remove()
        return
    box.add_class("not-saved")
    if lines:
        lines.first(Static).update(problem)
    else:
        view.mount(Static(problem, classes="date-problem", markup=False), after=box)
