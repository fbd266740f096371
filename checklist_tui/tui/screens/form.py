"""A modal form: Save (or Enter in a field) calls ``save``; Cancel returns None.

Subclasses lay out the fields, a ``#save`` and a ``#cancel`` button, and decide in
``save`` what typed result to dismiss with.
"""

from __future__ import annotations

from typing import TypeVar

from textual import on
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Button, Input

ResultT = TypeVar("ResultT")


class FormScreen(ModalScreen[ResultT | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-form")]

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
