"""look-c 6 and 16: details are what a Yes (or a tick) carries. A Yes's details outlived a
change to No and were printed as arrangements in place (the written plan's parts, "Other
arrangements recorded", `answer`, the item on screen, plain mode); a person removed after
being named in an answer was printed by id."""

from __future__ import annotations

from checklist_tui.core import store
from checklist_tui.core.carried import SINCE_REMOVED, detail_lines, earlier_details
from checklist_tui.core.edit import Person, remove_record, set_answer
from checklist_tui.core.engine import evaluate
from checklist_tui.core.gaps import item_status
from checklist_tui.core.plan import PlanState
from checklist_tui.export.writer import render
from tests.conftest import EXAMPLES, NOW, TODAY

DISCHARGE = "discharge-ready-for-sign-off.toml"
EARLIER = ("Details recorded with an earlier Yes are not shown now the answer is No (the "
           "history keeps them).")


def _discharge(catalogue):
    plan = store.load(EXAMPLES / DISCHARGE).plan
    plan.state = PlanState.DRAFT  # changed without a reason asked for (not the point here)
    return catalogue.get(plan.checklist_id), plan


def test_a_yes_changed_to_no_no_longer_shows_what_the_yes_carried(catalogue) -> None:
    lc, plan = _discharge(catalogue)
    item = lc.checklist.item_map()["DPM-C04"]
    assert detail_lines(item, plan.answers["DPM-C04"], plan) == [
        ("Who will be present when the parents care for the baby", "Avery Example")]
    set_answer(plan, lc.checklist, "DPM-C04", "no", by="t", now=NOW)
    answer = plan.answers["DPM-C04"]
    assert answer.details  # kept in the plan and its history, not shown as content
    assert detail_lines(item, answer, plan) == []
    assert earlier_details(item, answer) == EARLIER
    lines = item_status(lc.checklist, plan, evaluate(lc.checklist, plan, TODAY), "DPM-C04")
    assert lines[0] == "DPM-C04: No" and EARLIER in lines
    assert not any("Avery Example" in line for line in lines)
    md = str(render("markdown", lc, plan, False, catalogue.sources))
    assert "| Who will be present when the parents care for the baby |" not in md
    assert "Avery Example | DPM-C04" not in md


def test_a_yes_still_shows_what_it_carries(catalogue) -> None:
    lc, plan = _discharge(catalogue)
    item = lc.checklist.item_map()["DPM-C04"]
    assert earlier_details(item, plan.answers["DPM-C04"]) == ""
    lines = item_status(lc.checklist, plan, evaluate(lc.checklist, plan, TODAY), "DPM-C04")
    assert "Who will be present when the parents care for the baby: Avery Example" in lines


def test_a_person_removed_after_being_named_reads_by_the_name_recorded(catalogue) -> None:
    lc, plan = _discharge(catalogue)
    item = lc.checklist.item_map()["DPM-C04"]
    avery = next(p for p in plan.people if p.name == "Avery Example")
    remove_record(plan, Person, avery.id, by="t", now=NOW)
    assert detail_lines(item, plan.answers["DPM-C04"], plan) == [
        ("Who will be present when the parents care for the baby",
         "Avery Example (since removed from People)")]
    plan.history = [h for h in plan.history if h.target != avery.id]  # no name recorded
    assert detail_lines(item, plan.answers["DPM-C04"], plan)[0][1] == SINCE_REMOVED
    md = str(render("markdown", lc, plan, False, catalogue.sources))
    assert avery.id not in md
