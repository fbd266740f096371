"""The plan rendered from the items that supply it (#13.1): in order, in every format,
never claiming what is not recorded; outcomes with the actions that serve them."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from datetime import date

import pytest

from checklist_tui.cli import main
from checklist_tui.core import store
from checklist_tui.core.edit import add_record, set_answer
from checklist_tui.core.plan import Action, ActionStatus
from checklist_tui.core.plan_part import DEFAULT_PARTS, PlanPart
from checklist_tui.export.plan_parts import NOT_APPLYING, NOT_ASKED, outcome_groups
from checklist_tui.export.writer import render
from tests.conftest import EXAMPLES, NOW, TODAY
from tests.export.docx_structure import docx_structure

FORMATS = ["markdown", "html", "json", "csv", "docx"]
DISCHARGE = "discharge-ready-for-sign-off.toml"


def _with_parts(loaded, parts: dict[str, PlanPart | None]):
    """A copy of a loaded checklist whose items supply other parts of the plan."""
    checklist = loaded.checklist
    sections = [s.model_copy(update={"items": [
        i.model_copy(update={"plan_part": parts.get(i.id, i.plan_part)}) if i.id in parts
        else i for i in s.items]}) for s in checklist.sections]
    return dataclasses.replace(loaded, checklist=checklist.model_copy(
        update={"sections": sections}))


def _md(catalogue, plan, checklist=None) -> str:
    lc = checklist or catalogue.get(plan.checklist_id)
    return str(render("markdown", lc, plan, False, catalogue.sources))


def _part(md: str, heading: str) -> str:
    """The Markdown under one part's heading, up to the next part."""
    start = md.index(f"\n### {heading}\n")
    end = md.find("\n### ", start + 1)
    return md[start:end]


def test_parts_in_the_written_plans_order_in_every_format(catalogue) -> None:
    plan = store.load(EXAMPLES / DISCHARGE).plan
    lc = catalogue.get(plan.checklist_id)
    headings = [p.label for p in DEFAULT_PARTS]
    for fmt in FORMATS:
        out = render(fmt, lc, plan, False, catalogue.sources)
        if fmt == "docx":
            text = "\n".join(b[1] for b in docx_structure(out)["body"] if isinstance(b, list)
                             and b[0] == "Heading2")
        elif fmt == "json":
            text = "\n".join(v["heading"] for v in json.loads(out)["computed"]["plan_parts"])
        elif fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(str(out))))
            parts = {r["item_id"]: r["plan_part"] for r in rows}
            assert parts["DPM-C08B"] == "not_alone" and parts["DPM-M02"] == ""
            continue
        elif fmt == "html":
            text = "\n".join(re.findall(r"<h3>(.*?)</h3>", str(out)))
        else:
            text = "\n".join(re.findall(r"\n### (.*)", str(out)))
        found = [text.index(h) for h in headings]
        assert found == sorted(found), fmt


def test_recorded_details_are_the_content(catalogue) -> None:
    plan = store.load(EXAMPLES / DISCHARGE).plan
    md = _md(catalogue, plan)
    alone = _part(md, "Who must not be alone with the baby")
    assert "| Who must not be alone with the baby | Blake Example | DPM-C08B |" in alone
    assert "Not yet recorded" not in alone
    assert "| Discharge address |" in _part(md, "Discharge arrangements")


def test_a_yes_without_its_detail_is_never_content(catalogue) -> None:
    plan = store.load(EXAMPLES / DISCHARGE).plan.model_copy(deep=True)
    plan.answers["DPM-C08B"].details = None  # "yes", but nobody named
    for fmt in FORMATS:
        out = render(fmt, catalogue.get(plan.checklist_id), plan, False, catalogue.sources)
        if fmt == "json":
            view = next(v for v in json.loads(out)["computed"]["plan_parts"]
                        if v["part"] == "not_alone")
            assert view["recorded"] is False
            assert [r["recorded"] for r in view["rows"]] == [False]
    md = _md(catalogue, plan)
    alone = _part(md, "Who must not be alone with the baby")
    assert "**Not yet recorded.**" in alone
    assert "**INCOMPLETE: answered Yes, but not recorded:" in alone
    assert "Blake Example" not in alone


