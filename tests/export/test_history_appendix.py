"""look-d D2: Appendix B said 'Latest | 27/11/2026 07:33 by Sam Social: person.remove', a
code with no name and no reason. Every format lists every recorded change in words."""

from __future__ import annotations

import json
from datetime import timedelta

from checklist_tui.core import store
from checklist_tui.core.edit import remove_record
from checklist_tui.core.plan import Person, PlanState
from checklist_tui.export.writer import render
from tests.conftest import EXAMPLES, NOW
from tests.export.docx_structure import docx_structure

WHY = "Moved out on 20/11/2026"
SAID = f"Jesse Example removed from People: '{WHY}'"


def _plan(catalogue):
    plan = store.load(EXAMPLES / "family-t-like-twins.toml").plan.model_copy(deep=True)
    plan.state = PlanState.DRAFT
    jesse = next(p for p in plan.people if p.name == "Jesse Example")
    remove_record(plan, Person, jesse.id, by="Sam Social (fictional)",
                  now=NOW + timedelta(minutes=5), why=WHY)
    return catalogue.get(plan.checklist_id), plan


def _appendix_b(markdown: str) -> str:
    return markdown[markdown.index("## Appendix B"):markdown.index("## Appendix C")]


def test_the_history_appendix_names_him_and_the_reason_in_every_format(catalogue) -> None:
    lc, plan = _plan(catalogue)
    history = _appendix_b(render("markdown", lc, plan, False, catalogue.sources))
    stamp = (NOW + timedelta(minutes=5)).astimezone().strftime("%d/%m/%Y %H:%M")
    assert f"| Latest | {stamp} by Sam Social (fictional): {SAID} |" in history
    day, time = stamp.split()
    assert f"### {day}: Sam Social (fictional)\n\n| Time | What changed |\n|---|---|\n" \
        f"| {time} | {SAID} |" in history  # under the day and the person who made it
    assert "person.remove" not in history and "person.add" not in history
    rows = [line for line in history.splitlines() if line[:3] in ("| 0", "| 1", "| 2")]
    assert len(rows) == len(plan.history)  # every change, one row each
    html = render("html", lc, plan, False, catalogue.sources).replace("&#x27;", "'")
    assert SAID in html and "person.remove" not in html
    body = json.dumps(docx_structure(render("docx", lc, plan, False, catalogue.sources)),
                      ensure_ascii=False)
    assert SAID in body and "person.remove" not in body


def test_a_redacted_copy_s_history_names_no_one(catalogue) -> None:
    lc, plan = _plan(catalogue)
    history = _appendix_b(render("markdown", lc, plan, True, catalogue.sources))
    assert f"removed from People: '{WHY}'" in history
    for name in ("Jesse", "Sam Social", "Morgan Example", "Jordan Example"):
        assert name not in history, name
