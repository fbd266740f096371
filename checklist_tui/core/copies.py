"""Copies of the plan given out that the plan has since moved on from (look-d D15).

A GP or the parents holding a copy that says the baby goes home with them, after the plan
changed to say the baby will not, is the failure a distribution list exists to prevent.
Each copy keeps the hash of what the plan said when it was given (``Shared.content_hash``);
a copy whose hash is no longer the plan's is out of date until a new copy is recorded.
A copy recorded before the hash was kept is not claimed either way.
"""

from __future__ import annotations

from checklist_tui.core.dates import uk_date
from checklist_tui.core.plan import Plan, Shared

OUT_OF_DATE = "OUT OF DATE"


def out_of_date(plan: Plan) -> list[Shared]:
    """The copies given out that no longer say what the plan says, for each recipient
    whose latest copy is older than the plan's content."""
    kept = [d for d in plan.distribution if d.content_hash]
    if not kept:
        return []
    from checklist_tui.core.review import content_hash  # only for a plan with copies

    now = content_hash(plan, with_challenges=False)
    latest: dict[tuple[str, bool], Shared] = {}
    for d in kept:  # in the order recorded: a later copy to the same person replaces it
        latest[(d.to.strip().lower(), d.parents)] = d
    return [d for d in latest.values() if d.content_hash != now]


def who(d: Shared) -> str:
    return "the parents" if d.parents else d.to


def out_of_date_words(stale: list[Shared], record_it: str = "Distribution, D") -> str:
    """One sentence for the plan's gaps: who holds an out-of-date copy and what to do
    (``record_it``: where the new copy is recorded, for the app by default)."""
    names = "; ".join(f"{who(d)} (given {uk_date(d.on)})" for d in stale)
    copies = ("A copy given out is out of date (the plan has changed since it was given)"
              if len(stale) == 1 else f"{len(stale)} copies given out are out of date (the "
              "plan has changed since they were given)")
    return f"{copies}: {names}. Give them the current plan and record it ({record_it})."
