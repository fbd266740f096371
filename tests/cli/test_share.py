"""``share`` records who was given a copy of the plan; every export shows it (#13.4)."""

from __future__ import annotations

import shutil

import pytest

from checklist_tui.cli import main
from checklist_tui.core import store
from checklist_tui.core.review import content_hash
from checklist_tui.export.writer import render
from tests.conftest import EXAMPLES


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "family-t-like-twins.toml", path)
    return path


def test_share_records_distribution_and_the_parents_copy(plan_file, capsys, catalogue):
    before = content_hash(store.load(plan_file).plan)
    assert main(["share", str(plan_file), "--to", "Health visiting team",
                 "--on", "20/11/2026"]) == 0
    assert "a copy given to Health visiting team on 20/11/2026" in capsys.readouterr().out
    assert main(["share", str(plan_file), "--parents", "--on", "21/11/2026"]) == 0
    plan = store.load(plan_file).plan
    assert [(d.to, d.parents) for d in plan.distribution] == [
        ("Health visiting team", False), ("The parents", True)]
    assert plan.history[-1].what == "shared"
    assert content_hash(plan) == before  # sharing is not a change to what the plan says
    lc = catalogue.get(plan.checklist_id)
    md = render("markdown", lc, plan, False, catalogue.sources)
    assert "| 20/11/2026 | Health visiting team |" in md
    assert "Copy given to the parents: 21/11/2026" in md
    assert "Copy given to the parents: 21/11/2026" in render("html", lc, plan, False,
                                                             catalogue.sources)


def test_share_refuses_a_future_date_and_nobody(plan_file, capsys):
    before = plan_file.read_bytes()
    assert main(["share", str(plan_file), "--to", "GP", "--on", "01/01/2099"]) == 1
    assert main(["share", str(plan_file)]) == 1
    err = capsys.readouterr().err
    assert "in the future" in err and "say who the plan was shared with" in err
    assert plan_file.read_bytes() == before


def test_unrecorded_distribution_is_said_not_hidden(catalogue):
    plan = store.load(EXAMPLES / "early-pre-birth.toml").plan
    md = render("markdown", catalogue.get(plan.checklist_id), plan, False, catalogue.sources)
    assert "Who the plan was shared with is not recorded." in md
    assert "Copy given to the parents: not recorded." in md
