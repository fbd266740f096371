"""The open-plan session the TUI drives: lock, edits, autosave, conflicts, read-only."""

from __future__ import annotations

import os

import pytest

from checklist_tui.core import store
from checklist_tui.core.edit import set_answer
from checklist_tui.core.errors import PlanError, ReasonNeeded
from checklist_tui.core.session import PlanSession
from tests.conftest import NOW


@pytest.fixture
def plan_path(tmp_path, catalogue):
    return store.create(tmp_path, catalogue.get("pre-birth-assessment"), case_ref="S-1",
                        now=NOW).path


def _open(path, catalogue, **kw):
    return PlanSession.open(path, catalogue.get, **kw)


def test_edit_save_close_reopen(plan_path, catalogue) -> None:
    s = _open(plan_path, catalogue, user="Tester")
    assert not s.read_only and s.lock and s.lock.held
    s.apply(set_answer, s.checklist.checklist, "PBA-S01", "yes")
    assert s.state.dirty and s.state.describe() == "Saving…"
    assert s.close()
    assert not s.lock.held
    again = _open(plan_path, catalogue)
    assert again.plan.answers["PBA-S01"].value == "yes"
    assert again.plan.history[-1].by == "Tester"
    again.close()


def test_second_session_is_read_only_with_reason(plan_path, catalogue) -> None:
    first = _open(plan_path, catalogue)
    second = _open(plan_path, catalogue)
    assert second.read_only and "open for editing" in second.read_only_reason
    with pytest.raises(PlanError, match="read-only"):
        second.apply(set_answer, second.checklist.checklist, "PBA-S01", "yes")
    first.close()
    second.close()


def test_read_only_flag_and_signed_off(plan_path, catalogue) -> None:
    s = _open(plan_path, catalogue, read_only=True)
    assert s.read_only_reason == "opened read-only" and s.lock is None
    loaded = store.load(plan_path)
    from checklist_tui.core.plan import SignOff
    from tests.conftest import NOW

    loaded.plan.signoff = SignOff(by="A Manager", role="Team manager", at=NOW,
                                  decision="approved")
    loaded.plan.state = "approved"
    store.save(loaded)
    signed = _open(plan_path, catalogue)  # open for changes: the first one needs a reason
    assert not signed.read_only and signed.lock is not None
    before = plan_path.read_bytes()
    with pytest.raises(ReasonNeeded, match="voids the sign-off"):
        signed.apply(set_answer, signed.checklist.checklist, "PBA-S01", "yes")
    assert signed.close() and plan_path.read_bytes() == before


def test_failed_save_keeps_changes_and_retries(plan_path, catalogue, monkeypatch) -> None:
    s = _open(plan_path, catalogue)
    s.apply(set_answer, s.checklist.checklist, "PBA-S01", "yes")

    def fail(_loaded, _snapshot):
        raise PlanError("disk full")

    monkeypatch.setattr(store, "write_snapshot", fail)
    assert not s.save()
    assert s.state.dirty and s.state.describe() == "NOT SAVED: disk full"
    monkeypatch.undo()
    assert s.save() and s.state.describe().startswith("Saved ")
    assert store.load(plan_path).plan.answers["PBA-S01"].value == "yes"
    s.close()


def test_conflict_saves_a_copy_and_goes_read_only(plan_path, catalogue) -> None:
    s = _open(plan_path, catalogue)
    plan_path.write_text(plan_path.read_text() + "\n# changed elsewhere\n")
    s.apply(set_answer, s.checklist.checklist, "PBA-S01", "yes")
    assert s.save()
    assert s.read_only and s.state.conflict_copy.exists()
    assert "changed by another program" in s.state.describe()
    assert plan_path.read_text().endswith("# changed elsewhere\n")
    s.close()


def test_session_is_the_one_writer(plan_path, catalogue) -> None:
    s = _open(plan_path, catalogue)
    told: list[PlanSession] = []
    s.listener = told.append
    first = s.evaluate()
    assert s.evaluate() is first  # kept while nothing changes
    assert s.edit(set_answer, s.checklist.checklist, "PBA-S01", "yes") is True
    assert told == [s] and s.state.dirty
    second = s.evaluate()
    assert second is not first and second.answered == first.answered + 1
    assert s.edit(set_answer, s.checklist.checklist, "PBA-S01", "yes") is False
    assert told == [s] and s.evaluate() is second  # no change: no news, same evaluation
    s.close()


def test_an_older_save_never_lands_over_a_newer_one(plan_path, catalogue) -> None:
    """Saves are taken in order and written on another thread: if an older one is
    written after a newer one (threads raced), it is skipped, and its outcome is not
    reported over the newer one's."""
    s = _open(plan_path, catalogue)
    checklist = s.checklist.checklist
    s.apply(set_answer, checklist, "PBA-S01", "yes")
    older = s.begin_save()
    s.apply(set_answer, checklist, "PBA-S01", "no")
    newer = s.begin_save()
    assert older is not None and newer is not None and older.seq < newer.seq
    assert s.write(newer) is None
    assert s.finish_save(newer, None) and not s.state.dirty
    assert s.write(older) is None  # skipped: the newer state is on disk
    assert store.load(plan_path).plan.answers["PBA-S01"].value == "no"
    assert s.finish_save(older, PlanError("late news")) and not s.state.error
    s.close()


def test_a_change_while_a_save_is_written_keeps_the_plan_unsaved(plan_path, catalogue) -> None:
    s = _open(plan_path, catalogue)
    checklist = s.checklist.checklist
    s.apply(set_answer, checklist, "PBA-S01", "yes")
    pending = s.begin_save()
    s.apply(set_answer, checklist, "PBA-S01", "no")  # after the snapshot was taken
    assert s.finish_save(pending, s.write(pending))
    assert s.state.dirty and s.state.describe() == "Saving…"
    assert store.load(plan_path).plan.answers["PBA-S01"].value == "yes"
    assert s.save() and not s.state.dirty
    assert store.load(plan_path).plan.answers["PBA-S01"].value == "no"
    s.close()


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="names descriptors via /proc")
def test_opening_waits_for_no_disk_and_the_lock_is_on_it_before_the_first_save(
        plan_path, catalogue, monkeypatch) -> None:
    """#12.2: ``open`` takes the lock without an fsync (the app's first paint waited for
    it); the first save forces the lock to the disk before it writes the plan."""
    synced: list[str] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.path.basename(os.readlink(f"/proc/self/fd/{fd}")))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    s = _open(plan_path, catalogue, user="Tester")
    assert s.lock is not None and s.lock.held and synced == []
    s.apply(set_answer, s.checklist.checklist, "PBA-S01", "yes")
    assert s.save()
    lock_name = plan_path.name + ".lock"
    assert synced[0] == lock_name and lock_name not in synced[1:]
    assert any(plan_path.name in name for name in synced[1:])  # then the plan itself
    assert s.close()
