"""Plain mode's 'submit' says every reason it is refused, one a line (core.errors.Refused:
the opening and each reason), not the first and "and 42 more"; nothing is changed."""

from __future__ import annotations

import shutil

from checklist_tui.core import clock, store
from checklist_tui.core.engine import evaluate
from checklist_tui.core.pause import completion_blockers
from tests.conftest import EXAMPLES
from tests.plain.test_plain import _talk

EARLY = "early-pre-birth.toml"


def test_submit_says_every_reason_the_plan_cannot_be_submitted(tmp_path, catalogue) -> None:
    path = tmp_path / EARLY
    shutil.copy(EXAMPLES / EARLY, path)
    before = path.read_bytes()
    loaded = store.load(path)
    checklist = catalogue.get(loaded.plan.checklist_id).checklist
    blockers = completion_blockers(checklist, loaded.plan,
                                   evaluate(checklist, loaded.plan, clock.today()))
    assert len(blockers) > 3
    _code, out = _talk(path, catalogue, ["submit", "quit"])
    assert (f"Not changed: the plan cannot be marked complete yet, for {len(blockers)} "
            "reasons:") in out
    lines = out.splitlines()
    for blocker in blockers:
        assert blocker in lines, blocker
    assert "more)" not in out
    assert path.read_bytes() == before
