"""The plan screen's sections: switching between them and keeping what they show current.

A section (or one page of a big one) is a :class:`SectionPane`, mounted hidden; it is
shown when what fills the window is built, and at that moment, in one screen update,
the title, the red flag banner and the list follow it. Only the section wanted last is
ever shown: a switch overtaken by another (quick key presses on a slow machine) leaves
its pane built but hidden, kept for a later visit. Nothing here runs in a worker of the
screen, so nothing outlives the screen.
"""

from __future__ import annotations

from functools import partial

from textual import events, on
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widget import AwaitMount, Widget
from textual.widgets import OptionList, Static

from checklist_tui.core.answers import display
from checklist_tui.core.engine import Evaluation, FiredRule
from checklist_tui.core.gaps import item_flags
from checklist_tui.tui import collector
from checklist_tui.tui.screens.plan_base import PlanScreenBase
from checklist_tui.tui.text import join, lit
from checklist_tui.tui.typed_ahead import hold_may_end
from checklist_tui.tui.widgets.flag_banner import FlagBanner
from checklist_tui.tui.widgets.plan_header import PlanHeader
from checklist_tui.tui.widgets.section_list import SectionList
from checklist_tui.tui.widgets.section_pane import (
    LINES_PER_ITEM,
    PAGE_ITEMS,
    SectionPane,
    let_go,
    page_count,
    page_of,
    page_words,
    pane_id,
)

FIRST_ITEMS = 4  # at least this many items are shown at once when a section opens
CHROME_LINES = 5  # the header, the section title and the footer, around the items
HOLD_PAINT_SECONDS = 1.0
"""The longest the screen is left as it was while a section is being built (``_hold``)."""


