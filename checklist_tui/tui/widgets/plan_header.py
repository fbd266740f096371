"""The plan header: case, checklist, timing, state and save state, in words.

Each line is a few phrases. A line that does not fit the window first uses the shorter
words the vocabulary has for its phrases (the EDD without the days to go), then a
narrower separator, and only then breaks, between two phrases, never inside one: "Saved
14:02" or "Last changed 20/11/2026 10:45" is never cut in half.
"""

from __future__ import annotations

import itertools

from rich.text import Text
from textual.widgets import Static

from checklist_tui.core.dates import plural, timing_summary
from checklist_tui.core.engine import Evaluation
from checklist_tui.core.record import Record
from checklist_tui.core.review import describe_state, open_challenges, returned_because
from checklist_tui.core.session import PlanSession
from checklist_tui.core.vocabulary import evaluation_answered
from checklist_tui.tui.screens.opening import opening as opening  # the first frame's words
from checklist_tui.tui.text import join, lit

WIDE, NARROW = "  ·  ", " · "
OVER = 1000
"""Counted as that many lines for each cell a phrase alone overflows (cut by the window)."""
TALL = 40
"""A window at least this many rows tall gives the header one more line, where that keeps
a phrase in words (at 80x24 every row is a question's)."""


class Phrase(Record):
    text: Text
    short: Text | None = None
    """The same in fewer words, used when the line does not fit."""
    rank: int = 0
    """How much its full words matter: a line that must shorten something shortens the
    phrases of lower rank first."""


class PlanHeader(Static):
    _shown: Text | None = None
    _lines: list[list[Phrase]] | None = None
    _tallest = (0, 0)
    """(width, rows): the most rows the header has taken at this width; it keeps them
    while the width stays (a new width starts again)."""
    complete = False
    """False until the whole header is shown (the third line: the men, the gaps and risks,
    pause points, challenges). Working that line out loads the gaps and pause modules, so
    in the plan's first frame it is left blank, and filled just after (#12.2), when it is
    sure to fit on the one line kept for it (``_fits_anyway``); else it is worked out
    before that frame: the header never grows a line a frame after it (every item then
    moved down a row under the reader's eyes). Blank says nothing, so it never claims that
    nothing is wrong."""
    _catching_up = False

    def show(self, session: PlanSession, ev: Evaluation) -> None:
        plan, checklist = session.plan, session.checklist.checklist
        if not self.complete and _fits_anyway(session, ev, self._width()):
            third = [Phrase(Text(" "))]  # the line is kept; filled once the frame is drawn
            if not self._catching_up:
                self._catching_up = True
                self.call_after_refresh(self._catch_up, session)
        else:
            third = [Phrase(Text(p)) for p in _men_and_gaps(session, ev)]
            self.complete = True
        flags = f"  !{plural(len(ev.red_flags), 'red flag')}" if ev.red_flags else ""
        lines = [
            [Phrase(lit(plan.case_ref, "bold")),
             Phrase(join(lit(checklist.title), f" v{plan.checklist_version}")),
             Phrase(Text(describe_state(plan))), *_changes_by(session)],
            [Phrase(lit(timing_summary(plan.edd, plan.dob, ev.today)),
                    lit(timing_summary(plan.edd, plan.dob, ev.today, short=True))),
             # in words where the line has room ("78 of 119 answered, more questions may
             # follow"), else "78/119+": questions not shown wait for answers still to
             # come (the total may grow), as F1 explains
             Phrase(Text(f"{evaluation_answered(ev, questions='')}{flags}"),
                    Text(f"{evaluation_answered(ev, short=True)}{flags}"), rank=1),
             Phrase(lit(session.state.describe(), "bold" if session.state.error else ""))],
            third,
        ]
        if returned_because(plan):
            lines.append([Phrase(lit(returned_because(plan)))])
        if session.edited_outside:
            lines.append([Phrase(lit(session.edited_outside, "bold reverse"))])
        self._lines = lines
        self._fit()

    def _catch_up(self, session: PlanSession) -> None:
        """After the first frame: the whole header, as the plan is now."""
        self.complete = True
        if self.is_mounted:
            self.show(session, session.evaluate())

    def _width(self) -> int:
        return self.content_size.width or max(20, self.app.size.width - 2)

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        if self._lines is None:
            return
        width, spare = self._width(), 1 if self.app.size.height >= TALL else 0
        text = self._fitted(width, spare)
        rows = text.plain.count("\n") + 1
        if self._tallest[0] == width and rows < self._tallest[1]:  # never shorter here:
            # a shorter phrase ("Last changed 27/11/2026 14:00" became "Saved 14:02" at
            # the first answer) moved every question up a row under the reader's eyes;
            # the rows kept hold more words where they can, else stay blank at the end
            text = self._fitted(width, spare + self._tallest[1] - rows)
            rows = text.plain.count("\n") + 1
            text = Text("\n").join([text, *[Text("")] * (self._tallest[1] - rows)])
        else:
            self._tallest = (width, rows)
        if text != self._shown:  # the same words again: no repaint, no new layout
            self._shown = text
            self.update(text)

    def _fitted(self, width: int, spare: int) -> Text:
        """The header's lines in ``width``, with up to ``spare`` more rows than they need
        (``fit``), given to the lines in turn."""
        shown: list[Text] = []
        for line in self._lines or []:
            text = fit(line, width, spare)
            if spare:  # the spare rows this line took
                spare -= text.plain.count("\n") - fit(line, width).plain.count("\n")
            shown.append(text)
        return Text("\n").join(shown)


