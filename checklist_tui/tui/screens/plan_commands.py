"""The plan screen's commands that open other screens (kept apart to keep plan.py small)."""

from __future__ import annotations

from checklist_tui.core import clock, edit
from checklist_tui.core.outstanding import Entry
from checklist_tui.core.plan import PlanState
from checklist_tui.tui.widgets.item_view import ItemView


class PlanCommands:
    """Mixed into PlanScreen: each action_* is declared in commands.PLAN."""

    def jump(self, section_id: str, item_id: str | None = None) -> None:
        self.show_section(section_id, focus_item=item_id)

    def action_outstanding(self) -> None:
        from checklist_tui.tui.screens.outstanding_view import OutstandingScreen

        self.app.push_screen(OutstandingScreen(self.session), self._follow)

    def _follow(self, target: Entry | None) -> None:
        if target is None:
            return
        if target.page:
            self._records(target.page)
        elif target.section_id:
            self.jump(target.section_id, target.item_id)

    def _records(self, page: str) -> None:
        from checklist_tui.tui.screens.records import RecordsScreen

        self.app.push_screen(RecordsScreen(self, page), lambda _r: self.refresh_state())

    def action_people(self) -> None:
        self._records("people")

    def action_agencies(self) -> None:
        self._records("agencies")

    def action_actions(self) -> None:
        self._records("actions")

    def action_timeline(self) -> None:
        from checklist_tui.tui.screens.timeline import TimelineScreen

        self.app.push_screen(TimelineScreen(self.session))

    def action_export(self) -> None:
        from checklist_tui.tui.screens.export import ExportScreen

        self.flush()
        self.app.push_screen(ExportScreen(self.session, self.app.sources()))

    def action_details(self) -> None:
        from checklist_tui.tui.screens.details import DetailsScreen

        self.app.push_screen(DetailsScreen(self), lambda _r: self.refresh_state())

    def action_acknowledge(self) -> None:
        from checklist_tui.tui.screens.acknowledge import AcknowledgeScreen

        ev = self.session.evaluate()
        pending = [f for f in ev.fired if f.section_id == self.current and f.blocking
                   and f.severity.value == "warning"]
        if not pending:
            self.notify("No warnings to acknowledge in this section.")
            return
        self.app.push_screen(AcknowledgeScreen(pending[0]), self._acknowledged)

    def _acknowledged(self, result) -> None:
        if result:
            rule_id, reason = result
            self._apply(edit.acknowledge, rule_id, reason)
            self.refresh_state()

    def action_complete(self) -> None:
        from checklist_tui.tui.screens.message import MessageScreen

        blockers = self.session.evaluate().blockers()
        if blockers:
            shown = blockers[:12] + ([f"…and {len(blockers) - 12} more"]
                                     if len(blockers) > 12 else [])
            self.app.push_screen(MessageScreen(
                "Not ready to mark complete", ["Still to do:", *[f"- {b}" for b in shown],
                                               "", "Press o to see everything outstanding."]))
            return
        if self._apply(edit.change_state, self.session.checklist.checklist, PlanState.COMPLETED,
                       today=clock.today()):
            self.notify("Plan marked complete.")
        self.refresh_state()

    def action_help(self) -> None:
        from checklist_tui.tui.screens.help import HelpScreen

        focused = self.app.focused
        view = next((w for w in (focused.ancestors_with_self if focused else [])
                     if isinstance(w, ItemView)), None)
        self.app.push_screen(HelpScreen(view.item if view else None, self.HELP))

