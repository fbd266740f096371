"""One checklist item: prompt, the control its type needs, note, source, due state.

The control is built by ``item_control.make_control``; the typing in its boxes is
looked after by ``item_typing.TypedItem`` (and its messages are defined there)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Select, Static, TextArea

from checklist_tui.core.answers import NA_LABEL, YES_NO_LABELS
from checklist_tui.core.dates import uk_date
from checklist_tui.core.definition import NOT_YET, ItemType
from checklist_tui.core.engine import DueState, FiredRule
from checklist_tui.core.plan import Answer, InfoSource
from checklist_tui.core.vocabulary import acknowledged_said, counted_from, due_label, rule_tag
from checklist_tui.tui.text import join, lit, typed
from checklist_tui.tui.widgets.answer_choice import AnswerChoice
from checklist_tui.tui.widgets.item_control import NA, choice_name, make_control, shown_text
from checklist_tui.tui.widgets.item_head import ItemHead, question, state_words
from checklist_tui.tui.widgets.item_typing import TEXT_COMMIT_SECONDS, TypedItem
from checklist_tui.tui.widgets.note_box import PLACEHOLDER, NoteBox
from checklist_tui.tui.widgets.text_box import TextBox, is_text_box

if TYPE_CHECKING:  # (a tick box's or a list's module loads with the first one built)
    from textual.widgets import Checkbox, SelectionList

__all__ = ["NA", "STOP_HINT", "TEXT_COMMIT_SECONDS", "ItemView"]


def quick_words(value: str) -> str:
    """A quick key's answer in the words the options show ("Not applicable" for x)."""
    return NA_LABEL if value == "na" else YES_NO_LABELS.get(value, value)


STOP_HINT = "Enter or Tab: type the answer.  ] next section, Escape back to Home."


