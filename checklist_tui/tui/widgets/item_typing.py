"""An item's messages, and what is typed in its boxes: passed on after a pause in typing.

A text, date or note box passes on what was typed TEXT_COMMIT_SECONDS after the last key
(or at once on Enter or when it loses the focus); what was typed and not yet passed on
can be taken at once by a way out that cannot wait (``typed_changes``). The messages
keep the handler names they had as ``ItemView``'s (``on_item_view_answered``, ...)."""

from __future__ import annotations

from textual import events
from textual.containers import Vertical
from textual.css.query import DOMQuery
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, TextArea

from checklist_tui.core.definition import Item, ItemType
from checklist_tui.core.plan import Answer, InfoSource
from checklist_tui.tui.text import typed
from checklist_tui.tui.widgets.date_box import date_problem, show_problem
from checklist_tui.tui.widgets.item_control import shown_text
from checklist_tui.tui.widgets.text_box import TextBox, is_text_box, pass_on

TEXT_COMMIT_SECONDS = 0.6


class TypedItem(Vertical, can_focus=False):
    """The part of an item that looks after its text, date and note boxes."""

    class Answered(Message, namespace="item_view"):
        def __init__(self, item_id: str, value: object, na: bool = False, clear: bool = False):
            super().__init__()
            self.item_id, self.value, self.na, self.clear = item_id, value, na, clear

    class Noted(Message, namespace="item_view"):
        def __init__(self, item_id: str, note: str):
            super().__init__()
            self.item_id, self.note = item_id, note

    class DetailsWanted(Message, namespace="item_view"):
        def __init__(self, item_id: str):
            super().__init__()
            self.item_id = item_id

    class Sourced(Message, namespace="item_view"):
        def __init__(self, item_id: str, source: InfoSource | None):
            super().__init__()
            self.item_id, self.source = item_id, source

    def __init__(self, item: Item, answer: Answer | None):
        super().__init__(id=f"item-{item.id}")
        self.item = item
        self.answer = answer
        self._commit_timers: dict[str, Timer] = {}
        self._pending: set[str] = set()
        """The boxes whose typed text has not been passed on yet (their timer runs)."""

    def _control(self) -> DOMQuery[Widget]:
        """The item's control (a drop-down's or a text box's light stand-in until it is
        first used)."""
        ident = self.item.id
        return self.query(f"#answer-{ident}, #pick-{ident}, #textbox-{ident}")

    def on_key(self, event: events.Key) -> None:
        """A key typed on a text or date question itself (not its box) that nothing there
        takes steps into the box and is typed there, the rest after it: a digit (look-c
        16: "12/11/2026" typed there was dropped without a word), or a letter or a sign
        no key of the plan uses ("Home visit": the H was dropped). The plan's keys stay
        the plan's (o, p, w; and y, n, u, x, typed just after ] for a yes or no question,
        never become a text answer: ItemView.action_quick says so), and a space is not
        typed."""
        char = event.character
        if self.screen.focused is not self or not char or not char.isprintable() \
                or not char.strip():
            return
        control = self._control()
        if not control:
            return
        box = control.first()
        if not is_text_box(box) or (not char.isdigit() and self._taken(event.key)):
            return
        event.stop()
        event.prevent_default()
        if self.answer is not None and self.answer.has_value:  # rev7-tui 2: one stray key
            self.notify(f"'{char}' was not typed: this question has an answer. To change "  # never
                        "it, press Tab to go to its box.", markup=False)  # changes a saved one
            return
        self.screen.set_focus(box)  # now: the keys typed next follow it in
        # Typed once the box has taken the focus (which selects what it holds, so the key
        # replaces it, as typing after Tab does). A light stand-in puts the real box in
        # first, and passes the key on to it.
        if isinstance(box, TextBox):
            box.post_message(events.Key(event.key, char))
        elif isinstance(box, Input):
            box.call_later(box.insert_text_at_cursor, char)
        elif isinstance(box, TextArea):
            box.call_later(box.insert, char)

    def on_paste(self, event: events.Paste) -> None:
        """Text pasted on a text or date question itself (not its box), as after ] the
        focus is on the question: it goes into the box, as if pasted there (a one-line
        box joins the lines: line_box.py), never dropped without a word (rev7-tui 4). On
        a question with an answer nothing is pasted over it unseen: it is said."""
        if self.screen.focused is not self:
            return
        control = self._control()
        box = control.first() if control else None
        if box is None or not is_text_box(box):
            return
        event.stop()
        event.prevent_default()
        if self.answer is not None and self.answer.has_value:
            self.notify("Not pasted: this question has an answer. To change it, press Tab "
                        "to go to its box, then paste.", markup=False)
            return
        self.screen.set_focus(box)  # now: the paste follows it in, behind its Focus
        pass_on(box, events.Paste(event.text))

    def _taken(self, key: str) -> bool:
        """The key's binding here (the item's, its screen's or the app's) acts."""
        active = self.screen.active_bindings.get(key)
        return active is not None and active.enabled

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._later(event.input.id or "", lambda: self._commit(event.input))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        area = event.text_area
        self._later(area.id or "", lambda: self._commit(area))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._commit(event.input)

    def on_descendant_blur(self, event) -> None:
        if isinstance(event.widget, Input | TextArea):
            self._commit(event.widget)

    def _later(self, key: str, callback) -> None:
        if key in self._commit_timers:
            self._commit_timers[key].stop()
        self._pending.add(key)
        self._commit_timers[key] = self.set_timer(TEXT_COMMIT_SECONDS, callback)

    def typed_changes(self) -> list[Message]:
        """What was typed here and not passed on yet (the box with the focus, and those
        whose timer still runs), as the messages ``_commit`` would post; the timers are
        stopped. For a way out that cannot wait for them (quit, leaving the plan)."""
        boxes = [box for box in self.query("Input, TextArea")
                 if isinstance(box, Input | TextArea) and self._unsaved(box)]
        for key in self._pending:
            if key in self._commit_timers:
                self._commit_timers.pop(key).stop()
        self._pending.clear()
        return [m for m in map(self._message, boxes) if m is not None]

    def _unsaved(self, box: Input | TextArea) -> bool:
        """``box`` holds typing not passed on yet (its timer runs, or it has the focus and
        its text is not what the plan holds)."""
        return box.id in self._pending or (box is self.screen.focused and self._box_text(
            box) != self._stored_text(box))

    def has_unsaved(self) -> bool:
        """Any box of this item holds what was typed and is not in the plan (not passed on
        yet, or refused: a date the plan cannot take stays in its box, NOT SAVED)."""
        return bool(self._pending) or any(
            self._box_text(box) != self._stored_text(box) for box in self.query(
                "Input, TextArea") if isinstance(box, Input | TextArea))

    def show_plan_text(self, answer: Answer | None) -> None:
        """The answer's text or date box shows what the plan holds (after a clear, or a
        change made once a reason was given): never text the plan no longer holds, nor a
        NOT SAVED line about it. A box with the focus is left alone: it holds what is
        being typed, passed on after a pause, as any typing."""
        self.answer = answer
        for box in self.query(f"#answer-{self.item.id}"):
            if not isinstance(box, Input | TextArea) or box is self.screen.focused:
                continue
            key = box.id or ""
            if key in self._commit_timers:  # its text is replaced: nothing to pass on
                self._commit_timers.pop(key).stop()
            self._pending.discard(key)
            shown = self._stored_text(box)
            if self._box_text(box) != shown:
                with self.prevent(Input.Changed, TextArea.Changed):
                    if isinstance(box, TextArea):
                        box.text = shown
                    else:
                        box.value = shown
            show_problem(self, box, None)

    @staticmethod
    def _box_text(box: Input | TextArea) -> str:
        return typed(box.text if isinstance(box, TextArea) else box.value)

    def _stored_text(self, box: Input | TextArea) -> str:
        """What the box showed for the plan's answer or note: the answer's box by the rule
        that filled it (``item_control.shown_text``)."""
        if box.id == f"note-{self.item.id}":
            return typed(self.answer.note or "") if self.answer else ""
        return shown_text(self.item, self.answer)

    def _commit(self, field: Input | TextArea) -> None:
        """Pass on what was typed (escape bytes and other control characters left out)."""
        self._pending.discard(field.id or "")
        message = self._message(field)
        if message is not None:
            self.post_message(message)

    def _message(self, field: Input | TextArea) -> Message | None:
        text = typed(field.text if isinstance(field, TextArea) else field.value)
        note = field.id == f"note-{self.item.id}"
        if self.answer is not None:  # an untouched box must not rewrite what is stored
            stored = self.answer.note if note else self.answer.value
            if isinstance(stored, str) and text == typed(stored):
                text = stored
        if note:
            return self.Noted(self.item.id, text)
        if self.item.type == ItemType.DATE:  # not a date: said beside the box, not passed on
            problem = date_problem(text, self.answer.value if self.answer else None)
            show_problem(self, field, problem)
            return None if problem else self.Answered(self.item.id, text.strip(),
                                                 clear=not text.strip())
        return self.Answered(self.item.id, text, clear=not text.strip())
