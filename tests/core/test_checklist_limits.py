"""#8.16 and the stated limits: one bad checklist file never breaks the others, and
validation grows linearly with items (#12: 3,000 items in under 1 s)."""

from __future__ import annotations

import time

import pytest

from benchmarks.bench_validate import checklist_text
from checklist_tui.cli import main
from checklist_tui.core import limits
from checklist_tui.core.catalogue import load_catalogue, validate_paths
from tests.conftest import DATA

MINI = (DATA / "good" / "mini.toml").read_text(encoding="utf-8")
SHOW_IF = 'show_if = { item = "father_known", equals = "yes" }'


def _nested(levels: int) -> str:
    cond = '{ item = "father_known", equals = "yes" }'
    for _ in range(levels):
        cond = "{ not = " + cond + " }"
    return MINI.replace(SHOW_IF, "show_if = " + cond, 1)


BAD = {
    "nested 400 deep": _nested(400),
    "nested 40 deep": _nested(40),
    "key with [": MINI.replace('audience = "Tests"', 'audience = "Tests"\n"a[b]" = 1', 1),
    "key [ in an item": MINI.replace('type = "yes_no"', 'type = "yes_no"\n"x[" = 1', 1),
    "long prompt": MINI.replace('prompt = "Has the father been seen alone?"',
                                f'prompt = "{"x" * (limits.MAX_TEXT + 1)}"', 1),
}


@pytest.mark.parametrize("kind", list(BAD))
def test_bad_checklist_is_one_line_and_spares_the_others(tmp_path, kind, capsys) -> None:
    assert BAD[kind] != MINI
    folder = tmp_path / "local"
    folder.mkdir()
    (folder / "bad.toml").write_text(BAD[kind], encoding="utf-8")
    assert main(["validate", str(folder / "bad.toml")]) == 1
    err = capsys.readouterr().err
    assert "bad.toml" in err and "unexpected" not in err and "Traceback" not in err
    cat = load_catalogue([folder], include_user=False)
    assert cat.get("pre-birth-assessment") is not None  # the built-ins still load
    assert any("bad.toml" in p.line() for p in cat.problems)


def test_nested_conditions_within_the_limit_are_fine(tmp_path) -> None:
    path = tmp_path / "ok.toml"
    path.write_text(_nested(10), encoding="utf-8")
    assert validate_paths([path])[1] == []


def test_too_many_items_is_refused_clearly(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_ITEMS", 100)
    path = tmp_path / "big.toml"
    path.write_text(checklist_text(101), encoding="utf-8")
    _count, problems = validate_paths([path])
    assert len(problems) == 1 and "101 items" in problems[0].line()


def test_too_large_file_is_not_read(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_CHECKLIST_BYTES", 1000)
    path = tmp_path / "big.toml"
    path.write_text(checklist_text(50), encoding="utf-8")
    _count, problems = validate_paths([path])
    assert [p.line() for p in problems if p.file == path] == [
        f"{path}: is too large (over 1,000 bytes, the limit)"]


def _cpu(items: int, tmp_path) -> float:
    path = tmp_path / f"c{items}.toml"
    path.write_text(checklist_text(items), encoding="utf-8")
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        _count, problems = validate_paths([path])
        best = min(best, time.process_time() - start)
        assert not problems
    return best


def test_validation_is_linear_in_items(tmp_path) -> None:
    """CPU time, not wall time: the machine may be busy. Quadratic would be ~16x."""
    small, big = _cpu(500, tmp_path), _cpu(2000, tmp_path)
    assert big < 8 * small + 0.05, (small, big)