def fit(phrases: list[Phrase], width: int, spare: int = 0) -> Text:
    """One header line in ``width`` cells, on as few lines as it can take: as it is if
    it fits; else with the least important phrases (lowest ``rank``, then the first) in
    their shorter words, one by one, keeping the most important in full; the wider
    separator where it fits. ``spare``: up to that many more lines, spent only where they
    keep a phrase of rank 1 or more in full words. A line that must break does so between
    phrases (each new line starts with a phrase, so a screen reader reads whole phrases)."""
    can = [n for n, p in enumerate(phrases) if p.short is not None]
    order = sorted(can, key=lambda n: (-phrases[n].rank, -n))  # most important first
    ranked = sum(1 for n in order if phrases[n].rank > 0)
    tried: list[tuple[int, tuple[bool, ...], int, Text]] = []
    for kept in itertools.product((True, False), repeat=len(order)):
        long = {n for n, keep in zip(order, kept, strict=True) if keep}
        parts = [p.text if n in long or p.short is None else p.short
                 for n, p in enumerate(phrases)]
        for wide, sep in enumerate((NARROW, WIDE)):
            text = _broken(parts, sep, width)
            lines = text.plain.splitlines()
            cut = sum(max(0, Text(line).cell_len - width) for line in lines)
            tried.append((len(lines) + OVER * cut, kept, wide, text))
    fewest = min(lines for lines, *_ in tried)
    # within the lines allowed: the most important phrases kept (True before False, in
    # order of importance: a spare line only for a ranked one), then the fewest lines,
    # then the wider separator
    allowed = [t for t in tried if t[0] <= fewest + spare]
    best = max(allowed, key=lambda t: (t[1][:ranked], -t[0], t[1], t[2]))
    return best[3]


def _broken(parts: list[Text], sep: str, width: int) -> Text:
    """``parts`` joined by ``sep``, broken between parts where the line is full."""
    lines: list[Text] = []
    for part in parts:
        if lines and lines[-1].cell_len + len(sep) + part.cell_len <= width:
            lines[-1] = Text(sep).join([lines[-1], part])
        else:
            lines.append(part.copy())
    return Text("\n").join(lines)


def _changes_by(session: PlanSession) -> list[Phrase]:
    """Who the changes are recorded as (look-d D12), once they said who they are, while
    the plan can be changed ("You: Morgan Example (Ward midwife)"; W changes it). Before
    that the app is asking (tui/screens/who_dialog.py), and the first frame is as it was."""
    said = session.said
    if session.read_only or said is None:
        return []
    return [Phrase(lit(f"You: {session.user}"), lit(f"You: {said.name.strip()}"))]


#: The gaps and risks a plan is allowed for when the third line's room is kept before it is
#: worked out (``_fits_anyway``): a plan with more is worked out before the first frame.
MOST_GAPS = 9999


def _fits_anyway(session: PlanSession, ev: Evaluation, width: int) -> bool:
    """True when the third line fits on one line in ``width`` whatever the gaps and pause
    points turn out to be: each of its phrases at its longest (every pause point of the
    checklist named, in the longer word; up to MOST_GAPS gaps, all about the men) still
    fits. Cheap: it needs neither the gaps nor the pause points worked out."""
    from checklist_tui.core.vocabulary import NO_LONGER_HOLDS, NOT_CONFIRMED

    word = max(NOT_CONFIRMED, NO_LONGER_HOLDS, key=len)
    pauses = [_pause_said(s.title, word) for s in session.checklist.checklist.sections
              if s.pause_point]
    waiting = len(open_challenges(session.plan))
    found = max(_found(MOST_GAPS, MOST_GAPS, ev), _found(0, 0, ev), key=len)
    longest = _third(len(ev.men), found, pauses, waiting)
    return "\n" not in fit([Phrase(Text(p)) for p in longest], width).plain


def _found(gaps: int, about_men: int, ev: Evaluation) -> str:
    """The gaps and risks phrase (without its key)."""
    from checklist_tui.core.vocabulary import no_gaps_found

    if gaps:
        return f"Gaps and risks: {gaps}" + (f", {about_men} about the men" if about_men else "")
    return no_gaps_found(ev.answered, ev.total)  # nothing found is not nothing wrong


def _pause_said(title: str, word: str) -> str:
    return f"{title}: {word} (G)"


def _third(men: int, found: str | None, pauses: list[str], waiting: int) -> list[str]:
    """The third line's phrases; ``found`` None when the gaps phrase is left out."""
    who = (f"Father and male carers: {men}" if men
           else "No father or male carer recorded (p: People)")
    return [who, *([f"{found} (G)"] if found is not None else []), *pauses,
            *([f"CHALLENGES NOT YET ANSWERED: {waiting} (r)"] if waiting else [])]


def _men_and_gaps(session: PlanSession, ev: Evaluation) -> list[str]:
    """The father and male carers counted, and the plan's gaps and risks: core.plan_gaps,
    the one list G shows and `show`, every export and the review list count."""
    from checklist_tui.core.plan_gaps import plan_gaps  # (loaded after the first frame)
    from checklist_tui.core.what_is_left import not_holding, pause_word, said_by_name

    gaps = plan_gaps(session.checklist.checklist, session.plan, ev)
    about_men = sum(1 for g in gaps if g.about_men)
    # a pause point that no longer holds, or could be confirmed and is not, is said by
    # name, and then "none" is never said (one whose items are still open is not: the
    # count answered says so)
    pauses = [_pause_said(p.title, pause_word(p))
              for p in not_holding(session.checklist.checklist, session.plan, ev)
              if said_by_name(p)]
    found = _found(len(gaps), about_men, ev) if gaps or not pauses else None
    return _third(len(ev.men), found, pauses, len(open_challenges(session.plan)))