class PlanSections(PlanScreenBase):
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """Textual's, without the whole screen drawn again when the focus moves: a section
    switch moves it twice (off the item left, onto the new one), and the frame that
    showed the section was followed, in the same screen update, by a second one drawing
    every line again (about a tenth of a 60-item section's first visit). What the focus
    changes is restyled and redrawn by Textual as it moves (``Screen._update_focus_styles``
    and the focused and blurred widgets' own refreshes), and the footer follows the
    bindings (``_watch_focused``)."""
    ready: bool
    """True once the section wanted last is shown, refreshed and focused."""
    shown: SectionPane | None = None
    """The pane on the screen (the section the title names)."""
    panes: dict[str, SectionPane]
    """Every pane built, by its id, the one shown last at the end (kept, so going back is
    instant, within the limits of ``let_go``)."""
    _wanted: tuple[str, int] | None = None
    _warming = False
    warmed = False
    """True once the style warmers are mounted and what is alive then is frozen
    (``_warm_styles``): all the screen does after its first frame is done."""
    _focus_item: str | None = None
    mounting: AwaitMount | None = None
    """The mount of the pane built last (awaited by a plan screen showing a plan opened
    before it, so that its first frame has the items)."""
    _held: Timer | None = None
    """While a section is being built: the timer that lets the screen be drawn again
    whatever happens (``_hold``)."""
    _held_size: Size | None = None
    """The window's size when drawing was held."""
    _collector_held = False
    """True while the garbage collector's passes are held for a section switch."""

    def leaving(self) -> bool:
        """True once the plan is being closed: nothing more is shown."""
        raise NotImplementedError

    def show_section(self, section_id: str, focus_item: str | None = None,
                     page: int | None = None) -> None:
        """Switch to a section (at the page with ``focus_item``, or ``page``)."""
        if self.leaving():
            return
        section = next(s for s in self._session().checklist.checklist.sections
                       if s.id == section_id)
        page = page_of(section, focus_item) if page is None else page
        self.current = section_id  # at once, so quick key presses step from here
        self._wanted, self._focus_item = (section_id, page), focus_item
        self.ready = False
        self._hold()
        # Keys typed after ] go to the new section once it is shown, or nowhere: never to
        # the question left (its pending text is passed on as the focus leaves it).
        self.set_focus(None)
        pane = self.panes.get(pane_id(section_id, page))
        if pane is not None:  # visited before (or being built: it says when it is ready)
            if pane.is_ready:
                self._show_when_built(pane)
            return
        items = self.query_one("#items", Vertical)
        # What fills the window is built now; the pane builds the rest of its page after.
        # (Before the first layout, as when a plan opened before its screen is shown, the
        # window less the lines around the items is the height they will get.)
        height = items.size.height or self.app.size.height - CHROME_LINES
        first = max(FIRST_ITEMS, height // LINES_PER_ITEM + 1)
        ids = [item.id for item in section.items]
        if focus_item in ids:
            first = max(first, ids.index(focus_item) - page * PAGE_ITEMS + 1)
        pane = SectionPane(section, page, self._session().plan.answers, first, self.read_only)
        self.panes[pane_id(section_id, page)] = pane
        self.mounting = items.mount(pane)

    def _hold(self) -> None:
        """Nothing is drawn from now until the section wanted is shown (``_release``),
        for HOLD_PAINT_SECONDS at most: a frame drawn meanwhile showed only the section
        left without its focus (keys typed meanwhile wait for the new one, see
        typed_ahead.py) and cost as much as a fifth of a long section's first showing.
        Only on the screen the reader sees (from the moment the plan screen is mounted:
        the opening screen's frame stays meanwhile). The whole app's drawing waits: a
        window resized, or a screen put on top (F12, which must hide the plan at once),
        lets it go at once (``_release``)."""
        if self._held is None and self.is_current:
            self.app._begin_batch()  # (Textual's batch_update, held across the build)
            self._held = self.set_timer(HOLD_PAINT_SECONDS, partial(self._release, True))
            self._held_size = self.app.size
            # (and the collector's passes, until the frame that shows the section is drawn)
            self._collector_held = self._collector_held or collector.hold_while_switching()

    def _release(self, redraw: bool = False) -> None:
        """The screen is drawn again (the section wanted is shown, the screen is left, or
        HOLD_PAINT_SECONDS have passed). ``redraw``: what was laid out meanwhile was not
        drawn and is not drawn again by itself (rev7-tui 6: Textual drops a frame asked
        for while drawing is held, so a window resized meanwhile kept a stale, garbled
        frame): the screen on top is drawn whole, as Textual's delay_update does."""
        held, self._held = self._held, None
        if held is not None:
            held.stop()
            self.app._end_batch()
            if redraw and not self.app._batch_count:
                self.app.screen.refresh()
        if self._collector_held:
            self._collector_held = False
            if redraw or self.leaving() or not self.is_current:
                collector.resume()
            else:  # once the frame it lets be drawn is drawn (the app's: this screen's
                self.app.call_after_refresh(collector.resume)  # may be gone by then)

    def on_screen_suspend(self) -> None:
        """A screen put on top while a section is built (F12, a dialog) is drawn at once."""
        self._release(redraw=True)

    def _show_when_built(self, pane: SectionPane) -> None:
        """Show ``pane``, once the item to focus is built."""
        target = self._focus_item
        ids = [item.id for item in pane.items]
        if target in ids and not pane.is_built(ids.index(target)):
            wanted = self._wanted

            async def build_then_show() -> None:
                await pane.build_through(ids.index(target))
                if self._wanted == wanted and not self.leaving():
                    self._show(pane)

            self.run_worker(build_then_show(), group="section-focus", exclusive=True)
            return
        self._show(pane)

    @on(SectionPane.Ready)
    def _pane_ready(self, message: SectionPane.Ready) -> None:
        pane = message.pane
        if not self.leaving() and self._wanted == (pane.section.id, pane.page) \
                and self.shown is not pane:
            self._show_when_built(pane)

    def show_built(self) -> None:
        """Show the pane wanted now if it is built, without waiting for its Ready message
        (which reaches the screen after a frame): the plan screen's first frame, when the
        plan was opened before the screen, has the items, title and list all at once."""
        pane = self.panes.get(pane_id(*self._wanted)) if self._wanted else None
        if pane is not None and pane.is_ready and self.shown is not pane \
                and not self.leaving():
            self._show_when_built(pane)

    def _show(self, pane: SectionPane) -> None:
        """The pane, its title, banner and list mark, in one update; then the focus."""
        with self.app.batch_update():
            for other in self.panes.values():
                other.display = other is pane
            self.shown = pane
            key = pane_id(pane.section.id, pane.page)
            self.panes[key] = self.panes.pop(key)  # shown last: let go of last
            self.refresh_state()
            self.query_one(SectionList).highlighted = [
                s.id for s in self._session().checklist.checklist.sections].index(
                pane.section.id)
        views = pane.views()
        target = next((v for v in views if v.item.id == self._focus_item), None)
        if target is None:
            target = next((v for v in views if v.display), None)
        pane.held = target
        if target is not None and not self.read_only:
            target.focus_control(step_in=False)  # never inside a text box (keys for ])
            # Keys already on their way wait until the focus asked for has landed
            # (queued on the app behind it): they went to the section list (rev7-tui 5).
            self.landing = True
            self.app.call_later(self._landed)
        elif target is not None:
            target.scroll_visible()
        if not self.drawn:
            self.call_after_refresh(self._drawn)
        self.ready = True
        self._release()
        for old in let_go(list(self.panes.values()), pane):
            del self.panes[pane_id(old.section.id, old.page)]
            old.remove()
        pane.build_rest()

    def _landed(self) -> None:
        self.landing = False
        hold_may_end(self.app)

    def _drawn(self) -> None:
        self.drawn = True

    class Warm(Message):
        """What a first key needs is loaded (``tui/warm.py``, posted by the warming
        thread): the style warmers can be mounted."""

    @on(Warm)
    def warm_styles(self) -> None:
        """The style warmers are mounted once what a first key needs is loaded and the plan
        is ready (the item gone back to is focused). Their styles are read on the main
        thread (tens of milliseconds): mounted at the first frame, as before, they held up
        the focus going back to that item, and every key typed meanwhile (#12.4)."""
        if self._warming or self.leaving():
            return
        if not self.ready:  # a timer: call_after_refresh re-added itself within one idle
            self.set_timer(0.05, self.warm_styles)
            return
        self._warming = True
        self.call_after_refresh(self._warm_styles)

    async def _warm_styles(self) -> None:
        from checklist_tui.tui.widgets.style_warmers import style_warmers  # (not for the paint)

        if not self.leaving():
            # Kept, hidden: taking them down at once raced a Select still being mounted
            # when the app was closed straight after.
            await self.query_one("#items", Vertical).mount(style_warmers())
            collector.freeze_settled()
            self.warmed = True

    def on_unmount(self) -> None:
        self._release()
        collector.release()

    @on(events.Resize)
    def _banner_fits(self) -> None:
        """A short window shows the banner compact (flag_banner.py), a taller one in full;
        a window resized while a section is built is drawn again at once (``_release``)."""
        if self.app.size != self._held_size:  # (not the screen's own first layout)
            self._release(redraw=True)
        for banner in self.query(FlagBanner):  # (not there before the screen is composed)
            banner.fit()

    @property
    def screen_help(self) -> str:
        """The screen's help, with the section's banner in full (a short window shows it
        cut to a line, and says "in full: F1")."""
        base = super().screen_help
        banners = self.query(FlagBanner)
        full = banners.first().full_text if banners else ""
        return f"{base}\n\nThis section's banner in full:\n{full}" if full else base

    @on(SectionPane.Built)
    def _pane_built(self, message: SectionPane.Built) -> None:
        if not self.leaving():
            self.refresh_state()

    @on(SectionPane.PageWanted)
    def _page_wanted(self, message: SectionPane.PageWanted) -> None:
        pane = message.pane
        page = pane.page + message.step
        if 0 <= page < page_count(pane.section):
            # Back a page lands on its last item (where the reader left it), on at its first.
            ids = [item.id for item in pane.section.items]
            last = ids[min(len(ids), (page + 1) * PAGE_ITEMS) - 1]
            self.show_section(pane.section.id, focus_item=last if message.step < 0 else None,
                              page=page)

    @on(SectionPane.EndWanted)
    def _end_wanted(self, message: SectionPane.EndWanted) -> None:
        """Home and End: the first or last item of the section that applies now."""
        if self.session is None or self.leaving():
            return
        visible = self.session.evaluate().visible_items
        items = [item.id for item in message.pane.section.items if item.id in visible]
        if items:
            self.show_section(message.pane.section.id, focus_item=items[-1 if message.last else 0])

    @property
    def section_complete(self) -> bool:
        """True once the section shown has built what the reader can reach next (the rest
        of a long page follows as they move down)."""
        return self.shown is not None and self.shown.settled and self.ready

    def _pane(self) -> SectionPane | None:
        return self.shown

    def refresh_state(self) -> Evaluation | None:
        """Show what the engine says now: header, list, banner, title, and the items whose
        state changed (in every visited section; the others are not touched)."""
        if self.session is None or self.leaving():
            return None
        ev = self.session.evaluate()
        self.query_one(PlanHeader).show(self.session, ev)
        self.query_one(SectionList).show(ev.sections, self.session.checklist.checklist)
        shown = self.shown.section.id if self.shown else None
        self.query_one(FlagBanner).show([f for f in ev.fired if f.section_id == shown],
                                        len(ev.red_flags), self.pause_line(ev, shown))
        due = {d.item_id: d for d in ev.due}
        fired_by_item: dict[str, list[FiredRule]] = {}
        for f in ev.fired:
            fired_by_item.setdefault(f.item_id, []).append(f)
        plan = self.session.plan
        for pane in self.panes.values():
            for view in pane.views():
                ident = view.item.id
                view.update(ident in ev.visible_items, due.get(ident),
                            fired_by_item.get(ident, []), item_flags(view.item, plan, ev))
        self._show_stale(ev)
        self._show_section_title(ev)
        return ev

    def _show_stale(self, ev: Evaluation) -> None:
        pane = self.shown
        if pane is None:
            return
        checklist = self._session().checklist.checklist
        items, section_of = checklist.item_map(), checklist.section_of()
        pane.show_stale([(items[s.item_id].prompt, display(items[s.item_id], s.answer))
                         for s in ev.no_longer_applies
                         if section_of[s.item_id].id == pane.section.id])

    def _show_section_title(self, ev: Evaluation) -> None:
        """The title of the section on the screen (not of one still being built)."""
        if self.shown is None:
            return
        section_id = self.shown.section.id
        visible = [s for s in ev.sections if s.visible]
        index = next((n for n, s in enumerate(visible) if s.section_id == section_id), 0)
        current = ev.section(section_id)
        words = page_words(self.shown.section, self.shown.page)
        self.query_one("#section-title", Static).update(join(
            f"Section {index + 1} of {len(visible)}: ", lit(current.title if current else ""),
            f" ({words})" if words else ""))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "sections" and event.option.id:
            self.show_section(event.option.id)

    def _visible_sections(self) -> list[str]:
        ev = self._session().evaluate()
        return [s.section_id for s in ev.sections if s.visible]

    def action_step_section(self, delta: int) -> None:
        """] and [: the next or previous section that applies."""
        visible = self._visible_sections()
        if self.current not in visible:
            return self.show_section(visible[0])
        index = visible.index(self.current) + delta
        if 0 <= index < len(visible):
            self.show_section(visible[index])
        else:
            self.notify("That is the last section." if delta > 0 else
                        "That is the first section.")

