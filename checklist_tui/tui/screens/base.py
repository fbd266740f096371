"""What every full screen shares: a typed app, help from its help command, key bindings from
the commands it declares, one rule for commands, and edits applied through the open plan's
session. ``PlanViewScreen``: a full screen over the open plan, opened from the plan screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.screen import Screen

from checklist_tui.core.errors import ReasonNeeded, Refused, UserFacingError
from checklist_tui.core.session import PlanSession
from checklist_tui.tui.commands import Command, bindings
from checklist_tui.tui.focus_order import moved_in_screen_order

if TYPE_CHECKING:
    from textual import events
    from textual.widget import Widget

    from checklist_tui.tui.app import ChecklistApp


class AppScreen(Screen[Any]):
    COMMANDS_DECLARED: list[Command] = []

    def __init_subclass__(cls, **kwargs: Any) -> None:
        if "HELP" in cls.__dict__:  # it would never be shown: say so at once
            raise TypeError(f"{cls.__name__}: declare the screen's help sentence with "
                            "commands.help_on(...) in its commands, not HELP")
        # A screen's keys are its declared commands' keys: set before Textual merges them.
        if "COMMANDS_DECLARED" in cls.__dict__ and "BINDINGS" not in cls.__dict__:
            cls.BINDINGS = bindings(cls.COMMANDS_DECLARED)
        super().__init_subclass__(**kwargs)

    def focus_next(self, selector: Any = "*") -> Widget | None:
        """Textual's, unless the focused widget is not laid out yet (tui.focus_order)."""
        if selector == "*" and moved_in_screen_order(self, 1):
            return self.focused
        return super().focus_next(selector)

    def focus_previous(self, selector: Any = "*") -> Widget | None:
        if selector == "*" and moved_in_screen_order(self, -1):
            return self.focused
        return super().focus_previous(selector)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """Shown for the first time, the screen's widgets were styled as they were mounted,
        just before. Textual styles every widget of a screen again each time it is shown
        (for a screen coming back, whose styles may have changed while it was covered);
        the first time, that pass changes nothing, and it was the largest single piece of
        work before a plan's first frame: every item styled twice (#12.2). It is kept for
        every later showing. (Textual calls this before its own ``_on_screen_resume``.)"""
        if self.stack_updates == 0:  # never shown nor covered before
            event.refresh_styles = False

    @property
    def app(self) -> ChecklistApp:  # type: ignore[override]
        return cast("ChecklistApp", super().app)

    @property
    def screen_help(self) -> str:
        """One or two sentences on this screen, shown above the app's help: declared with
        the screen's help command in ``commands.py``."""
        return next((c.screen_help for c in self.COMMANDS_DECLARED if c.id == "help"), "")

    @property
    def read_only(self) -> bool:
        return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Commands that change the plan are refused (and hidden) while it is read-only."""
        command = next((c for c in self.COMMANDS_DECLARED
                        if (c.action, c.parameters) == (action, parameters)), None)
        return not (command is not None and command.writes and self.read_only)

    def apply_edit(self, session: PlanSession, operation: Any, *args: Any, **kwargs: Any) -> bool:
        """An edit through the session (the one writer); a refusal is said, not raised.
        True if the plan changed (the session's listener then schedules the save).

        The first change to a finished plan asks why (``screens.reason``) and returns
        False; once a reason is given the change is made, then ``after_reason`` is called."""
        try:
            return session.edit(operation, *args, **kwargs)
        except ReasonNeeded as exc:
            from checklist_tui.tui.screens.reason import asker, describe_change

            asker(self.app).ask(self, session, exc,
                                lambda: session.edit(operation, *args, **kwargs),
                                lambda changed: self.after_reason(changed, args),
                                describe_change(session, args))
            return False
        except Refused as exc:  # for several reasons: every one is said
            self.refused(exc)
            return False
        except UserFacingError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return False

    def refused(self, exc: Refused, title: str = "Nothing was changed",
                after: tuple[str, ...] = ()) -> None:
        """A step refused for several reasons: every reason, one a line, in a dialog that
        scrolls (a notification said the first and "and 42 more"). One reason is said
        whole in a notification, as any other refusal."""
        from checklist_tui.tui.screens.message import MessageScreen

        if len(exc.reasons) <= 1:
            self.notify(str(exc), severity="error", markup=False)
            return
        opening = exc.opening[:1].upper() + exc.opening[1:]
        self.app.push_screen(MessageScreen(title, [f"{opening}:",
                                                   *[f"- {r}" for r in exc.reasons], *after]))

    def after_reason(self, changed: bool, args: tuple[Any, ...]) -> None:
        """After the reason dialog: ``changed`` when the change asked for was made (False
        when it was cancelled); ``args`` are the edit's arguments. Screens show the plan
        as it now is."""

    def action_help(self) -> None:
        from checklist_tui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(None, self.screen_help))


class PlanViewScreen(AppScreen):
    """A full screen over the open plan, opened from the plan screen (Outstanding, Gaps and
    risks, Timeline, Records, Distribution): it reads and changes the plan through the
    plan's session, is read-only when the plan is, and Escape goes back with nothing."""

    def __init__(self, session: PlanSession) -> None:
        super().__init__()
        self.session = session

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    def action_back(self) -> None:
        self.dismiss(None)
