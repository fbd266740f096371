"""look-d D2 (second half): changing a man to 'not a man', or a visiting man to someone
not around the baby, asked nothing, and nothing named him again: it is refused without a
real reason, as removing him is, and the history keeps the reason."""

from __future__ import annotations

import pytest

from checklist_tui.core.edit import add_record, update_record
from checklist_tui.core.edit_records import change_needs_why, leaves_the_men
from checklist_tui.core.errors import PlanError
from checklist_tui.core.plan import Person, PersonKind
from tests.conftest import NOW
from tests.core.helpers import new_plan


def _with_max(mini):
    plan = new_plan(mini)
    max_ = add_record(plan, Person, by="t", now=NOW, name="Max Partner (fictional)",
                      kind=PersonKind.VISITING_ADULT, man=True,
                      relationship="Mother's boyfriend")
    return plan, max_


@pytest.mark.parametrize("fields", [
    {"man": False},  # "not a man"
    {"kind": PersonKind.FAMILY_NETWORK, "man": False},  # another relationship, not a man
])
def test_a_man_taken_out_of_the_men_needs_a_reason(mini, fields) -> None:
    plan, max_ = _with_max(mini)
    assert change_needs_why(plan, max_.id, **fields)
    for why in ("", "ok", "."):
        with pytest.raises(PlanError, match=r"Max Partner \(fictional\) is counted among the "
                           r"people around the baby: .*Say why"):
            update_record(plan, Person, max_.id, by="t", now=NOW, why=why, **fields)
    assert plan.people[0] == max_ and plan.history[-1].what == "person.add"
    update_record(plan, Person, max_.id, by="Sam Social", now=NOW,
                  why="Recorded as a man by mistake", **fields)
    last = plan.history[-1]
    assert (last.what, last.by) == ("person.edit", "Sam Social")
    assert last.new.endswith("; why=Recorded as a man by mistake")
    assert not plan.people[0].is_man


def test_a_visitor_no_longer_around_the_baby_needs_a_reason(mini) -> None:
    plan = new_plan(mini)
    gran = add_record(plan, Person, by="t", now=NOW, name="Gran Example (fictional)",
                      kind=PersonKind.VISITING_ADULT, man=False)
    assert change_needs_why(plan, gran.id, kind=PersonKind.FAMILY_NETWORK)
    with pytest.raises(PlanError, match="Say why"):
        update_record(plan, Person, gran.id, by="t", now=NOW, kind=PersonKind.FAMILY_NETWORK)


def test_changes_that_keep_him_among_the_men_ask_nothing(mini) -> None:
    plan, max_ = _with_max(mini)
    for fields in ({"relationship": "Mother's partner"}, {"in_household": True},
                   {"kind": PersonKind.MALE_CARER}, {"role": "Stays at weekends"}):
        assert not change_needs_why(plan, max_.id, **fields)
        update_record(plan, Person, max_.id, by="t", now=NOW, **fields)
        assert "why=" not in plan.history[-1].new
    assert leaves_the_men(plan.people[0], plan.people[0].model_copy(update={"man": False}))
    # a man recorded afresh as a man, or a woman as a man: nothing to ask
    assert not leaves_the_men(Person(id="a", name="A", kind=PersonKind.OTHER, man=False),
                              Person(id="a", name="A", kind=PersonKind.OTHER, man=True))


def test_men_removed_or_recorded_as_not_men_are_listed_with_who_when_and_why(mini) -> None:
    from datetime import timedelta

    from checklist_tui.core.edit import remove_record
    from checklist_tui.core.men_left import NO_REASON, men_left, recorded

    plan, max_ = _with_max(mini)
    casey = add_record(plan, Person, by="t", now=NOW, name="Casey Partner (fictional)",
                       kind=PersonKind.VISITING_ADULT, man=True,
                       relationship="Mother's new partner; stays most weekends")
    add_record(plan, Person, by="t", now=NOW, name="Gran Example (fictional)",
               kind=PersonKind.FAMILY_NETWORK, man=False)
    assert men_left(plan) == []
    later = NOW + timedelta(hours=1)
    remove_record(plan, Person, casey.id, by="Sam Social", now=later,
                  why="Moved out on 20/11/2026")
    update_record(plan, Person, max_.id, by="Ward midwife", now=later, man=False,
                  why="Recorded as a man by mistake")
    gran = next(p for p in plan.people if p.name.startswith("Gran"))
    remove_record(plan, Person, gran.id, by="t", now=later, why="Not involved")  # not a man
    left = men_left(plan)
    assert [(m.name, m.about, m.what, m.by, m.at, m.why) for m in left] == [
        ("Casey Partner (fictional)", "Mother's new partner; stays most weekends",
         "Removed from People", "Sam Social", later, "Moved out on 20/11/2026"),
        ("Max Partner (fictional)", "Mother's boyfriend", "Recorded as not a man",
         "Ward midwife", later, "Recorded as a man by mistake")]
    assert recorded(plan.history[-3].old)["relationship"] == (
        "Mother's new partner; stays most weekends")  # "; " inside a value is kept
    # recorded as a man again: no longer listed as gone
    update_record(plan, Person, max_.id, by="t", now=later, man=True)
    assert [m.name for m in men_left(plan)] == ["Casey Partner (fictional)"]
    # a removal from before reasons were asked (an older plan): said, not invented
    plan.history[-3 - 1].new = ""  # Casey's removal (gran's and Max's two edits after it)
    assert [m.why for m in men_left(plan)] == [NO_REASON]


