"""Typed plan details: what would mislead later is refused now, in one sentence."""

from __future__ import annotations

import pytest

from checklist_tui.core.plan_details import DetailsError, needs_edd, parse_details, takes_edd


@pytest.mark.parametrize(("fields", "field", "words"), [
    ({"case_ref": "Jane Smith baby"}, "case_ref", "may be a name"),
    ({"case_ref": "Smith"}, "case_ref", "may be a name"),
    ({"case_ref": "Jane Smith 2"}, "case_ref", "may be a name ('Jane Smith')"),  # look-d D23
    ({"case_ref": "jane smith 2"}, "case_ref", "may be a name ('jane smith')"),
    ({"case_ref": "30/02/2027"}, "case_ref", "looks like a date"),
    ({"case_ref": "2027-05-20"}, "case_ref", "looks like a date"),
    ({"case_ref": "KB-1", "dob": "26/11/2026"}, "dob", "in the future"),
    ({"case_ref": "KB-1", "edd": "20/05/2030"}, "edd", "check the year"),
    ({"case_ref": "KB-1", "edd_needed": True}, "edd", "expected delivery date"),
    # s9tui: a birth at 14+6 weeks by the EDD: the wrong plan, or a wrong EDD
    ({"case_ref": "KB-1", "edd": "20/05/2027", "dob": "25/11/2026"}, "dob",
     "would be at 14+6 weeks of pregnancy, by the EDD 20/05/2027; check this is the right plan"),
    ({"case_ref": "KB-1", "edd": "01/01/2026", "dob": "25/11/2026"}, "dob", "at 86+6 weeks"),
    ({"case_ref": "KB-1", "edd": "20/12/2027", "dob": "25/11/2026"}, "dob",
     "before the pregnancy began"),
])
def test_misleading_details_are_refused(fields, field, words) -> None:
    with pytest.raises(DetailsError) as caught:
        parse_details(**fields)
    assert caught.value.field == field and words in str(caught.value)


@pytest.mark.parametrize("fields", [
    {"case_ref": "DEMO-0001", "edd": "20/05/2027", "edd_needed": True},
    {"case_ref": "DEMO 1"},
    {"case_ref": "CP-2026-0042"},
    {"case_ref": "Ref 1234 twin 2"},
    {"case_ref": "MASH/2026/117"},
    {"case_ref": "Mosaic 123456"},  # rev7-core 4: a case system's name and its number
    {"case_ref": "Leeds-2026-0412"},
    {"case_ref": "Kent CP 12345"},
    {"case_ref": "Team 4 ref 123"},
    {"case_ref": "KB-1", "dob": "25/11/2026", "edd_needed": True},  # born today: no EDD needed
    {"case_ref": "KB-1", "edd": "01/01/2026"},  # an EDD in the past: the baby may be born
    {"case_ref": "KB-1", "edd": "01/03/2027", "dob": "25/11/2026"},  # 26+2: very early
    {"case_ref": "KB-1", "edd": "31/03/2027", "dob": "25/11/2026"},  # 22+0, the earliest
    {"case_ref": "KB-1", "edd": "10/11/2026", "dob": "25/11/2026"},  # 42+1: late
])
def test_sound_details_are_accepted(fields) -> None:
    assert parse_details(**fields).case_ref == fields["case_ref"]


def test_checklists_counted_from_the_edd_need_one(catalogue) -> None:
    assert needs_edd(catalogue.get("pre-birth-assessment").checklist)
    assert not needs_edd(catalogue.get("injury-non-mobile-baby").checklist)


def test_an_edd_is_refused_for_a_checklist_that_takes_none(catalogue) -> None:
    """The injury checklist is for a baby already born (takes_edd = false): an EDD typed
    for it is refused, naming the field; the same parser needs one for the pre-birth
    assessment (#12, v5core)."""
    injury = catalogue.get("injury-non-mobile-baby").checklist
    pre_birth = catalogue.get("pre-birth-assessment").checklist
    assert not takes_edd(injury)
    assert all(takes_edd(catalogue.get(c).checklist) for c in (
        "pre-birth-assessment", "discharge-planning-meeting", "looked-after-parent"))
    with pytest.raises(DetailsError) as caught:
        parse_details(case_ref="KB-1", edd="20/05/2027", checklist=injury)
    assert caught.value.field == "edd" and "takes no expected" in str(caught.value)
    assert parse_details(case_ref="KB-1", dob="20/11/2026", checklist=injury).edd is None
    assert parse_details(case_ref="KB-1", checklist=injury).case_ref == "KB-1"
    with pytest.raises(DetailsError, match="expected delivery date"):
        parse_details(case_ref="KB-1", checklist=pre_birth)
    assert parse_details(case_ref="KB-1", edd="20/05/2027", checklist=pre_birth).edd


def test_the_dates_a_form_asks_for_follow_the_checklist(catalogue) -> None:
    """A baby already born (the injury checklist): the date of birth alone, and no babies
    expected; any other checklist: the EDD, and the date of birth once the plan is made."""
    from checklist_tui.core.plan_details import asks_babies, date_boxes

    injury = catalogue.get("injury-non-mobile-baby").checklist
    pre_birth = catalogue.get("pre-birth-assessment").checklist
    assert [f for f, _ in date_boxes(injury)] == [f for f, _ in date_boxes(injury, True)] \
        == ["dob"]
    assert [f for f, _ in date_boxes(pre_birth)] == ["edd"]
    assert [f for f, _ in date_boxes(pre_birth, made=True)] == ["edd", "dob"]
    assert [f for f, _ in date_boxes(None, made=True)] == ["edd", "dob"]
    assert not asks_babies(injury) and asks_babies(pre_birth) and asks_babies(None)


def test_the_plans_own_case_reference_is_not_refused_again() -> None:
    """rev7-core 4: a plan made with a reference the rule now refuses could not have its
    birth recorded ('--case-ref: ...' though no case reference was typed)."""
    assert parse_details(case_ref="Jane Smith 2", dob="20/11/2026",
                         kept_case_ref="Jane Smith 2").dob is not None
    with pytest.raises(DetailsError):
        parse_details(case_ref="Jane Smith 3", kept_case_ref="Jane Smith 2")
