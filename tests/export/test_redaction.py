"""Redaction keeps meaning and leaks nothing planted (export issue part 5, security finding 4)."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import pytest

from checklist_tui.core import store
from checklist_tui.core.edit import add_record, remove_record, set_note, update_record
from checklist_tui.core.plan import (
    Acknowledgement,
    Agency,
    HistoryEntry,
    Person,
    PersonKind,
    Shared,
)
from checklist_tui.export.redact import load_or_create_key, pseudonym, redact_plan
from checklist_tui.export.writer import render
from tests.conftest import EXAMPLES, NOW
from tests.export.docx_structure import docx_structure

FORMATS = ["markdown", "html", "json", "csv", "docx"]
PLANTED = [
    "Rani Shah", "Shah", "Rani", "Patel",        # renamed: the old and new surnames
    "Wei Li", "Wei", "Li said",                   # removed from the plan; a two-letter name
    "Ng", "Bo Ng",                                # a two-letter surname
    "Priya Voided", "Voided",                     # the manager of a voided sign-off
    "rani.shah@example.org", "duty@example.org",  # emails
    "07700 900123", "+44 20 7946 0958", "07700900456",  # phone numbers
    "943 476 5919",                               # an NHS number
    "01/02/1990", "3 March 1988",                 # dates of birth
    "12 Acacia Avenue", "Acacia", "AB1 2CD",      # an address and postcode
    "R. Shah", "R Patel",                         # initials with a surname
    # #8.4 limits taken further: other UK forms
    "(01632) 960 123", "+44 (0)7700 900 789", "0044 7700 900321", "01632960456",  # phones
    "4505577104", "450-557-7104",                 # NHS numbers without spaces, with hyphens
    "SW1A 1AA", "Rose Cottage", "Mill Lane",      # a postcode alone, a house, a street
    "Flat 3", "Example House",                    # a flat in a named building
    "14/03/1995", "02/05/1999", "7 June 2001",    # dates of birth next to a name
    "Sam Stranger",                               # named only as the one given a copy
]
KEPT = ["Will share care", "Antenatal care", "personal adviser",
        "Family Court", "on 20/11/2026", "Housing officer"]


def _text(fmt: str, out: str | bytes) -> str:
    if fmt == "docx":
        return json.dumps(docx_structure(out), ensure_ascii=False)
    assert isinstance(out, str)
    return out


@pytest.fixture
def planted(catalogue):
    lc = catalogue.get("pre-birth-assessment")
    plan = store.load(EXAMPLES / "family-t-like-twins.toml").plan.model_copy(deep=True)
    p = add_record(plan, Person, by="t", now=NOW, name="Rani Shah", kind=PersonKind.OTHER,
                   relationship="Maternal aunt", role="Will share care at weekends")
    update_record(plan, Person, p.id, by="t", now=NOW, name="Rani Patel")
    gone = add_record(plan, Person, by="t", now=NOW, name="Wei Li", kind=PersonKind.VISITING_ADULT)
    remove_record(plan, Person, gone.id, by="t", now=NOW, why="Added by mistake (test)")
    add_record(plan, Person, by="t", now=NOW, name="Bo Ng", kind=PersonKind.MALE_CARER)
    add_record(plan, Agency, by="t", now=NOW, agency="Health visiting",
               contact="07700900456 or duty@example.org", role="Antenatal care follow-up")
    set_note(plan, "PBA-S01", "R. Shah and R Patel visited. Li said Ng was there. Email "
             "rani.shah@example.org or ring 07700 900123 or +44 20 7946 0958. NHS number "
             "943 476 5919. Mother DOB 01/02/1990; father born on 3 March 1988. Lives at "
             "12 Acacia Avenue, AB1 2CD. Mother's personal adviser says Wei will help.",
             by="t", now=NOW)
    set_note(plan, "PBA-S10", "Ring (01632) 960 123, +44 (0)7700 900 789, 0044 7700 900321 or "
             "01632960456. NHS 4505577104, 450-557-7104. Lives at Rose Cottage, Mill Lane, "
             "SW1A 1AA; before that Flat 3, Example House. Casey Example 14/03/1995; Bo Ng "
             "(02/05/1999); Jordan Example, b. 7 June 2001. Seen by Casey Example on "
             "20/11/2026. The Family Court made no order.", by="t", now=NOW)
    plan.distribution.append(Shared(to="Sam Stranger", role="Housing officer",
                                    how="Secure email", on=NOW.date(), by="Priya Voided"))
    plan.acknowledgements.append(Acknowledgement(rule="x", by="Priya Voided", at=NOW,
                                                 reason="Checked with Shah"))
    plan.distribution.append(Shared(to="R. Shah, ring 07700 900123", on=NOW.date(),
                                    by="Priya Voided"))
    plan.history.append(HistoryEntry(at=NOW, by="Priya Voided", what="signoff.void",
                                     target="plan", old="Priya Voided"))
    return lc, plan


@pytest.mark.parametrize("fmt", FORMATS)
def test_planted_identifiers_absent_from_every_redacted_format(planted, catalogue, fmt):
    lc, plan = planted
    plain = _text(fmt, render(fmt, lc, plan, False, catalogue.sources))
    assert "R Patel" in plain and "07700 900123" in plain  # unredacted, they are there
    text = _text(fmt, render(fmt, lc, plan, True, catalogue.sources))
    for planted_text in PLANTED:
        assert planted_text not in text, (fmt, planted_text)
    assert plan.id not in text and plan.case_ref not in text
    for meaning in KEPT if fmt != "csv" else KEPT[2:-1]:  # ordinary words are kept
        assert meaning in text, (fmt, meaning)


def test_place_details_and_their_history_are_removed(catalogue):
    plan = store.load(EXAMPLES / "discharge-ready-for-sign-off.toml").plan
    lc = catalogue.get(plan.checklist_id)
    address = plan.answers["DPM-C01"].details["place"]
    assert address in render("json", lc, plan, False, catalogue.sources)
    for fmt in FORMATS:
        text = _text(fmt, render(fmt, lc, plan, True, catalogue.sources))
        assert address not in text and "Sample Street" not in text, fmt


def test_history_names_are_replaced(planted):
    _lc, plan = planted
    red = redact_plan(plan, "CASE-X")
    history = json.dumps([h.model_dump(mode="json") for h in red.history])
    for name in ("Rani", "Shah", "Patel", "Wei Li", "Priya", "Bo Ng"):
        assert name not in history, name
    assert {p.id for p in red.people} == {f"person-{n}" for n in range(1, len(red.people) + 1)}


def test_redacted_json_has_no_linking_field(planted, catalogue):
    lc, plan = planted
    doc = json.loads(render("json", lc, plan, True, catalogue.sources))
    assert "id" not in doc["plan"] and doc["redacted"] is True
    assert plan.id not in json.dumps(doc)


def test_pseudonym_is_random_unless_a_key_is_asked_for(planted, catalogue, tmp_path):
    _lc, plan = planted
    a = pseudonym(plan.case_ref)
    assert a != pseudonym(plan.case_ref) and a.startswith("CASE-")
    key = load_or_create_key(tmp_path / "config")
    assert key == load_or_create_key(tmp_path / "config")  # kept, not remade
    assert (tmp_path / "config" / "redaction.key").stat().st_mode & 0o077 == 0
    assert pseudonym(plan.case_ref, key) == pseudonym(plan.case_ref, key)
    assert pseudonym(plan.case_ref, key) != pseudonym(plan.case_ref, b"another key" * 4)
    # not the old unsalted hash, which could be reversed by trying every case reference
    old = hashlib.sha256(f"checklist-tui:{plan.case_ref.upper()}".encode()).hexdigest()
    assert old[:8].upper() not in pseudonym(plan.case_ref, key)


def test_same_pseudonym_flag_uses_the_key_file(tmp_path, capsys):
    from checklist_tui.cli import main

    plan = tmp_path / "p.toml"
    plan.write_bytes((EXAMPLES / "early-pre-birth.toml").read_bytes())
    outs = []
    for _ in range(2):
        assert main(["export", str(plan), "--redact", "--same-pseudonym", "--format", "json",
                     "-o", "-"]) == 0
        outs.append(json.loads(capsys.readouterr().out)["plan"]["case_ref"])
    assert outs[0] == outs[1]
    assert main(["export", str(plan), "--redact", "--format", "json", "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["plan"]["case_ref"] != outs[0]


def test_voided_signoff_manager_in_redacted_signature_section(planted, catalogue):
    lc, plan = planted
    out = render("markdown", lc, plan, True, catalogue.sources)
    assert "An earlier sign-off by Manager was voided" in out


def test_original_plan_untouched(planted):
    _lc, plan = planted
    before = plan.model_dump()
    redact_plan(plan, "CASE-X")
    assert plan.model_dump() == before
    assert datetime(2026, 1, 1, tzinfo=UTC)  # keep the import honest


def test_a_date_after_a_name_is_a_birth_date_only_when_it_reads_as_one(planted):
    from checklist_tui.export.redact import Redactor

    _lc, plan = planted
    r = Redactor(plan)
    assert "20/11/2026" in r.text("Saw Casey Example 20/11/2026 at home.")  # a visit
    assert "20/11/2020" not in r.text("Casey Example (20/11/2020) is his son.")
    assert "1/2/2019" not in r.text("Casey Example b. 1/2/2019")
    assert "1990" not in r.text("Casey Example, 01/02/1990, lives alone.")
    assert "12/12/2026" in r.text("Review on 12/12/2026.")


def test_a_removed_person_s_name_holding_a_semicolon_is_replaced_whole(catalogue) -> None:
    """A history entry written before rev8-core 3's fix keeps a "; " inside a value as
    typed; the names of people since removed are collected from the history split only
    where a field begins, so all of such a name is replaced, not only its first part."""
    from checklist_tui.core import store
    from checklist_tui.core.edit import set_note
    from checklist_tui.core.edit_base import log
    from checklist_tui.core.plan import PlanState
    from checklist_tui.export.redact import redact_plan
    from tests.conftest import EXAMPLES, NOW

    plan = store.load(EXAMPLES / "early-pre-birth.toml").plan.model_copy(deep=True)
    plan.state = PlanState.DRAFT
    written = "name=Kit Zephyrine; Quorra; kind=other"  # as the app wrote it before
    log(plan, "t", NOW, "person.add", "person-x", None, written)
    log(plan, "t", NOW, "person.remove", "person-x", written, "removed: Added by mistake")
    set_note(plan, "PBA-S01", "Spoke to Quorra on the phone", by="t", now=NOW)
    out = redact_plan(plan, "PSEUDO-1")
    assert "Quorra" not in out.answers["PBA-S01"].note
