"""One section's items, mounted in batches: what fills the window at once, the rest a
batch at a time so keys and painting get through. Visited panes are kept, so going back
is instant. The pane tells its screen by message when every item is mounted."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from checklist_tui.core.definition import Section
from checklist_tui.core.plan import Answer
from checklist_tui.tui.text import Parts, join, lit
from checklist_tui.tui.widgets.item_view import ItemView

BATCH_ITEMS = 8


def pane_id(section_id: str) -> str:
    return f"sec-{section_id}"


class SectionPane(VerticalScroll):
    class Completed(Message):
        """Every item of the pane is mounted."""

        def __init__(self, pane: SectionPane) -> None:
            super().__init__()
            self.pane = pane

    def __init__(self, section: Section, answers: Mapping[str, Answer], first: int,
                 read_only: bool) -> None:
        super().__init__(id=pane_id(section.id), classes="section-pane")
        self.section = section
        self.read_only = read_only
        self.complete = False
        self._views = [self._view(item.id, answers.get(item.id)) for item in section.items]
        self._first = first

    def _view(self, item_id: str, answer: Answer | None) -> ItemView:
        item = next(i for i in self.section.items if i.id == item_id)
        view = ItemView(item, answer)
        view.disabled = self.read_only  # before it is mounted: never briefly editable
        return view

    def compose(self) -> ComposeResult:
        if self.section.description:
            yield Static(lit(self.section.description), classes="section-head")
        yield from self._views[:self._first]
        yield Static("", classes="stale")

    def on_mount(self) -> None:
        rest = self._views[self._first:]
        if rest:  # after the first frame (so it shows the items at once); each pane
            # finishes its own batches, even if the screen moves on
            self.call_after_refresh(lambda: self.run_worker(self._mount_rest(rest),
                                                            group="section-rest"))
        else:
            self.complete = True

    async def _mount_rest(self, rest: list[ItemView]) -> None:
        for start in range(0, len(rest), BATCH_ITEMS):
            await asyncio.sleep(0)  # let keys and painting through between batches
            batch = rest[start:start + BATCH_ITEMS]
            for view in batch:
                view.disabled = self.read_only  # it may have become read-only meanwhile
            await self.mount_all(batch, before=self.query_one(".stale"))
        self.complete = True
        self.post_message(self.Completed(self))

    def set_read_only(self) -> None:
        self.read_only = True
        for view in self._views:
            view.disabled = True

    def views(self) -> list[ItemView]:
        return list(self.query(ItemView))

    def replace(self, view: ItemView, answer: Answer | None) -> ItemView:
        """A fresh widget for an item (a radio set cannot be cleared in place)."""
        fresh = ItemView(view.item, answer)
        index = self._views.index(view) if view in self._views else -1
        if index >= 0:
            self._views[index] = fresh
        self.mount(fresh, after=view)
        view.remove()
        return fresh

    def show_stale(self, lines: list[tuple[str, str]]) -> None:
        """Answers kept in the plan that no longer apply here: (prompt, answer) pairs."""
        stale = self.query(".stale")
        if not stale:
            return
        if not lines:
            stale.first(Static).update("")
            return
        parts: Parts = ["Answers kept but no longer applying (not counted):\n"]
        for prompt, answer in lines:
            parts += ["  ", lit(prompt), " ", lit(answer), "\n"]
        stale.first(Static).update(join(*parts))
