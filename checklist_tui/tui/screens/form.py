"""A modal form: Save (or Enter in a field) calls ``save``; Cancel or Escape returns None.

The frame is drawn here, the same in every form: the screen's title (Textual's ``TITLE``,
or ``self.title`` set in ``__init__``) with "(Escape to cancel)", the form's own
``fields()``, a line for what is wrong, and the Save and Cancel buttons. Subclasses give
the title and the fields, and decide in ``save`` what typed result to dismiss with (or
say in ``refuse`` why not).

The title stays at the top and the error line and buttons at the bottom of the frame,
whatever the window's size: only the fields between them scroll, so Save and Cancel are
never out of sight (at 80x24 a tall form used to push them below the window, and Enter
on a Cancel nobody could see dropped what had been typed). Cancel or Escape after
something was typed asks before anything is thrown away.

Enter in a one-line box is handled here, once: ``submitted`` says what it does (Save by
default; a form with several boxes moves on instead). A subclass never handles
``Input.Submitted`` itself: Textual runs the handler of every class in the line, so a
form that did saved twice, and the second ``dismiss`` closed the screen under the form
(the plan, leaving a blank window). ``dismiss`` also acts only once, whatever asks.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Select, SelectionList, Static, TextArea

from checklist_tui.tui.screens.message import MessageScreen
from checklist_tui.tui.text import lit

ResultT = TypeVar("ResultT")

#: Said in the title of every modal form and dialog that Escape leaves.
ESCAPE_HINT = "(Escape to cancel)"


class FormScreen(ModalScreen[ResultT | None]):
    _as_opened: list[object] | None = None
    """What the fields held as the form opened; None until it is ready."""
    _cancel_when_ready = False
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-form")]
    SAVE_WORDS: ClassVar[str] = "Save"
    SAVE_VARIANT: ClassVar[Literal["primary", "warning"]] = "primary"
    ERROR_LINE: ClassVar[bool] = True
    """False for a form that says nothing in a line of its own (it notifies instead)."""

    _form_done = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "on_input_submitted" in cls.__dict__:
            raise TypeError(f"{cls.__name__}: say what Enter does in submitted(), not in "
                            "on_input_submitted (both would run)")

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form"):
            yield Static(lit(f"{self.title or ''}  {ESCAPE_HINT}"), classes="title form-title")
            with Vertical(classes="form-foot"):
                if self.ERROR_LINE:
                    yield Static("", id="form-error", classes="error-line")
                with Horizontal(classes="buttons"):
                    yield Button(self.SAVE_WORDS, id="save", variant=self.SAVE_VARIANT,
                                 compact=True)
                    yield Button("Cancel", id="cancel", compact=True)
            yield from self.fields()

    def on_mount(self) -> None:
        """Runs after the form's own ``on_mount``: what the fields hold as the form opens."""
        self._as_opened = self._typed()
        if self._cancel_when_ready:
            self.dismiss(None)

    def _typed(self) -> list[object]:
        """What every field holds now, as shown (to tell whether anything was typed)."""
        held: list[object] = []
        for field in self.query("Input, TextArea, Select, SelectionList, Checkbox"):
            if isinstance(field, TextArea):
                held.append(field.text)
            elif isinstance(field, SelectionList):
                held.append(sorted(map(str, field.selected)))
            elif isinstance(field, (Input, Select, Checkbox)):
                held.append(field.value)
        return held

    def discard_question(self) -> str:
        """The question asked before what was typed is thrown away. The form's title goes
        in the line under it: a title that is itself a question read "Discard what you
        typed in Unknown: who will find out??"."""
        return "Discard what you typed?"

    def refuse(self, problem: str, field: Widget | None = None) -> None:
        """Keep the form open: say what is wrong in the error line, and go to the field."""
        self.query_one("#form-error", Static).update(lit(problem))
        if field is not None:
            field.focus()

    def save(self) -> None:
        raise NotImplementedError

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self._form_done:
            self.submitted(event.input)

    def submitted(self, box: Input) -> None:
        """Enter in ``box``: Save (forms with several boxes move on instead)."""
        self.save()

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        """Close the form with ``result``, once: a second call (Enter and a click in the
        same moment) must not close the screen beneath it."""
        if self._form_done:
            return AwaitComplete.nothing()
        self._form_done = True
        return super().dismiss(result)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        """Cancel or Escape: leave at once if nothing was typed; otherwise ask first. An
        Escape typed with the key that opened the form can come before the form is ready
        (nothing can have been typed in it yet): it closes the form once it is."""
        if self._as_opened is None:
            self._cancel_when_ready = True
            return
        if self._typed() == self._as_opened:
            self.dismiss(None)
            return
        name = (self.title or "").rstrip("?").strip()
        where = f"the form '{name}'" if name else "this form"
        self.app.push_screen(MessageScreen(self.discard_question(), [
            f"What you typed in {where} will not be kept."], confirm="Discard"),
            self._discard)

    def _discard(self, yes: bool | None) -> None:
        if yes:
            self.dismiss(None)
