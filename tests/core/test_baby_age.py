"""look-d 8: a 17-day-old baby recorded on the injury checklist as able to "crawl,
bottom-shuffle, pull to stand, cruise or walk" got only a note sending the practitioner to
another procedure. Every baby under six months counts as not mobile: the plan holds the
date of birth, so a "yes" for a younger baby is refused, and contradicted if the date of
birth recorded later says so (cross-check ``age_at_least_months``)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from checklist_tui.core.baby_age import age_words, months_old
from checklist_tui.core.catalogue import load_checklist
from checklist_tui.core.edit import set_answer, set_detail
from checklist_tui.core.engine import evaluate
from checklist_tui.core.errors import PlanError
from checklist_tui.core.gaps import gaps_and_risks
from tests.conftest import NOW, TODAY
from tests.core.helpers import new_plan

NAI = "injury-non-mobile-baby"
UNDER_SIX = "every baby under six months counts as not mobile"


def _plan(catalogue, dob: date | None):
    loaded = catalogue.get(NAI)
    return loaded.checklist, new_plan(loaded, edd=None, dob=dob)


@pytest.mark.parametrize(("dob", "on", "months"), [
    (date(2026, 11, 10), date(2026, 11, 27), 0),
    (date(2026, 5, 27), date(2026, 11, 26), 5),   # the day before six months
    (date(2026, 5, 27), date(2026, 11, 27), 6),   # six months to the day
    (date(2026, 8, 31), date(2027, 2, 28), 5),    # no 31 February: not six months yet
    (date(2026, 8, 31), date(2027, 3, 1), 6),
    (date(2025, 12, 15), date(2026, 11, 27), 11),
])
def test_whole_months_old_are_never_more_than_the_baby_is(dob, on, months) -> None:
    assert months_old(dob, on) == months


@pytest.mark.parametrize(("days", "words"), [
    (0, "0 days old"), (1, "1 day old"), (17, "17 days old"), (55, "55 days old"),
    (56, "8 weeks old"), (90, "12 weeks old"), (130, "4 months old")])
def test_the_age_in_words(days, words) -> None:
    dob = date(2026, 1, 1)
    assert age_words(dob, dob + timedelta(days=days)) == words


def test_a_yes_for_a_17_day_old_baby_is_refused_saying_why(catalogue) -> None:
    checklist, plan = _plan(catalogue, TODAY - timedelta(days=17))
    with pytest.raises(PlanError) as caught:
        set_answer(plan, checklist, "NAI-02B", "yes", by="t", now=NOW)
    said = str(caught.value)
    assert said.startswith("NAI-02B: Yes cannot be recorded: the baby is 17 days old today (born ")
    assert "under 6 months" in said and UNDER_SIX in said and "\n" not in said
    assert "NAI-02B" not in plan.answers and not plan.history  # nothing saved
    set_answer(plan, checklist, "NAI-02B", "no", by="t", now=NOW)  # the answer that stands
    assert "NAI-02B" in evaluate(checklist, plan, TODAY).done_items


def test_with_no_date_of_birth_a_yes_asks_for_it(catalogue) -> None:
    checklist, plan = _plan(catalogue, None)
    with pytest.raises(PlanError, match="no date of birth is recorded, so the plan cannot tell "
                                        "whether the baby is under 6 months: record the date "
                                        "of birth in the plan details"):
        set_answer(plan, checklist, "NAI-02B", "yes", by="t", now=NOW)
    set_answer(plan, checklist, "NAI-02B", "unknown", by="t", now=NOW, owner="A. Worker",
               by_date=TODAY)  # not sure: taken, and the note says treat as not mobile
    assert "NAI-02B.unsure" in {f.rule_id for f in evaluate(checklist, plan, TODAY).fired}


def test_a_yes_for_a_baby_of_six_months_stands_with_its_note(catalogue) -> None:
    checklist, plan = _plan(catalogue, date(2026, 5, 25))  # six months on TODAY
    set_answer(plan, checklist, "NAI-02B", "yes", by="t", now=NOW)
    ev = evaluate(checklist, plan, TODAY)
    assert "NAI-02B" in ev.done_items and not ev.contradicted
    assert "NAI-02B.mobile" in {f.rule_id for f in ev.fired}


def test_a_date_of_birth_recorded_later_contradicts_the_yes_in_words(catalogue) -> None:
    checklist, plan = _plan(catalogue, date(2025, 11, 1))
    set_answer(plan, checklist, "NAI-02B", "yes", by="t", now=NOW)
    plan.dob = date(2026, 11, 8)  # the date of birth corrected: 17 days old
    ev = evaluate(checklist, plan, TODAY)
    [problem] = ev.contradicted
    assert problem.item_id == "NAI-02B" and "NAI-02B" not in ev.done_items
    assert problem.reasons[0].startswith(
        "the baby was 17 days old on 25/11/2026, the day this was answered (born 08/11/2026): "
        "under 6 months; " + UNDER_SIX)
    [gap] = [g for g in gaps_and_risks(checklist, plan, ev) if g.item_id == "NAI-02B"]
    assert "walk? Answered Yes, but the baby was 17 days old" in gap.text  # not "Ticked"
    # rev8-core 10: the note for a mobile child is not shown beside "answer No" (2.6.0)
    assert "NAI-02B.mobile" not in {f.rule_id for f in ev.fired}
    plan.dob = date(2025, 11, 1)  # corrected back: the Yes stands, and its note with it
    ev = evaluate(checklist, plan, TODAY)
    assert not ev.contradicted and "NAI-02B.mobile" in {f.rule_id for f in ev.fired}


def test_a_note_is_hidden_under_a_contradicted_answer_only_when_it_says_so(
        catalogue, tmp_path: Path) -> None:
    original = Path(catalogue.get(NAI).path).read_text(encoding="utf-8")
    rule = 'id = "mobile"\nseverity = "info"\nif_answer = ["yes"]\n'
    assert rule in original and "unless_contradicted = true" in original
    for extra, said in (("red_flag = true\nescalation = \"Act.\"\n", "a red flag is never hidden"),
                        (None, "with 'if_answer'")):
        text = (original.replace(rule, rule + extra, 1) if extra else original.replace(
            'if_answer = ["yes"]\n# rev8-core 10', 'when = { answered = "NAI-01" }\n# rev8-core 10',
            1))
        assert text != original
        path = tmp_path / "injury.toml"
        path.write_text(text, encoding="utf-8")
        _loaded, problems = load_checklist(path, catalogue.sources)
        assert problems and said in problems[0].message, problems


def test_the_age_is_taken_on_the_day_the_mark_was_seen(catalogue) -> None:
    """Six months old today, but five months and three weeks on the day the mark was seen
    (NAI-03's date): the age that matters is the baby's when it was hurt."""
    checklist, plan = _plan(catalogue, date(2026, 5, 20))
    set_answer(plan, checklist, "NAI-03", True, by="t", now=NOW)
    set_detail(plan, checklist, "NAI-03", "date", date(2026, 11, 10), by="t", now=NOW)
    with pytest.raises(PlanError, match=r"the baby was 5 months old on 10/11/2026, the day "
                                        r"recorded as seen with NAI-03 \(born 20/05/2026\)"):
        set_answer(plan, checklist, "NAI-02B", "yes", by="t", now=NOW)


def test_a_cross_check_takes_one_form_and_a_sensible_age(catalogue, tmp_path: Path) -> None:
    original = Path(catalogue.get(NAI).path).read_text(encoding="utf-8")
    for bad, said in (("age_at_least_months = 6, plan = \"men_recorded\"", "exactly one of"),
                      ("age_at_least_months = 0", "age_at_least_months': must be at least 1")):
        text = original.replace("age_at_least_months = 6", bad, 1)
        assert text != original
        path = tmp_path / "injury.toml"
        path.write_text(text, encoding="utf-8")
        _loaded, problems = load_checklist(path, catalogue.sources)
        assert problems and said in problems[0].message
