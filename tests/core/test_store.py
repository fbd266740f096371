"""Plan files: round trip, atomic and crash-safe saves, conflicts, damage, recovery."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date

import pytest

from checklist_tui.core import recovery, store
from checklist_tui.core.errors import PlanConflictError, PlanError
from checklist_tui.core.locking import host_tag
from checklist_tui.core.plan import FORMAT_VERSION, SignOff
from tests.conftest import EXAMPLES, NOW
from tests.core.helpers import answer

STEPS = ["written", "synced", "backup-written", "backup-replaced", "replaced"]


class SimulatedCrash(BaseException):
    """A BaseException so no cleanup code runs: like the process dying."""


@pytest.fixture
def saved(tmp_path, mini):
    loaded = store.create(tmp_path / "plans", mini, case_ref="CASE/../../etc 1", now=NOW,
                          edd=date(2027, 3, 1), practitioner="Tester")
    return loaded


def test_create_names_file_safely_inside_folder(saved, tmp_path) -> None:
    assert saved.path.parent == tmp_path / "plans"
    assert ".." not in saved.path.name and "/" not in saved.path.name
    assert saved.path.name.startswith("mini-case-etc-1-")
    assert saved.plan.history[0].what == "created"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_owner_only_permissions(saved) -> None:
    assert stat.S_IMODE(saved.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(saved.path.parent.stat().st_mode) == 0o700


def test_round_trip_is_lossless(saved, mini) -> None:
    answer(saved.plan, mini, father_known="yes", lac="yes", where="home")
    saved.plan.answers["father_known"].note = 'Said "[bold]x[/bold]" \\ \n <b>'
    store.save(saved)
    again = store.load(saved.path)
    assert again.plan == saved.plan
    text = saved.path.read_text()
    assert text.startswith("# checklist-tui plan file")
    assert 'case_ref = "CASE/../../etc 1"' in text


@pytest.mark.parametrize("step", STEPS)
def test_crash_at_any_step_leaves_old_or_new(saved, mini, step, monkeypatch) -> None:
    old_plan = saved.plan.model_copy(deep=True)
    answer(saved.plan, mini, father_known="yes")
    new_plan = saved.plan.model_copy(deep=True)

    def crash(name: str) -> None:
        if name == step:
            raise SimulatedCrash(name)

    monkeypatch.setattr(store, "FAULT_HOOK", crash)
    with pytest.raises(SimulatedCrash):
        store.save(saved)
    monkeypatch.setattr(store, "FAULT_HOOK", None)
    on_disk = store.load(saved.path).plan
    assert on_disk in (old_plan, new_plan)
    # the next start tidies up and never loses the newest complete save (the temporary
    # files are this process's: make them look like those of a process that died)
    as_if_dead(saved.path.parent)
    recovery.recover(saved.path.parent)
    assert not list(saved.path.parent.glob(".*tmp-*"))
    recovered = store.load(saved.path).plan
    assert recovered in (old_plan, new_plan)
    if step != "written":  # once the new data is fsynced, it is never lost
        assert recovered == new_plan


def test_backup_keeps_previous_version(saved, mini) -> None:
    answer(saved.plan, mini, father_known="yes")
    store.save(saved)
    backup = saved.path.with_name(saved.path.name + ".bak")
    assert store.parse_plan(backup.read_bytes(), backup).answers == {}


def test_failed_save_raises_clear_error_and_keeps_file(saved, mini, monkeypatch) -> None:
    answer(saved.plan, mini, father_known="yes")
    before = saved.path.read_bytes()

    def full_disk(name: str) -> None:
        if name == "written":
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "FAULT_HOOK", full_disk)
    with pytest.raises(PlanError, match=r"could not be saved .*kept in memory"):
        store.save(saved)
    assert saved.path.read_bytes() == before
    assert not list(saved.path.parent.glob(".*tmp-*"))


def test_file_changed_on_disk_is_never_overwritten(saved, mini) -> None:
    saved.path.write_text(saved.path.read_text() + "\n# edited elsewhere\n")
    changed = saved.path.read_bytes()
    answer(saved.plan, mini, father_known="yes")
    with pytest.raises(PlanConflictError, match="changed by another program"):
        store.save(saved)
    assert saved.path.read_bytes() == changed
    copy = store.save_copy(saved, "conflict")
    assert store.load(copy).plan.answers["father_known"].value == "yes"


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"format_version = 1\n[answers\n", "damaged"),
    (b"\xff\xfe\x00garbage", "not a UTF-8"),
    (b'title = "x"\n', "no format_version"),
    (f"format_version = {FORMAT_VERSION + 1}\n".encode(), "newer checklist-tui"),
    (b'format_version = 1\nid = "x"\n', "left untouched"),
])
def test_damaged_plan_gives_clear_error_and_is_untouched(tmp_path, content, message) -> None:
    path = tmp_path / "broken.toml"
    path.write_bytes(content)
    with pytest.raises(PlanError, match=message) as info:
        store.load(path)
    assert "broken.toml" in str(info.value)
    assert path.read_bytes() == content


@pytest.mark.parametrize(("before", "after", "message"), [
    ('decision = "returned"', 'decision = "approve"', "reviews 1: decision: a manager's decision"),
    ('state = "draft"', 'state = "approved"', "says 'approved' but has no approving sign-off"),
])
def test_a_decision_the_app_cannot_have_made_is_refused(saved, before, after, message) -> None:
    """A hand-edited "approve" would be shown as "Approve by ..." yet never count as an
    approval; a plan calling itself approved with no approving decision claims a sign-off."""
    saved.plan.reviews.append(SignOff(by="A Manager", role="Team manager", at=NOW,
                                      decision="returned", rationale="Father not assessed"))
    store.save(saved)
    text = saved.path.read_text()
    assert before in text
    saved.path.write_text(text.replace(before, after))
    edited = saved.path.read_bytes()
    with pytest.raises(PlanError, match=message):
        store.load(saved.path)
    assert saved.path.read_bytes() == edited


def test_truncated_plan_is_refused(saved) -> None:
    data = saved.path.read_bytes()
    saved.path.write_bytes(data[: len(data) // 2])
    with pytest.raises(PlanError):
        store.load(saved.path)


def test_list_plans_includes_unreadable(saved, tmp_path) -> None:
    (saved.path.parent / "junk.toml").write_text("not = [valid")
    listed = store.list_plans(saved.path.parent)
    assert len(listed) == 2
    junk = next(item for item in listed if item.path.name == "junk.toml")
    assert junk.plan is None and "damaged" in junk.error
    assert store.list_plans(tmp_path / "missing") == []


def dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(proc.stdout)


def as_if_dead(folder) -> None:
    pid = dead_pid()
    for tmp in folder.glob(".*.tmp-*"):
        tag, _pid, rand = tmp.name.split(".tmp-")[-1].split("-")
        tmp.rename(tmp.with_name(f"{tmp.name.split('.tmp-')[0]}.tmp-{tag}-{pid}-{rand}"))


def test_recover_removes_incomplete_temp(saved) -> None:
    tmp = saved.path.with_name(f".{saved.path.name}.tmp-{host_tag()}-{dead_pid()}-abc")
    tmp.write_bytes(b"format_version = 1\n[ans")
    messages = recovery.recover(saved.path.parent)
    assert not tmp.exists() and "removed an incomplete save" in messages[0]


def test_examples_round_trip() -> None:
    for path in EXAMPLES.glob("*.toml"):
        loaded = store.load(path)
        again = store.load_bytes(store.to_toml(loaded.plan).encode(), path)
        assert again.plan.model_copy(
            update={"format_version": loaded.plan.format_version}) == loaded.plan
        assert again.found_outside == "" and again.plan.format_version == FORMAT_VERSION


@pytest.mark.parametrize(("text", "expected"), [
    ("DEMO 0001", "demo-0001"), ("../../x", "x"), ("C:\\Windows\\sys", "c-windows-sys"),
    ("名前", "plan"), ("", "plan"), ("a" * 100, "a" * 40),
])
def test_slug(text, expected) -> None:
    assert store.slug(text) == expected
    assert os.sep not in store.slug(text)
