"""The typed base of the plan screen: the commands that open other screens.

Other screens are given the session (or return a typed result); none is given this
screen. Each ``action_*`` is declared in ``commands.PLAN``.
"""

from __future__ import annotations

from typing import Any

from checklist_tui.core import clock, edit
from checklist_tui.core.engine import Evaluation
from checklist_tui.core.outstanding import Entry
from checklist_tui.core.plan import PlanState
from checklist_tui.core.plan_details import Details
from checklist_tui.core.session import PlanSession
from checklist_tui.tui.screens.base import AppScreen
from checklist_tui.tui.widgets.item_view import ItemView


class PlanScreenBase(AppScreen):
    session: PlanSession | None
    current: str | None

    # -- provided by the plan screen ---------------------------------------------
    def show_section(self, section_id: str, focus_item: str | None = None) -> None:
        raise NotImplementedError

    def refresh_state(self) -> Evaluation | None:
        raise NotImplementedError

    def flush(self) -> bool:
        raise NotImplementedError

    # -- shared --------------------------------------------------------------------
    def _session(self) -> PlanSession:
        assert self.session is not None, "commands are refused until the plan is open"
        return self.session

    def apply(self, operation: Any, *args: Any, **kwargs: Any) -> bool:
        """An edit through the session; True if the plan changed."""
        return self.apply_edit(self._session(), operation, *args, **kwargs)

    def jump(self, section_id: str, item_id: str | None = None) -> None:
        self.show_section(section_id, focus_item=item_id)

    # -- commands ------------------------------------------------------------------
    def action_outstanding(self) -> None:
        from checklist_tui.tui.screens.outstanding_view import OutstandingScreen

        self.app.push_screen(OutstandingScreen(self._session()), self._follow)

    def _follow(self, target: Entry | None) -> None:
        if target is None:
            return
        if target.page:
            self._records(target.page)
        elif target.section_id:
            self.jump(target.section_id, target.item_id)

    def _records(self, page: str) -> None:
        from checklist_tui.tui.screens.records import RecordsScreen

        self.app.push_screen(RecordsScreen(self._session(), page), self._returned)

    def _returned(self, _result: object = None) -> None:
        self.refresh_state()

    def action_people(self) -> None:
        self._records("people")

    def action_agencies(self) -> None:
        self._records("agencies")

    def action_actions(self) -> None:
        self._records("actions")

    def action_timeline(self) -> None:
        from checklist_tui.tui.screens.timeline import TimelineScreen

        self.app.push_screen(TimelineScreen(self._session()))

    def action_export(self) -> None:
        from checklist_tui.tui.screens.export import ExportScreen

        self.flush()
        self.app.push_screen(ExportScreen(self._session(), self.app.sources()))

    def action_details(self) -> None:
        from checklist_tui.tui.screens.details import DetailsScreen

        self.app.push_screen(DetailsScreen(self._session().plan), self._details)

    def _details(self, details: Details | None) -> None:
        if details is not None:
            self.apply(edit.set_details, **details.fields())
        self.refresh_state()

    def action_acknowledge(self) -> None:
        from checklist_tui.tui.screens.acknowledge import AcknowledgeScreen

        ev = self._session().evaluate()
        pending = [f for f in ev.fired if f.section_id == self.current
                   and f.needs_acknowledgement]
        if not pending:
            self.notify("No warnings to acknowledge in this section.")
            return
        self.app.push_screen(AcknowledgeScreen(pending[0]), self._acknowledged)

    def _acknowledged(self, result: tuple[str, str] | None) -> None:
        if result:
            rule_id, reason = result
            self.apply(edit.acknowledge, rule_id, reason)
            self.refresh_state()

    def action_complete(self) -> None:
        from checklist_tui.tui.screens.message import MessageScreen

        session = self._session()
        blockers = session.evaluate().blockers()
        if blockers:
            shown = blockers[:12] + ([f"…and {len(blockers) - 12} more"]
                                     if len(blockers) > 12 else [])
            self.app.push_screen(MessageScreen(
                "Not ready to mark complete", ["Still to do:", *[f"- {b}" for b in shown],
                                               "", "Press o to see everything outstanding."]))
            return
        if self.apply(edit.change_state, session.checklist.checklist, PlanState.COMPLETED,
                      today=clock.today()):
            self.notify("Plan marked complete.")
        self.refresh_state()

    def action_help(self) -> None:
        from checklist_tui.tui.screens.help import HelpScreen

        focused = self.app.focused
        view = next((w for w in (focused.ancestors_with_self if focused else [])
                     if isinstance(w, ItemView)), None)
        self.app.push_screen(HelpScreen(view.item if view else None, self.HELP))
