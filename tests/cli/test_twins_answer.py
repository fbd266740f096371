"""L5 on the command line: ``answer PLAN PBA-S07A two`` moves the plan's number of babies
(recorded in its history) and says so; a number someone gave is kept and the answer is
shown as contradicted, in words."""

from __future__ import annotations

import pytest

from checklist_tui.core import babies, store
from tests.cli.helpers import example_plans, run


@pytest.fixture
def plans(isolated):
    return example_plans(isolated / "plans")


def test_answer_twins_sets_the_number_of_babies(plans, capsys) -> None:
    path = plans / "early-pre-birth.toml"
    assert store.load(path).plan.babies_expected == 1
    code, out, err = run(capsys, "answer", str(path), "PBA-S07A", "two", "--as", "Script User")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "PBA-S07A: Two (twins)"
    assert "Plan details: 2 babies are expected (set from this answer), so the due dates " \
           "are brought forward" in out
    plan = store.load(path).plan
    assert plan.babies_expected == 2
    entry = plan.history[-1]
    assert (entry.what, entry.target, entry.old, entry.new, entry.by) == (
        babies.FOLLOWED, "babies_expected", "1", "2", "Script User")


def test_answer_that_contradicts_a_given_number_is_shown_not_obeyed(plans, capsys) -> None:
    path = plans / "family-t-like-twins.toml"  # made with two babies, on purpose
    code, out, err = run(capsys, "answer", str(path), "PBA-S07A", "one")
    assert (code, err) == (0, "")
    assert "CONTRADICTED: the plan details say 2 babies are expected (given when the plan " \
           "was made)" in out
    assert "Counts as answered" not in out
    plan = store.load(path).plan
    assert (plan.answers["PBA-S07A"].value, plan.babies_expected) == ("one", 2)
