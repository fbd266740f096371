"""Fuzzing plan files and checklist definitions through load, validate, the engine and
every exporter: never a traceback, never a changed file, every error names the file.

The short run here is deterministic (``derandomize``); the long run is
``benchmarks/campaign/fuzz_campaign.py`` (CHECKLIST_FUZZ_EXAMPLES=10000 or more).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from checklist_tui.core import store
from checklist_tui.core.errors import PlanError
from tests.conftest import DATA, EXAMPLES
from tests.security import fuzzing
from tests.security.cli import TERMINAL_CONTROL, export_args, export_formats, run

FUZZ = settings(
    max_examples=fuzzing.EXAMPLES, deadline=None, database=None,
    derandomize=not fuzzing.RANDOM,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large, HealthCheck.large_base_example],
)
PLAN_BASE = tomllib.loads((EXAMPLES / "family-t-like-twins.toml").read_text("utf-8"))
CHECKLIST_BASE = tomllib.loads((DATA / "good" / "mini.toml").read_text("utf-8"))
FORMATS = export_formats()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _check_run(result, name: str, what: str) -> None:
    assert not result.crashed, f"{what}: {result.err[-800:]}"
    assert result.code in (0, 1), f"{what}: exit {result.code}: {result.err[-400:]}"
    if result.code == 1:
        assert name in result.err, f"{what}: the error does not name {name}: {result.err[:400]}"
    if fuzzing.include("stderr-control"):
        assert not TERMINAL_CONTROL.search(result.err), f"{what}: control bytes on stderr"


@FUZZ
@given(data=fuzzing.hostile_file(PLAN_BASE, ["answers", "people", "case_ref", "history"]))
def test_hostile_plan_files(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        plans = Path(tmp)
        path = plans / "fuzzed-plan.toml"
        path.write_bytes(data)
        before = _sha(path)
        try:
            loaded = store.load(path)
        except PlanError as exc:
            assert path.name in str(exc), exc
            loaded = None
        assert _sha(path) == before, "loading changed the file"
        listed = store.list_plans(plans)
        assert len(listed) == 1
        assert (listed[0].plan is None) == (loaded is None)
        if loaded is None:
            assert path.name in listed[0].error
        runs = [("show", run("show", str(path)))]
        runs += [(f"export {fmt}", run(*export_args(path, fmt))) for fmt in FORMATS]
        for what, result in runs:
            _check_run(result, path.name, what)
            if loaded is None:
                assert result.code == 1, f"{what} accepted a plan that does not load"
        assert _sha(path) == before, "a read command changed the file"
        left = sorted(p.name for p in plans.iterdir() if ".out." not in p.name)
        assert left == [path.name], left


@FUZZ
@given(data=fuzzing.hostile_file(CHECKLIST_BASE, ["sections", "timescales", "title"]))
def test_hostile_checklist_definitions(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "checklists"
        folder.mkdir()
        path = folder / "fuzzed-checklist.toml"
        path.write_bytes(data)
        before = _sha(path)
        result = run("validate", str(path))
        _check_run(result, path.name, "validate")
        if result.code == 1:
            lines = [x for x in result.err.splitlines()
                     if not re.search(r"\d+ problems? found\.$", x)]
            assert lines and path.name in lines[0], result.err[:600]
            if fuzzing.include("stderr-control"):  # else a raw newline splits a problem
                assert all(path.name in x for x in lines), result.err[:600]
        listing = run("list", "--checklists", str(folder))
        _check_run(listing, path.name, "list")
        assert listing.code == result.code, (result.err[:300], listing.err[:300])
        if result.code == 0:
            _through_a_plan(folder, Path(tmp) / "plans")
        assert _sha(path) == before, "a command changed the checklist file"


def _through_a_plan(folder: Path, plans: Path) -> None:
    """A valid fuzzed checklist: a plan made from it goes through show and every export."""
    ident = tomllib.loads(next(folder.glob("*.toml")).read_text("utf-8-sig"))["id"]
    made = run("new", ident, "--case-ref", "FUZZ-1", "--edd", "20/05/2027", "--no-open",
               "--checklists", str(folder), "--plans-dir", str(plans))
    _check_run(made, ident, "new")
    assert made.code == 0, made.err
    plan = Path(made.out.strip().splitlines()[-1])
    for args in (["show", str(plan)], *(export_args(plan, f) for f in FORMATS)):
        result = run(*args, "--checklists", str(folder))
        _check_run(result, plan.name, " ".join(args))
        assert result.code == 0, result.err
    shutil.rmtree(plans)