def test_a_no_given_while_he_was_recorded_says_so_after_he_is_gone(catalogue) -> None:
    """look-d D2: 'Is there any other man in or visiting the home? No' read as true once
    the visiting man was removed. Under the answer, in every view that reads it: People
    recorded him while it stood, and how he left. Not said of the father's question, nor
    of an answer given after he left."""
    from datetime import timedelta

    from checklist_tui.core.edit import remove_record, set_answer
    from checklist_tui.core.engine import evaluate
    from checklist_tui.core.gaps import item_flags

    lc = catalogue.get("pre-birth-assessment")
    plan = new_plan(lc)
    casey = add_record(plan, Person, by="t", now=NOW, name="Casey Partner (fictional)",
                       kind=PersonKind.VISITING_ADULT, man=True,
                       relationship="Mother's new partner")
    items = lc.checklist.item_map()
    set_answer(plan, lc.checklist, "PBA-F11", "no", by="t", now=NOW)
    set_answer(plan, lc.checklist, "PBA-F01", "unknown", by="t", now=NOW,
               owner="Sam Social", by_date=NOW.date() + timedelta(days=7))
    today = NOW.date()
    assert "PBA-F11" in {p.item_id for p in evaluate(lc.checklist, plan, today).contradicted}
    remove_record(plan, Person, casey.id, by="Sam Social", now=NOW + timedelta(hours=1),
                  why="Moved out on 20/11/2026")
    ev = evaluate(lc.checklist, plan, today)
    assert "PBA-F11" not in {p.item_id for p in ev.contradicted}
    said = [line for line in item_flags(items["PBA-F11"], plan, ev)
            if line.startswith("People recorded")]
    assert len(said) == 1 and said[0].startswith(
        "People recorded Casey Partner (fictional) (Mother's new partner) while this answer "
        "stood: removed from People on ")
    assert said[0].endswith("by Sam Social: Moved out on 20/11/2026")
    assert not [line for line in item_flags(items["PBA-F01"], plan, ev)
                if line.startswith("People recorded")]  # he was not the father
    set_answer(plan, lc.checklist, "PBA-F11", "unknown", by="t",
               now=NOW + timedelta(hours=2), owner="Sam Social",
               by_date=NOW.date() + timedelta(days=7))  # answered after he left
    assert not [line for line in item_flags(items["PBA-F11"], plan, evaluate(
        lc.checklist, plan, today)) if line.startswith("People recorded")]


def test_the_words_say_what_a_change_takes_them_out_of(mini) -> None:
    """rev8-tui 4: the form said 'the men or the people around the baby', and the People
    line 'recorded as not a man' for a man whose relationship alone was changed."""
    from checklist_tui.core.edit_records import change_words
    from checklist_tui.core.men_left import men_left

    plan = new_plan(mini)
    carer = add_record(plan, Person, by="t", now=NOW, name="Morgan Example (fictional)",
                       kind=PersonKind.MALE_CARER)
    assert carer.man is None and carer.is_man  # counted as a man by his kind
    assert change_words(plan, carer.id, kind=PersonKind.OTHER) == (
        "no longer counted among the men (the father and male carers)")
    visitor = add_record(plan, Person, by="t", now=NOW, name="Robin Example (fictional)",
                         kind=PersonKind.VISITING_ADULT, man=False)
    assert change_words(plan, visitor.id, kind=PersonKind.FAMILY_NETWORK) == (
        "no longer counted among the people living in or visiting the home")
    assert change_words(plan, visitor.id, notes="Visits on Sundays") == ""
    update_record(plan, Person, carer.id, by="t", now=NOW, why="Is the maternal aunt",
                  kind=PersonKind.OTHER)
    assert [m.what for m in men_left(plan)] == [
        f"Recorded as '{PersonKind.OTHER.label}', no longer as a man"]


