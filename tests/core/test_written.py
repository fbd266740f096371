"""look-d D1 (c): re-typing only the date of a five-day-old bruise check made its findings,
written that day, read as a check done today. A tick's 'who checked, and what they found'
written before the day its date records does not stand; the same words recorded again on
the day do."""

from __future__ import annotations

from datetime import timedelta

import pytest

from checklist_tui.core import store
from checklist_tui.core.edit import confirm_pause_point, set_detail
from checklist_tui.core.engine import evaluate
from checklist_tui.core.errors import PlanError
from checklist_tui.core.plan import PlanState
from checklist_tui.core.written import written_before, written_on
from tests.conftest import EXAMPLES, NOW, TODAY
from tests.core.helpers import check_again

READY = EXAMPLES / "discharge-ready-for-sign-off.toml"
CHECKS = ("DPM-H01", "DPM-H07")


def _contradicted(checklist, plan) -> dict[str, str]:
    ev = evaluate(checklist, plan, TODAY)
    return {p.item_id: "; ".join(p.reasons) for p in ev.contradicted}


def _draft(catalogue):
    plan = store.load(READY).plan
    plan.state = PlanState.DRAFT  # changed as a draft: no reason asked here
    return catalogue.get(plan.checklist_id).checklist, plan


def _text_key(checklist, ident: str) -> str:
    return next(d.key for d in checklist.item_map()[ident].details if d.kind.value == "text")


def test_a_re_dated_check_keeps_nothing_of_the_old_findings(catalogue) -> None:
    checklist, plan = _draft(catalogue)
    for ident in CHECKS:  # the dates typed again as today's, nothing else
        set_detail(plan, checklist, ident, "date", TODAY, by="Ward midwife", now=NOW)
    said = _contradicted(checklist, plan).get("DPM-K01", "")
    assert "(DPM-H01) was written on Sunday 22 November 2026, before the date it records" \
        in said and ": write it again on that day (the same words again if they are still " \
        "true)" in said
    assert "(DPM-H07) was written on Sunday 22 November 2026" in said
    with pytest.raises(PlanError, match=r"cannot be confirmed: .*\(DPM-K01\) is "
                       r"contradicted by the plan: 'Who confirmed it"):
        confirm_pause_point(plan, checklist, "confirm", ["Ward midwife"], by="Ward midwife",
                            now=NOW, today=TODAY)
    for ident in CHECKS:  # who checked today, and what they found, written
        set_detail(plan, checklist, ident, _text_key(checklist, ident),
                   f"Checked again today ({ident}, fictional)", by="Ward midwife", now=NOW)
    assert "DPM-K01" not in _contradicted(checklist, plan)


def test_the_same_words_recorded_again_on_the_day_stand(catalogue) -> None:
    """A midwife who checks again and finds the same records the same words again: that
    is a new record of that day, kept in the history; typing them unchanged is not."""
    checklist, plan = _draft(catalogue)
    for ident in CHECKS:
        key = _text_key(checklist, ident)
        words = plan.answers[ident].details[key]
        set_detail(plan, checklist, ident, "date", TODAY, by="Ward midwife", now=NOW)
        set_detail(plan, checklist, ident, key, words, by="Ward midwife", now=NOW)  # no change
    assert "was written on Sunday" in _contradicted(checklist, plan)["DPM-K01"]
    count = len(plan.history)
    for ident in CHECKS:
        check_again(plan, checklist, ident, TODAY, by="Ward midwife", now=NOW)
    assert len(plan.history) == count + 2  # each words recorded again, with who and when
    last = plan.history[-1]
    assert (last.what, last.by, last.at, last.old == last.new) == (
        "detail", "Ward midwife", NOW, True)
    assert "DPM-K01" not in _contradicted(checklist, plan)
    ev = evaluate(checklist, plan, TODAY)
    assert "DPM-K01" in ev.done_items


def test_words_written_on_the_day_or_after_it_stand(catalogue) -> None:
    checklist, plan = _draft(catalogue)
    item = checklist.item_map()["DPM-H07"]
    answer = plan.answers["DPM-H07"]
    written = written_on(plan, {f"DPM-H07.{_text_key(checklist, 'DPM-H07')}"})
    [day] = written.values()
    assert answer.details["date"] == day  # the example: checked and written the same day
    assert written_before(plan, item, answer) == ""
    set_detail(plan, checklist, "DPM-H07", "date", day - timedelta(days=1), by="t", now=NOW)
    assert written_before(plan, item, plan.answers["DPM-H07"]) == ""  # written after it


