"""One page of a section's items (a section of any size is shown PAGE_ITEMS at a time).

A pane is mounted hidden and says so by message when what fills the window is built
(``Ready``); the screen then shows it, with its title, in one go. Only what is on the
screen is built, and a window ahead: the rest of the page follows as the reader scrolls or
moves the focus down, a batch at a time so keys and painting get through (``Built``).
Visited sections are kept, so going back is instant and keeps the scroll position, but
only one page of a long section stays built, and at most KEEP_ITEMS items in all (the
sections seen longest ago are let go first, see ``let_go``). The batches belong to the
pane: they stop, quietly, when the pane is taken down."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Select, SelectionList, Static, TextArea

from checklist_tui.core.definition import Item, Section
from checklist_tui.core.plan import Answer
from checklist_tui.tui.text import Parts, join, lit
from checklist_tui.tui.widgets.item_view import ItemView

LINES_PER_ITEM = 6
"""A rough height of an item, to know how many fill a window before they are laid out."""
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


class WarmerSelect(Select[str]):
    """The warmers' drop-down. Under load its Mount can arrive after its parts are gone
    (the app closing straight after) or before they were built: Select's own
    set-up then fails to find its option list (NoMatches) and the app would stop. A
    warmer has no value to set up, so without its parts it skips the set-up."""

    def _on_mount(self, event: events.Mount) -> None:
        if not self.query("SelectOverlay"):
            event.prevent_default()


def style_warmers() -> Vertical:
    """One of each control an item can have, hidden, to be mounted once while the app is
    idle and kept: Textual reads a widget type's styles the first time one is
    mounted, and the first section with a drop-down or a text box would wait for it."""
    box = Vertical(WarmerSelect([("a", "a")]), Input(), SelectionList(("a", "a")), Checkbox("a"),
                   TextArea(), Button("a"), classes="style-warmers")
    box.display = False
    return box


class SectionPane(VerticalScroll):
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
        self._views: list[ItemView] = []
        self._first = max(1, first)
        self._stale = Static("", classes="stale")

    def _view(self, item: Item) -> ItemView:
        view = ItemView(item, self._answers.get(item.id))
        view.disabled = self.read_only  # before it is mounted: never briefly editable
        return view

    def _build(self, count: int) -> list[ItemView]:
        """The next ``count`` item widgets of the page, now counted as built."""
        fresh = [self._view(item) for item in
                 self.items[len(self._views):len(self._views) + count]]
        self._views += fresh
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
        self.complete = len(self._views) >= len(self.items)
        self.post_message(self.Ready(self))

    def build_rest(self) -> None:
        """Build what the reader will reach next, after the next paint (called when the
        pane is shown: one overtaken by a later switch builds nothing until wanted).

        Only what is on the screen is built, and one window ahead of it: the items below
        are built as the reader scrolls or moves the focus towards them (``_fill``), so a
        page of a long section never costs more than the reader has come to."""
        if not self.complete and not self._building:
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
                                               for view in self._views[-LINES_PER_ITEM:])
        if not drawn and tries < 50:  # a busy machine: not laid out yet; after the next
            self.call_after_refresh(self._fill, tries + 1)
            return
        count = self._more_wanted()
        if not count:
            self._building = False
            return
        self.run_worker(self._build_more(count), group="section-rest", exclusive=True)

    def _more_wanted(self) -> int:
        """How many more items to build: enough that the built part reaches a window below
        the bottom of the view, and one window's worth of items beyond the focused one."""
        missing = len(self.items) - len(self._views)
        if missing <= 0:
            return 0
        window = max(1, self.size.height)
        per_window = window // LINES_PER_ITEM + 1
        below = self.virtual_size.height - (self.scroll_y + window)
        wanted = per_window if below < window else 0
        focused = self.screen.focused if self.is_attached else None
        view = next((w for w in (focused.ancestors_with_self if focused else [])
                     if isinstance(w, ItemView)), None)
        if view in self._views:
            ahead = len(self._views) - 1 - self._views.index(view)
            wanted = max(wanted, per_window - ahead)
        return min(missing, wanted)

    async def _build_more(self, count: int) -> None:
        await asyncio.sleep(0)  # let keys and painting through between batches
        batch = self._build(count)
        for view in batch:
            view.disabled = self.read_only  # it may have become read-only meanwhile
        if self._closing or self._stale.parent is not self:
            return  # taken down meanwhile (the plan was left): nothing to finish
        await self.mount_all(batch, before=self._stale)
        self._built_more()

    def _built_more(self) -> None:
        self.complete = len(self._views) >= len(self.items)
        self.post_message(self.Built(self))
        self._building = False
        self.build_rest()  # is the reader's next window built now? (after the layout)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.is_ready and self.display:
            self.build_rest()

    def on_descendant_focus(self) -> None:
        if self.is_ready and self.display:
            self.build_rest()

    async def build_through(self, index: int) -> None:
        """Build the page's items up to ``index`` now (to focus an item not built yet)."""
        missing = self._build(index + 1 - len(self._views))
        if missing:
            await self.mount_all(missing, before=self._stale)
            self.complete = len(self._views) >= len(self.items)
            self.post_message(self.Built(self))

    def set_read_only(self) -> None:
        self.read_only = True
        for view in self._views:
            view.disabled = True

    def views(self) -> list[ItemView]:
        """The item widgets built so far (mounted or being mounted), in order."""
        return list(self._views)

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
