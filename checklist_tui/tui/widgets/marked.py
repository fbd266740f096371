"""Checkboxes and selection lists whose state shows without colour.

Textual's toggles always draw their inner glyph and show the state by colour
alone; these draw it only when the toggle is on, so the choice reads the same in
monochrome, with NO_COLOR, and to anyone who cannot tell the colours apart.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist


class MarkedCheckbox(Checkbox):
    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "X" if self.value else " "
        return super()._button


class MarkedSelectionList(SelectionList):
    """A SelectionList whose unticked boxes are empty rather than a dimmer X."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        _, scroll_y = self.scroll_offset
        try:
            selection = self.get_option_at_index(scroll_y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if (len(segments) > 1 and segments[1].text == ToggleButton.BUTTON_INNER
                and selection.value not in self._selected):
            segments[1] = Segment(" ", segments[1].style)
            return Strip(segments, strip.cell_length)
        return strip