def test_unanswered_and_unknown_parts_say_so(catalogue) -> None:
    plan = store.load(EXAMPLES / "early-pre-birth.toml").plan.model_copy(deep=True)
    checklist = catalogue.get(plan.checklist_id).checklist
    birth_plan = next(s for s in checklist.sections if s.id == "birth-plan")
    for ident in [i.id for i in birth_plan.items] + ["PBA-X06"]:
        plan.answers.pop(ident, None)  # as before the example chose its pathway
    # no recommendation yet: the birth plan is asked (the baby may be born first)
    assert NOT_APPLYING not in _part(_md(catalogue, plan), "Birth arrangements")
    set_answer(plan, checklist, "PBA-X06", "nfa", by="t", now=NOW)
    assert NOT_APPLYING in _part(_md(catalogue, plan), "Birth arrangements")
    set_answer(plan, checklist, "PBA-X06", "icpc", by="t", now=NOW)
    md = _md(catalogue, plan)
    birth = _part(md, "Birth arrangements")
    assert "**Not yet recorded.**" in birth
    rows = [line for line in birth.splitlines() if line.startswith("| ") and "PBA-" in line]
    assert rows and all("**Not yet recorded**" in r for r in rows)
    set_answer(plan, catalogue.get(plan.checklist_id).checklist, "PBA-F01", "unknown",
               by="t", now=NOW, owner="Sam Worker", by_date=date(2026, 12, 1))
    men = _part(_md(catalogue, plan), "The father and the men around the baby")
    # People names the father, so "unknown" is contradicted (PBA-F01 answered_by, #12)
    assert "**CONTRADICTED: People records the father: Sam Example (father)**" in men
    plan.people = [p for p in plan.people if p.kind != "father"]
    men = _part(_md(catalogue, plan), "The father and the men around the baby")
    assert "**NOT KNOWN (unknown): who will find out: Sam Worker, by 01/12/2026**" in men


def test_a_part_no_question_supplies_says_it_is_not_asked(catalogue) -> None:
    plan = store.load(EXAMPLES / DISCHARGE).plan
    lc = catalogue.get(plan.checklist_id)
    bare = _with_parts(lc, {i.id: None for _s, i in lc.checklist.all_items()})
    md = _md(catalogue, plan, bare)
    for part in DEFAULT_PARTS:
        section = _part(md, part.label)
        if part in (PlanPart.OUTCOMES, PlanPart.MEN, PlanPart.AGENCIES):
            assert NOT_ASKED not in section  # the plan's own records supply them
        else:
            assert f"**{NOT_ASKED}**" in section, part
    assert "| Other arrangements recorded" not in md
    assert "Who must not be alone with the baby | Blake Example | DPM-C08B |" in md  # kept


def _with_actions(plan):
    from checklist_tui.core import review
    from checklist_tui.core.catalogue import load_catalogue

    plan = plan.model_copy(deep=True)
    checklist = load_catalogue(include_user=False).get(plan.checklist_id).checklist
    # the example is completed: it is changed only with a reason
    review.reopen(plan, checklist, "Actions linked to outcomes", by="t", now=NOW, today=TODAY)
    plan.actions.clear()
    for what, outcome, due, status in [
            ("Check the cot at every visit", "The baby sleeps safely", date(2026, 11, 20),
             ActionStatus.IN_PROGRESS),
            ("Give safer sleep advice to the father", "the baby sleeps safely.",
             date(2026, 12, 20), ActionStatus.NOT_STARTED),
            ("Book the review", "", date(2026, 12, 1), ActionStatus.NOT_STARTED)]:
        add_record(plan, Action, by="t", now=NOW, what=what, owner="Example Owner", due=due,
                   status=status, outcome=outcome)
    return plan


def test_actions_grouped_under_their_outcome(catalogue) -> None:
    plan = _with_actions(store.load(EXAMPLES / DISCHARGE).plan)
    md = _md(catalogue, plan)
    outcomes = _part(md, "Outcomes for the baby")
    assert "#### Outcome: The baby sleeps safely\n" in outcomes
    group = outcomes.split("#### ")[1]
    assert "Check the cot at every visit" in group and "safer sleep advice" in group
    assert "**In progress, OVERDUE BY 5 DAYS**" in group
    assert "Book the review" not in group
    loose = outcomes.split("#### Actions not linked to an outcome")[1]
    assert "These actions do not say which outcome they serve." in loose
    assert "| Book the review | Example Owner |   | 01/12/2026 | Not started |" in loose
    data = json.loads(render("json", catalogue.get(plan.checklist_id), plan, False,
                             catalogue.sources))
    ids = [a.id for a in plan.actions]
    assert data["computed"]["outcomes"] == [
        {"outcome": "The baby sleeps safely", "actions": ids[:2]},
        {"outcome": None, "actions": ids[2:]}]
    assert data["plan"]["actions"][0]["outcome"] == "The baby sleeps safely"


