"""look-d D14: only the full-screen app could record the baby's birth or a new EDD on an
existing plan; plain mode and the command line could not, so the plan kept reading as a
pregnancy. ``details`` does it by the app's checks, with the app's history entry."""

from __future__ import annotations

import shutil

import pytest

from checklist_tui.cli import main
from checklist_tui.core import store
from tests.conftest import EXAMPLES


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-pre-birth.toml", path)
    return path


def test_details_records_the_birth(plan_file, capsys) -> None:
    assert main(["details", str(plan_file), "--edd", "01/02/2027"]) == 0  # 29+4 at birth
    assert main(["details", str(plan_file), "--dob", "20/11/2026"]) == 0
    assert "Timing: born 20/11/2026" in capsys.readouterr().out
    plan = store.load(plan_file).plan
    assert str(plan.dob) == "2026-11-20"
    assert [(h.what, h.target) for h in plan.history[-1:]] == [("details", "dob")]


@pytest.mark.parametrize(("args", "words"), [
    (["--dob", "30/11/2026"], "--dob: the date of birth 30/11/2026 is in the future"),
    (["--edd", "20/05/2030"], "--edd: the EDD 20/05/2030 is more than 44 weeks"),
    (["--babies", "none"], "--babies: 'none' is not a number of babies"),
    (["--dob", "20/11/2026"], "--dob: a birth on 20/11/2026 would be at 14+1 weeks of "
     "pregnancy, by the EDD 20/05/2027; check this is the right plan"),
])
def test_details_refuses_what_the_app_refuses_and_changes_nothing(plan_file, capsys, args,
                                                                 words) -> None:
    before = plan_file.read_bytes()
    assert main(["details", str(plan_file), *args]) == 1
    assert words in capsys.readouterr().err
    assert plan_file.read_bytes() == before


def test_details_keeps_what_is_not_given(plan_file) -> None:
    before = store.load(plan_file).plan
    assert main(["details", str(plan_file), "--edd", "01/06/2027"]) == 0
    after = store.load(plan_file).plan
    assert str(after.edd) == "2027-06-01" and after.case_ref == before.case_ref
    assert after.practitioner == before.practitioner and after.dob is None
