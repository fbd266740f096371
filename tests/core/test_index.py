"""The plan index: rows from the engine, refresh rules, rebuilds, and two processes at once."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.make_plans import generate
from checklist_tui.core import index as index_mod
from checklist_tui.core.index import PlanIndex, index_path
from checklist_tui.core.index_row import CONCERN, OPEN
from tests.conftest import EXAMPLES, ROOT, TODAY


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "plans"
    target.mkdir()
    for plan in EXAMPLES.glob("*.toml"):
        shutil.copy(plan, target / plan.name)
    (target / "sub").mkdir()
    (target / "sub" / "broken.toml").write_text("format_version = 1\ncase_ref = \"cut", "utf-8")
    (target / "notes.txt").write_text("not a plan", "utf-8")
    (target / "early-pre-birth.toml.bak").write_text("old", "utf-8")
    return target


def _index(folder: Path, catalogue) -> PlanIndex:
    return PlanIndex(folder, catalogue.checklists, include_user=False)


def _age(path: Path, seconds: int = 3600) -> None:
    """Make a file look as if it was last changed a while ago (not 'racily clean')."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - seconds * 1_000_000_000))


def _age_all(folder: Path) -> None:
    for path in folder.rglob("*.toml"):
        _age(path)


def test_rows_come_from_the_engine(folder, catalogue):
    _age_all(folder)
    with _index(folder, catalogue) as ix:
        result = ix.refresh(today=TODAY)
        rows = {r.path: r for r in ix.rows()}
    assert result.files == 4 and result.parsed == 4 and result.rebuilt
    assert set(rows) == {"early-pre-birth.toml", "family-t-like-twins.toml",
                         "discharge-ready-for-sign-off.toml", "sub/broken.toml"}
    early = rows["early-pre-birth.toml"]
    assert early.case_ref == "DEMO-0001" and early.checklist_id == "pre-birth-assessment"
    assert early.state_label == "Draft" and early.signoff == "Not yet signed off"
    assert 0 < early.answered < early.total and early.open_required > 0
    assert early.items and OPEN in early.items.values()
    twins = rows["family-t-like-twins.toml"]
    assert twins.red_flags >= 1 and CONCERN in twins.items.values()
    assert twins.overdue_due(TODAY) and twins.overdue_actions(TODAY)
    assert twins.needs_attention(TODAY)
    assert rows["discharge-ready-for-sign-off.toml"].dob is not None
    broken = rows["sub/broken.toml"]
    assert "broken.toml" in broken.error and "damaged" in broken.error


def test_concerns_are_the_engines(folder, catalogue):
    """The index's "answered with a concern" is the engine's Gaps and risks (core.gaps) for
    every example plan: never a definition of its own. (Its count of gaps and risks is the
    plan's own list: tests/export/test_folder_parity.py.)"""
    from checklist_tui.core import store
    from checklist_tui.core.engine import evaluate
    from checklist_tui.core.gaps import gaps_and_risks
    from checklist_tui.core.index_row import CONCERN_GAPS

    with _index(folder, catalogue) as ix:
        ix.refresh(today=TODAY)
        rows = {r.path: r for r in ix.rows() if not r.error}
    assert len(rows) == 3
    for path, row in rows.items():
        plan = store.load(folder / path).plan
        checklist = catalogue.get(plan.checklist_id).checklist
        gaps = gaps_and_risks(checklist, plan, evaluate(checklist, plan, TODAY))
        flagged = {g.item_id for g in gaps if g.label in CONCERN_GAPS}
        assert {i for i, s in row.items.items() if s == CONCERN} == flagged, path
    assert rows["family-t-like-twins.toml"].gaps > 0


