"""core.what_is_left: Outstanding lists the plan's gaps and risks (core.plan_gaps) and drops
nothing the older attention list had; the title claims no order that is not there."""

from __future__ import annotations

from datetime import date

import pytest

from checklist_tui.core import store
from checklist_tui.core.engine import evaluate
from checklist_tui.core.outstanding import MANAGER_LABELS, entries
from checklist_tui.core.plan_gaps import plan_gaps
from checklist_tui.core.what_is_left import (
    NOT_GAPS,
    Listing,
    outstanding_listing,
    outstanding_title,
)
from tests.conftest import EXAMPLES

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_outstanding_keeps_everything_and_lists_the_one_gaps_list(catalogue, example) -> None:
    plan = store.load(EXAMPLES / example).plan
    checklist = catalogue.get(plan.checklist_id).checklist
    ev = evaluate(checklist, plan, TODAY)
    listing = outstanding_listing(checklist, plan, ev)
    gaps = plan_gaps(checklist, plan, ev)
    assert listing.gaps == len(gaps)
    listed = [row for _heading, rows in listing.groups for row in rows]
    where = {(g.item_id, g.record_id) for g in gaps}
    for entry in entries(checklist, plan, ev):  # the older list: nothing of it is lost
        if entry.label in MANAGER_LABELS or entry.label in NOT_GAPS:
            assert entry in listed
        else:  # carried by the plan's gaps and risks, on the same item or record
            assert (entry.item_id, entry.record_id) in where, entry


@pytest.mark.parametrize(("listing", "title"), [
    (Listing([], 0), "Nothing is outstanding."),
    (Listing([("h", [None] * 3)], 3), "Outstanding: 3 things."),  # type: ignore[list-item]
    (Listing([("h", [None] * 5)], 3), "Outstanding: 5 things. Gaps and risks first."),  # type: ignore[list-item]
    (Listing([("h", [None] * 6)], 3, pause_points=1, waiting=2),  # type: ignore[list-item]
     "Outstanding: 6 things. The manager's review first, then the pause points, then gaps "
     "and risks."),
])
def test_the_title_says_the_order_only_when_there_is_one(listing, title) -> None:
    assert outstanding_title(listing) == title
