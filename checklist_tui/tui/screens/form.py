"""A modal form: Save (or Enter in a field) calls ``save``; Cancel or Escape returns None.

The frame is drawn here, the same in every form: the screen's title (Textual's ``TITLE``,
or ``self.title`` set in ``__init__``) with "(Escape to cancel)", the form's own
``fields()``, a line for what is wrong, and the Save and Cancel buttons. Subclasses give
the title and the fields, and decide in ``save`` what typed result to dismiss with (or
say in ``refuse`` why not).
"""

from __future__ import annotations

from typing import ClassVar, Literal, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from checklist_tui.tui.text import lit

ResultT = TypeVar("ResultT")

#: Said in the title of every modal form and dialog that Escape leaves.
ESCAPE_HINT = "(Escape to cancel)"


class FormScreen(ModalScreen[ResultT | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-form")]
    SAVE_WORDS: ClassVar[str] = "Save"
    SAVE_VARIANT: ClassVar[Literal["primary", "warning"]] = "primary"
    ERROR_LINE: ClassVar[bool] = True
    """False for a form that says nothing in a line of its own (it notifies instead)."""

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(lit(f"{self.title or ''}  {ESCAPE_HINT}"), classes="title")
            yield from self.fields()
            if self.ERROR_LINE:
                yield Static("", id="form-error", classes="error-line")
            with Horizontal(classes="buttons"):
                yield Button(self.SAVE_WORDS, id="save", variant=self.SAVE_VARIANT,
                             compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def refuse(self, problem: str, field: Widget | None = None) -> None:
        """Keep the form open: say what is wrong in the error line, and go to the field."""
        self.query_one("#form-error", Static).update(lit(problem))
        if field is not None:
            field.focus()

    def save(self) -> None:
        raise NotImplementedError

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        """Cancel (or Escape, where bound to it): leave without a result."""
        self.dismiss(None)
