"""Why a finished plan is being changed: asked the first time a completed, submitted or
approved plan is changed (the core refuses with ``ReasonNeeded`` until it has a reason).

The reason goes into the plan's history through ``core.review.reopen``; for an approved
plan the dialog says plainly that the change voids the sign-off. "Don't change it" (or
Escape) changes nothing.
Every change asked for while the dialog is open waits for it, and is made after it.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Button, Input, Label, Static

from checklist_tui.core import clock, review
from checklist_tui.core.errors import ReasonNeeded, UserFacingError
from checklist_tui.core.reopen_words import (
    CHANGE_IT,
    NOTHING_CHANGED,
    REASON_QUESTION,
    VOID_AND_CHANGE,
    change_words,
    explanation,
    not_a_reason,
)
from checklist_tui.core.session import PlanSession
from checklist_tui.tui.screens.form import FormScreen
from checklist_tui.tui.text import lit
from checklist_tui.tui.widgets.line_box import LineBox


class ReasonScreen(FormScreen[str]):
    """Asks for the reason; dismisses with it, or None when cancelled."""

    SAVE_WORDS = CHANGE_IT
    CANCEL_WORDS = "Don't change it"
    BINDINGS = [Binding("tab", "to_reason", show=False)]

    def __init__(self, text: str, voids_signoff: bool, typed_for: str = "", state: str = ""):
        super().__init__()
        self.text, self.voids_signoff = text, voids_signoff
        self.typed_for = typed_for
        if typed_for:  # nothing focused: typing goes on being kept; Tab goes to the reason
            self.AUTO_FOCUS = ""  # type: ignore[misc]  # this dialog only
        """The box being typed in, when the question stopped the typing (see
        ``reason_first``): what is typed goes on being kept for it, and Tab goes to the
        reason."""
        # look-a 15: "Change a finished plan? Cancel changes nothing" read oddly
        self.title = (f"This plan is {state.lower()}: why change it?" if state else
                      "This plan is signed off: why change it?" if voids_signoff else
                      "This plan is finished: why change it?")

    def fields(self) -> ComposeResult:
        yield Static(lit(self.text), id="reason-text")
        if self.typed_for:
            yield Static("", id="typed-ahead")
        yield Label(f"{REASON_QUESTION} *",
                    classes="field-label")
        yield LineBox(id="reason", placeholder="e.g. The birth date was wrong", compact=True,
                      max_length=2000)

    def on_mount(self) -> None:
        if self.voids_signoff:
            save = self.query_one("#save", Button)
            save.label, save.variant = VOID_AND_CHANGE, "warning"
        if self.typed_for:
            self.show_typed(self._typed_ahead)
        else:
            self.query_one("#reason", Input).focus()

    _typed_ahead = ""

    def show_typed(self, typed: str) -> None:
        """What was typed for the box meanwhile, kept for it: Tab goes to the reason."""
        self._typed_ahead = typed
        if self.is_mounted:
            self.query_one("#typed-ahead", Static).update(lit(
                f"Press Tab to give the reason. What you type for {self.typed_for} is "
                f"kept and goes in once you give it: \"{typed}\""))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_reason":  # only while typing is being kept: else Tab as ever
            return self.focused is None
        return super().check_action(action, parameters)

    def action_to_reason(self) -> None:
        """Tab when the question stopped the typing: to the reason (the frame around the
        fields is the first thing Tab would otherwise reach)."""
        self.set_focus(self.query_one("#reason", Input))

    def save(self) -> None:
        field = self.query_one("#reason", Input)
        reason = field.value.strip()
        problem = not_a_reason(reason)  # the core's rule, as in plain mode
        if problem:
            self.refuse(problem, field)
            return
        self.dismiss(reason)


class ReasonAsker:
    """One dialog at a time per session: changes asked for meanwhile wait for it."""

    def __init__(self) -> None:
        self.waiting: list[tuple[Callable[[], object], Callable[[bool], None]]] = []

    def ask(self, screen, session: PlanSession, exc: ReasonNeeded,
            retry: Callable[[], object], done: Callable[[bool], None],
            change: str = "", typed_for: str = "") -> None:
        """Ask for the reason, then reopen the plan with it and ``retry`` the change;
        ``done(True)`` after a retried change, ``done(False)`` when cancelled. ``change``
        says in words what is being changed; ``typed_for`` names the box whose typing
        the question stopped."""
        self.waiting.append((retry, done))
        if len(self.waiting) > 1:
            return
        text = explanation(exc, review.describe_signoff(session.plan), change)
        screen.app.push_screen(ReasonScreen(text, exc.voids_signoff, typed_for,
                                            exc.state_label),
                               lambda reason: self._answered(screen, session, reason))

    def _answered(self, screen, session: PlanSession, reason: str | None) -> None:
        waiting, self.waiting = self.waiting, []
        if reason is not None:
            try:
                session.edit(review.reopen, session.checklist.checklist, reason,
                             today=clock.today())
            except UserFacingError as exc:
                screen.notify(str(exc), severity="error", markup=False)
                reason = None
        if reason is None:
            screen.notify(NOTHING_CHANGED, markup=False)
        for retry, done in waiting:
            if reason is not None:
                try:
                    retry()
                except UserFacingError as exc:
                    screen.notify(str(exc), severity="error", markup=False)
            done(reason is not None)


def describe_change(session: PlanSession, args: tuple) -> str:
    """The item an edit is about, in words ('' when it is not about one item)."""
    return change_words(session.checklist.checklist, args)


def asker(app) -> ReasonAsker:
    """The app's one reason dialog (every screen editing a plan shares it)."""
    found = getattr(app, "_reason_asker", None)
    if found is None:
        found = ReasonAsker()
        app._reason_asker = found
    return found
