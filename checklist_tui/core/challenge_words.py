"""A manager's challenges and the practitioner's answers as plain lines, with who and
when, as the exports say them (``show PLAN``, the review screen's plan view).
``core.review.challenge_lines`` is this."""

from __future__ import annotations

from checklist_tui.core.plan import Plan
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
