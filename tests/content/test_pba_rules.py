"""#11.5 for every pre-birth item, and the 2.2.0 wording.

The #10 format features are used throughout. The rules every checklist keeps (a concern
on every risk question, "not yet" on a due point, a cross-check on every pause-point item)
are in test_reread.py, run on all four checklists. The pre-birth checklist also keeps two
stricter ones here: "not yet" wherever timing matters (a due point, needed at birth, a
tick, or a "no" that is a gap) and a detail (or a cross-check) on every item whose "yes"
asserts content. Each rule is a function that lists the items breaking it; each test runs
it on the shipped checklist (nothing listed) and on a deliberately broken copy (the broken
item listed), so that every test can fail.
"""

from __future__ import annotations

import re

import pytest

from checklist_tui.core.definition import Item, ItemType

PBA = "pre-birth-assessment"
ANSWERED = (ItemType.CHECK, ItemType.YES_NO, ItemType.YES_NO_UNKNOWN)

#: Yes/no questions whose "no" is a gap but which ask about a fact, not about something
#: still to be done, so "not yet" would mean nothing.
FACTS = {
    "PBA-L01": "who is allocated now; a change of worker is a new answer",
    "PBA-W01B": "who took part in a discussion that has already happened",
    "PBA-F09B": "why he was left out of a meeting that has already happened",
    "PBA-B04": "a judgement of the carers; 'unknown' with who will find out covers it",
    "PBA-D02": "whether anyone must be kept from the baby is found out, not done later; "
               "'unknown' with who will find out covers it",
}
#: Prompts that read as asserting content but whose content lives elsewhere.
CONTENT_ELSEWHERE = {
    "PBA-S04": "the consent decisions are recorded on the case file, one per agency",
    "PBA-H01": "the content is People itself; no cross-check can test 'every adult'",
    "PBA-H02": "the content is People itself",
    "PBA-H03": "the content is People itself",
    "PBA-F13": "'named on the birth certificate' is about parental responsibility",
    "PBA-L05": "a judgement of the assessment; its content is PBA-X01's",
    "PBA-N04": "the parents' own words are PBA-WP01's content",
    "PBA-A03": "the contribution is the agency's own document",
    "PBA-F14": "what is expected of the father is PBA-E02's content",
    "PBA-BP04A": "where the plan is filed, not what it says",
}
ASSERTS = re.compile(r"\b(say|says|name|names|named|booked|set|sets out|agreed|identified|"
                     r"explain|explains|written|recorded|filed)\b", re.IGNORECASE)


def _answered(items: list[Item]) -> list[Item]:
    return [i for i in items if i.type in ANSWERED]


def missing_not_yet(items: list[Item]) -> list[str]:
    """Timing matters: a due point, needed at birth, a tick, or a "no" that is a gap."""
    return [i.id for i in _answered(items) if not i.not_yet and i.id not in FACTS
            and (i.due is not None or i.needed_at_birth or i.type == ItemType.CHECK
                 or "no" in i.concern)]


def missing_detail(items: list[Item]) -> list[str]:
    return [i.id for i in _answered(items) if not (i.details or i.cross_checks)
            and (i.plan_part is not None or (ASSERTS.search(i.prompt)
                                             and i.id not in CONTENT_ELSEWHERE))]


def _items(catalogue, checklist_id=PBA) -> list[Item]:
    return [i for _s, i in catalogue.get(checklist_id).checklist.all_items()]


def _broken(items: list[Item], item_id: str, **update) -> list[Item]:
    return [i.model_copy(update=update) if i.id == item_id else i for i in items]


def test_not_yet_where_timing_matters(catalogue) -> None:
    items = _items(catalogue)
    assert missing_not_yet(items) == []
    assert set(FACTS) <= {i.id for i in items}  # no stale exemptions
    for item_id in ("PBA-N03", "PBA-X08", "PBA-F02", "PBA-BP05B"):
        assert missing_not_yet(_broken(items, item_id, not_yet=False)) == [item_id]


def test_a_detail_on_every_item_that_asserts_content(catalogue) -> None:
    items = _items(catalogue)
    assert missing_detail(items) == []
    assert set(CONTENT_ELSEWHERE) <= {i.id for i in items}
    for item_id in ("PBA-BP02", "PBA-R07", "PBA-X04", "PBA-D03", "PBA-L04"):
        assert missing_detail(_broken(items, item_id, details=[])) == [item_id]


def test_the_pre_birth_checklist_has_no_pause_point(catalogue) -> None:
    """So "a cross-check on every pause-point item" holds for it; the rule itself, for every
    checklist, and its failure on a broken copy are in test_reread.py, with "a concern on
    every risk question" (which exempts only PBA-W02, and fails on PBA-P03 without one)."""
    assert not any(s.pause_point for s in catalogue.get(PBA).checklist.sections)


# -- 2.2.0 wording ---------------------------------------------------------------------

#: Acronyms a ward midwife or a social worker reads without help.
PLAIN = {"GP", "OK"}
#: Every other acronym must be spelled out in the same item, where it is read.
SPELLED = {
    "ICON": "Never, ever shake a baby",
    "DASH": "Domestic Abuse, Stalking and Harassment",
    "MARAC": "agencies plan together",
    "CP-IS": "child protection alert",
    "EDD": "expected date of delivery",
    "CAMHS": "Child and adolescent mental health",
}


def _texts(item: Item) -> list[str]:
    return [item.prompt, item.guidance, *(o.label for o in item.options),
            *(d.label for d in item.details),
            *(f"{r.message} {r.escalation}" for r in item.rules)]


def unexplained_acronyms(items: list[Item]) -> list[str]:
    out = []
    for item in items:
        text = " ".join(_texts(item))
        for acronym in set(re.findall(r"\b[A-Z][A-Z0-9-]+\b", text)) - PLAIN:
            if acronym not in SPELLED or SPELLED[acronym].lower() not in text.lower():
                out.append(f"{item.id}: {acronym}")
    return out


def test_every_acronym_is_spelled_out_where_it_is_read(catalogue) -> None:
    items = _items(catalogue)
    assert unexplained_acronyms(items) == []
    broken = _broken(items, "PBA-B02", guidance="Give them the ICON messages.")
    assert unexplained_acronyms(broken) == ["PBA-B02: ICON"]


def test_crying_advice_is_about_this_father_not_men_in_general(catalogue) -> None:
    items = {i.id: i for i in _items(catalogue)}
    f08 = items["PBA-F08"]
    assert "this father" in f08.guidance
    assert not re.search(r"\bby men\b|\bmen's problems\b", " ".join(
        i.guidance for i in items.values()))


@pytest.mark.parametrize("word", ["the Panel", "father figure", "caring or household role",
                                  "Myth of Invisible Men found"])
def test_one_name_for_each_thing(catalogue, word) -> None:
    """The male carers are called that everywhere; the national review is named as such."""
    text = " ".join(" ".join(_texts(i)) for i in _items(catalogue))
    assert word not in text


def test_prompts_about_the_father_name_him(catalogue) -> None:
    """Gaps and risks and Outstanding list prompts out of their section: "Has he been
    asked...?" says nothing there."""
    father = next(s for s in catalogue.get(PBA).checklist.sections if s.id == "father")
    unnamed = [i.id for i in father.items
               if not re.search(r"father|male carer|\bmen\b", i.prompt)]
    assert unnamed == []
