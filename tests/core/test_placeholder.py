"""look-d D19: a required "yes" carried "The contingency plan: tbc" and counted as in place;
an agency's role "tbc" counted as stated; "?" was taken as who will find out."""

from __future__ import annotations

import pytest

from checklist_tui.core import integrity as integ
from checklist_tui.core.edit import set_answer, set_detail
from checklist_tui.core.errors import PlanError
from checklist_tui.core.placeholder import says_nothing
from checklist_tui.core.plan import Action, Agency
from tests.conftest import NOW
from tests.core.helpers import FOLLOW_UP_BY, new_plan

PBA = "pre-birth-assessment"


@pytest.mark.parametrize("text", ["tbc", "TBC.", " tba ", "?", "-", "...", "n/a", "See notes",
                                  "to be confirmed", "x"])
def test_placeholders_say_nothing(text) -> None:
    assert says_nothing(text)


@pytest.mark.parametrize("text", ["", "none", "None found", "Grandmother, 12 Example Road",
                                  "Duty team calls the ward", "GP", "No bruises or marks"])
def test_real_text_is_not_a_placeholder(text) -> None:
    assert not says_nothing(text)


def test_a_contingency_plan_of_tbc_is_not_in_place(catalogue) -> None:
    loaded = catalogue.get(PBA)
    checklist, plan = loaded.checklist, new_plan(loaded)
    item = checklist.item_map()["PBA-X04"]
    set_answer(plan, checklist, "PBA-X04", "yes", by="t", now=NOW)
    set_detail(plan, checklist, "PBA-X04", "text", "tbc", by="t", now=NOW)
    missing = integ.missing_details(item, plan.answers["PBA-X04"], plan)
    assert missing == ["The contingency plan (it says only 'tbc')"]
    set_detail(plan, checklist, "PBA-X04", "text", "If the baby comes early the ward calls "
               "the duty team (fictional)", by="t", now=NOW)
    assert integ.missing_details(item, plan.answers["PBA-X04"], plan) == []


def test_an_agency_role_of_tbc_is_no_role_and_an_owner_of_a_dash_no_owner(catalogue) -> None:
    plan = new_plan(catalogue.get(PBA))
    plan.agencies.append(Agency(id="a1", agency="Health visiting", practitioner="HV Example",
                                role="tbc", contact="01234 000001 (fictional)"))
    plan.actions.append(Action(id="x1", what="Book the new-birth visit", owner="-",
                               due=FOLLOW_UP_BY))
    words = [i.message for i in integ.integrity_issues(plan)]
    assert "agency 'Health visiting' has no stated role in this plan (it says only 'tbc')" in words
    assert "action 'Book the new-birth visit' has no named owner" in words


def test_who_will_find_out_cannot_be_a_question_mark(catalogue) -> None:
    loaded = catalogue.get(PBA)
    checklist, plan = loaded.checklist, new_plan(loaded)
    item = next(i for _s, i in checklist.all_items() if i.not_yet)
    with pytest.raises(PlanError, match="'\\?' is not who will find out"):
        set_answer(plan, checklist, item.id, "not yet", owner="?", by_date=FOLLOW_UP_BY,
                   by="t", now=NOW)
    assert item.id not in plan.answers
