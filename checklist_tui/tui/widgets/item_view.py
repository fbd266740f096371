"""One checklist item: prompt, the control its type needs, note, source, due state."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import (
    Checkbox,
    Input,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Static,
    TextArea,
)

from checklist_tui.core.answers import NA_LABEL, YES_NO_LABELS
from checklist_tui.core.dates import uk_date
from checklist_tui.core.definition import FIXED_VALUES, NOT_YET, Item, ItemType
from checklist_tui.core.engine import DueState, FiredRule
from checklist_tui.core.plan import Answer, InfoSource
from checklist_tui.core.vocabulary import due_label, rule_tag
from checklist_tui.tui.text import join, lit, typed
from checklist_tui.tui.widgets.date_box import date_problem, show_problem
from checklist_tui.tui.widgets.marked import (
    MarkedCheckbox,
    MarkedRadioButton,
    MarkedSelectionList,
)
from checklist_tui.tui.widgets.note_box import PLACEHOLDER, NoteBox

NA = "__na__"
STOP_HINT = "Enter or Tab: type the answer.  ] next section, Escape back to Home."
TEXT_COMMIT_SECONDS = 0.6


class ItemView(Vertical, can_focus=False):
    BINDINGS = [
        Binding("y", "quick('yes')", "Yes", show=False, id="answer-yes"),
        Binding("n", "quick('no')", "No", show=False, id="answer-no"),
        Binding("u", "quick('unknown')", "Unknown", show=False, id="answer-unknown"),
        Binding("x", "quick('na')", "Not applicable", show=False, id="answer-na"),
        Binding("l", "quick('not_yet')", "Not yet (later)", show=False, id="answer-not-yet"),
        Binding("i", "details", "Details", show=False, id="item-details",
                tooltip="What a yes carries: a date, people, a text, a place"),
        Binding("w", "toggle_guidance", "Why?", tooltip="Why this item matters",
                id="why"),
        Binding("s", "cycle_source", "Source", show=False, id="source",
                tooltip="Change where the information came from"),
        Binding("delete", "clear", "Clear answer", show=False, id="clear-answer"),
        Binding("enter", "step_in", "Type the answer", id="step-in"),
    ]

    class Answered(Message):
        def __init__(self, item_id: str, value: object, na: bool = False, clear: bool = False):
            super().__init__()
            self.item_id, self.value, self.na, self.clear = item_id, value, na, clear

    class Noted(Message):
        def __init__(self, item_id: str, note: str):
            super().__init__()
            self.item_id, self.note = item_id, note

    class DetailsWanted(Message):
        def __init__(self, item_id: str):
            super().__init__()
            self.item_id = item_id

    class Sourced(Message):
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
        self._state_text: str | None = None
        self._last_state: tuple = (None, [], [])
        self._shown: tuple | None = None

    # -- building ----------------------------------------------------------------
    def compose(self) -> ComposeResult:
        item = self.item
        marker = "* " if item.required else ""
        yield Static(join(marker, lit(item.prompt, "bold"), lit(f"  ({item.id})", "dim")),
                     classes="prompt")
        yield self._control()
        # Notes take paragraphs (a pasted email keeps its lines, in order); Tab moves on.
        # An empty one is a light stand-in until it is focused (note_box.py).
        yield self._note_area() if self.answer and self.answer.note else NoteBox(
            item.id, self._note_area)
        yield Static("", classes="state")

    def _note_area(self) -> TextArea:
        return TextArea(typed(self.answer.note) if self.answer else "", placeholder=PLACEHOLDER,
                        classes="note", compact=True, soft_wrap=True, id=f"note-{self.item.id}")

    def _control(self):
        item, answer = self.item, self.answer
        value = answer.value if answer else None
        na = bool(answer and answer.not_applicable)
        ident = f"answer-{item.id}"
        if item.type == ItemType.CHECK:
            label = "Done" + ("  (l: not yet)" if item.not_yet and value != NOT_YET else "")
            if value == NOT_YET:
                label = "Done  (now: Not yet)"
            return MarkedCheckbox(label, value=value is True, id=ident)
        if item.type in (ItemType.YES_NO, ItemType.YES_NO_UNKNOWN):
            values = [*FIXED_VALUES[item.type], *([NOT_YET] if item.not_yet else [])]
            buttons = [MarkedRadioButton(YES_NO_LABELS[str(v)], value=(value == v), name=str(v))
                       for v in values]
            if item.allow_na:
                buttons.append(MarkedRadioButton(NA_LABEL, value=na, name=NA))
            return RadioSet(*buttons, id=ident)
        if item.type == ItemType.SINGLE_CHOICE:
            # Option labels are checklist text: literal, never markup (a '[' crashed it).
            options = [(lit(o.label), o.value) for o in item.options]
            if item.allow_na:
                options.append((NA_LABEL, NA))
            current = NA if na else (value if isinstance(value, str) else Select.NULL)
            return Select(options, prompt="Choose one", value=current, id=ident)
        if item.type == ItemType.MULTI_CHOICE:
            chosen = set(value) if isinstance(value, list) else set()
            return MarkedSelectionList(*[(lit(o.label), o.value, o.value in chosen)
                                        for o in item.options], id=ident)
        if item.type == ItemType.LONG_TEXT:
            # Stored text is shown as it would be typed: a plan file's escape bytes and
            # other control characters never reach the terminal (kept in the file until
            # the answer is edited: see _commit).
            return TextArea(typed(value) if isinstance(value, str) else "", id=ident,
                            soft_wrap=True, show_line_numbers=False)
        if item.type == ItemType.DATE:
            text = uk_date(value) if isinstance(value, date) else ""
            return Input(value=text, placeholder="DD/MM/YYYY", id=ident, classes="answer")
        return Input(value=typed(value) if isinstance(value, str) else "", id=ident,
                     classes="answer", max_length=300)

    # -- state from the engine ---------------------------------------------------
    def update(self, visible: bool, due: DueState | None, fired: list[FiredRule],
               flags: list[str]) -> bool:
        """Show what the engine says of this item; nothing is touched if that has not
        changed since the last time (an answer refreshes only the items it changed)."""
        key = (visible, due, fired, flags)
        if key == self._shown:
            return False
        self._shown = key
        self.display = visible
        self.show_state(due, fired, flags)
        return True

    def show_state(self, due: DueState | None, fired: list[FiredRule],
                   flags: list[str] | None = None) -> None:
        self._last_state = (due, fired, flags or [])
        parts: list = [self._source_text(), "  "]
        for flag in flags or []:
            parts += [lit(flag), "  "]
        if due is not None and due.due_date is not None:
            parts.append(f"Due {uk_date(due.due_date)} [{due_label(due.status)}]  ")
        for rule in fired:
            tag = rule_tag(rule)
            ack = " (acknowledged)" if rule.acknowledgement else ""
            parts += [f"{tag}: ", lit(rule.message), ack, "  "]
        text = join(*parts)
        state = self.query(".state")
        if not state:  # not composed yet: on_mount shows the latest state
            return
        if text.plain == self._state_text:
            return
        self._state_text = text.plain
        state.first(Static).update(text)

    def on_mount(self) -> None:
        self.show_state(*self._last_state)

    # -- events from the controls ----------------------------------------------
    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.post_message(self.Answered(self.item.id, True, clear=not event.value))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        name = event.pressed.name or ""
        self.post_message(self.Answered(self.item.id, name, na=(name == NA)))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.value is Select.NULL:
            self.post_message(self.Answered(self.item.id, None, clear=True))
        else:
            self.post_message(self.Answered(self.item.id, event.value, na=event.value == NA))

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        chosen = list(event.selection_list.selected)
        self.post_message(self.Answered(self.item.id, chosen, clear=not chosen))

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

    def on_descendant_focus(self, event) -> None:
        """A question's cursor starts on its answer, not on "Yes" (read as the answer)."""
        radio = event.widget
        if isinstance(radio, RadioSet) and radio.pressed_index >= 0:
            radio._selected = radio.pressed_index

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
        focused = self.screen.focused
        boxes = [box for box in self.query("Input, TextArea")
                 if isinstance(box, Input | TextArea) and (box.id in self._pending or (
                     box is focused and self._box_text(box) != self._stored_text(box)))]
        for key in self._pending:
            if key in self._commit_timers:
                self._commit_timers.pop(key).stop()
        self._pending.clear()
        return [m for m in map(self._message, boxes) if m is not None]

    @staticmethod
    def _box_text(box: Input | TextArea) -> str:
        return typed(box.text if isinstance(box, TextArea) else box.value)

    def _stored_text(self, box: Input | TextArea) -> str:
        """What the box showed for the plan's answer or note (as ``_control`` shows it)."""
        answer = self.answer
        if answer is None:
            return ""
        if box.id == f"note-{self.item.id}":
            return typed(answer.note or "")
        value = answer.value
        return uk_date(value) if isinstance(value, date) else typed(value) if isinstance(
            value, str) else ""

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

    # -- keys ------------------------------------------------------------------------
    def reset(self, answer: Answer | None) -> None:
        """Show ``answer`` in a tick box or radio set again, without answering anything
        (after a refused tick or a cancelled "not yet")."""
        self.answer = answer
        value = answer.value if answer else None
        na = bool(answer and answer.not_applicable)
        with self.prevent(Checkbox.Changed, RadioSet.Changed, RadioButton.Changed):
            for box in self.query(Checkbox):
                if not isinstance(box, RadioButton):
                    box.value = value is True
            for button in self.query(RadioButton):
                button.value = (button.name == NA) if na else (button.name == str(value))
        for radio in self.query(RadioSet):  # the set turns off the one it thinks is on:
            # left stale, a later answer left two marked (Yes and No both, look-sw 16)
            radio._pressed_button = next((b for b in radio.query(RadioButton) if b.value),
                                         None)

    def action_details(self) -> None:
        if self.item.details:
            self.post_message(self.DetailsWanted(self.item.id))
        else:
            self.notify("This item carries no details.", markup=False)

    def action_quick(self, value: str) -> None:
        radio = self.query(RadioSet)
        if value == NOT_YET and self.item.not_yet and not radio:
            self.post_message(self.Answered(self.item.id, NOT_YET))
            return
        if not radio:
            box = self.query(Checkbox)
            if box and value == "yes":  # y ticks a "Done" item
                box.first().value = True
            return
        target = NA if value == "na" else value
        for button in radio.first().query(RadioButton):
            if button.name == target:
                button.value = True
                return
        self.notify(f"'{value}' is not an answer to this item", markup=False)

    def _source_text(self) -> str:
        source = self.answer.source if self.answer else None
        return f"Source: {source.label if source else 'not recorded'} (s)"

    def action_cycle_source(self) -> None:
        """s: seen, reported by a parent, by an agency, not yet checked, then none."""
        order: list[InfoSource | None] = [*InfoSource, None]
        current = self.answer.source if self.answer else None
        chosen = order[(order.index(current) + 1) % len(order)]
        self.post_message(self.Sourced(self.item.id, chosen))

    def source_changed(self, answer: Answer | None) -> None:
        self.answer = answer
        self.show_state(*self._last_state)

    def action_toggle_guidance(self) -> None:
        """w: show or hide why this item matters (created only when first asked for)."""
        if not self.item.guidance:
            return
        existing = self.query(".guidance")
        if existing:
            existing.first().display = not existing.first().display
        else:
            self.mount(Static(join("Why this matters: ", lit(self.item.guidance)),
                              classes="guidance"))

    def action_clear(self) -> None:
        self.post_message(self.Answered(self.item.id, None, clear=True))

    def focus_control(self, step_in: bool = True) -> None:
        """Focus the item's control; with ``step_in`` False, a text or date box is not
        entered: the item itself takes the focus (a section opening, Escape from the box),
        so keys meant for the plan (], y, f) never become a typed answer."""
        found = self.query(f"#answer-{self.item.id}")
        if not found:  # mounted but not yet composed (a busy machine): once it is
            self._focus_when_composed(step_in)
            return
        control = found.first()
        if step_in or not isinstance(control, Input | TextArea):
            control.focus()
        else:
            if not self.query(".stop-hint"):
                self.mount(Static(STOP_HINT, classes="stop-hint", markup=False),
                           after=self.query_one(".prompt"))
            self.can_focus = True
            self.focus()
        self.scroll_visible()

    def _focus_when_composed(self, step_in: bool, tries: int = 40) -> None:
        """Every 50 ms for 2 s at most, while still shown (the plan screen asked before the
        control existed, and stopped the app with NoMatches; an idle-pass retry spins)."""
        def again() -> None:
            if not self.is_attached or not self.parent or not self.parent.display:
                return  # the reader has moved on: leave the focus where it is now
            if self.query(f"#answer-{self.item.id}"):
                self.focus_control(step_in)
            elif tries > 1:
                self._focus_when_composed(step_in, tries - 1)

        self.set_timer(0.05, again)

    def on_blur(self) -> None:
        self.can_focus = False  # reached again by Escape or a section opening, not by Tab

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step_in":  # only on the item itself (Enter in a box is the box's)
            return self.screen.focused is self
        return True

    def action_step_in(self) -> None:
        self.focus_control()

