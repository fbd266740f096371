"""A list of names to tick (who was present, who the answer is about).

Only Space ticks, and only the name marked ">" (the highlighted row shows by shape, not
by colour alone: look-a 2 saw no row highlighted). Letters typed into the list tick
nobody, and neither does a Space typed after them (the gap in a typed name): a name
typed into the list by mistake ("Morgan Ward") ticked the highlighted person as
present. The list says so instead (``LettersIgnored``, shown by the form).
"""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.message import Message
from textual.strip import Strip

from checklist_tui.tui.widgets.marked import MarkedSelectionList

POINTER, NO_POINTER = "> ", "  "


class NamesList(MarkedSelectionList):
    _in_word = False

    class LettersIgnored(Message):
        """Letters were typed into the list: nothing was ticked."""

    def on_mount(self) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = 0  # a Space typed as the form opens ticks the first name

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        _, scroll_y = self.scroll_offset
        marked = self.has_focus and self.highlighted == scroll_y + y
        style = list(strip)[-1].style if strip.cell_length else None
        pointer = Segment(POINTER if marked else NO_POINTER, style)
        return Strip([pointer, *strip], strip.cell_length + 2).crop(0, strip.cell_length)

    def action_select(self) -> None:
        """Space: tick or untick at once (Textual's list posts a message that ticks it a
        moment later, after an Enter typed straight after the Space had saved the form
        without the tick)."""
        self._toggle_highlighted_selection()

    def on_key(self, event: events.Key) -> None:
        if event.key == "space" and self._in_word:
            event.stop()
            event.prevent_default()
            self.post_message(self.LettersIgnored())
            return
        self._in_word = bool(event.is_printable and event.key != "space")
        if self._in_word:
            event.stop()
            event.prevent_default()
            self.post_message(self.LettersIgnored())

    def on_blur(self) -> None:
        self._in_word = False
