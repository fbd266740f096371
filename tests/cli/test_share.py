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


def test_share_an_approved_plan_keeps_the_approval(tmp_path, capsys, catalogue):
    """Plans are shared once approved: recording it must work then and void nothing."""
    from checklist_tui.core.plan import PlanState
    from checklist_tui.core.review import approval_void

    path = tmp_path / "ready.toml"
    shutil.copy(EXAMPLES / "discharge-ready-for-sign-off.toml", path)
    assert main(["submit", str(path)]) == 0
    assert main(["sign-off", str(path), "--decision", "approved", "--rationale", "Sound.",
                 "--name", "Alex Manager", "--role", "Team manager"]) == 0
    approved = store.load(path).plan
    assert approved.state == PlanState.APPROVED
    capsys.readouterr()
    assert main(["share", str(path), "--to", "Sam Example", "--role", "Health visitor",
                 "--how", "Secure email", "--on", "24/11/2026"]) == 0
    assert capsys.readouterr().out == ("Recorded: a copy given to Sam Example (Health "
                                       "visitor) on 24/11/2026, Secure email.\n")
    assert main(["share", str(path), "--parents", "--how", "By hand"]) == 0
    loaded = store.load(path)
    plan = loaded.plan
    assert loaded.found_outside == ""  # saved by the app: the history chain holds
    assert plan.state == PlanState.APPROVED and not approval_void(plan)
    assert plan.signoff == approved.signoff
    assert [(d.to, d.role, d.how, d.parents, d.on.isoformat()) for d in plan.distribution] == [
        ("Sam Example", "Health visitor", "Secure email", False, "2026-11-24"),
        ("The parents", "", "By hand", True, "2026-11-25")]
    assert [h.what for h in plan.history[-2:]] == ["shared", "shared"]
    assert plan.history[-2].new == "Sam Example on 2026-11-24; Health visitor; Secure email"
    md = render("markdown", catalogue.get(plan.checklist_id), plan, False, catalogue.sources)
    assert "Status: Approved; approved by Alex Manager" in md
    assert "| 24/11/2026 | Sam Example | Health visitor | Secure email |" in md


def test_share_refused_on_a_plan_entered_in_error(plan_file, capsys):
    text = plan_file.read_text(encoding="utf-8").replace('state = "draft"',
                                                          'state = "entered_in_error"')
    plan_file.write_text(text, encoding="utf-8")
    before = plan_file.read_bytes()
    assert main(["share", str(plan_file), "--to", "GP"]) == 1
    assert "entered in error" in capsys.readouterr().err
    assert plan_file.read_bytes() == before
