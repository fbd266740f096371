"""Asked when leaving while answers are not on disk: when saving failed, or when a save
is taking long (the plan's folder is not answering). The question says exactly what
would be lost ("your last 2 changes (the answers to PBA-F01 and PBA-F02)"); the choices
are to stay (or keep waiting), write a copy to another folder, or leave and lose them.
Never a silent loss, and never a hang without a word."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from checklist_tui.tui.text import lit
from checklist_tui.tui.widgets.line_box import LineBox

STAY, COPY, LOSE, WAIT = "stay", "copy", "lose", "wait"

#: How long leaving waits for a save quietly before it says so and asks.
PATIENCE_SECONDS = 4.0


class UnsavedScreen(ModalScreen[tuple[str, str]]):
    """Dismisses with (choice, folder): STAY, WAIT, (COPY, folder typed) or LOSE.
    With ``waiting_since`` (a save still running), it says how long it has waited."""

    BINDINGS = [Binding("escape", "stay", "Stay", id="close")]

    def __init__(self, reason: str, leave_words: str, folder: str, lost: str = "",
                 waiting_since: float | None = None):
        super().__init__()
        self.reason, self.leave_words, self.folder = reason, leave_words, folder
        self.lost = lost or "your latest answers"
        self.waiting_since = waiting_since

    def compose(self) -> ComposeResult:
        waiting = self.waiting_since is not None
        title = "Still saving your latest answers" if waiting else \
            "Your latest answers are NOT SAVED"
        with Vertical(classes="dialog", id="unsaved"):
            yield Static(lit(title, "bold"), classes="title")
            yield Static(lit(self.sentence()), id="unsaved-sentence")
            yield Static("Folder for the copy:", classes="field-label")
            yield LineBox(self.folder, id="copy-folder")
            with Horizontal(classes="buttons"):
                if waiting:
                    yield Button("Keep waiting", id=WAIT, variant="primary", compact=True)
                else:
                    yield Button("Stay", id=STAY, variant="primary", compact=True)
                yield Button("Write a copy", id=COPY, compact=True)
                yield Button(f"{self.leave_words.capitalize()} and lose them", id=LOSE,
                             variant="error", compact=True)

    def sentence(self) -> str:
        leave = self.leave_words
        if self.waiting_since is None:
            return (f"They could not be written ({self.reason}). If you {leave} now, "
                    f"{self.lost} will be lost. Stay and keep trying, write a copy to "
                    f"another folder, or {leave} and lose them?")
        waited = int(time.monotonic() - self.waiting_since)
        return (f"The plan's folder has not answered for {waited} seconds. If you {leave} "
                f"now, {self.lost} will not be saved. Keep waiting (this closes by itself "
                f"once they are saved, and you {leave}), write a copy to another folder, "
                f"or {leave} and lose them? Escape: stay in the app.")

    def on_mount(self) -> None:
        self.query_one(".buttons Button").focus()
        if self.waiting_since is not None:
            self.set_interval(1.0, self._tick)

    def _tick(self) -> None:
        self.query_one("#unsaved-sentence", Static).update(lit(self.sentence()))

    def action_stay(self) -> None:
        self.dismiss((STAY, ""))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss((COPY, event.value.strip()))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        choice = event.button.id or STAY
        self.dismiss((choice, self.query_one("#copy-folder", Input).value.strip()))


def _reason(sessions: list) -> str:
    return "; ".join(s.state.error.removeprefix("NOT SAVED: ") for s in sessions
                     if s.state.error) or "the plan folder cannot be written"


def _lost(sessions: list) -> str:
    """What leaving would lose, plan by plan, in words."""
    if len(sessions) == 1:
        return sessions[0].not_on_disk()
    return "; ".join(f"in {s.loaded.path.name}, {s.not_on_disk()}" for s in sessions)


def _default_folder() -> str:
    from checklist_tui.core import locations

    return str(locations.rescue_dir())


def _decided(app, sessions: list, choice: str, folder: str, leave, reason: str) -> bool:
    """Carry out LOSE or COPY (True: ``leave`` was called); STAY and WAIT do nothing."""
    from checklist_tui.core.errors import UserFacingError

    if choice == LOSE:
        names = ", ".join(s.loaded.path.name for s in sessions)
        lost = _lost(sessions)
        for session in sessions:
            session.abandoned = True
        leave(f"NOT saved in {names}: {lost} ({reason})", False)
        return True
    if choice == COPY:
        try:
            copies = [s.write_copy(folder) for s in sessions]
        except UserFacingError as exc:
            app.notify(str(exc), title="Copy not written", severity="error",
                       markup=False, timeout=15)
            return False
        for session in sessions:
            session.abandoned = True
        where = ", ".join(str(p) for p in copies)
        leave(f"The plan could not be saved in its folder; a copy with all your answers "
              f"was written to {where}", True)
        return True
    return False


def ask_before_leaving(app, sessions: list, leave_words: str, leave) -> None:
    """Show the question for these unsaved sessions; ``leave(note, kept)`` runs if the user
    chooses to go (``note`` says what happened to the answers, for the exit message)."""
    reason = _reason(sessions)

    def chosen(result: tuple[str, str] | None) -> None:
        choice, folder = result or (STAY, "")
        _decided(app, sessions, choice, folder, leave, reason)

    app.push_screen(UnsavedScreen(reason, leave_words, _default_folder(), _lost(sessions)),
                    chosen)


async def saved_or_decided(app, saving: Awaitable[list],
                           open_sessions: Callable[[], list], leave_words: str,
                           leave: Callable[[str, bool], None]) -> list | None:
    """Wait for ``saving`` (the saves in flight, then what is left; it gives the sessions
    still not on disk). If it takes longer than PATIENCE_SECONDS, say so and ask: keep
    waiting, write a copy, leave and lose what is not on disk (named in words), or stay.
    Returns the sessions not on disk once saving ended, or None when the user decided
    (``leave`` was called, or they stayed)."""
    task = asyncio.ensure_future(saving)
    started = time.monotonic()
    loop = asyncio.get_running_loop()
    while True:
        done, _ = await asyncio.wait({task}, timeout=PATIENCE_SECONDS)
        if done:
            return task.result()
        sessions = [s for s in open_sessions() if s.state.dirty or s.state.error]
        if not sessions:
            continue
        answer: asyncio.Future[tuple[str, str] | None] = loop.create_future()
        dialog = UnsavedScreen(_reason(sessions), leave_words, _default_folder(),
                               _lost(sessions), waiting_since=started)
        app.push_screen(dialog, lambda result, a=answer: a.done() or a.set_result(result))
        either: set[asyncio.Future[object]] = {task, answer}  # type: ignore[arg-type]
        await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
        if not answer.done():  # saved (or failed) while asking: the question goes
            answer.set_result(None)
            if app.screen is dialog:
                app.pop_screen()
            return task.result()
        choice, folder = answer.result() or (STAY, "")
        if choice == WAIT:
            continue
        if choice == STAY or _decided(app, sessions, choice, folder, leave,
                                      "the plan's folder did not answer"):
            task.cancel()
            return None
