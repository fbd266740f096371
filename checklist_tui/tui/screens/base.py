"""What every full screen shares: a typed app, help from its HELP text, one rule for
commands, and edits applied through the open plan's session."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.screen import Screen

from checklist_tui.core.errors import UserFacingError
from checklist_tui.core.session import PlanSession
from checklist_tui.tui.commands import Command

if TYPE_CHECKING:
    from checklist_tui.tui.app import ChecklistApp


class AppScreen(Screen[Any]):
    COMMANDS_DECLARED: list[Command] = []
    HELP = ""
    """One or two sentences on this screen, shown above the app's help."""

    @property
    def app(self) -> ChecklistApp:  # type: ignore[override]
        return cast("ChecklistApp", super().app)

    @property
    def read_only(self) -> bool:
        return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Commands that change the plan are refused (and hidden) while it is read-only."""
        command = next((c for c in self.COMMANDS_DECLARED if c.action == action), None)
        return not (command is not None and command.writes and self.read_only)

    def apply_edit(self, session: PlanSession, operation: Any, *args: Any, **kwargs: Any) -> bool:
        """An edit through the session (the one writer); a refusal is said, not raised.
        True if the plan changed (the session's listener then schedules the save)."""
        try:
            return session.edit(operation, *args, **kwargs)
        except UserFacingError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return False

    def action_help(self) -> None:
        from checklist_tui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(None, self.HELP))