class ItemView(TypedItem, can_focus=False):
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

    def __init__(self, item, answer: Answer | None):
        super().__init__(item, answer)
        self._last_state: tuple = (None, [], [])
        self._shown: tuple | None = None
        self._head = ItemHead(question(item.prompt, item.id, item.required),
                              self._state_words(None, [], []))

    # -- building ----------------------------------------------------------------
    def compose(self) -> ComposeResult:
        item = self.item
        yield self._head  # the question, and its state line under it (item_head.py)
        yield make_control(item, self.answer)
        # Notes take paragraphs (a pasted email keeps its lines, in order); Tab moves on.
        # An empty one is a light stand-in until it is focused (note_box.py).
        yield self._note_area() if self.answer and self.answer.note else NoteBox(
            item.id, self._note_area)

    def _note_area(self) -> TextArea:
        return TextArea(typed(self.answer.note) if self.answer else "", placeholder=PLACEHOLDER,
                        classes="note", compact=True, soft_wrap=True, id=f"note-{self.item.id}")

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
        """The state line under the question: where the information came from, red
        flags, the due date and what the checklist's rules say (redrawn only if its
        words change)."""
        self._last_state = (due, fired, flags or [])
        self._head.show(self._state_words(due, fired, flags or []))

    def _state_words(self, due: DueState | None, fired: list[FiredRule],
                     flags: list[str]) -> str:
        parts: list[str] = [self._source_text(), "  "]
        for flag in flags:
            parts += [flag, "  "]
        if due is not None and due.due_date is not None:
            parts.append(f"Due {uk_date(due.due_date)}{counted_from(due, short=True)} "
                         f"[{due_label(due.status)}]  ")
        for rule in fired:
            parts += [f"{rule_tag(rule)}: ", rule.message, acknowledged_said(rule), "  "]
        return state_words(*parts).rstrip()

    # -- events from the controls ----------------------------------------------
    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.post_message(self.Answered(self.item.id, True, clear=not event.value))

    def on_answer_choice_changed(self, event: AnswerChoice.Changed) -> None:
        event.stop()
        self.post_message(self.Answered(self.item.id, event.value, na=(event.value == NA)))

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

    # -- keys ------------------------------------------------------------------------
    def reset(self, answer: Answer | None) -> None:
        """Show ``answer`` in a tick box or a question's options again, without answering
        anything (after a refused tick, a cancelled "not yet" or a cleared answer)."""
        self.answer = answer
        value = answer.value if answer else None
        from textual.widgets import Checkbox

        with self.prevent(Checkbox.Changed):
            for box in self.query(Checkbox):
                box.value = value is True
        for choice in self.query(AnswerChoice):
            choice.value = choice_name(answer)
        for stand_in in self.query(f"#textbox-{self.item.id}"):  # a text box not yet used
            if isinstance(stand_in, TextBox):
                stand_in.show_text(shown_text(self.item, answer))

    def action_details(self) -> None:
        if self.item.details:
            self.post_message(self.DetailsWanted(self.item.id))
        else:
            self.notify("This item carries no details.", markup=False)

    def action_quick(self, value: str) -> None:
        choice = self.query(AnswerChoice)
        if value == NOT_YET and self.item.not_yet and not choice:
            self.post_message(self.Answered(self.item.id, NOT_YET))
            return
        if not choice:
            from textual.widgets import Checkbox

            box = self.query(Checkbox)
            if box and value == "yes":  # y ticks a "Done" item
                box.first().value = True
                return
            # Said in the answer's words ("Not applicable", never the stored "na"), with
            # what does answer it (rev7-tui 9): never typed in as the answer.
            self.notify(self._not_quick(value, bool(box)), markup=False)
            return
        target = NA if value == "na" else value
        control = choice.first(AnswerChoice)
        if any(name == target for name, _ in control.options):
            control.choose(target)
            return
        self.notify(f"'{quick_words(value)}' is not an answer to this question.", markup=False)

    def _not_quick(self, value: str, done_box: bool) -> str:
        """What a quick key that does not answer this question says instead."""
        not_one = f"'{quick_words(value)}' is not an answer to this question: "
        if done_box:
            return f"{not_one}y or Space ticks it as done, Delete clears it."
        if self.item.type == ItemType.MULTI_CHOICE:
            return "This question's answers are in its list: the arrow keys move, Space " \
                "chooses."
        if self.item.type == ItemType.SINGLE_CHOICE:
            return "This question's answers are in its list: press Enter to open it."
        return f"{not_one}press Enter to type the answer."

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
        found = self._control()
        if not found:  # mounted but not yet composed (a busy machine): once it is
            self._focus_when_composed(step_in)
            return
        control = found.first()
        if step_in or not is_text_box(control):
            # Not Textual's own scroll on focus: it centres the box, animated, from where
            # the page was before it was laid out, and it ended after the scroll below
            # with the question above the view (the section pane shows it whole).
            control.focus(scroll_visible=False)
        else:
            if not self.query(".stop-hint"):
                self.mount(Static(STOP_HINT, classes="stop-hint", markup=False),
                           after=self.query_one(".prompt"))
            self.can_focus = True
            # At once, not a turn later as focus() does: the plan screen has just taken
            # the focus away, and this item's own blur (handled after) must see it
            # focused again, or it gives up can_focus and nothing has the focus.
            self.screen.set_focus(self, scroll_visible=False)
        self.scroll_visible(animate=False)  # at once: keys typed next go where it is seen

    def _focus_when_composed(self, step_in: bool, tries: int = 40) -> None:
        """Every 50 ms for 2 s at most, while still shown (the plan screen asked before the
        control existed, and stopped the app with NoMatches; an idle-pass retry spins)."""
        def again() -> None:
            if not self.is_attached or not self.parent or not self.parent.display:
                return  # the reader has moved on: leave the focus where it is now
            if self._control():
                self.focus_control(step_in)
            elif tries > 1:
                self._focus_when_composed(step_in, tries - 1)

        self.set_timer(0.05, again)

    def on_blur(self) -> None:
        if self.screen.focused is not self:  # focused again since (a jump to this item)
            self.can_focus = False  # reached again by Escape or a section opening, not by Tab

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step_in":  # only on the item itself (Enter in a box is the box's)
            return self.screen.focused is self
        return True

    def action_step_in(self) -> None:
        found = self._control()
        if not found or not found.first().focusable:
            self.focus_control()
            return
        # At once, not a turn later as focus() does: a letter typed right behind the
        # Enter reached the item, not the box, and was lost ("Seen" became "een").
        self.screen.set_focus(found.first())
        self.scroll_visible(animate=False)
