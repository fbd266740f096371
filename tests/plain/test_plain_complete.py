"""Plain mode's 'complete' refuses a plan whose pause point no longer holds, in the same
words as the app and the command line (core.pause.completion_blockers)."""

from __future__ import annotations

import shutil

from checklist_tui.cli import main
from checklist_tui.core import store
from checklist_tui.core.plan import PlanState
from tests.conftest import EXAMPLES
from tests.plain.test_plain import _talk

READY = "discharge-ready-for-sign-off.toml"


def test_complete_names_the_pause_point_that_no_longer_holds(tmp_path, catalogue) -> None:
    path = tmp_path / READY
    shutil.copy(EXAMPLES / READY, path)
    assert main(["reopen", str(path), "--reason", "Checking the address again"]) == 0
    # the address changed (no "no" on the way: that is its own reason, look-c 7)
    assert main(["answer", str(path), "DPM-C01", "yes", "--detail",
                 "place=Flat 9, Example House, Sample Street, Nowhere-on-Sea"]) == 0
    _code, out = _talk(path, catalogue, ["complete", "quit"])
    assert "The plan cannot be marked complete yet: 1 reason." in out
    assert ("Pause point 'Confirm before discharge' no longer holds: the details recorded "
            "with 'Is the discharge address confirmed?' (DPM-C01) were changed on ") in out
    assert "The plan is marked complete." not in out
    assert store.load(path).plan.state == PlanState.AMENDED
