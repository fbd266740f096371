"""What changed in the checklist since a plan was made, and moving the plan to today's version.

Opening a plan made with an earlier version says so in a notice that names the key
(``v``); the key shows the same lines as ``show`` and plain mode (``core.versions``) and,
where the plan can change, offers to move it to today's version, carrying the answers
that map (the same operation as ``checklist-tui upgrade``, through the session).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checklist_tui.core import lazy
from checklist_tui.core.dates import plural
from checklist_tui.core.errors import UserFacingError
from checklist_tui.core.plan import PlanState

if TYPE_CHECKING:
    from checklist_tui.core import versions
    from checklist_tui.core.session import PlanSession
    from checklist_tui.tui.screens.plan_base import PlanScreenBase
else:  # only when v is pressed: the notice on opening needs none of it
    versions = lazy.module("checklist_tui.core.versions")

def can_upgrade(session: PlanSession) -> bool:
    return (not session.read_only and session.plan.checklist_version !=
            session.checklist.checklist.version
            and session.plan.state not in (PlanState.APPROVED, PlanState.ENTERED_IN_ERROR))


def tell(screen: PlanScreenBase, session: PlanSession, orphans: int) -> None:
    """The notice on opening a plan made with another version (nothing when current)."""
    plan, current = session.plan, session.checklist.checklist
    if plan.checklist_version == current.version and not orphans:
        return
    kept = (f" {plural(orphans, 'answer')} to items that are no longer in the checklist are kept."
            if orphans else "")
    more = " Press v to see what changed." if plan.checklist_version != current.version else ""
    screen.notify(f"This plan was made with version {plan.checklist_version} of the "
                  f"checklist; it is shown with version {current.version}.{kept}{more}",
                  title="Checklist changed", markup=False, timeout=15)


def show(screen: PlanScreenBase, session: PlanSession, sources: dict) -> None:
    """The what-changed dialog; its button moves the plan to today's version."""
    from checklist_tui.tui.screens.message import MessageScreen

    plan, current = session.plan, session.checklist.checklist
    if plan.checklist_version == current.version:
        screen.notify(f"This plan uses version {current.version}, the current version of "
                      "the checklist.", markup=False)
        return
    lines = (versions.changes_since(plan, current, sources)
             or ["Nothing in this plan is affected."])
    confirm = None
    if can_upgrade(session):
        n = len(versions.carries(plan, current))
        confirm = f"Move to version {current.version}"
        lines += ["", f"{confirm} carries {plural(n, 'answer')} to the items that replace "
                  "them and keeps every other answer; the history records it.", "",
                  f"Cancel is selected: Enter closes this and changes nothing. Tab goes to "
                  f"{confirm}."]
    elif plan.state == PlanState.APPROVED:
        lines += ["", f"A signed-off plan keeps version {plan.checklist_version}."]
    # The "Checklist changed" notice said what this dialog says, and sat over its
    # buttons for 15 s.
    screen.app.clear_notifications()
    screen.app.push_screen(
        MessageScreen(f"Made with version {plan.checklist_version}, shown with "
                      f"{current.version}", lines, confirm),
        lambda yes: _move(screen, session) if yes else None)


def _move(screen: PlanScreenBase, session: PlanSession) -> None:
    loaded = session.checklist
    try:
        done = session.apply(versions.upgrade, loaded.checklist, loaded.content_hash)
    except UserFacingError as exc:
        screen.notify(str(exc), severity="error", markup=False)
        return
    screen.notify(f"Moved to version {loaded.checklist.version}: {plural(len(done), 'answer')} "
                  "carried, every other answer kept.", markup=False)
    screen.refresh_state()
    if screen.current:
        screen.show_section(screen.current)
