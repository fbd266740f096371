"""The plan screen: sections, items, red flags and due points, saved as you go."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Input,
    Select,
    Static,
    TextArea,
)

from checklist_tui.core import lazy
from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.errors import UserFacingError
from checklist_tui.core.session import PlanSession
from checklist_tui.tui import commands, warm
from checklist_tui.tui.providers import PlanPlaces
from checklist_tui.tui.screens import what_changed
from checklist_tui.tui.screens.plan_sections import PlanSections
from checklist_tui.tui.text import join, lit
from checklist_tui.tui.widgets.flag_banner import FlagBanner
from checklist_tui.tui.widgets.item_view import ItemView
from checklist_tui.tui.widgets.plan_header import PlanHeader, opening
from checklist_tui.tui.widgets.section_list import SectionList
from checklist_tui.tui.widgets.section_pane import SectionPane
from checklist_tui.tui.widgets.steady_footer import SteadyFooter

if TYPE_CHECKING:
    from checklist_tui.core import edit
else:  # for the first edit, not the first paint: loaded once the plan is painted (tui/warm.py)
    edit = lazy.module("checklist_tui.core.edit")

LOCK_REFRESH_SECONDS = 60.0
NARROW_BELOW = 100


class PlanScreen(PlanSections):
    """Keeps the session, the save hook, answer dispatch and navigation; each section's
    items live in a :class:`SectionPane`, which mounts them in batches."""

    COMMANDS = {PlanPlaces}  # Ctrl+P: jump to a section or item (plus the app's commands)
    COMMANDS_DECLARED = commands.PLAN

    def __init__(self, path: Path, read_only: bool = False,
                 session: PlanSession | None = None):
        """``session``: the plan already opened (see ``open_plan``), else it is opened
        after the first frame."""
        super().__init__()
        self.path = path
        self.want_read_only = read_only
        self._given = session
        self.session: PlanSession | None = None
        self.current: str | None = None
        self._session_closed = False
        self._open_guard = threading.Lock()
        self._loading: PlanSession | None = session
        """Opened but not yet shown (closed by ``close_session`` if never shown)."""
        self.panes = {}
        self.ready = False
        """True once the current section is shown, refreshed and focused."""

    @property
    def read_only(self) -> bool:
        return self.session is None or self.session.read_only

    # -- layout --------------------------------------------------------------
    def compose(self) -> ComposeResult:
        # Before the widgets exist, so they are styled once (not again at on_mount).
        self.set_class(self.app.size.width < NARROW_BELOW, "narrow")
        yield PlanHeader(opening(self.path), id="plan-header")
        yield Static("", id="readonly-reason")
        with Horizontal(id="plan-body"):
            yield SectionList(id="sections")
            with Vertical(id="plan-main"):
                yield Static("", id="section-title")
                yield FlagBanner(id="banner")
                yield Vertical(id="items")  # the section panes (one shown)
        yield SteadyFooter()

    async def on_mount(self) -> None:
        self.set_class(self.app.size.width < NARROW_BELOW, "narrow")
        if self._given is None:
            self.call_after_refresh(self.open_session)  # paint the case reference first
        elif not self.query("#items"):  # (seen on a busy machine) not all mounted yet
            self.call_after_refresh(self._show_given)
        else:
            await self._show_given()

    async def _show_given(self) -> None:
        """The plan opened before this screen (by the opening screen): shown at once.
        Awaited from ``on_mount``, its first items are built before this screen's first
        frame, and shown in it with the title and the list (not a frame later)."""
        if self._given is None or self.leaving():
            return
        self._opened(self._given)
        if self.mounting is not None:
            await self.mounting
            self.show_built()

    @staticmethod
    def open_plan(path: Path, checklist_for: Callable[[str], LoadedChecklist | None],
                  read_only: bool = False) -> PlanSession:
        """Lock, read and check a plan as this screen opens it (any thread)."""
        return PlanSession.open(path, checklist_for, read_only=read_only, remember=True)

    def on_resize(self) -> None:
        self.set_class(self.app.size.width < NARROW_BELOW, "narrow")

    def _update_auto_focus(self) -> None:
        """Textual gives the focus to the first widget that takes it when nothing has it
        (the section list), as the screen is built and again as it is first shown. Here
        only once a section is shown and the focus it asks for has landed: before, the
        list (hidden below 100 columns) took the focus as the screen was built, lost it
        as the first section opened, took it again as the screen was shown, ahead of the
        question's focus, and lost it once more: each time it was styled again (about 15
        million instructions before the plan's first paint, #12.2). A read-only plan,
        whose questions take no focus, gives it to the list as before."""
        if self.shown is not None and not self.landing:
            super()._update_auto_focus()

    @work(thread=True, exclusive=True, group="open")
    def open_session(self) -> None:
        try:
            session = self.open_plan(self.path, self.app.checklist, self.want_read_only)
        except UserFacingError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        with self._open_guard:
            gone = self._session_closed  # left while the plan was loading: let it go
            self._loading = None if gone else session
        if gone:
            session.close()
            return
        self.app.call_from_thread(self._opened, session)

    def _failed(self, message: str) -> None:
        self.app.cannot_open(self.path, message)  # type: ignore[attr-defined]

    def _opened(self, session: PlanSession) -> None:
        self.session = session
        session.listener = lambda _session: self.schedule_save()
        app = self.app  # who is making the changes (look-d D12), when there is a who
        if app.ask_who or app.who is not None or app.said_for:  # type: ignore[attr-defined]
            from checklist_tui.tui.who_said import when_opened

            when_opened(self)
        if session.read_only:
            reason = self.query_one("#readonly-reason", Static)
            reason.update(join("READ-ONLY: ", lit(session.read_only_reason or ""),
                               ". You can look, but not change anything."))
            reason.add_class("shown")
        self.set_interval(LOCK_REFRESH_SECONDS, session.refresh_lock)
        ev = session.evaluate()
        what_changed.tell(self, session, len(ev.not_in_checklist))
        self.query_one(SectionList).show(ev.sections, session.checklist.checklist)
        # Back to the section where work stopped (that of the item changed last), not
        # section 1: a plan is filled in over weeks and visits, a section at a time and
        # not in order; `o` lists everything still open, most urgent first. The item
        # changed last is gone back to once the first window is painted (_show).
        section, self._return_to = session.last_place(ev)
        self.show_section(section)
        self.refresh_bindings()
        self.call_after_refresh(self._prepare_when_drawn)

    def _prepare_when_drawn(self) -> None:
        if self.leaving():
            return
        if self.ready:  # the first section shown, the item gone back to focused
            self.prepare_edits()  # (at once: a key may already be on its way)
            if self.session is not None and self.session.who_pending:
                from checklist_tui.tui.who_said import ask_when_drawn

                ask_when_drawn(self)  # who is making the changes (look-d D12)
        else:  # a timer: call_after_refresh re-added itself within one idle, for ever
            self.set_timer(0.01, self._prepare_when_drawn)

    @work(thread=True, group="prepare")
    def prepare_edits(self) -> None:
        """Once the plan is drawn and ready (started then, not a refresh later, nor while
        it goes back to the item changed last, which it would slow): what the first edit
        needs (editing, pydantic's validators, then the other modules the first paint
        went without: tui/warm.py); then the style warmers (``warm_styles``); then the
        lock forced to the disk (see PlanSession.open), before the first save needs it."""
        warm.warm_up()
        self.post_message(self.Warm())  # (thread-safe) then the style warmers
        if self.session is not None:
            self.session.sync_lock()

    _return_to: str | None = None
    _returning: str | None = None
    _placing = False

    def going_back(self) -> bool:
        """True while the plan, just opened, goes back to the item changed last."""
        return self._return_to is not None or self._returning is not None or self._placing

    def _show(self, pane: SectionPane) -> None:
        super()._show(pane)
        item, self._return_to = self._return_to, None
        if item is not None and item in {i.id for i in pane.section.items}:
            self.ready = False  # not ready until the item is focused, in view
            self._returning = item
            self.call_after_refresh(self.jump, pane.section.id, item)
        elif self._returning is not None and self._returning == self._focus_item:
            self.ready = False
            self._placing = True
            self.call_after_refresh(self._in_view, pane, self._returning)
            self._returning = None

    def _in_view(self, pane: SectionPane, item: str) -> None:
        """The item gone back to, scrolled into view once it is laid out."""
        view = next((v for v in pane.views() if v.item.id == item), None)
        if view is not None and not self.leaving():
            pane.scroll_to_widget(view, animate=False, top=True)
        self.ready, self._placing = True, False

    # -- answers -------------------------------------------------------------------
    def on_item_view_answered(self, message: ItemView.Answered) -> None:
        checklist = self.session.checklist.checklist if self.session else None
        if checklist is None or self.read_only:
            return
        if message.clear:
            changed = self.apply(edit.clear_answer, message.item_id)
            answer = self._session().plan.answers.get(message.item_id)
            if changed or answer is None or not answer.has_value:
                # Its options, tick box or text box show no answer now (a box kept the
                # cleared text, or a date NOT SAVED, as if it were the answer).
                self.restore_item(message.item_id)
                self.query_one(f"#item-{message.item_id}", ItemView).show_plan_text(answer)
        elif message.na:
            changed = self.apply(edit.set_not_applicable, checklist, message.item_id)
        else:
            changed = self.record_answer(message.item_id, message.value)
        if changed:
            self.query_one(f"#item-{message.item_id}", ItemView).answer = \
                self._session().plan.answers.get(message.item_id)  # what its boxes hold
            self.refresh_state()

    def on_item_view_details_wanted(self, message: ItemView.DetailsWanted) -> None:
        if not self.read_only:
            self.ask_details(message.item_id)

    def restore_item(self, item_id: str) -> None:
        self.query_one(f"#item-{item_id}", ItemView).reset(
            self._session().plan.answers.get(item_id))

    def on_item_view_noted(self, message: ItemView.Noted) -> None:
        if not self.read_only and self.apply(edit.set_note, message.item_id, message.note):
            self.refresh_header()

    def on_item_view_sourced(self, message: ItemView.Sourced) -> None:
        if not self.read_only and self.apply(edit.set_source, message.item_id,
                                              message.source):
            view = self.query_one(f"#item-{message.item_id}", ItemView)
            view.source_changed(self._session().plan.answers.get(message.item_id))
            self.refresh_header()

    # -- saving (the hook itself is in plan_saving) ----------------------------------
    async def take_typed(self) -> None:
        """Before quitting or leaving: what was typed reaches the plan first. Keys already
        passed to the focused box are typed in it first (Ctrl+Q is handled before them),
        then every box's text not yet passed on (it waits for a pause in typing) is."""
        focused = self.app.focused
        if focused is not None and focused.screen is self and focused.is_running:
            typed_in = asyncio.Event()
            focused.call_later(typed_in.set)
            with suppress(TimeoutError):
                await asyncio.wait_for(typed_in.wait(), 2.0)
        if self.session is None or self.read_only or self.leaving():
            return
        for pane in list(self.panes.values()):
            for view in pane.views():
                for message in view.typed_changes():
                    if isinstance(message, ItemView.Noted):
                        self.on_item_view_noted(message)
                    elif isinstance(message, ItemView.Answered):
                        self.on_item_view_answered(message)

    def close_session(self) -> bool:
        """Save and release the lock; safe to call more than once."""
        with self._open_guard:
            if self._session_closed:
                return True
            self._session_closed = True
            if self.session is None and self._loading is not None:
                self._loading.close()  # opened, but never shown
        if self.session is None:
            return True
        ok = self.session.close()
        if not ok and self.session.state.copied_to is None:
            self.app.lost_answers.append(f"Your latest answers to {self.session.loaded.path.name} "
                                         f"were NOT saved: {self.session.state.error}")
        if not ok:
            self.notify(self.session.state.error, title="Not saved", severity="error",
                        markup=False)
        return ok

    def leaving(self) -> bool:
        return self._session_closed or not self.is_running

    def on_unmount(self) -> None:
        self.close_session()

    # -- commands -----------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        declared = any(c.action == action for c in self.COMMANDS_DECLARED)
        if declared and self.session is None and action not in ("back", "help"):
            return False  # still opening the plan
        focused = self.app.focused
        if action == "step_section" and (isinstance(focused, Input | TextArea) or (
                focused is not None and isinstance(focused.parent, Select))):
            return False  # ] and [ are typed into a text box, or an open list's search
        return super().check_action(action, parameters)

    def action_back(self) -> None:
        """Escape in a note, a text or date answer steps out to the item (what was typed
        is kept); on an item, Escape leaves the plan."""
        focused = self.app.focused
        view = next((w for w in (focused.ancestors_with_self if focused else [])
                     if isinstance(w, ItemView)), None)
        if view is not None and (isinstance(focused, Input | TextArea) or (
                isinstance(focused, Select) and focused.id != f"answer-{view.item.id}")):
            view.focus_control(step_in=False)
            return
        self.leave_plan()
