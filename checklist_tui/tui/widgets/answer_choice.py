"""A question's few answers (Yes, No, Unknown, ...) as one light widget.

Textual's RadioSet is a scrolling container with a widget per option: about 6 ms to
build each yes/no question, most of a section's first showing. This is one widget that
draws its options itself, on one line (wrapped between options if the line is short):

    (•) Yes   ( ) No   ( ) Unknown

The answer shows by shape and words, never by colour alone: the chosen option is the
one with a dot, and a screen reader reads the line as it is. While the question has the
focus, the option the cursor is on is bold and underlined, and the terminal's cursor is
put on it (for screen readers that follow the cursor). The keys are RadioSet's: the
arrows move between the options (round at the ends), Enter or Space chooses; a click
chooses the option clicked. The cursor starts on the answer when the question gets the
focus, not on the first option.

It imports nothing of the core: the options come as (name, label) pairs."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.content import Content, Span
from textual.geometry import Offset, Size
from textual.message import Message
from textual.widget import Widget

GAP = "   "
CHOSEN, NOT_CHOSEN = "(•) ", "( ) "


class AnswerChoice(Widget, can_focus=True):
    DEFAULT_CSS = """
    AnswerChoice { height: auto; width: 1fr; }
    AnswerChoice > .answer-choice--cursor { text-style: bold underline; }
    AnswerChoice:disabled { color: $text-disabled; }
    """
    COMPONENT_CLASSES = {"answer-choice--cursor"}
    BINDINGS = [
        Binding("down,right", "move(1)", "Next option", show=False),
        Binding("up,left", "move(-1)", "Previous option", show=False),
        Binding("enter,space", "choose", "Choose", show=False),
    ]

    class Changed(Message):
        """An option was chosen (``value``: its name)."""

        def __init__(self, choice: AnswerChoice, value: str) -> None:
            super().__init__()
            self.choice, self.value = choice, value

        @property
        def control(self) -> AnswerChoice:
            return self.choice

    def __init__(self, options: list[tuple[str, str]], value: str | None = None, *,
                 id: str | None = None) -> None:
        """``options``: (name, label) pairs; ``value``: the name of the chosen one."""
        super().__init__(id=id)
        self.options = options
        self._value = value
        self.cursor = self._index(value)
        self._spans: list[tuple[int, int, int, int]] = []
        """Where each option was drawn: (line, first column, end column, option)."""

    # -- state ---------------------------------------------------------------------------
    @property
    def value(self) -> str | None:
        """The name of the chosen option (None: not answered). Setting it posts nothing."""
        return self._value

    @value.setter
    def value(self, value: str | None) -> None:
        """Show ``value`` as the answer, with the cursor on it (a change cancelled or
        refused puts back the answer and the emphasis with it, look-b 10)."""
        if value is not None:
            self.cursor = self._index(value)
        self._value = value
        self.refresh()
        self._place_terminal_cursor()

    def choose(self, name: str) -> None:
        """Choose the option ``name`` as the reader would: says so if it is new."""
        index = self._index(name, None)
        if index is None:
            return
        self.cursor = index
        if name != self._value:
            self.value = name
            self.post_message(self.Changed(self, name))
        self.refresh()
        self._place_terminal_cursor()

    def _index(self, name: str | None, default: int | None = 0) -> int | None:
        return next((n for n, (option, _) in enumerate(self.options) if option == name),
                    default)

    # -- keys and the mouse --------------------------------------------------------------
    def action_move(self, step: int) -> None:
        if self.options:
            self.cursor = ((self.cursor or 0) + step) % len(self.options)
            self.refresh()
            self._place_terminal_cursor()

    def action_choose(self) -> None:
        if self.options and self.cursor is not None:
            self.choose(self.options[self.cursor][0])

    def on_click(self, event: events.Click) -> None:
        event.stop()
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for line, start, end, index in self._spans:
            if line == offset.y and start <= offset.x < end:
                self.focus()
                self.choose(self.options[index][0])
                return
        self.focus()

    def on_focus(self) -> None:
        """The cursor starts on the answer (read as the answer), not on the first option."""
        if self._value is not None:
            self.cursor = self._index(self._value)
        self.refresh()
        self.call_after_refresh(self._place_terminal_cursor)

    def on_blur(self) -> None:
        self.refresh()

    def _place_terminal_cursor(self) -> None:
        if not self.has_focus or not self.is_attached:
            return
        where = next(((line, start) for line, start, _, index in self._spans
                      if index == self.cursor), None)
        if where is not None:
            region = self.content_region
            self.app.cursor_position = Offset(region.x + where[1], region.y + where[0])

    # -- drawing -------------------------------------------------------------------------
    def _texts(self) -> list[str]:
        return [(CHOSEN if name == self._value else NOT_CHOSEN) + label
                for name, label in self.options]

    def _lines(self, width: int) -> list[list[int]]:
        """The options on each line: as many as fit in ``width``, never one split."""
        lines: list[list[int]] = [[]]
        used = 0
        for index, text in enumerate(self._texts()):
            need = cell_len(text) + (cell_len(GAP) if lines[-1] else 0)
            if lines[-1] and used + need > width:
                lines.append([])
                used, need = 0, cell_len(text)
            lines[-1].append(index)
            used += need
        return lines

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return cell_len(GAP.join(self._texts()))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        texts = self._texts()
        cursor_style = self.get_visual_style("answer-choice--cursor") if self.has_focus \
            else None
        spans: list[Span] = []
        self._spans = []
        out, offset = [], 0
        for line_no, line in enumerate(self._lines(self.content_size.width or 1_000)):
            column = 0
            for place, index in enumerate(line):
                if place:
                    out.append(GAP)
                    offset, column = offset + len(GAP), column + cell_len(GAP)
                text = texts[index]
                if cursor_style is not None and index == self.cursor:
                    spans.append(Span(offset, offset + len(text), cursor_style))
                self._spans.append((line_no, column, column + cell_len(text), index))
                out.append(text)
                offset, column = offset + len(text), column + cell_len(text)
            out.append("\n")
            offset += 1
        return Content("".join(out).rstrip("\n"), spans)
