"""look-c 1, second half: "Discharge address ... everyone who lives at, stays at or often
visits the address confirmed" (DPM-K02) and "Safer sleep and crying advice given to every
carer, any other man in or visiting the home included" (DPM-K04) compare their lists of
people with the men in People. A man in People left off those lists, or added to People
after the ticks, makes the ticks (and the lists' own Yes answers) CONTRADICTED, naming him;
a confirmation of the pause point no longer holds. The checklist's new cross-check form is
``{ men_named = [...] }``."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from checklist_tui.core import store
from checklist_tui.core.catalogue import load_checklist
from checklist_tui.core.edit import add_record, clear_answer, set_answer, set_detail
from checklist_tui.core.engine import evaluate
from checklist_tui.core.errors import PlanError
from checklist_tui.core.pause import pause_status
from checklist_tui.core.plan import Person, PersonKind, PlanState
from tests.conftest import EXAMPLES, NOW

LATER = NOW + timedelta(days=1)
JAY = ("Jay Lodger (Mother's brother) is not named in 'Who lives at, stays at or often "
       "visits the discharge address' (DPM-C15), though People records him as a man who "
       "lives in the household")


def _discharge(catalogue):
    lc = catalogue.get("discharge-planning-meeting")
    plan = store.load(EXAMPLES / "discharge-ready-for-sign-off.toml").plan
    plan.state = PlanState.DRAFT  # changed without the reopening reason: not what is tested
    return lc, plan


def _contradicted(lc, plan, day):
    ev = evaluate(lc.checklist, plan, day)
    return ev, {p.item_id: p.reasons for p in ev.contradicted}


def _jay(plan, **extra):
    fields = {"kind": PersonKind.ADULT_IN_HOUSEHOLD, "man": True, "in_household": True,
              "relationship": "Mother's brother", "role": "Moved into the flat last night"}
    return add_record(plan, Person, by="Lead", now=LATER, name="Jay Lodger",
                      **(fields | extra))


def test_a_man_added_to_people_after_the_ticks_contradicts_them_by_name(catalogue) -> None:
    lc, plan = _discharge(catalogue)
    day = plan.answers["DPM-K02"].answered_at.astimezone().date()
    ev, against = _contradicted(lc, plan, day)
    assert not against and {"DPM-K02", "DPM-K04"} <= ev.done_items
    assert pause_status(lc.checklist, plan, ev, "confirm").holds
    _jay(plan)
    ev, against = _contradicted(lc, plan, day)
    assert against["DPM-K02"] == (JAY,)
    assert against["DPM-C15"] == (JAY,)
    assert against["DPM-K04"] == (
        "Jay Lodger (Mother's brother) is not named in 'Who was given the safer-sleep "
        "advice' (DPM-S01) or 'Who was given the coping-with-crying advice' (DPM-S02), "
        "though People records him as a man who lives in the household",)
    assert "Jay Lodger" in against["DPM-S01"][0] and "Jay Lodger" in against["DPM-S02"][0]
    assert {"DPM-K02", "DPM-K04"}.isdisjoint(ev.done_items)
    status = pause_status(lc.checklist, plan, ev, "confirm")
    assert not status.holds and "Jay Lodger" in status.line()


def test_naming_him_in_the_lists_makes_the_ticks_stand_again(catalogue) -> None:
    lc, plan = _discharge(catalogue)
    day = plan.answers["DPM-K02"].answered_at.astimezone().date()
    jay = _jay(plan)
    for ident in ("DPM-C15", "DPM-S01", "DPM-S02"):
        people = [*plan.answers[ident].details["people"], jay.id]
        set_detail(plan, lc.checklist, ident, "people", people, by="Lead", now=LATER)
    _ev, against = _contradicted(lc, plan, day)
    assert not against


def test_a_tick_is_refused_while_a_man_at_home_is_left_off_saying_who(catalogue) -> None:
    lc, plan = _discharge(catalogue)
    _jay(plan, kind=PersonKind.VISITING_ADULT, in_household=False,
         relationship="Mother's boyfriend")
    clear_answer(plan, "DPM-K04", by="Lead", now=LATER)
    with pytest.raises(PlanError, match=r"^DPM-K04: cannot be ticked: Jay Lodger "
                       r"\(Mother's boyfriend\) is not named in 'Who was given the "
                       r"safer-sleep advice' \(DPM-S01\) or .* though People records him "
                       r"as an adult who visits or stays, a man$"):
        set_answer(plan, lc.checklist, "DPM-K04", True, by="Lead", now=LATER)
    assert plan.answers["DPM-K04"].value is None


@pytest.mark.parametrize(("fields", "counted"), [
    ({"kind": PersonKind.FATHER, "man": None, "in_household": None}, True),
    ({"kind": PersonKind.MALE_CARER, "man": None, "in_household": False}, True),
    ({"kind": PersonKind.FAMILY_NETWORK, "man": True, "in_household": None}, True),
    ({"kind": PersonKind.FAMILY_NETWORK, "man": True, "in_household": False}, False),
    ({"kind": PersonKind.FATHER, "man": None, "in_household": False}, False),
    ({"kind": PersonKind.ADULT_IN_HOUSEHOLD, "man": False, "in_household": True}, False),
])
def test_which_men_count_as_living_in_or_visiting_the_home(catalogue, fields, counted) -> None:
    """Only a man recorded as not living in the household, and not as a carer or a
    visitor, is left out: a man whose household nobody has recorded still counts."""
    lc, plan = _discharge(catalogue)
    day = plan.answers["DPM-K02"].answered_at.astimezone().date()
    _jay(plan, **fields)
    _ev, against = _contradicted(lc, plan, day)
    assert ("DPM-K02" in against) is counted
    if fields["in_household"] is None and counted:
        assert against["DPM-K02"][0].endswith("and not whether he lives in the household")


def test_men_named_must_name_an_item_that_records_people(catalogue, tmp_path: Path) -> None:
    text = (Path(catalogue.get("discharge-planning-meeting").path).read_text(encoding="utf-8")
            .replace('{ men_named = ["DPM-C15"] }]\nrequired = true\nguidance = "The tool',
                     '{ men_named = ["DPM-C01"] }]\nrequired = true\nguidance = "The tool'))
    path = tmp_path / "discharge.toml"
    path.write_text(text, encoding="utf-8")
    _loaded, problems = load_checklist(path, catalogue.sources)
    assert [p.message for p in problems] == [
        "'men_named' names 'DPM-C01', which records no people"]
    assert "DPM-K02" in problems[0].place