def test_a_reason_that_looks_like_a_field_cannot_hide_him(mini) -> None:
    """rev8-core 3: a reason holding '; man=True' was read back from the history as his
    field, and the man recorded as not a man vanished from every view."""
    from checklist_tui.core.men_left import men_left

    plan, max_ = _with_max(mini)
    update_record(plan, Person, max_.id, by="Sam Social", now=NOW, man=False,
                  kind=PersonKind.FAMILY_NETWORK, why="moved out; man=True")
    left = men_left(plan)
    assert [(m.name, m.why) for m in left] == [("Max Partner (fictional)",
                                                 "moved out; man=True")]
    assert "moved out; man=True" in left[0].line  # read back as it was typed


def _written_before_the_fix(plan, person, old: str, new: str, when) -> None:
    """A person.edit entry as core.edit_records wrote it before rev8-core 3's fix (2e27922):
    a "; " inside a value written as it was typed; the record changed to match."""
    from checklist_tui.core.edit_base import log

    log(plan, "Sam Social", when, "person.edit", person.id, old, new)


def test_an_older_entry_whose_reason_reads_as_a_field_cannot_hide_him(mini) -> None:
    """History written before 2e27922 keeps a reason 'moved out; man=True' as typed; read
    last-field-wins, 'man=True' made him still a man and he vanished (rev8-core 3). The
    fields come out of the order they are written in, so the entry is read every way it
    can be, and he is listed, saying why."""
    from datetime import timedelta

    from checklist_tui.core.men_left import NO_LONGER, UNSURE, men_left

    plan, max_ = _with_max(mini)
    max_.man, max_.kind = False, PersonKind.FAMILY_NETWORK
    _written_before_the_fix(
        plan, max_, "name=Max Partner (fictional); kind=visiting_adult; "
        "relationship=Mother's boyfriend; man=True",
        "name=Max Partner (fictional); kind=family_network; relationship=Mother's boyfriend; "
        "man=False; why=moved out; man=True", NOW + timedelta(minutes=1))
    [left] = men_left(plan)
    assert (left.name, left.about, left.what) == ("Max Partner (fictional)",
                                                  "Mother's boyfriend", NO_LONGER)
    assert left.why == f"moved out; man=True ({UNSURE})"


def test_an_older_entry_whose_note_reads_as_not_a_man_cannot_hide_him(mini) -> None:
    """The other way round: a value after 'man=True' holding '; man=False' read him, before
    the change, as never a man."""
    from datetime import timedelta

    from checklist_tui.core.men_left import men_left

    plan, max_ = _with_max(mini)
    max_.man, max_.kind = False, PersonKind.FAMILY_NETWORK
    _written_before_the_fix(
        plan, max_, "name=Max Partner (fictional); kind=visiting_adult; man=True; "
        "involvement=Said he is not the father; man=False, he says",
        "name=Max Partner (fictional); kind=family_network; man=False; why=Moved away",
        NOW + timedelta(minutes=1))
    [left] = men_left(plan)
    assert left.name == "Max Partner (fictional)" and left.why.startswith("Moved away (")


def test_an_older_entry_read_one_way_is_read_as_before(mini) -> None:
    """Fields in the order they are written, each once: one reading, no word added."""
    from datetime import timedelta

    from checklist_tui.core.men_left import men_left

    plan, max_ = _with_max(mini)
    max_.man = False
    _written_before_the_fix(
        plan, max_, "name=Max Partner (fictional); kind=visiting_adult; man=True",
        "name=Max Partner (fictional); kind=visiting_adult; man=False; why=Added as a man by "
        "mistake; she is his sister", NOW + timedelta(minutes=1))
    [left] = men_left(plan)
    assert left.why == "Added as a man by mistake; she is his sister"
    max_.man = True  # recorded as a man again since, in an entry read one way
    _written_before_the_fix(
        plan, max_, "name=Max Partner (fictional); kind=visiting_adult; man=False",
        "name=Max Partner (fictional); kind=visiting_adult; man=True",
        NOW + timedelta(minutes=2))
    assert men_left(plan) == []