def test_the_example_as_shipped_is_not_affected(catalogue) -> None:
    plan = store.load(READY).plan
    checklist = catalogue.get(plan.checklist_id).checklist
    for ident in ("DPM-H01", "DPM-H07", "DPM-C12"):
        item = checklist.item_map()[ident]
        assert written_before(plan, item, plan.answers[ident]) == ""


def test_a_history_that_never_wrote_the_words_claims_nothing(catalogue) -> None:
    """A plan whose history does not hold the words' writing (older plans, a file edited
    outside the app) cannot tell when they were written: nothing is claimed either way."""
    checklist, plan = _draft(catalogue)
    plan.history = [e for e in plan.history if e.what != "detail"]
    set_detail(plan, checklist, "DPM-H07", "date", TODAY, by="t", now=NOW)
    plan.history = [e for e in plan.history if e.what != "detail"]
    item = checklist.item_map()["DPM-H07"]
    assert written_before(plan, item, plan.answers["DPM-H07"]) == ""


def test_the_answer_itself_says_its_words_are_older_than_its_date(catalogue) -> None:
    """Under the answer, in every view that reads what it carries (the item on screen,
    plain mode, answer, show): the words' day, before the date they are recorded with."""
    from checklist_tui.core.gaps import item_flags

    checklist, plan = _draft(catalogue)
    item = checklist.item_map()["DPM-H07"]
    said = "(DPM-H07) was written on Sunday 22 November 2026, before the date it records"
    assert not any(said in line for line in item_flags(item, plan, evaluate(checklist, plan,
                                                                            TODAY)))
    set_detail(plan, checklist, "DPM-H07", "date", TODAY, by="t", now=NOW)
    assert any(said in line for line in item_flags(item, plan, evaluate(checklist, plan,
                                                                        TODAY)))
    check_again(plan, checklist, "DPM-H07", TODAY, by="t", now=NOW)
    assert not any(said in line for line in item_flags(item, plan, evaluate(checklist, plan,
                                                                            TODAY)))


def test_words_recorded_again_say_so_under_the_answer(catalogue) -> None:
    """rev8-tui 2: one tick re-recorded old words as today's and nothing said so; the
    answer now says they were recorded again as still true, by whom, and when first
    written."""
    from checklist_tui.core.gaps import item_flags

    checklist, plan = _draft(catalogue)
    item = checklist.item_map()["DPM-H07"]
    set_detail(plan, checklist, "DPM-H07", "date", TODAY, by="t", now=NOW)
    said = "was recorded again as still true on"
    assert not any(said in line for line in item_flags(item, plan, evaluate(checklist, plan,
                                                                            TODAY)))
    check_again(plan, checklist, "DPM-H07", TODAY, by="Morgan Example (Ward midwife)",
                now=NOW)
    lines = item_flags(item, plan, evaluate(checklist, plan, TODAY))
    line = next(line for line in lines if said in line)
    assert "(DPM-H07)" in line and "by Morgan Example (Ward midwife)" in line
    assert "first written on Sunday 22 November 2026" in line


def test_born_today_is_not_the_whole_picture_while_an_answer_is_contradicted(
        catalogue) -> None:
    """rev8-core 1: once a contradicted answer counted as answered, the born-today line
    said 'The 11 things marked as needed at birth are in place.' while the discharge
    bruise check (DPM-K01) was CONTRADICTED; it must keep 'not the whole picture'."""
    from checklist_tui.core.gaps import born_today

    checklist, plan = _draft(catalogue)
    assert plan.dob is not None
    whole = born_today(checklist, plan, TODAY).headline
    assert "in place." in whole and "not the whole picture" not in whole
    for ident in CHECKS:  # re-dated only: DPM-K01 is contradicted
        set_detail(plan, checklist, ident, "date", TODAY, by="t", now=NOW)
    assert "DPM-K01" in _contradicted(checklist, plan)
    said = born_today(checklist, plan, TODAY).headline
    assert "not the whole picture" in said and "not done (contradicted or incomplete)" in said
