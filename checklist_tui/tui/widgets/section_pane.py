"""One page of a section's items (a section of any size is shown PAGE_ITEMS at a time).

A pane is mounted hidden and says so by message when what fills the window is built
(``Ready``); the screen then shows it, with its title, in one go. Only what is on the
screen is built, and a window ahead: the rest of the page follows as the reader scrolls or
moves the focus down, a batch at a time so keys and painting get through (``Built``), and
what is far from the view is let go and built again as the reader comes back
(``far_items.py``): a page holds about five windows of items however far one walks.
Visited sections are kept, so going back is instant and keeps the scroll position, but
only one page of a long section stays built, and at most KEEP_ITEMS items in all (the
sections seen longest ago are let go first, see ``let_go``). The batches belong to the
pane: they stop, quietly, when the pane is taken down."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Button, Static

from checklist_tui.core.definition import Item, Section
from checklist_tui.core.plan import Answer
from checklist_tui.tui.text import Parts, join, lit
from checklist_tui.tui.widgets.far_items import LINES_PER_ITEM, FarItems, Gap
from checklist_tui.tui.widgets.item_view import ItemView

__all__ = ["LINES_PER_ITEM", "SectionPane", "let_go", "page_count", "page_of", "page_words",
           "pane_id"]

PAGE_ITEMS = 40
"""Items on one page of a section: real sections have up to about 20, so this is for the
checklist that grows (a 500-item section is 13 pages, each built only when shown)."""
KEEP_ITEMS = 200
"""Item widgets kept built in all (a whole real checklist, 128 items, stays built, so
every later visit is instant); beyond it the sections seen longest ago are let go."""


def pane_id(section_id: str, page: int = 0) -> str:
    return f"sec-{section_id}" + (f"-p{page + 1}" if page else "")


def page_count(section: Section) -> int:
    return max(1, -(-len(section.items) // PAGE_ITEMS))


def page_of(section: Section, item_id: str | None) -> int:
    """The page an item is on (the first page if it is not in the section)."""
    ids = [item.id for item in section.items]
    return ids.index(item_id) // PAGE_ITEMS if item_id in ids else 0


def page_words(section: Section, page: int) -> str:
    """'items 41 to 80 of 500', or '' for a section that fits on one page."""
    total = len(section.items)
    if total <= PAGE_ITEMS:
        return ""
    first = page * PAGE_ITEMS
    return f"items {first + 1} to {min(total, first + PAGE_ITEMS)} of {total}"


def let_go(panes: list[SectionPane], shown: SectionPane) -> list[SectionPane]:
    """The panes to take down once ``shown`` is on the screen (``panes`` oldest shown
    first): the other pages of its section, so a long section keeps one page built,
    then the sections seen longest ago until at most KEEP_ITEMS items stay built."""
    others = [p for p in panes if p is not shown]
    drop = [p for p in others if p.section.id == shown.section.id]
    kept = [p for p in others if p not in drop]
    built = len(shown.items) + sum(len(p.views()) for p in kept)
    for pane in kept:
        if built <= KEEP_ITEMS:
            break
        drop.append(pane)
        built -= len(pane.views())
    return drop


class SectionPane(FarItems):
    class Ready(Message):
        """What fills the window is built: the pane can be shown."""

        def __init__(self, pane: SectionPane) -> None:
            super().__init__()
            self.pane = pane

    class Built(Message):
        """More items of the page are built (their state is to be shown)."""

        def __init__(self, pane: SectionPane) -> None:
            super().__init__()
            self.pane = pane

    class PageWanted(Message):
        """The next (+1) or previous (-1) page of the section is wanted."""

        def __init__(self, pane: SectionPane, step: int) -> None:
            super().__init__()
            self.pane, self.step = pane, step

    class EndWanted(Message):
        """Home (``last`` False) or End: the section's first or last item is wanted,
        whatever page it is on."""

        def __init__(self, pane: SectionPane, last: bool) -> None:
            super().__init__()
            self.pane, self.last = pane, last

    def __init__(self, section: Section, page: int, answers: Mapping[str, Answer], first: int,
                 read_only: bool) -> None:
        super().__init__(id=pane_id(section.id, page), classes="section-pane")
        self.display = False  # shown by the screen once ready, with its title
        self.section, self.page = section, page
        self.read_only = read_only
        self.is_ready = False
        self.complete = False
        self._building = False
        self.items: list[Item] = section.items[page * PAGE_ITEMS:(page + 1) * PAGE_ITEMS]
        self._answers = answers
        self._first = max(1, first)
        self._stale = Static("", classes="stale")

    @property
    def _end(self) -> int:
        """The index of the first item after those built."""
        return len(self._slots)

    def is_built(self, index: int) -> bool:
        return index < self._end and isinstance(self._slots[index], ItemView)

    def _view(self, item: Item) -> ItemView:
        view = ItemView(item, self._answers.get(item.id))
        view.disabled = self.read_only  # before it is mounted: never briefly editable
        return view

    def _build(self, count: int) -> list[ItemView]:
        """The next ``count`` item widgets of the page, now counted as built."""
        fresh = [self._view(item) for item in self.items[self._end:self._end + count]]
        self._slots += fresh
        return fresh

    def compose(self) -> ComposeResult:
        words = page_words(self.section, self.page)
        if self.page > 0:
            yield Button(f"Back to {page_words(self.section, self.page - 1)} (PgUp)",
                         id="page-back", classes="page-button")
        if self.section.description and self.page == 0:
            yield Static(lit(self.section.description), classes="section-head")
        if words:
            yield Static(f"Showing {words}.", classes="section-head page-place")
        yield from self._build(self._first)
        yield self._stale
        if self.page + 1 < page_count(self.section):
            yield Button(f"Next: {page_words(self.section, self.page + 1)} (PgDn)",
                         id="page-next", classes="page-button")

    def on_mount(self) -> None:
        self.is_ready = True
        self.complete = self._end >= len(self.items)
        self.post_message(self.Ready(self))

    def build_rest(self) -> None:
        """Build what the reader will reach next, after the next paint (called when the
        pane is shown: one overtaken by a later switch builds nothing until wanted).

        Only what is on the screen is built, and one window ahead of it: the items below
        are built as the reader scrolls or moves the focus towards them (``_fill``), so a
        page of a long section never costs more than the reader has come to; and what is
        far from the view is let go (``_far``), so it never holds more than five windows."""
        if not self._building:
            self._building = True
            self.call_after_refresh(self._fill)

    @property
    def settled(self) -> bool:
        """Nothing is being built, and what the reader may reach next is built."""
        return not self._building

    def _fill(self, tries: int = 0) -> None:
        if not self.is_attached or self._closing:
            return
        # Laid out, with the items built last (their heights say what is still wanted)?
        drawn = self.region.height > 0 and all(not view.display or view.size.height > 0
                                               for view in self.views()[-LINES_PER_ITEM:])
        if not drawn and tries < 50:  # a busy machine: not laid out yet; after the next
            self.call_after_refresh(self._fill, tries + 1)
            return
        (drop, again), count = self._far(), self._more_wanted()
        if count or again:
            self.run_worker(self._build_more(count, again), group="section-rest",
                            exclusive=True)
        elif drop:
            self.run_worker(self._drop(drop), group="section-rest", exclusive=True)
        else:
            self._building = False

    def _more_wanted(self) -> int:
        """How many more items to build: enough that the built part reaches a window below
        the bottom of the view, and one window's worth of items beyond the focused one."""
        missing = len(self.items) - self._end
        if missing <= 0:
            return 0
        window = max(1, self.size.height)
        per_window = window // LINES_PER_ITEM + 1
        below = self.virtual_size.height - (self.scroll_y + window)
        wanted = per_window if below < window else 0
        focused = self.screen.focused if self.is_attached else None
        view = next((w for w in (focused.ancestors_with_self if focused else [])
                     if isinstance(w, ItemView)), None)
        if view in self._slots:
            ahead = len(self._slots) - 1 - self._slots.index(view)
            wanted = max(wanted, per_window - ahead)
        return min(missing, wanted)

    async def _build_more(self, count: int, again: list[Gap] | None = None) -> None:
        await asyncio.sleep(0)  # let keys and painting through between batches
        if again and not self._closing and self._stale.parent is self:
            await self._build_again(again)
        batch = self._build(count)
        for view in batch:
            view.disabled = self.read_only  # it may have become read-only meanwhile
        if self._closing or self._stale.parent is not self:
            return  # taken down meanwhile (the plan was left): nothing to finish
        if batch:
            await self.mount_all(batch, before=self._stale)
        self._built_more()

    def _built_more(self) -> None:
        self.complete = self._end >= len(self.items)
        self.post_message(self.Built(self))
        self._building = False
        self.build_rest()  # is the reader's next window built now? (after the layout)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.is_ready and self.display:
            self.build_rest()

    def on_descendant_focus(self) -> None:
        self.held = None  # the screen's focus has landed
        if self.is_ready and self.display:
            self.build_rest()
            self.call_after_refresh(self._show_focused)


    async def build_through(self, index: int) -> None:
        """Build the page's items through ``index`` now (to focus an item not built yet,
        or let go above)."""
        again = [slot for slot in self._slots[index:index + 1] if isinstance(slot, Gap)]
        if again:
            await self._build_again(again)
        missing = self._build(index + 1 - self._end)
        if missing:
            await self.mount_all(missing, before=self._stale)
        if again or missing:
            self.complete = self._end >= len(self.items)
            self.post_message(self.Built(self))

    def set_read_only(self) -> None:
        self.read_only = True
        for view in self.views():
            view.disabled = True

    def views(self) -> list[ItemView]:
        """The item widgets built so far (mounted or being mounted), in order."""
        return [slot for slot in self._slots if isinstance(slot, ItemView)]

    # -- pages -------------------------------------------------------------------------
    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id in ("page-next", "page-back"):
            event.stop()
            self.post_message(self.PageWanted(self, 1 if event.button.id == "page-next" else -1))

    def action_page_down(self) -> None:
        """PgDn scrolls; at the end of a page it goes on to the next page."""
        if not self.complete:
            self.build_rest()  # (a window ahead is kept built: this is only a safeguard)
        if self.scroll_y >= self.max_scroll_y and self.complete and self.query("#page-next"):
            self.post_message(self.PageWanted(self, 1))
        else:
            super().action_page_down()

    def action_scroll_home(self) -> None:
        """Home (outside a text box, which keeps it for its own start of line): the
        section's first item, on the first page."""
        self.post_message(self.EndWanted(self, last=False))

    def action_scroll_end(self) -> None:
        """End: the section's last item, on its last page (built through it if need be)."""
        self.post_message(self.EndWanted(self, last=True))

    def action_page_up(self) -> None:
        if self.scroll_y <= 0 and self.page > 0:
            self.post_message(self.PageWanted(self, -1))
        else:
            super().action_page_up()

    def show_stale(self, lines: list[tuple[str, str]]) -> None:
        """Answers kept in the plan that no longer apply here: (prompt, answer) pairs."""
        if not lines:
            self._stale.update("")
            return
        parts: Parts = ["Answers kept but no longer applying (not counted):\n"]
        for prompt, answer in lines:
            parts += ["  ", lit(prompt), " ", lit(answer), "\n"]
        self._stale.update(join(*parts))
