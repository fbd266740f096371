"""look-d D15: after the plan changed, the GP and the parents still read as holding the
plan, with nothing saying their copies no longer say what it says."""

from __future__ import annotations

from datetime import timedelta

from checklist_tui.core import copies
from checklist_tui.core.edit import record_shared, set_answer
from checklist_tui.core.engine import evaluate
from checklist_tui.core.plan import Shared
from checklist_tui.core.plan_gaps import plan_gaps
from tests.conftest import NOW, TODAY
from tests.core.helpers import new_plan

PBA = "pre-birth-assessment"


def _plan(catalogue):
    loaded = catalogue.get(PBA)
    return loaded.checklist, new_plan(loaded)


def test_a_copy_is_current_until_the_plan_changes(catalogue) -> None:
    checklist, plan = _plan(catalogue)
    record_shared(plan, "Example GP surgery", TODAY, by="t", now=NOW, role="GP")
    record_shared(plan, "", TODAY, parents=True, by="t", now=NOW)
    assert plan.distribution[0].content_hash  # what the plan said, kept with the copy
    assert copies.out_of_date(plan) == []  # recording a copy changes nothing it says
    set_answer(plan, checklist, "PBA-S01", "yes", by="t", now=NOW + timedelta(minutes=5))
    stale = copies.out_of_date(plan)
    assert [copies.who(d) for d in stale] == ["Example GP surgery", "the parents"]
    words = [g.text for g in plan_gaps(checklist, plan, evaluate(checklist, plan, TODAY))]
    assert any(w.startswith("2 copies given out are out of date") and "the parents" in w
               for w in words)


def test_a_new_copy_to_the_same_person_is_current_again(catalogue) -> None:
    checklist, plan = _plan(catalogue)
    record_shared(plan, "Example GP surgery", TODAY, by="t", now=NOW)
    set_answer(plan, checklist, "PBA-S01", "yes", by="t", now=NOW)
    assert len(copies.out_of_date(plan)) == 1
    record_shared(plan, "example GP surgery ", TODAY, by="t", now=NOW)
    assert copies.out_of_date(plan) == []


def test_a_copy_recorded_before_hashes_were_kept_is_not_claimed_either_way(catalogue) -> None:
    checklist, plan = _plan(catalogue)
    plan.distribution.append(Shared(to="Old copy", on=TODAY))
    set_answer(plan, checklist, "PBA-S01", "yes", by="t", now=NOW)
    assert copies.out_of_date(plan) == []


def test_a_copy_recorded_on_a_later_day_is_not_vouched_for(catalogue) -> None:
    """rev7-core 3: a copy given on 10/11 recorded on 20/11 was stored with the 20/11 plan's
    hash, so a plan changed in between read as what the GP holds."""
    checklist, plan = _plan(catalogue)
    record_shared(plan, "Example GP surgery", TODAY - timedelta(days=10), by="t", now=NOW)
    assert plan.distribution[0].content_hash == ""  # what it said is not known
    set_answer(plan, checklist, "PBA-S01", "yes", by="t", now=NOW)
    assert copies.out_of_date(plan) == []  # not claimed either way


def test_a_redacted_export_keeps_what_the_hashes_say(catalogue) -> None:
    """rev7-core 2: a redacted export said every copy was OUT OF DATE and an approval that
    stands was void: the hashes were of the plan before its names were replaced."""
    from checklist_tui.core.review import approval_void
    from checklist_tui.export.redact import redact_plan

    checklist, plan = _plan(catalogue)
    record_shared(plan, "Example GP surgery", TODAY, by="t", now=NOW)
    redacted = redact_plan(plan, "Case A")
    assert copies.out_of_date(redacted) == []
    set_answer(plan, checklist, "PBA-S01", "yes", by="t", now=NOW)
    assert len(copies.out_of_date(redact_plan(plan, "Case A"))) == 1  # and stale stays stale
    from checklist_tui.core import review, store
    from tests.conftest import EXAMPLES

    ready = store.load(EXAMPLES / "discharge-ready-for-sign-off.toml").plan
    lc = catalogue.get(ready.checklist_id).checklist
    review.submit(ready, lc, by="Drew Demo", now=NOW, today=TODAY)
    review.decide(ready, lc, decision="approved", rationale="Sound and agreed by all",
                  name="Sam Senior", role="Team manager", now=NOW, today=TODAY)
    assert not approval_void(ready)
    assert not approval_void(redact_plan(ready, "Case B"))  # it stands on the copy too
