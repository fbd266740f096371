"""A modal form: Save (or Enter in its last box) calls ``save``; Cancel or Escape returns None.

The frame is drawn here, the same in every form: the screen's title (Textual's ``TITLE``,
or ``self.title`` set in ``__init__``) with "(Escape to cancel)", the form's own
``fields()``, a line saying what Enter does in the box with the focus, a line for what is
wrong, and the Save and Cancel buttons. Subclasses give the title and the fields, and
decide in ``save`` what typed result to dismiss with (or say in ``refuse`` why not).

The title stays at the top and the error line and buttons at the bottom of the frame,
whatever the window's size: only the fields between them scroll, so Save and Cancel are
never out of sight (at 80x24 a tall form used to push them below the window, and Enter
on a Cancel nobody could see dropped what had been typed). Cancel, Escape or Ctrl+Q
after something was typed asks before anything is thrown away.

Enter is handled here, once, for every form, as the screen's own key (look-a 4): in a
one-line box, a choice, a list of names or a tick box it moves to the next box, and in
the last box it saves; in a multi-line box it starts a new line once something is typed
there (in an empty one it moves on). The focus moves before the next key is read, so
keys typed after Enter land in the box Enter moved to (an Input's own Enter posted a
message that moved the focus later, after the letters behind it had gone into the box
left behind: "Health visitingPat"). Enter on a button presses it. A subclass never
handles ``Input.Submitted`` itself; ``submitted`` says what Enter does in a box.
``dismiss`` acts only once, whatever asks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Literal, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import Horizontal, ScrollableContainer, Vertical, VerticalScroll
from textual.events import DescendantFocus
from textual.screen import ModalScreen
from textual.scroll_view import ScrollView
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Select, SelectionList, Static, TextArea
from textual.widgets.input import Selection

from checklist_tui.tui.screens.message import KEEP_EDITING, MessageScreen
from checklist_tui.tui.text import lit
from checklist_tui.tui.widgets.names_list import NamesList

ResultT = TypeVar("ResultT")

#: Said in the title of every modal form and dialog that Escape leaves.
ESCAPE_HINT = "(Escape to cancel)"

#: The boxes of a form: what Enter moves between.
BOXES = (Input, TextArea, Select, SelectionList, Checkbox)


class BoxesScreen(ModalScreen[ResultT]):
    """A dialog with boxes to type in (every form, and Export): Ctrl+A in a text box
    selects everything in it, as it does elsewhere on Windows (in a multi-line box it went
    to the start of the line, and new text went in front of the old); anywhere else
    Ctrl+A is the widget's own."""

    BINDINGS = [Binding("ctrl+a", "select_all", show=False, priority=True)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select_all":
            return isinstance(self.focused, (Input, TextArea))
        return super().check_action(action, parameters)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """The widget given the focus is scrolled into sight, clear of the title and the
        buttons, which stay put over the fields (look-d 16: at 80x24 the last box of
        "Confirm before discharge" lay under the buttons, with no row, and what was
        typed there was nowhere on screen). Textual's own scroll on focus counts such a
        box as in sight; this one allows for what stays put."""
        self.call_after_refresh(self._in_sight, event.widget)

    def _in_sight(self, widget: Widget) -> None:
        if widget.is_attached and self.focused is widget:
            widget.scroll_visible(animate=False)

    def action_select_all(self) -> None:
        box = self.focused
        if isinstance(box, TextArea):
            box.select_all()
        elif isinstance(box, Input):
            box.selection = Selection(0, len(box.value))


class FormScreen(BoxesScreen[ResultT | None]):
    _as_opened: list[object] | None = None
    """What the fields held as the form opened; None until it is ready."""
    _cancel_when_ready = False
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-form"),
                Binding("enter", "enter_key", show=False, priority=True)]
    AUTO_FOCUS = ""
    """Each form focuses its first box itself (Textual's own first focus, made before
    the form was laid out, scrolled the form's first line out of sight)."""
    SAVE_WORDS: ClassVar[str] = "Save"
    SAVE_VARIANT: ClassVar[Literal["primary", "warning"]] = "primary"
    CANCEL_WORDS: ClassVar[str] = "Cancel"
    ERROR_LINE: ClassVar[bool] = True
    """False for a form that says nothing in a line of its own (it notifies instead)."""

    _form_done = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "on_input_submitted" in cls.__dict__:
            raise TypeError(f"{cls.__name__}: say what Enter does in submitted(), not in "
                            "on_input_submitted (Enter is the form's own key)")

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form", can_focus=False):
            yield Static(lit(f"{self.title or ''}  {ESCAPE_HINT}"), classes="title form-title")
            yield from self.fields()
            with Vertical(classes="form-foot"):  # after the fields: Tab reaches it last
                yield Static("", id="form-keys", classes="hint")
                if self.ERROR_LINE:
                    yield Static("", id="form-error", classes="error-line")
                with Horizontal(classes="buttons"):
                    yield Button(self.SAVE_WORDS, id="save", variant=self.SAVE_VARIANT,
                                 compact=True)
                    yield Button(self.CANCEL_WORDS, id="cancel", compact=True)

    def on_mount(self) -> None:
        """Runs after the form's own ``on_mount``: what the fields hold as the form opens.
        No scrolling frame is a Tab stop (nothing showed where the focus was)."""
        for frame in self.query(ScrollableContainer):
            if not isinstance(frame, ScrollView):  # a box (Input, TextArea, a list) is one
                frame.can_focus = False
        self._as_opened = self._typed()
        if self._cancel_when_ready:
            self.dismiss(None)
        self._say_keys()

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

    def holds_typing(self) -> bool:
        """True once something was typed or chosen that Save has not kept."""
        return (self._as_opened is not None and not self._form_done
                and self._typed() != self._as_opened)

    def discard_question(self) -> str:
        """The question asked before what was typed is thrown away. The form's title goes
        in the line under it: a title that is itself a question read "Discard what you
        typed in Unknown: who will find out??"."""
        return "Discard what you typed?"

    def refuse(self, problem: str, field: Widget | None = None) -> None:
        """Keep the form open: say what is wrong in the error line, and go to the field
        (at once: keys typed after the refused Enter go into it)."""
        self.query_one("#form-error", Static).update(lit(problem))
        if field is not None:
            self.set_focus(field)

    def save(self) -> None:
        raise NotImplementedError

    # Enter -------------------------------------------------------------------------

    def _boxes(self) -> list[Widget]:
        """The form's boxes in Tab order (not its buttons)."""
        return [w for w in self.focus_chain if isinstance(w, BOXES)]

    def next_box(self, box: Widget) -> Widget | None:
        """The box after ``box`` in Tab order; None for the last box."""
        boxes = self._boxes()
        return boxes[boxes.index(box) + 1] if box in boxes[:-1] else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "enter_key":  # else Enter is the widget's own (a button, a new line)
            box = self.focused
            return isinstance(box, (Input, Select, SelectionList, Checkbox)) or (
                isinstance(box, TextArea) and not box.text.strip())
        return super().check_action(action, parameters)

    def action_enter_key(self) -> None:
        box = self.focused
        if box is not None and not self._form_done:
            self.submitted(box)

    def submitted(self, box: Widget) -> None:
        """Enter in ``box``: to the next box; in the last box, Save."""
        following = self.next_box(box)
        if following is None:
            self.save()
        else:
            self.set_focus(following)

    # What Enter does, said under the fields ------------------------------------------

    def on_descendant_focus(self, _event: DescendantFocus) -> None:
        self._typed_in = None  # another box: its first change says its keys
        self._say_keys()

    _typed_in: bool | None = None
    """Whether the text box last changed held any text: the keys line changes only when
    that does, so typing does not walk the focus chain at every key."""

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        typed_in = bool(event.text_area.text.strip())
        if typed_in != self._typed_in:
            self._typed_in = typed_in
            self._say_keys()

    def keys_words(self, box: Widget | None) -> str:
        """What Enter (and Tab) do in ``box``, in one line."""
        if isinstance(box, Button):
            return f"Enter: {box.label}. Tab: the next button or box."
        if box is None or not isinstance(box, BOXES):
            return ""
        last = self.next_box(box) is None
        enter = f"Enter: {self.SAVE_WORDS}" if last else "Enter: next box"
        if isinstance(box, TextArea):
            if box.text.strip():
                return (f"Enter: new line. Tab{', then Enter' if last else ''}: "
                        f"{self.SAVE_WORDS if last else 'next box'}.")
            return f"{enter}. Once you type here, Enter starts a new line."
        if isinstance(box, Select):
            return f"Space or Down: choose from the list. {enter}."
        if isinstance(box, (SelectionList, Checkbox)):
            return f"Space ticks or unticks. Up and Down move. {enter}."
        return f"Enter: {self.SAVE_WORDS}." if last else "Enter or Tab: next box."

    def on_names_list_letters_ignored(self, _event: NamesList.LettersIgnored) -> None:
        for line in self.query("#form-keys").results(Static):
            line.update("Typing in this list ticks nobody: Space ticks the name marked >, "
                        "Tab moves on.")

    def _say_keys(self) -> None:
        for line in self.query("#form-keys").results(Static):
            line.update(self.keys_words(self.focused))

    # Leaving -------------------------------------------------------------------------

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
            f"What you typed in {where} will not be kept."], confirm="Discard",
            cancel=KEEP_EDITING), self._discard)

    def _discard(self, yes: bool | None) -> None:
        if yes:
            self.dismiss(None)


QUIT_TITLE = "Quit without saving what you typed?"


def ask_before_quitting(app, quit_now: Callable[[], object]) -> bool:
    """Ctrl+Q while a form holds typing nobody saved (look-a 7: the app closed at once and
    the half-typed person was gone, though Escape asks): ask first. True when it asked
    (``quit_now`` runs if the answer is to quit); False when nothing typed is at stake."""
    holding = [s for s in app.screen_stack if getattr(s, "holds_typing", None)
               and s.holds_typing()]
    if not holding:
        return False
    if isinstance(app.screen, MessageScreen) and app.screen.title_text == QUIT_TITLE:
        return True  # asked already: answer it there
    names = ", ".join(dict.fromkeys(str(s.title or "a form") for s in holding))
    app.push_screen(MessageScreen(QUIT_TITLE, [
        f"You have typed in {names} without saving it. A form is kept only when you "
        "press its Save button (answers on the plan itself are saved as you go).",
        "Quit now and what you typed in the form is lost."],
        confirm="Quit without saving", cancel=KEEP_EDITING),
        lambda yes: quit_now() if yes else None)
    return True
