"""What every full screen shares: help from its HELP text, and one rule for commands."""

from __future__ import annotations

from textual.screen import Screen

from checklist_tui.tui.commands import Command


class AppScreen(Screen):
    COMMANDS_DECLARED: list[Command] = []
    HELP = ""
    """One or two sentences on this screen, shown above the app's help."""

    @property
    def read_only(self) -> bool:
        return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Commands that change the plan are refused (and hidden) while it is read-only."""
        command = next((c for c in self.COMMANDS_DECLARED if c.action == action), None)
        return not (command is not None and command.writes and self.read_only)

    def action_help(self) -> None:
        from checklist_tui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(None, self.HELP))
