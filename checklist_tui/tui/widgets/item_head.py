"""An item's question and, under it, its state line, as one widget.

    * Have partner agencies been asked for their checks on both parents?  (PBA-A01)
    Source: not recorded (s)  Due 19/08/2026 [done]

The state line (where the information came from, the due date, red flags and what the
checklist's rules say of the answer) was a widget of its own under the item's note box:
five widgets an item, and each widget is mounted, styled, laid out and drawn when a
section is first shown. Here it is the question's second line, so an item is four (the
item, this, its answer, its note). The state is words, never only a colour: it is drawn
in the muted text colour (``ItemHead > .item-head--state`` in app.tcss), as it was.

It keeps the classes ``prompt`` and ``state`` (both are this widget). User and checklist
text is literal (``question``, ``state_words``). Imports no core."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from checklist_tui.export.safe import plain


def question(prompt: str, ident: str, required: bool) -> Content:
    """The question's line: '* ' when it is required, the prompt in bold, its id not (and
    not dimmed: a dimmed id fell under 3:1 on the solarized themes, rev8-tui 7)."""
    return Content.assemble("* " if required else "", (plain(prompt), "bold"),
                            plain(f"  ({ident})"))


def state_words(*parts: str) -> str:
    """The state line from its parts; checklist and plan text among them made literal."""
    return plain("".join(parts))


class ItemHead(Static):
    COMPONENT_CLASSES = {"item-head--state"}

    def __init__(self, asked: Content, state: str = "") -> None:
        super().__init__(classes="prompt state", markup=False)
        self.asked = asked
        self.state = state
        self._drawn: tuple[tuple[object, ...], Content] | None = None
        """The content last drawn and what it was made from (made again only when the
        state or its style changes: Textual keeps its wrapped lines with it)."""

    def show(self, state: str) -> None:
        """Show ``state`` as the state line (a change of height is laid out again)."""
        if state != self.state:
            self.state = state
            if self.is_mounted:
                self.refresh(layout=True)

    def render(self) -> Content:
        if not self.state:
            return self.asked
        # Only the state's own colour: the item's style is under it already.
        style = self.get_visual_style("item-head--state", partial=True)
        made = (self.state, style)
        if self._drawn is None or self._drawn[0] != made:
            self._drawn = (made, Content.assemble(self.asked, "\n", (self.state, style)))
        return self._drawn[1]
