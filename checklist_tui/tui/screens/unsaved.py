"""Asked when leaving while answers are not on disk: stay, write a copy, or lose them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from checklist_tui.tui.text import lit

STAY, COPY, LOSE = "stay", "copy", "lose"


class UnsavedScreen(ModalScreen[tuple[str, str]]):
    """Dismisses with (choice, folder): STAY, (COPY, folder typed) or LOSE."""

    BINDINGS = [Binding("escape", "stay", "Stay", id="close")]

    def __init__(self, reason: str, leave_words: str, folder: str):
        super().__init__()
        self.reason, self.leave_words, self.folder = reason, leave_words, folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="unsaved"):
            yield Static(lit("Your latest answers are NOT SAVED", "bold"), classes="title")
            yield Static(lit(
                f"They could not be written ({self.reason}). Stay and keep trying, write a "
                f"copy to another folder, or {self.leave_words} and lose them?"),
                id="unsaved-sentence")
            yield Static("Folder for the copy:", classes="field-label")
            yield Input(self.folder, id="copy-folder")
            with Horizontal(classes="buttons"):
                yield Button("Stay", id="stay", variant="primary", compact=True)
                yield Button("Write a copy", id="copy", compact=True)
                yield Button(f"{self.leave_words.capitalize()} and lose them", id="lose",
                             variant="error", compact=True)

    def on_mount(self) -> None:
        self.query_one("#stay", Button).focus()

    def action_stay(self) -> None:
        self.dismiss((STAY, ""))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss((COPY, event.value.strip()))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        choice = event.button.id or STAY
        self.dismiss((choice, self.query_one("#copy-folder", Input).value.strip()))


def ask_before_leaving(app, sessions: list, leave_words: str, leave) -> None:
    """Show the question for these unsaved sessions; ``leave(note)`` runs if the user
    chooses to go (``note`` says what happened to the answers, for the exit message)."""
    from checklist_tui.core import locations
    from checklist_tui.core.errors import UserFacingError

    reason = "; ".join(s.state.error.removeprefix("NOT SAVED: ") for s in sessions) or \
        "the plan folder cannot be written"

    def chosen(result: tuple[str, str] | None) -> None:
        choice, folder = result or (STAY, "")
        if choice == LOSE:
            names = ", ".join(s.loaded.path.name for s in sessions)
            leave(f"Your latest answers to {names} were NOT saved: {reason}", False)
        elif choice == COPY:
            try:
                copies = [s.write_copy(folder) for s in sessions]
            except UserFacingError as exc:
                app.notify(str(exc), title="Copy not written", severity="error",
                           markup=False, timeout=15)
                return
            where = ", ".join(str(p) for p in copies)
            leave(f"The plan could not be saved in its folder; a copy with all your answers "
                  f"was written to {where}", True)

    default = str(locations.rescue_dir())
    app.push_screen(UnsavedScreen(reason, leave_words, default), chosen)
