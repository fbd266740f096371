"""look-d 10 and 31: the injury plan's written summary has the injury checklist's own
parts (what was seen and when, the referral, the interim safety plan, the strategy
discussion, the other children), never the pre-birth plan's ("Who must not be alone with
the baby: Not yet recorded: this checklist does not ask for it" above an interim safety
plan that named him), and no "If the baby were born today" for a baby already born. In
every format, with golden files (tests/golden/injury/, UPDATE_GOLDEN=1 to rewrite)."""

from __future__ import annotations

import json
import os
import re
from datetime import date

import pytest

from checklist_tui.cli import main
from checklist_tui.core import store
from checklist_tui.core.edit import add_record, set_answer, set_detail
from checklist_tui.core.gaps import NO_BIRTH_VIEW
from checklist_tui.core.ids import seeded_ids
from checklist_tui.core.plan import Action
from checklist_tui.core.plan_part import DEFAULT_PARTS, PlanPart
from checklist_tui.export.writer import render
from tests.conftest import NOW, ROOT
from tests.export.docx_structure import docx_structure

NAI = "injury-non-mobile-baby"
GOLDEN = ROOT / "tests" / "golden" / "injury"
EXT = {"markdown": "md", "html": "html", "json": "json", "docx": "docx.json"}
STAYS = "Baby stays with the maternal grandmother (fictional); father not to be alone with him"
INJURY_HEADINGS = ["What was seen and when", "Referral and paediatric appraisal",
                   "Interim safety plan: where and with whom the baby stays, and who must "
                   "not be alone with the baby", "Strategy discussion",
                   "Other children (a twin especially)", "The father and the men around the "
                   "baby", "Agencies and named contacts", "Actions"]
PRE_BIRTH_ONLY = [p.label for p in DEFAULT_PARTS
                  if p not in (PlanPart.MEN, PlanPart.AGENCIES)]


@pytest.fixture
def injury(catalogue, tmp_path):
    """A fictional injury plan: the mark seen, the referral made, the interim safety plan
    naming who must not be alone with the baby, one action."""
    lc = catalogue.get(NAI)
    with seeded_ids("injury-golden"):
        path = store.create(tmp_path, lc, case_ref="INJ-GOLD-1", now=NOW,
                            dob=date(2026, 11, 1)).path
        plan = store.load(path).plan
        checklist = lc.checklist
        set_answer(plan, checklist, "NAI-03", True, by="Drew Demo", now=NOW)
        set_detail(plan, checklist, "NAI-03", "date", date(2026, 11, 24), by="Drew Demo",
                   now=NOW)
        set_detail(plan, checklist, "NAI-03", "text", "A blue mark, 1 cm, on the left cheek "
                   "(fictional)", by="Drew Demo", now=NOW)
        set_answer(plan, checklist, "NAI-06", "Ref FICT-0001, spoke to A. Duty (fictional)",
                   by="Drew Demo", now=NOW)
        set_answer(plan, checklist, "NAI-12", "yes", by="Drew Demo", now=NOW)
        set_detail(plan, checklist, "NAI-12", "text", STAYS, by="Drew Demo", now=NOW)
        add_record(plan, Action, by="Drew Demo", now=NOW, what="Chase the strategy "
                   "discussion's decision", owner="Drew Demo", due=date(2026, 11, 26))
    return lc, plan


def _text(fmt: str, lc, plan, sources) -> str:
    out = render(fmt, lc, plan, False, sources)
    if fmt == "docx":
        return json.dumps(docx_structure(out), indent=1, ensure_ascii=False) + "\n"
    return str(out)


@pytest.mark.parametrize("fmt", list(EXT))
def test_the_injury_plan_golden_files(injury, catalogue, fmt) -> None:
    lc, plan = injury
    text = _text(fmt, lc, plan, catalogue.sources)
    path = GOLDEN / f"injury-plan.{EXT[fmt]}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8"), (
        f"{path.name} differs: if the change is intended, run UPDATE_GOLDEN=1 pytest "
        "tests/export/test_injury_plan.py and review the diff")


def _headings(fmt: str, text: str) -> list[str]:
    if fmt == "markdown":
        return re.findall(r"\n### (.*)", text)
    if fmt == "html":
        return [re.sub(r"<.*?>", "", h) for h in re.findall(r"<h3>(.*?)</h3>", text)]
    if fmt == "json":
        return [v["heading"] for v in json.loads(text)["computed"]["plan_parts"]]
    return [b[1] for b in json.loads(text)["body"] if isinstance(b, list) and b[0] == "Heading2"]


@pytest.mark.parametrize("fmt", list(EXT))
def test_the_parts_are_the_injury_checklists_in_every_format(injury, catalogue, fmt) -> None:
    lc, plan = injury
    text = _text(fmt, lc, plan, catalogue.sources)
    headings = _headings(fmt, text)
    wanted = INJURY_HEADINGS[:-1] if fmt == "json" else INJURY_HEADINGS  # json: its parts
    found = [headings.index(h) for h in wanted]
    assert found == sorted(found), fmt
    for pre_birth in PRE_BIRTH_ONLY:  # "Who must not be alone with the baby", "Review" ...
        assert pre_birth not in headings, (fmt, pre_birth)
    assert "If the baby were born today" not in text and NO_BIRTH_VIEW not in text
    assert "Expected delivery date" not in text  # it takes none
    assert "does not ask for it" not in text
    assert STAYS in text.replace("&#x27;", "'").replace("&#39;", "'")


def test_the_interim_safety_plan_is_under_its_own_heading(injury, catalogue) -> None:
    lc, plan = injury
    md = _text("markdown", lc, plan, catalogue.sources)
    start = md.index("\n### Interim safety plan")
    part = md[start:md.index("\n### ", start + 1)]
    assert f"| {STAYS} | NAI-12 |" in part
    assert "Other arrangements recorded" not in md  # nothing left at the end
    actions = md[md.index("\n### Actions"):md.index("\n### Milestones")]
    assert "Chase the strategy discussion's decision" in actions  # never left out
    seen = md[md.index("\n### What was seen and when"):md.index("\n### Referral")]
    assert "| The day you saw it | 24/11/2026 | NAI-03 |" in seen


def test_show_has_no_born_today_for_the_injury_plan(injury, catalogue, tmp_path,
                                                    capsys) -> None:
    _lc, plan = injury
    path = tmp_path / "inj.toml"
    path.write_text(store.to_toml(plan), encoding="utf-8")
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "If the baby were born today" not in out and "Sections:" in out
    assert main(["show", str(path), "--born-today"]) == 0
    out = capsys.readouterr().out
    assert NO_BIRTH_VIEW in out and "would not be in place" not in out.replace(
        NO_BIRTH_VIEW, "")


def test_a_pre_birth_plan_keeps_its_born_today_and_default_parts(catalogue, capsys) -> None:
    from tests.conftest import EXAMPLES

    assert main(["show", str(EXAMPLES / "early-pre-birth.toml")]) == 0
    assert "If the baby were born today:" in capsys.readouterr().out
    plan = store.load(EXAMPLES / "early-pre-birth.toml").plan
    md = str(render("markdown", catalogue.get(plan.checklist_id), plan, False,
                    catalogue.sources))
    assert [h for h in re.findall(r"\n### (.*)", md) if h in
            {p.label for p in PlanPart}] == [p.label for p in DEFAULT_PARTS]
    assert "\n### Actions\n" not in md and "| Expected delivery date |" in md
