"""Who is making changes to this plan: asked once when a plan is opened for editing, and
again with W (or the command palette) whenever someone else takes the keyboard.

The boxes start empty: the person types their name and role. Whoever said so earlier in
this run of the app, else whoever last made changes to this plan on this computer
(``core.who.offered``), is offered as a button naming them, a choice made on purpose:
filled-in boxes were kept with Enter, Enter by whoever was at the keyboard (rev8-tui 1).
Every change is then recorded as that person (look-d D12: the ward midwife's changes
were recorded as the social worker's). Cancelling opens the plan to look at only:
nothing can be changed under nobody's name, and nothing is changed while the question
waits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Input, Static

from checklist_tui.core.who import NOT_SAID as NOBODY_SAID
from checklist_tui.core.who import (
    QUESTION,
    WHY_ASKED,
    Who,
    not_a,
    offered,
    only_looking,
    refusal,
)
from checklist_tui.tui.screens.form import FormScreen
from checklist_tui.tui.text import lit
from checklist_tui.tui.who_said import settle
from checklist_tui.tui.widgets.who_boxes import who_boxes

if TYPE_CHECKING:
    from checklist_tui.tui.screens.plan import PlanScreen

#: Why a plan is read-only after the question was cancelled.
NOT_SAID = f"{NOBODY_SAID}: press W to say who you are and change it"


class WhoScreen(FormScreen[Who]):
    """Name and role, typed; the person offered (if any) is a button of their own."""

    SAVE_WORDS = "Continue"
    CANCEL_WORDS = "Only look"

    def __init__(self, offer: Who | None, case_ref: str, changing: bool = False):
        super().__init__()
        self.offer, self.case_ref, self.changing = offer, case_ref, changing
        self.title = QUESTION

    def fields(self) -> ComposeResult:
        yield Static(lit(f"Plan {self.case_ref}. {WHY_ASKED} " + (
            "Cancel (or Escape) keeps who it is now." if self.changing else
            "Only look (or Escape) opens it without changing anything.")))
        yield from who_boxes("who", self.offer, "Morgan Example", "Ward midwife")

    def on_mount(self) -> None:
        """The name box focused; notices of keys typed while the plan opened ("Not taken")
        cleared: at 80x24 they covered this form's buttons for seconds (rev8-tui 9), and
        the empty boxes show nothing typed was kept."""
        self.app.clear_notifications()
        for box in self.query("#who-name").results(Input):  # none if the app is closing as
            self.set_focus(box, scroll_visible=False)  # the form opens (NoMatches raised)

    @on(Button.Pressed, "#who-same")
    def _same(self) -> None:
        if self.offer is not None:
            self.dismiss(self.offer)

    def save(self) -> None:
        name = self.query_one("#who-name", Input)
        role = self.query_one("#who-role", Input)
        problem = refusal(name.value, role.value)
        if problem is not None:
            self.refuse(problem, name if not_a("name", name.value) else role)
            return
        self.dismiss(Who(" ".join(name.value.split()), " ".join(role.value.split())))


class ChangeWhoScreen(WhoScreen):
    """W: someone else takes the keyboard. Cancel keeps who it is now (the plan is already
    open for changes: "Only look" would say what it does not do, rev8-tui 3)."""

    CANCEL_WORDS = "Cancel"


def ask(screen: PlanScreen, changing: bool = False) -> None:
    """Push the question over the plan screen; its answer is settled when given. On a
    plan opened only to look (nobody said), the plan is opened again, and asked anew."""
    session = screen.session
    if session is not None and session.read_only and only_looking(session.read_only_reason):
        path = session.loaded.path
        screen.close_session()  # its lock let go, then taken again as it opens
        screen.app.back_from_plan()  # type: ignore[attr-defined]
        screen.app.open_plan(path)  # type: ignore[attr-defined]
        return
    if session is None or session.read_only:
        return
    offer = offered(session.plan, screen.app.who)  # type: ignore[attr-defined]
    form = (ChangeWhoScreen if changing else WhoScreen)(offer, session.plan.case_ref, changing)
    screen.app.push_screen(form,
                           lambda who: _answered(screen, who, changing))


def _answered(screen: PlanScreen, who: Who | None, changing: bool) -> None:
    if who is not None:
        settle(screen, who)
    elif not changing and screen.session is not None and screen.session.said is None:
        screen.session.who_pending = False
        screen.session.only_look(NOT_SAID)  # and its lock let go (W opens it again)
        screen._opened_read_only_late()  # the reason said, every box read-only
        screen.refresh_header()
