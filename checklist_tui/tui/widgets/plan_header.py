"""The plan header: case, checklist, timing, state and save state, in words."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from checklist_tui.core.dates import timing_summary
from checklist_tui.core.engine import Evaluation
from checklist_tui.core.gaps import gaps_and_risks
from checklist_tui.core.review import describe_state, open_challenges, returned_because
from checklist_tui.core.session import PlanSession
from checklist_tui.core.vocabulary import no_gaps_found
from checklist_tui.tui.screens.opening import opening as opening  # the first frame's words
from checklist_tui.tui.text import join, lit


class PlanHeader(Static):
    _shown: Text | None = None

    def show(self, session: PlanSession, ev: Evaluation) -> None:
        plan, checklist = session.plan, session.checklist.checklist
        flags = f"  !{len(ev.red_flags)} red flag" if ev.red_flags else ""
        text = join(
            lit(plan.case_ref, "bold"), "  ", lit(checklist.title), f" v{plan.checklist_version}",
            "  ", describe_state(plan), "\n",
            lit(timing_summary(plan.edd, plan.dob, ev.today)),
            f"  ·  {ev.answered}/{ev.total} answered{flags}  ·  ",
            lit(session.state.describe(), "bold" if session.state.error else ""), "\n",
            _men_and_gaps(session, ev),
            *(("\n", lit(returned_because(plan))) if returned_because(plan) else ()),
            *(("\n", lit(session.edited_outside, "bold reverse")) if session.edited_outside
              else ()),
        )
        if text != self._shown:  # the same words again: no repaint, no new layout
            self._shown = text
            self.update(text)


def _men_and_gaps(session: PlanSession, ev: Evaluation) -> str:
    """The father and male carers counted, and the gaps and risks (r lists them)."""
    gaps = gaps_and_risks(session.checklist.checklist, session.plan, ev)
    men = len(ev.men)
    about_men = sum(1 for g in gaps if g.about_men)
    who = (f"Father and male carers: {men}" if men
           else "No father or male carer recorded (p: People)")
    waiting = len(open_challenges(session.plan))
    asked = (f"  ·  CHALLENGES NOT YET ANSWERED: {waiting} (r)" if waiting else "")
    if gaps:
        found = f"Gaps and risks: {len(gaps)}" + (f", {about_men} about the men" if about_men
                                                  else "")
    else:
        found = no_gaps_found(ev.answered, ev.total)
    return f"{who}  ·  {found} (G){asked}"
