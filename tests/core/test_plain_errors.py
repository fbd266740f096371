"""Pydantic's own words ("Input should be greater than or equal to 1") never reach a
practitioner: edits, new plans and damaged files say what is wrong in plain words."""

from __future__ import annotations

import pytest

from checklist_tui.core import store
from checklist_tui.core.edit import add_record, set_details
from checklist_tui.core.errors import PlanError
from checklist_tui.core.plan import Person
from tests.conftest import NOW
from tests.core.helpers import new_plan


def _said(exc: pytest.ExceptionInfo[PlanError]) -> str:
    text = str(exc.value)
    assert "Input should" not in text and "Value error" not in text, text
    return text


def test_a_detail_out_of_range_is_said_plainly(catalogue) -> None:
    plan = new_plan(catalogue.get("pre-birth-assessment"))
    with pytest.raises(PlanError) as exc:
        set_details(plan, by="Tester", now=NOW, babies_expected=0)
    assert _said(exc) == "babies_expected: must be at least 1"


def test_a_record_with_a_bad_field_is_said_plainly(catalogue) -> None:
    plan = new_plan(catalogue.get("pre-birth-assessment"))
    with pytest.raises(PlanError) as exc:
        add_record(plan, Person, by="Tester", now=NOW, name="A Person", kind="father",
                   relationship="x" * 1000)
    assert _said(exc).startswith("person relationship: is longer than ")


def test_a_damaged_plan_file_is_said_plainly(tmp_path, catalogue) -> None:
    loaded = store.create(tmp_path, catalogue.get("pre-birth-assessment"), case_ref="P-1",
                          now=NOW)
    text = loaded.path.read_text(encoding="utf-8")
    loaded.path.write_text(text.replace("babies_expected = 1", "babies_expected = 0"),
                           encoding="utf-8")
    with pytest.raises(PlanError) as exc:
        store.load(loaded.path)
    assert "babies_expected: must be at least 1" in _said(exc)