def test_stated_outcomes_come_first_and_one_with_no_action_says_so(catalogue) -> None:
    plan = _with_actions(store.load(EXAMPLES / DISCHARGE).plan)
    lc = _with_parts(catalogue.get(plan.checklist_id), {"DPM-V04": PlanPart.OUTCOMES})
    plan.answers["DPM-V04"].details = {
        "text": "- The baby is seen every week\n- The baby sleeps safely"}
    md = _md(catalogue, plan, lc)
    outcomes = _part(md, "Outcomes for the baby")
    headings = re.findall(r"#### (.*)", outcomes)
    assert headings == ["Outcome: The baby is seen every week",
                        "Outcome: The baby sleeps safely", "Actions not linked to an outcome"]
    assert "**No action is recorded for this outcome.**" in outcomes.split("#### ")[1]


def test_outcome_groups_match_words_not_case_or_spacing() -> None:
    actions = [Action(id=f"a{n}", what="x", outcome=o) for n, o in
               enumerate(["Safe  sleep", "safe sleep.", " ", "Seen weekly"])]
    groups = outcome_groups(["Safe sleep"], actions, date(2026, 11, 25))
    assert [(g.outcome, [a.id for a, _ in g.actions]) for g in groups] == [
        ("Safe sleep", ["a0", "a1"]), ("Seen weekly", ["a3"]), ("", ["a2"])]
    stated = ["The baby sleeps safely: seen at every visit", "Mother is safe at home"]
    actions = [Action(id="b0", what="x", outcome="the baby sleeps safely"),
               Action(id="b1", what="x", outcome="Mother")]  # too short to name one
    groups = outcome_groups(stated, actions, date(2026, 11, 25))
    assert [(g.outcome, [a.id for a, _ in g.actions]) for g in groups] == [
        (stated[0], ["b0"]), (stated[1], []), ("Mother", ["b1"])]


def test_action_outcome_from_the_command_line(tmp_path, capsys) -> None:
    path = tmp_path / "p.toml"
    path.write_bytes((EXAMPLES / DISCHARGE).read_bytes())
    assert main(["action", "add", str(path), "--what", "Check the cot", "--owner", "Sam",
                 "--due", "01/12/2026", "--outcome", "The baby sleeps safely",
                 "--reason", "The action was agreed after the meeting"]) == 0
    assert "outcome=The baby sleeps safely" in capsys.readouterr().out
    assert main(["action", "edit", str(path), "Check the cot", "--outcome", ""]) == 0
    action = store.load(path).plan.actions[-1]
    assert action.what == "Check the cot" and action.outcome == ""
    assert store.load(path).found_outside == ""


@pytest.mark.parametrize("redact", [False, True])
def test_every_format_carries_the_parts(catalogue, redact) -> None:
    plan = _with_actions(store.load(EXAMPLES / DISCHARGE).plan)
    lc = catalogue.get(plan.checklist_id)
    for fmt in ("html", "docx"):
        out = render(fmt, lc, plan, redact, catalogue.sources)
        text = json.dumps(docx_structure(out)) if fmt == "docx" else str(out)
        assert "Outcome: The baby sleeps safely" in text, fmt
        assert "Birth arrangements" in text and NOT_ASKED in text, fmt


def test_outcome_answers_name_their_risk_and_gather_their_actions(catalogue) -> None:
    """Pre-birth 2.1.0: an outcome item per risk; its lines are the outcomes, and the
    actions that name one are listed under it."""
    plan = _with_actions(store.load(EXAMPLES / "family-t-like-twins.toml").plan)
    checklist = catalogue.get(plan.checklist_id).checklist
    set_answer(plan, checklist, "PBA-X06", "cin", by="t", now=NOW)  # a plan: the part applies
    set_answer(plan, checklist, "PBA-O01", "- The baby sleeps safely: checked at every "
               "visit\n- She tells the midwife alone that she feels safe", by="t", now=NOW)
    outcomes = _part(_md(catalogue, plan), "Outcomes for the baby")
    assert ("(the risk it answers: Has either parent been a victim or a perpetrator of "
            "domestic abuse") in outcomes
    headings = re.findall(r"#### (.*)", outcomes)
    assert headings[:2] == ["Outcome: The baby sleeps safely: checked at every visit",
                            "Outcome: She tells the midwife alone that she feels safe"]
    first = outcomes.split("#### ")[1]
    assert "Check the cot at every visit" in first and "safer sleep advice" in first
    assert "**No action is recorded for this outcome.**" in outcomes.split("#### ")[2]
