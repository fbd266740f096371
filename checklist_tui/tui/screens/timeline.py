"""Timeline: milestones and open actions against today and the EDD, overdue ones marked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from checklist_tui.core import clock
from checklist_tui.core.dates import timing_summary
from checklist_tui.tui import commands
from checklist_tui.tui.screens.base import PlanViewScreen
from checklist_tui.tui.text import lit
from checklist_tui.tui.widgets import timeline_chart


class TimelineScreen(PlanViewScreen):
    COMMANDS_DECLARED = commands.TIMELINE

    def compose(self) -> ComposeResult:
        plan = self.session.plan
        yield Static(lit(f"Timeline: {plan.case_ref}  ·  "
                         f"{timing_summary(plan.edd, plan.dob, clock.today())}"),
                     classes="title")
        with VerticalScroll():
            yield Static("", id="chart")
        yield Footer()

    def on_mount(self) -> None:
        self.draw()

    def on_resize(self) -> None:
        self.draw()

    def draw(self) -> None:
        plan = self.session.plan
        ev = self.session.evaluate()
        self.query_one("#chart", Static).update(timeline_chart.render(
            ev.due, ev.today, plan.edd, plan.dob, self.size.width - 6, plan.actions))
