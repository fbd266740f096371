"""core/folder.py: plans named on the command line (who has a plan open elsewhere:
tests/core/test_folder_claims.py)."""

from __future__ import annotations

from checklist_tui.core.folder import resolve_plan


def test_resolve_plan_by_path_or_name(tmp_path) -> None:
    (tmp_path / "a.toml").write_text("")
    assert resolve_plan("a", tmp_path) == tmp_path / "a.toml"
    assert resolve_plan("a.toml", tmp_path) == tmp_path / "a.toml"
    assert resolve_plan("missing", tmp_path).name == "missing"
