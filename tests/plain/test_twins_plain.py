"""L5 in plain mode: answering twins says that the plan's number of babies moved with it
(the same rule as the app and ``answer``: core.babies)."""

from __future__ import annotations

import io

from checklist_tui.core import clock, store
from checklist_tui.core.session import PlanSession
from checklist_tui.plain.console import Console
from checklist_tui.plain.conversation import Conversation


def test_twins_in_plain_mode_move_the_plan_details(tmp_path, catalogue) -> None:
    loaded = store.create(tmp_path, catalogue.get("pre-birth-assessment"), case_ref="PLAIN-2",
                          now=clock.now(), edd=clock.today().replace(year=clock.today().year + 1))
    stdout = io.StringIO()
    console = Console(io.StringIO("go PBA-S07A\n2\nquit\n"), stdout, echo=True)
    session = PlanSession.open(loaded.path, catalogue.get)
    Conversation(console, session, catalogue.sources).run()
    said = stdout.getvalue()
    assert "Saved: Two (twins).\nPlan details: 2 babies are expected (set from this answer), " \
           "so the due dates are brought forward." in said
    assert store.load(loaded.path).plan.babies_expected == 2
