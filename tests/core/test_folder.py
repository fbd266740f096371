"""core/folder.py: a folder of plans read into rows, and plans named on the command line."""

from __future__ import annotations

from checklist_tui.core import store
from checklist_tui.core.engine import evaluate
from checklist_tui.core.folder import UNREADABLE, resolve_plan, scan
from tests.conftest import NOW, TODAY


def test_scan_gives_one_row_per_plan_with_the_engines_progress(tmp_path, catalogue) -> None:
    lc = catalogue.get("discharge-planning-meeting")
    made = store.create(tmp_path, lc, case_ref="F-1", now=NOW)
    (tmp_path / "broken.toml").write_text("not = [valid")
    orphan = store.create(tmp_path, lc, case_ref="F-2", now=NOW)
    text = orphan.path.read_text().replace(lc.id, "no-such-checklist")
    orphan.path.write_text(text)
    rows, recovered = scan(tmp_path, catalogue.get, TODAY)
    assert recovered == []
    by_ref = {row.case_ref: row for row in rows}
    assert set(by_ref) == {"F-1", "F-2", "broken.toml"}
    good = by_ref["F-1"]
    assert good.path == made.path and good.readable and good.evaluated
    ev = evaluate(lc.checklist, made.plan, TODAY)
    assert (good.total, good.answered, good.required_open) == (ev.total, 0, len(ev.open_required))
    assert good.progress.startswith("• 0/") and good.checklist_title == lc.checklist.title
    assert good.changed and good.edd == "not recorded"
    assert by_ref["broken.toml"].checklist_title == UNREADABLE
    assert not by_ref["broken.toml"].readable and by_ref["broken.toml"].problem
    assert by_ref["F-2"].checklist_title == "no-such-checklist (not installed)"
    assert by_ref["F-2"].progress == ""


def test_scan_of_a_missing_folder_is_empty(tmp_path, catalogue) -> None:
    assert scan(tmp_path / "none", catalogue.get, TODAY) == ([], [])


def test_resolve_plan_by_path_or_name(tmp_path) -> None:
    (tmp_path / "a.toml").write_text("")
    assert resolve_plan("a", tmp_path) == tmp_path / "a.toml"
    assert resolve_plan("a.toml", tmp_path) == tmp_path / "a.toml"
    assert resolve_plan("missing", tmp_path).name == "missing"
