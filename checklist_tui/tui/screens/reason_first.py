"""A finished plan's text boxes ask for the reason before the first key lands.

Typing in a note or a text answer of a completed, submitted or approved plan used to
open the reason dialog when the text was committed (0.6 s later), and the keys typed
meanwhile went into the reason box. Now the first key that would change the text is
held, the reason is asked at once, and the typing that goes on is held with it: the
question shows what is being kept, and Tab goes to the reason box (what is typed there
is the reason). Once the reason is given, the held keys are typed into the box they
were meant for, in order; Cancel drops them (nothing changes, as it says).

The app passes every key (and paste) through ``KeyGate.held_back`` before the focused
widget sees it; the gate lets everything through unless it is asking.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input

#: Keys that change the text of a box (besides printable characters).
EDIT_KEYS = frozenset({"backspace", "delete", "ctrl+v", "ctrl+x", "ctrl+u", "ctrl+k",
                       "ctrl+w", "ctrl+d", "ctrl+z", "ctrl+y"})


def _text_box(widget: Widget | None) -> bool:
    """A box whose text a key changes: a text box, or its light stand-in (it puts the
    real box in its place and types the keys it got into it)."""
    from checklist_tui.tui.widgets.text_box import is_text_box

    return is_text_box(widget)


def _changes_text(event: events.Key | events.Paste, box: Widget) -> bool:
    if isinstance(event, events.Paste):
        return True
    if event.key == "enter":  # a new line; in a one-line box it only commits
        return not (isinstance(box, Input) or getattr(box, "one_line", False))
    return event.is_printable or event.key in EDIT_KEYS


class KeyGate:
    def __init__(self, app) -> None:
        self.app = app
        self.asking = False
        self.box: Widget | None = None
        self.held: list[events.Key | events.Paste] = []

    def held_back(self, event: events.Key | events.Paste) -> bool:
        """True when the event is held (the reason is being asked, or must be first)."""
        if self.asking:
            return self._while_asking(event)
        from checklist_tui.tui.screens.plan import PlanScreen
        from checklist_tui.tui.widgets.item_view import ItemView

        app, screen = self.app, self.app.screen
        box = app.focused
        if not isinstance(screen, PlanScreen) or screen.read_only \
                or box is None or not _text_box(box) or not _changes_text(event, box):
            return False
        view = next((w for w in box.ancestors if isinstance(w, ItemView)), None)
        session = screen.session
        if view is None or session is None:
            return False
        from checklist_tui.core.edit import reason_needed
        from checklist_tui.tui.screens.reason import ReasonScreen, asker, describe_change

        needed = reason_needed(session.plan)
        if needed is None:
            return False
        self.asking, self.box, self.held = True, box, [event]
        note = box.id in (f"note-{view.item.id}", f"notebox-{view.item.id}")
        what = "the note" if note else "the answer"
        asker(app).ask(screen, session, needed, lambda: None, self._answered,
                       describe_change(session, (view.item.id,)),
                       typed_for=f"{what} on {view.item.id}")
        for dialog in (s for s in app.screen_stack if isinstance(s, ReasonScreen)):
            dialog.show_typed(typed_text(self.held))
        return True

    def _while_asking(self, event: events.Key | events.Paste) -> bool:
        from checklist_tui.tui.screens.reason import ReasonScreen

        dialogs = [s for s in self.app.screen_stack if isinstance(s, ReasonScreen)]
        if not dialogs:  # the question is gone without an answer: let keys through
            self.asking, self.held = False, []
            return False
        dialog = dialogs[-1]
        if self.box is None or not _changes_text(event, self.box) or (
                self.app.screen is dialog and dialog.query("#reason")
                and self.app.focused is dialog.query_one("#reason")):
            return False  # Tab, Escape, Enter; or the reason box, where the user went
        self.held.append(event)  # typing for the box goes on: kept for it, and shown
        dialog.show_typed(typed_text(self.held))
        return True

    def _answered(self, changed: bool) -> None:
        """The reason was given (``changed``): type the held keys into their box."""
        from checklist_tui.tui.widgets.text_box import TextBox

        held, box = self.held, self.box
        self.asking, self.held, self.box = False, [], None
        if isinstance(box, TextBox):  # the stand-in has put the real box in
            box = box.real
        if not changed or box is None or not box.is_attached:
            return
        box.screen.set_focus(box)
        for event in held:
            again: events.Key | events.Paste = (
                events.Paste(event.text) if isinstance(event, events.Paste)
                else events.Key(event.key, event.character))
            self.app.post_message(again)


def typed_text(held: list[events.Key | events.Paste]) -> str:
    """Roughly what the held keys type (for showing them: the keys themselves go in)."""
    text = ""
    for event in held:
        if isinstance(event, events.Paste):
            text += event.text
        elif event.key == "backspace":
            text = text[:-1]
        elif event.is_printable and event.character:
            text += event.character
    return text


def gate(app) -> KeyGate:
    """The app's one gate (made when a plan screen first needs it)."""
    found = getattr(app, "_key_gate", None)
    if found is None:
        found = KeyGate(app)
        app._key_gate = found
    return found
