"""Pre-birth 2.2.0 split five questions in two or three. A plan made with 2.1.0 (or 1.0.0)
opens, keeps every answer, and ``upgrade`` carries what each old answer settles, with the
date it carried, and nothing it does not settle."""

from __future__ import annotations

from datetime import date

from checklist_tui.cli import main
from checklist_tui.core import store
from checklist_tui.core.catalogue import load_archived
from checklist_tui.core.edit import set_detail
from checklist_tui.core.engine import evaluate
from checklist_tui.core.versions import carries, upgrade, what_changed
from tests.conftest import NOW, TODAY
from tests.core.helpers import answer, new_plan

PBA = "pre-birth-assessment"
OLD_2_1 = {"PBA-S08A": "yes", "PBA-P04": "yes", "PBA-R05": "yes", "PBA-X06": "icpc",
           "PBA-W01": "yes", "PBA-L03": "yes", "PBA-BP04": "yes", "PBA-BP05": "yes",
           "PBA-E04": "yes"}
STRATEGY = date(2026, 11, 2)
RISK = date(2026, 10, 20)


def _plan_2_1(catalogue, tmp_path):
    old = load_archived(PBA, "2.1.0", catalogue.sources)
    assert old is not None and old.checklist.version == "2.1.0"
    plan = answer(new_plan(old), old, **OLD_2_1)
    set_detail(plan, old.checklist, "PBA-W01", "date", STRATEGY, by="tester", now=NOW)
    set_detail(plan, old.checklist, "PBA-R05", "date", RISK, by="tester", now=NOW)
    path = tmp_path / "plan-2.1.0.toml"
    path.write_text(store.to_toml(plan), encoding="utf-8")
    return old, path


def test_a_2_1_0_plan_opens_with_every_answer_and_says_what_changed(catalogue,
                                                                    tmp_path) -> None:
    old, path = _plan_2_1(catalogue, tmp_path)
    plan = store.load(path).plan
    current = catalogue.get(PBA).checklist
    ev = evaluate(current, plan, TODAY)
    assert {a.item_id for a in ev.not_in_checklist} == {
        "PBA-R05", "PBA-W01", "PBA-L03", "PBA-BP04", "PBA-BP05"}
    text = "\n".join(what_changed(plan, old.checklist, current))
    assert f"PBA-W01 ('Yes') is replaced by PBA-W01A, PBA-W01B in version {current.version}: " \
           "'upgrade' carries it to PBA-W01A as 'Yes'; PBA-W01B as 'Yes'" in text
    assert "PBA-L03 ('Yes') is replaced by PBA-L03A, PBA-L03B, PBA-L03C" in text
    assert "answer PBA-L03B, PBA-L03C yourself" in text
    assert f"PBA-E04 is reworded in version {current.version}" in text
    assert "PBA-E04 now asks what a 'yes' must carry: add What each parent said" in text


def test_upgrade_from_2_1_0_carries_what_each_answer_settles_with_its_date(
        catalogue, tmp_path) -> None:
    _old, path = _plan_2_1(catalogue, tmp_path)
    plan = store.load(path).plan
    before = dict(plan.answers)
    lc = catalogue.get(PBA)
    done = upgrade(plan, lc.checklist, lc.content_hash, by="Tess Tester", now=NOW)
    assert sorted((c.old_id, c.new_id, c.value) for c in done) == [
        ("PBA-BP04", "PBA-BP04A", "yes"), ("PBA-BP04", "PBA-BP04B", "yes"),
        ("PBA-BP05", "PBA-BP05A", "yes"),
        ("PBA-L03", "PBA-L03A", "yes"),
        ("PBA-R05", "PBA-R05A", "yes"),
        ("PBA-W01", "PBA-W01A", "yes"), ("PBA-W01", "PBA-W01B", "yes")]
    a = plan.answers
    # the date a "yes" carried goes with it
    assert a["PBA-W01A"].details == {"date": STRATEGY}
    assert a["PBA-R05A"].details == {"date": RISK}
    # an old answer moves only when every item replacing it has it, details too
    assert "PBA-W01" not in a and "PBA-BP04" not in a
    for kept in ("PBA-R05", "PBA-L03", "PBA-BP05"):  # a half was not settled: kept
        assert a[kept].value == before[kept].value == "yes"
    assert a["PBA-R05"].details == {"date": RISK}
    # nothing lost: every old answer is still there or was carried with its value
    for item_id, old_answer in before.items():
        assert item_id in a or all(
            a[c.new_id].value == old_answer.value for c in done if c.old_id == item_id)
    # what a "yes" did not settle is asked again, not assumed
    ev = evaluate(lc.checklist, plan, TODAY)
    open_ids = {i for _s, i in ev.open_required}
    # R05B (MARAC) waits for the risk level, which an old "yes" never recorded
    assert {"PBA-R05R", "PBA-L03B", "PBA-L03C", "PBA-BP05B"} <= open_ids
    for unsettled in ("PBA-R05B", "PBA-L03B", "PBA-L03C", "PBA-BP05B"):
        assert unsettled not in a
    # L03A now asks when they were told: the carried "yes" is incomplete until it says
    assert "PBA-L03A" in {i.item_id for i in ev.incomplete}
    assert "PBA-W01A" not in {i.item_id for i in ev.incomplete}


def test_upgrade_a_2_1_0_plan_from_the_command_line(catalogue, tmp_path, capsys) -> None:
    _old, path = _plan_2_1(catalogue, tmp_path)
    assert main(["upgrade", str(path), "--as", "Tess Tester"]) == 0
    out = capsys.readouterr().out
    current = catalogue.get(PBA).checklist.version
    assert f"moved from checklist version 2.1.0 to {current}" in out
    assert "PBA-W01 'yes' -> PBA-W01A 'Yes'" in out
    saved = store.load(path)
    assert saved.plan.checklist_version == current and not saved.edited_outside
    assert saved.plan.answers["PBA-W01A"].details == {"date": STRATEGY}
    assert saved.plan.answers["PBA-L03"].value == "yes"  # kept


def test_a_1_0_0_plan_carries_only_what_its_words_said(catalogue, tmp_path) -> None:
    """1.0.0 asked whether "the parent's own worker told them", one parent: its "yes" is
    not carried to "the other parent has been told" or "had support"."""
    old = load_archived(PBA, "1.0.0", catalogue.sources)
    assert old is not None
    plan = answer(new_plan(old), old, **{"PBA-S08": "yes", "PBA-P04": "yes",
                                         "PBA-R05": "yes", "PBA-L03": "yes"})
    path = tmp_path / "plan-1.0.0.toml"
    path.write_text(store.to_toml(plan), encoding="utf-8")
    plan = store.load(path).plan
    lc = catalogue.get(PBA)
    assert {(c.old_id, c.new_id) for c in carries(plan, lc.checklist)} == {
        ("PBA-R05", "PBA-R05A"), ("PBA-L03", "PBA-L03A")}
    upgrade(plan, lc.checklist, lc.content_hash, by="Tess Tester", now=NOW)
    assert plan.answers["PBA-R05A"].value == "yes" and plan.answers["PBA-L03A"].value == "yes"
    assert {"PBA-S08", "PBA-R05", "PBA-L03"} <= set(plan.answers)  # kept
