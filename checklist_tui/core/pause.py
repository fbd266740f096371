"""Pause points: whether one may be confirmed, and whether a confirmation still holds.

A pause point (a section with ``pause_point = true``) is read aloud with the people
present and confirmed. It may be confirmed only when every item shown in it counts as
done: answered, with its details, and not contradicted by the plan. A confirmation
holds only while that stays true: a later change that undoes an item, or that the
plan now contradicts, is shown as "no longer holds", in the same words everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from checklist_tui.core.definition import Checklist, Section
from checklist_tui.core.engine import Evaluation
from checklist_tui.core.plan import Confirmation, Plan

NO_LONGER_HOLDS = "NO LONGER HOLDS"


def when(at: datetime) -> str:
    """A confirmation's time as people read it: ``22/11/2026 10:43`` (local time)."""
    return at.astimezone().strftime("%d/%m/%Y %H:%M")


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def waiting(section: Section, ev: Evaluation) -> str:
    """Why the pause point cannot be (or is no longer) confirmed, in one sentence; or ""."""
    shown = [i for i in section.items if i.id in ev.visible_items]
    contradicted = {p.item_id: p for p in ev.contradicted}
    incomplete = {p.item_id: p for p in ev.incomplete}
    not_done = [i for i in shown if i.id not in ev.done_items]
    if not not_done:
        return ""
    item = not_done[0]
    more = len(not_done) - 1
    tail = f" ({more} more item{'s' if more != 1 else ''} also not done)" if more else ""
    if item.id in contradicted:
        why = "; ".join(contradicted[item.id].reasons)
        return f"{item.id} '{_short(item.prompt)}' is contradicted by the plan: {why}{tail}."
    if item.id in incomplete:
        why = "; ".join(incomplete[item.id].reasons)
        return f"{item.id} '{_short(item.prompt)}' is incomplete: {why}{tail}."
    return f"{item.id} '{_short(item.prompt)}' is not answered or done yet{tail}."


def latest(plan: Plan, section_id: str) -> Confirmation | None:
    found = [c for c in plan.confirmations if c.section == section_id]
    return max(found, key=lambda c: c.at) if found else None


@dataclass(frozen=True)
class PauseStatus:
    """One pause point's state: its latest confirmation, and whether it still holds."""

    section_id: str
    title: str
    confirmation: Confirmation | None
    problem: str
    """Why it cannot be confirmed now (or why a confirmation no longer holds); "" if none."""

    @property
    def holds(self) -> bool:
        return self.confirmation is not None and not self.problem

    def line(self) -> str:
        """The pause point's state in one or two sentences, for every view."""
        c = self.confirmation
        if c is None:
            if self.problem:
                return f"Pause point, not confirmed: {self.problem}"
            return "Pause point, not confirmed yet: every item is done, so it can be confirmed."
        said = (f"Confirmed by {c.by} on {when(c.at)}; present: "
                + ("; ".join(c.present) or "not recorded") + ".")
        if self.problem:
            return f"{NO_LONGER_HOLDS}: {said} Since then: {self.problem}"
        return said


def pause_status(checklist: Checklist, plan: Plan, ev: Evaluation,
                 section_id: str) -> PauseStatus | None:
    """The state of the pause point ``section_id``; None if that section is not one."""
    section = next((s for s in checklist.sections if s.id == section_id), None)
    if section is None or not section.pause_point:
        return None
    return PauseStatus(section.id, section.title, latest(plan, section.id), waiting(section, ev))


def pause_statuses(checklist: Checklist, plan: Plan, ev: Evaluation) -> list[PauseStatus]:
    """Every visible pause point of the checklist, in checklist order."""
    out = []
    for section in checklist.sections:
        if section.pause_point and any(i.id in ev.visible_items for i in section.items):
            found = pause_status(checklist, plan, ev, section.id)
            if found is not None:
                out.append(found)
    return out
