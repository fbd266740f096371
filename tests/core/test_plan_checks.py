"""Each plan check (a checklist's ``plan`` and ``answered_by`` cross-checks) says why the
plan's records fail it and, once they pass, what they hold, from one table
(``core.integrity.PLAN_CHECKS``): every check is in it, and its words are these."""

from __future__ import annotations

import pytest

from checklist_tui.core.definition import PlanCheck
from checklist_tui.core.integrity import PLAN_CHECKS, plan_check_failures, records_say
from checklist_tui.core.plan import Action, ActionStatus, Agency, Person, PersonKind, Plan
from tests.conftest import NOW

C = PlanCheck


def _plan(**records) -> Plan:
    return Plan(id="t1", checklist_id="x", checklist_version="1", checklist_hash="h",
                case_ref="TEST-1", created=NOW, updated=NOW, **records)


def _man(pid: str, name: str, kind: PersonKind, **extra) -> Person:
    return Person(id=pid, name=name, kind=kind, **extra)


EMPTY = _plan()
PARTLY = _plan(
    people=[_man("p1", "Jordan Sample", PersonKind.FATHER)],
    agencies=[Agency(id="g1", agency="Example Council")],
    actions=[Action(id="a1", what="Book the conference")])
FULL = _plan(
    people=[_man("p1", "Jordan Sample", PersonKind.FATHER, involvement="Seen at home",
                 assessment="Checks done"),
            _man("p2", "Casey Example", PersonKind.MALE_CARER,
                 reason_not_involved="Moved away")],
    agencies=[Agency(id="g1", agency="Example Council", practitioner="Pat Sample",
                     role="Social work", contact="01234 567890"),
              Agency(id="g2", agency="Example Trust", practitioner="Alex Midwife",
                     role="Midwifery", contact="Ward 4")],
    actions=[Action(id="a1", what="Book the conference", owner="Pat Sample", due=NOW.date()),
             Action(id="a2", what="Visit", status=ActionStatus.DONE)])


def test_every_plan_check_has_its_failures_and_words() -> None:
    assert set(PLAN_CHECKS) == set(PlanCheck)


@pytest.mark.parametrize(("check", "empty", "partly"), [
    (C.AGENCY_RECORDED, ["no agency is recorded on the Agencies page"], []),
    (C.AGENCY_CONTACTS, ["no agency is recorded on the Agencies page"],
     ["agency 'Example Council' has no stated role in this plan",
      "agency 'Example Council' has no named practitioner and no contact details (phone, "
      "email, out of hours)"]),
    (C.MEN_RECORDED, ["no man (the father or a male carer) is recorded in People"], []),
    (C.FATHER_RECORDED, ["no father is recorded in People"], []),
    (C.OTHER_MEN_RECORDED, ["no man other than the father is recorded in People"],
     ["no man other than the father is recorded in People"]),
    (C.MEN_INVOLVEMENT, [],
     ["Jordan Sample (Father) has no involvement or assessment recorded, and no reason why "
      "not"]),
    (C.ACTIONS_RECORDED, ["no action is recorded on the Actions page"], []),
    (C.ACTIONS_OWNED, [],
     ["action 'Book the conference' has no named owner",
      "action 'Book the conference' has no due date"]),
])
def test_why_the_records_fail_a_check(check, empty, partly) -> None:
    assert plan_check_failures(check, EMPTY) == empty
    assert plan_check_failures(check, PARTLY) == partly
    assert plan_check_failures(check, FULL) == []
    for plan in (EMPTY, PARTLY, FULL):  # the records hold nothing to say of a failed check
        assert (records_say(check, plan) == "") == bool(plan_check_failures(check, plan))


@pytest.mark.parametrize(("check", "words"), [
    (C.AGENCY_RECORDED, "the Agencies page records Example Council, Example Trust"),
    (C.AGENCY_CONTACTS, "the Agencies page records Example Council, Example Trust, each with "
     "a role, a named practitioner and contact details"),
    (C.MEN_RECORDED, "People records the men around the baby: Jordan Sample (father), "
     "Casey Example (other male carer)"),
    (C.FATHER_RECORDED, "People records the father: Jordan Sample (father)"),
    (C.OTHER_MEN_RECORDED, "People records a man other than the father: Casey Example "
     "(other male carer)"),
    (C.MEN_INVOLVEMENT, "People records each man's involvement and assessment, or why not"),
    (C.ACTIONS_RECORDED, "the Actions page records 2 actions"),
    (C.ACTIONS_OWNED, "the Actions page records 2 actions, each open one with an owner and a "
     "due date"),
])
def test_what_the_records_hold_that_passes_a_check(check, words) -> None:
    assert records_say(check, FULL) == words
