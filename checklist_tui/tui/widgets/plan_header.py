"""The plan header: case, checklist, timing, state and save state, in words.

Each line is a few phrases. A line that does not fit the window first uses the shorter
words the vocabulary has for its phrases (the EDD without the days to go), then a
narrower separator, and only then breaks, between two phrases, never inside one: "Saved
14:02" or "Last changed 20/11/2026 10:45" is never cut in half.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from checklist_tui.core.dates import plural, timing_summary
from checklist_tui.core.engine import Evaluation
from checklist_tui.core.record import Record
from checklist_tui.core.review import describe_state, open_challenges, returned_because
from checklist_tui.core.session import PlanSession
from checklist_tui.tui.screens.opening import opening as opening  # the first frame's words
from checklist_tui.tui.text import join, lit

WIDE, NARROW = "  ·  ", " · "


class Phrase(Record):
    text: Text
    short: Text | None = None
    """The same in fewer words, used when the line does not fit."""


class PlanHeader(Static):
    _shown: Text | None = None
    _lines: list[list[Phrase]] | None = None
    complete = False
    """False while the header shows only the case reference (the plan is opening); True
    once it shows the plan, all of it. The third line (the men, the gaps and risks, pause
    points, challenges) is worked out before the plan's first frame, not a frame after it:
    when it wraps, the header then grew a line and every item moved down a row under
    the reader's eyes (#12.2)."""

    def show(self, session: PlanSession, ev: Evaluation) -> None:
        plan, checklist = session.plan, session.checklist.checklist
        third = [Phrase(Text(p)) for p in _men_and_gaps(session, ev)]
        flags = f"  !{plural(len(ev.red_flags), 'red flag')}" if ev.red_flags else ""
        lines = [
            [Phrase(lit(plan.case_ref, "bold")),
             Phrase(join(lit(checklist.title), f" v{plan.checklist_version}")),
             Phrase(Text(describe_state(plan)))],
            [Phrase(lit(timing_summary(plan.edd, plan.dob, ev.today)),
                    lit(timing_summary(plan.edd, plan.dob, ev.today, short=True))),
             Phrase(Text(f"{ev.answered}/{ev.total} answered{flags}")),
             Phrase(lit(session.state.describe(), "bold" if session.state.error else ""))],
            third,
        ]
        if returned_because(plan):
            lines.append([Phrase(lit(returned_because(plan)))])
        if session.edited_outside:
            lines.append([Phrase(lit(session.edited_outside, "bold reverse"))])
        self._lines = lines
        self.complete = True
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        if self._lines is None:
            return
        width = self.content_size.width or max(20, self.app.size.width - 2)
        text = Text("\n").join(fit(line, width) for line in self._lines)
        if text != self._shown:  # the same words again: no repaint, no new layout
            self._shown = text
            self.update(text)


def fit(phrases: list[Phrase], width: int) -> Text:
    """One header line in ``width`` cells: as it is if it fits; else in shorter words;
    else with a narrower separator; else broken between phrases (each new line starts
    with a phrase, so a screen reader reads whole phrases)."""
    full = [p.text for p in phrases]
    short = [p.short or p.text for p in phrases]
    for parts, sep in ((full, WIDE), (short, WIDE), (short, NARROW)):
        line = Text(sep).join(parts)
        if line.cell_len <= width:
            return line
    lines: list[Text] = []
    for part in short:
        if lines and lines[-1].cell_len + len(NARROW) + part.cell_len <= width:
            lines[-1] = Text(NARROW).join([lines[-1], part])
        else:
            lines.append(part.copy())
    return Text("\n").join(lines)


def _men_and_gaps(session: PlanSession, ev: Evaluation) -> list[str]:
    """The father and male carers counted, and the plan's gaps and risks: core.plan_gaps,
    the one list G shows and `show`, every export and the review list count."""
    from checklist_tui.core.plan_gaps import plan_gaps
    from checklist_tui.core.vocabulary import no_gaps_found
    from checklist_tui.core.what_is_left import not_holding, pause_word, said_by_name

    gaps = plan_gaps(session.checklist.checklist, session.plan, ev)
    men = len(ev.men)
    about_men = sum(1 for g in gaps if g.about_men)
    who = (f"Father and male carers: {men}" if men
           else "No father or male carer recorded (p: People)")
    waiting = len(open_challenges(session.plan))
    # a pause point that no longer holds, or could be confirmed and is not, is said by
    # name, and then "none" is never said (one whose items are still open is not: the
    # count answered says so)
    pauses = [f"{p.title}: {pause_word(p)} (G)"
              for p in not_holding(session.checklist.checklist, session.plan, ev)
              if said_by_name(p)]
    if gaps:
        found = f"Gaps and risks: {len(gaps)}" + (f", {about_men} about the men" if about_men
                                                  else "")
    else:  # nothing found is not nothing wrong: say how much is still unasked
        found = no_gaps_found(ev.answered, ev.total)
    return [who, *([f"{found} (G)"] if gaps or not pauses else []), *pauses,
            *([f"CHALLENGES NOT YET ANSWERED: {waiting} (r)"] if waiting else [])]
