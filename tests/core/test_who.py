"""Who is making the changes (look-d D12): the one rule for whom a change is recorded as,
what is offered when the question is asked, and what is remembered on this computer."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from checklist_tui.core import who
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.session import PlanSession
from checklist_tui.core.who import Who
from tests.conftest import EXAMPLES, NOW

DISCHARGE = "family-t-like-twins.toml"  # a draft: changed without a reason


@pytest.fixture
def opened(tmp_path: Path):
    shutil.copy(EXAMPLES / DISCHARGE, tmp_path / DISCHARGE)
    session = PlanSession.open(tmp_path / DISCHARGE, load_catalogue([]).get)
    yield session
    session.close()


def test_a_change_is_recorded_as_who_said_they_are_making_it(opened) -> None:
    """The ward midwife's change is hers, not the plan's practitioner's (look-d D12)."""
    from checklist_tui.core import edit

    assert opened.user == opened.plan.practitioner  # nobody said: the practitioner
    opened.changes_by(Who("Morgan Example", "Ward midwife"))
    target = next(i for i, a in opened.plan.answers.items() if not a.note)
    assert opened.edit(edit.set_note, target, "Re-checked on the ward")
    assert opened.plan.history[-1].by == "Morgan Example (Ward midwife)"
    assert opened.plan.history[-1].by != opened.plan.practitioner


def test_the_one_rule() -> None:
    class P:
        practitioner = "Drew Demo"
        practitioner_role = "Safeguarding midwife"

    plan = P()
    assert who.recorded_as(plan) == "Drew Demo"  # type: ignore[arg-type]
    assert who.recorded_as(plan, "  ") == "Drew Demo"  # type: ignore[arg-type]
    assert who.recorded_as(plan, "Morgan Example") == "Morgan Example"  # type: ignore[arg-type]
    assert who.recorded_as(plan, Who("Morgan Example", "Ward midwife")) \
        == "Morgan Example (Ward midwife)"  # type: ignore[arg-type]
    plan.practitioner = ""
    assert who.recorded_as(plan) == "practitioner"  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "role", "said"), [
    ("", "Ward midwife", "Say your name."),
    ("Morgan Example", "", "Say your role."),
    ("y", "Ward midwife", "'y' is not a name: say your name."),
    ("tbc", "Ward midwife", "'tbc' is not a name: say your name."),
    ("Morgan Example", "?", "'?' is not a role: say your role."),
])
def test_a_name_and_a_role_are_needed(name: str, role: str, said: str) -> None:
    assert who.refusal(name, role) == said
    assert who.refusal("Morgan Example", "Ward midwife") is None


def test_offered_who_said_so_here_then_who_last_changed_it_here_never_the_practitioner(
        opened) -> None:
    """The practitioner is never offered (rev8-tui 1: Enter, Enter recorded the ward
    midwife's changes as the social worker's again)."""
    plan = opened.plan
    assert plan.practitioner
    assert who.offered(plan) is None
    assert who.remember(plan.id, Who("Morgan Example", "Ward midwife"), NOW)
    assert who.offered(plan) == Who("Morgan Example", "Ward midwife")
    assert who.offered(plan, Who("Sam Sample", "Health visitor")) == \
        Who("Sam Sample", "Health visitor")
    assert who.remembered("another-plan") is None


def test_said_in_a_session_is_remembered_for_the_plan_on_this_computer(opened) -> None:
    opened.changes_by(Who("Morgan Example", "Ward midwife"))
    assert who.remembered(opened.plan.id) == Who("Morgan Example", "Ward midwife")
    if os.name != "nt":  # names of staff: owner-only
        assert who.file_path().stat().st_mode & 0o077 == 0


def test_a_damaged_file_remembers_nobody(opened) -> None:
    who.file_path().parent.mkdir(parents=True, exist_ok=True)
    who.file_path().write_text("{not json", encoding="utf-8")
    assert who.offered(opened.plan) is None
    assert who.remember(opened.plan.id, Who("Morgan Example", "Ward midwife"), NOW)
    assert who.remembered(opened.plan.id) == Who("Morgan Example", "Ward midwife")


def test_only_the_latest_plans_are_kept(opened, monkeypatch) -> None:
    from datetime import timedelta

    monkeypatch.setattr(who, "KEPT", 3)
    for n in range(5):
        who.remember(f"plan-{n}", Who("Morgan Example", "Ward midwife"), NOW + timedelta(n))
    assert who.remembered("plan-0") is None and who.remembered("plan-1") is None
    assert who.remembered("plan-4") is not None


def test_only_looking_lets_the_lock_go_and_saying_who_takes_it_again(opened) -> None:
    """rev8-core 6: a plan opened only to look kept its lock, and a colleague was told it
    was 'open for editing' while nobody here could change it."""
    from checklist_tui.core.errors import PlanLockedError

    path = opened.loaded.path
    assert opened.lock is not None
    opened.only_look("nobody said who is making changes")
    assert opened.lock is None and opened.read_only
    colleague = PlanSession.open(path, load_catalogue([]).get)
    try:
        assert not colleague.read_only  # the colleague can change it now
        with pytest.raises(PlanLockedError):  # and this one cannot take it back meanwhile
            opened.look_no_longer()
        assert opened.read_only
    finally:
        colleague.close()
    opened.look_no_longer()
    assert opened.lock is not None and not opened.read_only


def test_said_as_splits_a_name_and_a_role_written_as_every_view_writes_them() -> None:
    from checklist_tui.core.who import said_as

    assert said_as("Morgan Example (Ward midwife)") == Who("Morgan Example", "Ward midwife")
    assert said_as("  Morgan   Example  (Ward  midwife) ").by == "Morgan Example (Ward midwife)"
    assert said_as("Morgan Example") == Who("Morgan Example", "")
    assert said_as("Morgan Example ()") == Who("Morgan Example ()", "")
    assert said_as("(Ward midwife)") == Who("(Ward midwife)", "")
