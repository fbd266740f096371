"""The control an item's type needs, showing the plan's answer (``make_control``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Select, TextArea

from checklist_tui.core.answers import NA_LABEL, YES_NO_LABELS
from checklist_tui.core.dates import uk_date
from checklist_tui.core.definition import FIXED_VALUES, NOT_YET, Item, ItemType
from checklist_tui.core.plan import Answer
from checklist_tui.tui.text import lit, typed
from checklist_tui.tui.widgets.answer_choice import AnswerChoice
from checklist_tui.tui.widgets.text_box import TextBox

if TYPE_CHECKING:  # each loads with the first question that needs it (tui/warm.py)
    from checklist_tui.tui.widgets.line_box import LineBox

NA = "__na__"
"""The name of a question's "Not applicable" option."""
PROMPT = "Choose one"
TEXT_HINT = "Type the answer"
"""What an empty text answer's box says (in words: an empty box read as nothing to do)."""
DATE_HINT = "DD/MM/YYYY"


def choice_name(answer: Answer | None) -> str | None:
    """The option a yes/no question shows for ``answer`` (None: no answer)."""
    if answer is None:
        return None
    if answer.not_applicable:
        return NA
    return None if answer.value is None else str(answer.value)


def shown_text(item: Item, answer: Answer | None) -> str:
    """What a text or date question's box holds for ``answer``, as it would be typed."""
    value = answer.value if answer else None
    if item.type == ItemType.DATE:
        return uk_date(value) if isinstance(value, date) else ""
    return typed(value) if isinstance(value, str) else ""


def make_control(item: Item, answer: Answer | None) -> Widget:
    value = answer.value if answer else None
    na = bool(answer and answer.not_applicable)
    ident = f"answer-{item.id}"
    if item.type == ItemType.CHECK:
        label = "Done" + ("  (l: not yet)" if item.not_yet and value != NOT_YET else "")
        if value == NOT_YET:
            label = "Done  (now: Not yet)"
        from checklist_tui.tui.widgets.marked import MarkedCheckbox

        return MarkedCheckbox(label, value=value is True, id=ident)
    if item.type in (ItemType.YES_NO, ItemType.YES_NO_UNKNOWN):
        values = [*FIXED_VALUES[item.type], *([NOT_YET] if item.not_yet else [])]
        options = [(str(v), YES_NO_LABELS[str(v)]) for v in values]
        if item.allow_na:
            options.append((NA, NA_LABEL))
        return AnswerChoice(options, choice_name(answer), id=ident)
    if item.type == ItemType.SINGLE_CHOICE:
        # Option labels are checklist text: literal, never markup (a '[' crashed it).
        choices: list[tuple[str | Text, str]] = [(lit(o.label), o.value) for o in item.options]
        if item.allow_na:
            choices.append((NA_LABEL, NA))
        current = NA if na else (value if isinstance(value, str) else Select.NULL)
        shown: str | None = NA_LABEL if na else next(  # literal, control codes shown
            (lit(o.label).plain for o in item.options if o.value == current), None)
        from checklist_tui.tui.widgets.select_box import SelectBox

        # A light stand-in until it is first focused (select_box.py).
        return SelectBox(item.id, shown, PROMPT, lambda: Select(
            choices, prompt=PROMPT, value=current, id=ident))
    if item.type == ItemType.MULTI_CHOICE:
        from checklist_tui.tui.widgets.marked import MarkedSelectionList

        chosen = set(value) if isinstance(value, list) else set()
        return MarkedSelectionList(*[(lit(o.label), o.value, o.value in chosen)
                                    for o in item.options], id=ident)
    # Text and date boxes are light stand-ins until first focused (text_box.py). Stored
    # text is shown as it would be typed: a plan file's escape bytes and other control
    # characters never reach the terminal (kept in the file until the answer is edited:
    # see TypedItem._commit).
    text = shown_text(item, answer)
    if item.type == ItemType.LONG_TEXT:
        return TextBox(text, TEXT_HINT, id=f"textbox-{item.id}", classes="text-box long",
                       one_line=False, make_box=lambda shown: TextArea(
                           shown, id=ident, soft_wrap=True, show_line_numbers=False,
                           placeholder=TEXT_HINT))
    hint = DATE_HINT if item.type == ItemType.DATE else TEXT_HINT
    return TextBox(text, hint, id=f"textbox-{item.id}", classes="text-box", one_line=True,
                   make_box=lambda shown: _line_box(shown, hint, ident))


def _line_box(shown: str, hint: str, ident: str) -> LineBox:
    """A one-line question's box, made when it is first focused (its module with it)."""
    from checklist_tui.tui.widgets.line_box import LineBox

    return LineBox(value=shown, placeholder=hint, id=ident, classes="answer", max_length=300)
