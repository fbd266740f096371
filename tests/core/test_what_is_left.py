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


def _submitted(catalogue, decision: str):
    from checklist_tui.core import review
    from tests.conftest import NOW

    plan = store.load(EXAMPLES / "discharge-ready-for-sign-off.toml").plan
    checklist = catalogue.get(plan.checklist_id).checklist
    review.submit(plan, checklist, by="Drew", now=NOW, today=TODAY)
    review.decide(plan, checklist, decision=decision, rationale="See the father alone.",
                  name="Sam Senior", role="Team manager", now=NOW, today=TODAY)
    return plan, checklist


def test_a_return_says_the_reason_and_never_that_it_is_put_right(catalogue) -> None:
    from checklist_tui.core.vocabulary import RETURNED
    from checklist_tui.core.what_is_left import back_to_the_manager

    plan, checklist = _submitted(catalogue, "returned")
    found = back_to_the_manager(checklist, plan, evaluate(checklist, plan, TODAY), RETURNED)
    assert found.ready and found.title == "Returned by the manager"
    assert found.lines[0].endswith(": See the father alone.")
    assert "only you can say" in found.lines[-1]  # the checks cannot know the manager's point
    assert not any("challenge" in line for line in found.lines)  # none is waiting


def test_an_approval_that_no_longer_stands_says_what_changed_and_what_stops_it(
        catalogue) -> None:
    from checklist_tui.core.review import approval_void
    from checklist_tui.core.vocabulary import NO_LONGER_SIGNED_OFF
    from checklist_tui.core.what_is_left import back_to_the_manager

    plan, checklist = _submitted(catalogue, "approved")
    plan.confirmations.clear()  # changed after the approval, outside the app's history
    assert approval_void(plan)
    found = back_to_the_manager(checklist, plan, evaluate(checklist, plan, TODAY),
                                NO_LONGER_SIGNED_OFF)
    assert found.title == "No longer signed off" and not found.ready
    assert "What changed since the approval:" in found.lines
    # still marked approved: submitting would be refused, so it is never offered
    assert "- It is still marked approved, so it must be reopened first" in "\n".join(
        found.lines)
    assert any(line.startswith("What changed is not recorded") for line in found.lines)
    assert any(line.startswith("- Pause point 'Confirm before discharge' is not confirmed")
               for line in found.lines), found.lines