def test_edited_outside_the_app_is_in_the_row(folder, catalogue):
    from checklist_tui.core.index_view import attention, state_words

    path = folder / "early-pre-birth.toml"
    path.write_text(path.read_text("utf-8").replace('case_ref = "DEMO-0001"',
                                                    'case_ref = "DEMO-0001X"'), "utf-8")
    with _index(folder, catalogue) as ix:
        ix.refresh(today=TODAY)
        rows = {r.path: r for r in ix.rows()}
    edited = rows["early-pre-birth.toml"]
    assert edited.case_ref == "DEMO-0001X"
    assert edited.edited_outside.startswith("Edited outside the app")
    assert "edited outside the app" in state_words(edited, TODAY)
    assert "edited outside the app" in attention(edited, TODAY)
    assert edited.needs_attention(TODAY)
    assert not rows["discharge-ready-for-sign-off.toml"].edited_outside


def test_unchanged_files_are_not_read_again(folder, catalogue, monkeypatch):
    _age_all(folder)
    with _index(folder, catalogue) as ix:
        ix.refresh(today=TODAY)
        reads: list[str] = []
        real = index_mod._process
        monkeypatch.setattr(index_mod, "_process", lambda job: reads.append(job[1]) or real(job))
        result = ix.refresh(today=TODAY)
    assert result.unchanged == 4 and reads == []


def test_a_plan_changed_behind_its_back_is_seen(folder, catalogue):
    _age_all(folder)
    with _index(folder, catalogue) as ix:
        ix.refresh(today=TODAY)
        plan = folder / "early-pre-birth.toml"
        plan.write_text(plan.read_text("utf-8").replace("DEMO-0001", "DEMO-0009"), "utf-8")
        result = ix.refresh(today=TODAY)
        rows = {r.path: r for r in ix.rows()}
    assert result.parsed == 1 and result.unchanged == 3
    assert rows["early-pre-birth.toml"].case_ref == "DEMO-0009"


def test_a_touched_plan_is_hashed_not_parsed(folder, catalogue):
    _age_all(folder)
    with _index(folder, catalogue) as ix:
        ix.refresh(today=TODAY)
        os.utime(folder / "early-pre-birth.toml")  # same content, new time
        result = ix.refresh(today=TODAY)
    assert result.rehashed == 1 and result.parsed == 0


