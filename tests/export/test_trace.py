"""look-c 5: the learning trace (the exports' appendix) listed a plan's red-flag and
concern answers as "addressing" the recommendations they breach: the Family T example
"addressed" R3a (assessments involve fathers) and MOIM-F6 (nobody asked the men) with
"The father has not been seen on his own". It splits the items that address a source
from those asked whose answers raised a red flag or a concern (named), in
every export format."""

from __future__ import annotations

import json

from checklist_tui.core import store
from checklist_tui.core.coverage import plan_trace
from checklist_tui.core.engine import evaluate
from checklist_tui.export.writer import render
from tests.conftest import EXAMPLES, TODAY
from tests.export.docx_structure import docx_structure

TWINS = "family-t-like-twins.toml"


def _twins(catalogue):
    plan = store.load(EXAMPLES / TWINS).plan
    lc = catalogue.get(plan.checklist_id)
    return lc, plan


def test_red_flags_and_concerns_do_not_address_what_they_breach(catalogue) -> None:
    lc, plan = _twins(catalogue)
    ev = evaluate(lc.checklist, plan, TODAY)
    rows = {r.source.id: r for r in plan_trace(lc.checklist, plan, ev, catalogue.sources)}
    assert ("PBA-F03", "RED FLAG") in rows["MOIM-F6"].raised
    assert "PBA-F03" not in rows["MOIM-F6"].addressed
    assert "PBA-F03" in rows["MOIM-F6"].items  # asked and answered: it cites it
    for row in rows.values():
        for ident in row.addressed:  # nothing counted as addressing raised anything
            assert not any(f.item_id == ident and f.red_flag for f in ev.fired), ident
    assert "PBA-F03 (RED FLAG)" in rows["MOIM-F6"].raised_words
    assert ("PBA-H02", "CONCERN") in rows["R3a"].raised  # "No" to "recorded in People?"
    assert "PBA-H02" not in rows["R3a"].addressed


def test_every_format_splits_addressed_from_red_flags_and_concerns(catalogue) -> None:
    lc, plan = _twins(catalogue)
    for fmt in ("markdown", "html", "docx", "json"):
        out = render(fmt, lc, plan, False, catalogue.sources)
        if fmt == "json":
            trace = json.loads(str(out))["computed"]["learning_trace"]
            [row] = [r for r in trace if r["source"] == "MOIM-F6"]
            assert {"item": "PBA-F03", "found": "RED FLAG"} in row["raised"]
            assert "PBA-F03" not in row["addressed"] and "PBA-F03" in row["items"]
            continue
        text = (json.dumps(docx_structure(out)) if fmt == "docx" else str(out))
        assert "Asked: red flag or concern raised" in text, fmt
        assert "PBA-F03 (RED FLAG)" in text, fmt
