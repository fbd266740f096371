"""Items far from the view are let go, and built again as the reader comes back.

A page of a section builds what is on the screen and a window ahead as the reader goes
down (``SectionPane``); without more, everything passed stays built. Here an item more
than KEEP_WINDOWS windows above or below the view is let go: its widgets are taken down
and a ``Gap`` of its height takes its place, so nothing on the screen moves. Items within
a window of the view, or within a window's worth of the focused one (Tab and Shift+Tab
reach them), are built again. Never let go: the item with the focus, one holding typing
not yet passed on (or a date the plan refused), one hidden, and the one the screen is
about to focus. So a page holds about five windows of items however far one walks."""

from __future__ import annotations

import asyncio
from typing import Literal

from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from checklist_tui.core.definition import Item
from checklist_tui.tui.widgets.item_view import ItemView

LINES_PER_ITEM = 6
"""A rough height of an item, to know how many fill a window before they are laid out."""
KEEP_WINDOWS = 2
"""Items more than this many windows above or below the view are let go (built again as
the reader comes back), unless they have the focus or typing not yet passed on: a page
holds about five windows of items however far the reader goes."""


class Gap(Widget):
    """Where an item let go was: as tall as it was, with nothing in it."""

    def __init__(self, view: ItemView, height: int) -> None:
        super().__init__(classes="item-gap")
        self.item, self.height = view.item, height
        self.styles.height = height


class FarItems(VerticalScroll):
    """The letting go and building again of a page's items (see the module)."""

    _stale: Static
    _building: bool

    def __init__(self, *, id: str, classes: str) -> None:
        super().__init__(id=id, classes=classes)
        self._slots: list[ItemView | Gap] = []
        """``items[:len(_slots)]`` as built: each an item widget, or a gap where one was
        let go (``_far``)."""
        self.held: ItemView | None = None
        """The item the screen is about to focus (kept, as the focused one is)."""

    def _view(self, item: Item) -> ItemView:
        raise NotImplementedError

    def build_rest(self) -> None:
        raise NotImplementedError

    async def _drop(self, drop: list[ItemView]) -> None:
        await asyncio.sleep(0)
        if not self._closing and self._stale.parent is self:
            await self._let_go(drop)
        self._building = False
        self.build_rest()  # laid out again: anything more to build or let go?

    def _far(self) -> tuple[list[ItemView], list[Gap]]:
        """The items to let go (more than KEEP_WINDOWS windows above or below the view;
        never one with the focus, with typing not yet passed on, or hidden) and the items
        let go to build again (within a window of the view)."""
        if not self.display or not self.size.height:  # not on the screen: nothing to do
            return [], []
        window = self.size.height
        top, bottom = self.scroll_y, self.scroll_y + window
        near = self._near_focus(window // LINES_PER_ITEM + 1)
        drop, again = [], []
        for index, slot in enumerate(self._slots):
            y = slot.virtual_region.y
            if isinstance(slot, Gap):
                if index in near or (top - window <= y + slot.height and y <= bottom + window):
                    again.append(slot)
            elif (y + slot.outer_size.height < top - KEEP_WINDOWS * window
                  or y > bottom + KEEP_WINDOWS * window) and index not in near \
                    and self.held is None and not self._kept(slot):
                drop.append(slot)
        return drop, again

    def _near_focus(self, count: int) -> range:
        """The slots within ``count`` of the focused item (Tab and Shift+Tab reach them)."""
        focused = self.screen.focused
        view = next((w for w in (focused.ancestors_with_self if focused else [])
                     if isinstance(w, ItemView)), None)
        if view is None or view not in self._slots:
            return range(0)
        index = self._slots.index(view)
        return range(index - count, index + count + 1)

    def _kept(self, view: ItemView) -> bool:
        """Never let go: the item with the focus or with typing not yet passed on, or one
        hidden (it may be shown again) or not laid out yet."""
        focused = self.screen.focused
        return view is self.held or not view.display or not view.size.height or \
            view.has_unsaved() or (focused is not None and (
                focused is view or view in focused.ancestors))

    async def _let_go(self, drop: list[ItemView]) -> None:
        """Each item let go leaves a gap of its height (nothing on the screen moves)."""
        drop = [view for view in drop if view.is_attached and view in self._slots
                and not self._kept(view)]  # (the focus may have moved meanwhile)
        with self.app.batch_update():
            mounts = []
            for view in drop:
                gap = Gap(view, view.outer_size.height + view.styles.margin.bottom)
                self._slots[self._slots.index(view)] = gap
                mounts.append(self.mount(gap, before=view))
            for mounted in mounts:
                await mounted
            await self.remove_children(drop)

    async def _build_again(self, gaps: list[Gap]) -> None:
        """The items let go in ``gaps`` built again; what the reader sees stays put."""
        above = [gap for gap in gaps if gap.virtual_region.y < self.scroll_y]
        expected = sum(gap.height for gap in above)
        gaps = [gap for gap in gaps if gap.is_attached and gap in self._slots]
        fresh, mounts = [], []
        with self.app.batch_update():
            for gap in gaps:
                view = self._view(gap.item)
                self._slots[self._slots.index(gap)] = view
                fresh.append((view, gap in above))
                mounts.append(self.mount(view, before=gap))
            for mounted in mounts:
                await mounted
            await self.remove_children(gaps)
        if above:
            self.call_after_refresh(self._keep_place, [v for v, up in fresh if up], expected)

    def _keep_place(self, views: list[ItemView], expected: int) -> None:
        """Items built again above the view may be taller or shorter than when let go."""
        moved = sum(v.outer_size.height + v.styles.margin.bottom for v in views if v.is_attached)
        if moved != expected:
            self.scroll_to(y=self.scroll_y + moved - expected, animate=False)

    def _show_focused(self, tries: int = 10) -> None:
        """The item with the focus scrolled into view, whole (its question too) and at
        once, once it is laid out: the first item of the page with what is above it (the
        section's description), any other item whole if it fits in the window, else the
        box with the focus. Textual's own scrolls on focus, made before the new page was
        laid out, could leave it anywhere: a note box put in as it got the focus was
        missed (look-a 6), and a section opened at 80x24 was left scrolled with the box
        at the top and its question above the view (closing-note-s6)."""
        focused = self.screen.focused if self.is_attached else None
        if focused is None or self not in focused.ancestors:
            return
        if not focused.size.height and tries:
            self.call_after_refresh(self._show_focused, tries - 1)
            return
        wanted = self._placing()
        if wanted == "top":
            self.scroll_to(y=0, animate=False, immediate=True)
        elif isinstance(wanted, Widget):
            self.scroll_to_widget(wanted, animate=False, immediate=True)

    @property
    def focus_placed(self) -> bool:
        """The focus is in view as ``_show_focused`` leaves it (or is not on this page)."""
        return self._placing() is None

    def _placing(self) -> Widget | Literal["top"] | None:
        """What the focus needs to be seen: the page scrolled to its top ("top"), a
        widget scrolled into view, or nothing (None: in view, or not on this page)."""
        focused = self.screen.focused if self.is_attached else None
        if focused is None or self not in focused.ancestors:
            return None
        view = next((w for w in focused.ancestors_with_self if isinstance(w, ItemView)), None)
        first = next((s for s in self._slots if s.display), None)
        window = self.scrollable_content_region
        if view is not None and view is first and view.virtual_region.bottom <= window.height:
            return "top" if self.scroll_y else None
        whole = view if view is not None and view.outer_size.height <= window.height \
            else focused
        return None if window.contains_region(whole.region) else whole
