"""A manager's challenges and the practitioner's answers as plain lines, with who and
when, as the exports say them (``show PLAN``, the review screen's plan view).
``core.review.challenge_lines`` (and ``challenges_on``, ``item_challenge_lines``) is this."""

from __future__ import annotations

from checklist_tui.core.plan import Challenge, Plan
from checklist_tui.core.vocabulary import signed


def challenge_lines(plan: Plan) -> list[str]:
    """Each challenge and its answer, as plain lines (for show, report and summaries):
    who asked and when, and who answered and when, as the exports say them."""
    lines = []
    for c in plan.challenges:
        who = signed(c.by, c.role)
        lines.append(f"{c.item}: challenged by {who} on {c.at.astimezone():%d/%m/%Y %H:%M} "
                     f"[{c.id}]: {c.text}")
        if c.open:
            lines.append("  not yet answered")
            continue
        when = (f" on {c.responded_at.astimezone():%d/%m/%Y %H:%M}" if c.responded_at
                else " (when not recorded)")
        lines.append(f"  answered by {c.responded_by}{when}: {c.response}")
    return lines


def challenges_on(plan: Plan, item_id: str) -> list[Challenge]:
    return [c for c in plan.challenges if c.item == item_id]


def item_challenge_lines(plan: Plan, item_id: str) -> list[str]:
    """A manager's challenges on one item, for the item itself: who asked, when, what, and
    the answer or that it is not yet answered."""
    lines = []
    for c in challenges_on(plan, item_id):
        who = signed(c.by, c.role)
        head = f"CHALLENGE from {who}, {c.at.astimezone():%d/%m/%Y}: {c.text}"
        if c.open:
            lines.append(f"{head} (not yet answered)")
        else:
            when = f", {c.responded_at.astimezone():%d/%m/%Y}" if c.responded_at else ""
            lines.append(f"{head} (answered by {c.responded_by}{when}: {c.response})")
    return lines
