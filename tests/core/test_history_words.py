"""look-d D2: the written plan's history appendix said 'person.remove', a code, with no name
and no reason. Each recorded change is said in words (core.history_words)."""

from __future__ import annotations

from datetime import timedelta

from checklist_tui.core import store
from checklist_tui.core.edit import add_record, remove_record, set_detail, update_record
from checklist_tui.core.history_words import changes
from checklist_tui.core.plan import Person, PersonKind, PlanState
from tests.conftest import EXAMPLES, NOW, TODAY
from tests.core.helpers import check_again, new_plan


def test_a_man_removed_or_recorded_as_not_a_man_is_named_with_the_reason(catalogue) -> None:
    lc = catalogue.get("pre-birth-assessment")
    plan = new_plan(lc)
    casey = add_record(plan, Person, by="Sam Social", now=NOW, name="Casey Partner (fictional)",
                       kind=PersonKind.VISITING_ADULT, man=True,
                       relationship="Mother's new partner")
    update_record(plan, Person, casey.id, by="Sam Social", now=NOW + timedelta(minutes=1),
                  man=False, why="Added as a man by mistake; man=True")
    remove_record(plan, Person, casey.id, by="Sam Social", now=NOW + timedelta(minutes=2),
                  why="Moved out on 20/11/2026")
    said = [c.words for c in changes(plan, lc.checklist)]
    assert said == [
        "Casey Partner (fictional) added to People (kind: Adult who visits or stays; "
        "relationship: 'Mother's new partner'; a man: yes)",
        "People's record of Casey Partner (fictional) changed: a man from yes to no; why: "
        "'Added as a man by mistake; man=True'",
        "Casey Partner (fictional) removed from People: 'Moved out on 20/11/2026'"]


def test_a_re_dated_check_and_its_words_recorded_again_are_said(catalogue) -> None:
    plan = store.load(EXAMPLES / "discharge-ready-for-sign-off.toml").plan
    plan.state = PlanState.DRAFT
    checklist = catalogue.get(plan.checklist_id).checklist
    start = len(plan.history)
    set_detail(plan, checklist, "DPM-H07", "date", TODAY, by="Ward midwife", now=NOW)
    check_again(plan, checklist, "DPM-H07", TODAY, by="Ward midwife",
                now=NOW + timedelta(minutes=1))
    said = [c.words for c in changes(plan, checklist)[start:]]
    assert said == [
        "Date of the check (the day the baby leaves) (DPM-H07): 25/11/2026",
        "Who checked each baby, and what they found ('none' if nothing) (DPM-H07) recorded "
        "again as still true: 'Drew Demo (safeguarding midwife) checked the baby at 09:30: no "
        "bruises or marks.'"]


def test_every_change_in_the_examples_is_said_in_words(catalogue) -> None:
    """No entry falls back to its code ('person.add PERSON-ID: ...'), no record by its id."""
    for path in sorted(EXAMPLES.glob("*.toml")):
        plan = store.load(path).plan
        checklist = catalogue.get(plan.checklist_id).checklist
        said = changes(plan, checklist)
        assert len(said) == len(plan.history)
        for entry, change in zip(plan.history, said, strict=True):
            assert not change.words.startswith(f"{entry.what} "), (path.name, change.words)
            if entry.what.partition(".")[0] in ("person", "agency", "action"):
                assert entry.target not in change.words, (path.name, change.words)  # a name
            assert (change.at, change.by) == (entry.at, entry.by)


def test_an_older_entry_read_more_than_one_way_is_shown_as_written(mini) -> None:
    """rev8-core 3's older entries: a value holding '; man=False' after his fields. The
    words do not pick a reading: the entry is given as written, saying why."""
    from checklist_tui.core.edit_base import log

    plan = new_plan(mini)
    written = ("name=Max Partner (fictional); kind=visiting_adult; man=True; involvement=Says "
               "he is not the father; man=False, he says")
    log(plan, "Sam Social", NOW, "person.add", "person-x", None, written)
    [change] = changes(plan, mini.checklist)
    assert change.words == (
        "People's record of Max Partner (fictional) added; this entry was written before "
        "values were kept apart from fields and can be read more than one way; as written: "
        f"'{written}'")


def test_what_people_typed_is_given_as_typed_and_the_app_s_dates_as_dates(mini) -> None:
    from datetime import date

    from checklist_tui.core.edit import record_shared, set_details, set_note

    plan = new_plan(mini)
    item = mini.checklist.sections[0].items[0].id
    set_note(plan, item, "Seen 2026-11-20 (as the GP wrote it)", by="t", now=NOW)
    record_shared(plan, "The GP", date(2026, 11, 24), by="t", now=NOW, role="GP practice",
                  how="by secure email")
    set_details(plan, by="t", now=NOW, edd=date(2027, 3, 2))
    said = [c.words for c in changes(plan, mini.checklist)]
    assert said[0].endswith(": 'Seen 2026-11-20 (as the GP wrote it)'")
    assert said[1] == ("A copy of the plan recorded as given: The GP on 24/11/2026; GP "
                       "practice; by secure email")
    assert said[2] == "Expected delivery date changed from 01/03/2027 to 02/03/2027"
