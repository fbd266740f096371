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


NOT_CARRIED = ("The details given with the earlier Yes are not carried over: the answer was "
               "No before this Yes. Give them again if they still hold (the history keeps "
               "the old ones).")


def test_no_back_to_yes_does_not_bring_the_earlier_yes_details_back(catalogue) -> None:
    """look-c 7: the bruise check (DPM-H07) answered No ("Bruise seen behind ear") and
    then Yes again brought back "checked at 09:30: no bruises or marks" as current."""
    from datetime import timedelta

    from checklist_tui.core.carried import not_carried
    from checklist_tui.core.edit import set_detail

    lc, plan = _discharge(catalogue)
    item = lc.checklist.item_map()["DPM-H07"]
    before = dict(plan.answers["DPM-H07"].details)
    set_answer(plan, lc.checklist, "DPM-H07", "no", by="t", now=NOW)
    set_answer(plan, lc.checklist, "DPM-H07", "yes", by="t", now=NOW + timedelta(minutes=1))
    answer = plan.answers["DPM-H07"]
    assert not answer.details and detail_lines(item, answer, plan) == []
    assert {(h.target, h.old) for h in plan.history if h.what == "detail"
            and h.at == NOW + timedelta(minutes=1)} >= {
        ("DPM-H07.text", before["text"])}  # the history keeps them
    assert not_carried(item, answer, plan) == NOT_CARRIED
    ev = evaluate(lc.checklist, plan, TODAY)
    assert "DPM-H07" in {p.item_id for p in ev.incomplete}  # not in place until given again
    lines = item_status(lc.checklist, plan, ev, "DPM-H07")
    assert NOT_CARRIED in lines and not any("no bruises" in line for line in lines)
    set_detail(plan, lc.checklist, "DPM-H07", "date", before["date"], by="t",
               now=NOW + timedelta(minutes=2))
    assert not_carried(item, answer, plan) == NOT_CARRIED  # the text is still to give
    set_detail(plan, lc.checklist, "DPM-H07", "text", "Checked again at 11:00: the bruise "
               "behind the ear is the one seen at 10:00.", by="t", now=NOW + timedelta(minutes=3))
    assert not_carried(item, answer, plan) == ""


def test_a_yes_given_for_the_first_time_or_again_as_yes_says_nothing(catalogue) -> None:
    from checklist_tui.core.carried import not_carried

    lc, plan = _discharge(catalogue)
    item = lc.checklist.item_map()["DPM-H07"]
    set_answer(plan, lc.checklist, "DPM-H07", "yes", by="t", now=NOW)  # already yes
    assert plan.answers["DPM-H07"].details and not_carried(item, plan.answers["DPM-H07"],
                                                           plan) == ""