def test_recently_written_files_are_checked_again(folder, catalogue):
    """Two changes within the file system's time resolution must not hide the second."""
    with _index(folder, catalogue) as ix:
        ix.refresh(today=TODAY)
        plan = folder / "early-pre-birth.toml"
        st = plan.stat()
        text = plan.read_text("utf-8").replace("DEMO-0001", "DEMO-0008")  # same size
        plan.write_text(text, "utf-8")
        os.utime(plan, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the same time
        ix.refresh(today=TODAY)
        rows = {r.path: r for r in ix.rows()}
    assert rows["early-pre-birth.toml"].case_ref == "DEMO-0008"


def test_removed_and_added_plans(folder, catalogue):
    _age_all(folder)
    with _index(folder, catalogue) as ix:
        ix.refresh(today=TODAY)
        (folder / "sub" / "broken.toml").unlink()
        shutil.copy(EXAMPLES / "early-pre-birth.toml", folder / "sub" / "copy.toml")
        result = ix.refresh(today=TODAY)
        paths = {r.path for r in ix.rows()}
    assert result.removed == 1 and result.parsed == 1
    assert "sub/broken.toml" not in paths and "sub/copy.toml" in paths


def test_unreadable_file_is_listed_with_the_reason(folder, catalogue, monkeypatch):
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "early-pre-birth.toml":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with _index(folder, catalogue) as ix:
        ix.refresh(today=TODAY)
        rows = {r.path: r for r in ix.rows()}
    assert rows["early-pre-birth.toml"].error == (
        "early-pre-birth.toml: cannot be read (Permission denied)")
    assert not rows["family-t-like-twins.toml"].error


def test_deleting_the_index_loses_nothing(folder, catalogue):
    with _index(folder, catalogue) as ix:
        ix.refresh(today=TODAY)
        before = sorted((r.path, r.case_ref, r.answered) for r in ix.rows())
    index_path(folder).unlink()
    with _index(folder, catalogue) as ix:
        result = ix.refresh(today=TODAY)
        after = sorted((r.path, r.case_ref, r.answered) for r in ix.rows())
    assert result.rebuilt and after == before


def test_older_schema_is_rebuilt(folder, catalogue):
    with _index(folder, catalogue) as ix:
        ix.refresh(today=TODAY)
    conn = sqlite3.connect(index_path(folder))
    conn.execute("PRAGMA user_version = 1")
    conn.execute("UPDATE plans SET case_ref = 'WRONG'")
    conn.commit()
    conn.close()
    with _index(folder, catalogue) as ix:
        result = ix.refresh(today=TODAY)
        refs = {r.case_ref for r in ix.rows()}
    assert result.rebuilt and result.parsed == 4 and "WRONG" not in refs


def test_damaged_index_is_rebuilt(folder, catalogue):
    path = index_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    with _index(folder, catalogue) as ix:
        result = ix.refresh(today=TODAY)
        assert len(ix.rows()) == 4
    assert result.rebuilt


def test_a_changed_checklist_re_evaluates_its_plans(folder, catalogue):
    _age_all(folder)
    with _index(folder, catalogue) as ix:
        ix.refresh(today=TODAY)
        pba = catalogue.checklists["pre-birth-assessment"]
        changed = dict(catalogue.checklists)
        changed["pre-birth-assessment"] = type(pba)(pba.checklist, pba.path, pba.origin, "other")
        ix.checklists = changed
        result = ix.refresh(today=TODAY)
    assert result.parsed == 2  # the two pre-birth plans; the discharge plan and broken file stay


def test_parallel_build_gives_the_same_rows(tmp_path, catalogue):
    folder = tmp_path / "many"
    generate(folder, 60, seed=3, broken_every=20)
    with PlanIndex(folder, catalogue.checklists, include_user=False,
                   db_path=tmp_path / "a.sqlite3") as one:
        one.refresh(workers=1, today=TODAY)
        serial = sorted((r.path, r.error, r.answered, r.red_flags, r.state_label)
                        for r in one.rows())
    with PlanIndex(folder, catalogue.checklists, include_user=False,
                   db_path=tmp_path / "b.sqlite3") as two:
        two.refresh(workers=2, today=TODAY)
        parallel = sorted((r.path, r.error, r.answered, r.red_flags, r.state_label)
                          for r in two.rows())
    assert serial == parallel and len(serial) == 60
    assert sum(1 for r in serial if r[1]) == 3


_REFRESH = """
import sys
from pathlib import Path
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.index import PlanIndex
cat = load_catalogue(include_user=False)
for _ in range(3):
    with PlanIndex(Path(sys.argv[1]), cat.checklists, include_user=False) as ix:
        ix.refresh(workers=1)
        print(len(ix.rows()))
"""


def test_two_processes_refreshing_at_once(tmp_path):
    folder = tmp_path / "shared"
    generate(folder, 150, seed=5)
    env = dict(os.environ)
    procs = [subprocess.Popen([sys.executable, "-c", _REFRESH, str(folder)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, outs, strict=True):
        assert proc.returncode == 0, err
        assert out.split() == ["150", "150", "150"]


def test_changed_since_sees_another_process_and_a_racy_time(folder, catalogue):
    """The review list's cheap check: a plan changed, added or removed since the refresh
    is seen; so is one changed in the refresh's own clock tick (coarse file times)."""
    from checklist_tui.core.index import changed_since

    _age_all(folder)
    with _index(folder, catalogue) as ix:
        result = ix.refresh(today=TODAY)
    assert not changed_since(folder, result)
    plan = folder / "early-pre-birth.toml"
    plan.write_text(plan.read_text("utf-8") + "\n", "utf-8")
    _age(plan)
    assert changed_since(folder, result)
    with _index(folder, catalogue) as ix:
        result = ix.refresh(today=TODAY)
    assert not changed_since(folder, result)
    st = plan.stat()  # changed again within the same tick as the refresh: could hide
    os.utime(plan, ns=(st.st_atime_ns, result.started_ns))
    with _index(folder, catalogue) as ix:
        result = ix.refresh(today=TODAY)
    assert changed_since(folder, result)
