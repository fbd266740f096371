"""Plans made with an earlier checklist version still open, keep every answer, say what
changed, and can be moved to the current version (``upgrade``) carrying what maps."""

from __future__ import annotations

import io
import re
import tomllib
from datetime import date, timedelta

import pytest

from checklist_tui.cli import main
from checklist_tui.core import store
from checklist_tui.core.catalogue import load_archived
from checklist_tui.core.engine import evaluate
from checklist_tui.core.errors import PlanError
from checklist_tui.core.plan import PlanState, SignOff
from checklist_tui.core.session import PlanSession
from checklist_tui.core.versions import CARRIED, VERSION, carries, upgrade, what_changed
from tests.conftest import NOW, ROOT, TODAY
from tests.core.helpers import answer, new_plan

OLD = {"PBA-S07": "no", "PBA-S08": "yes", "PBA-F05": "no", "PBA-S01": "yes",
       "PBA-F01": "yes", "PBA-F07": "yes"}
PBA = "pre-birth-assessment"
#: The shipped pre-birth version (the messages name it).
CUR = tomllib.loads((ROOT / "checklists" / f"{PBA}.toml").read_text(encoding="utf-8"))["version"]


def _old_plan(catalogue, tmp_path, checklist_id=PBA, version="1.0.0", answers=None,
              name="old.toml", state=None):
    old = load_archived(checklist_id, version, catalogue.sources)
    assert old is not None and old.checklist.version == version
    plan = answer(new_plan(old), old, **(OLD if answers is None else answers))
    if state == PlanState.APPROVED:  # signed off as 1.0.0, as core.review would
        plan.state = state
        plan.signoff = SignOff(by="Mo Manager", role="Team manager", at=NOW,
                               decision="approved", checklist_version=version)
    path = tmp_path / name
    path.write_text(store.to_toml(plan), encoding="utf-8")
    return old, store.load(path).plan


def test_every_shipped_checklist_keeps_its_earlier_versions(catalogue) -> None:
    for lc in catalogue.checklists.values():
        old = load_archived(lc.id, "1.0.0", catalogue.sources)
        assert old is not None and old.checklist.version == "1.0.0", lc.id
    assert catalogue.get(PBA).checklist.version == CUR == "2.5.0"
    for version in ("2.0.0", "2.1.0", "2.2.0", "2.3.0", "2.4.0"):
        kept = load_archived(PBA, version, catalogue.sources)
        assert kept is not None and kept.checklist.version == version
    assert load_archived(PBA, "0.1.0", catalogue.sources) is None


def test_a_1_0_0_plan_opens_against_the_current_version_and_keeps_every_answer(
        catalogue, tmp_path) -> None:
    _old, plan = _old_plan(catalogue, tmp_path)
    current = catalogue.get(PBA).checklist
    ev = evaluate(current, plan, TODAY)
    assert {a.item_id for a in ev.not_in_checklist} == {"PBA-S07", "PBA-S08", "PBA-F05",
                                                         "PBA-F07"}
    assert plan.answers["PBA-S07"].value == "no"  # kept, not dropped
    assert "PBA-S01" in ev.visible_items and ev.answered >= 1
    assert ("start", "PBA-S08A") in ev.open_required  # the split item asks again


def test_a_1_0_0_plan_reads_cleanly_against_its_own_version(catalogue, tmp_path) -> None:
    old, plan = _old_plan(catalogue, tmp_path)
    ev = evaluate(old.checklist, plan, TODAY)
    assert ev.not_in_checklist == []
    assert "looked-after-parent" in ev.visible_sections  # S08 = yes, as answered then


def test_what_changed_says_what_upgrade_carries_and_what_it_keeps(catalogue, tmp_path) -> None:
    old, plan = _old_plan(catalogue, tmp_path)
    current = catalogue.get(PBA).checklist
    lines = what_changed(plan, old.checklist, current)
    text = "\n".join(lines)
    # a split question: "no" settles both halves
    assert ("PBA-S07 ('Unknown' " not in text and "PBA-S07 ('No') is replaced by PBA-S07A, "
            f"PBA-S07B in version {CUR}: 'upgrade' carries it to PBA-S07A as 'One'; PBA-S07B "
            "as 'No'") in text
    # "yes" to "looked after, care leaver or youth justice" settles neither half
    assert f"PBA-S08 is replaced by PBA-S08A, PBA-S08B in version {CUR}, which does not " \
           "mean the same" in text
    assert "PBA-F07 is replaced by PBA-F07B" in text and "does not mean the same" in text
    assert f"PBA-F05 is not in version {CUR}" in text and "kept" in text
    assert re.search(r"\d+ new required items? in version", text) and "PBA-BP01" in text
    assert "PBA-S07A," not in re.split(r"new required items?", text)[1]  # carried, not new
    assert what_changed(plan, old.checklist, old.checklist) == []
    # what_changed lists exactly what upgrade carries
    said = {(c.old_id, c.new_id) for c in carries(plan, current)}
    assert said == {("PBA-S07", "PBA-S07A"), ("PBA-S07", "PBA-S07B")}


def test_upgrade_carries_mapped_answers_and_keeps_the_rest(catalogue, tmp_path) -> None:
    _old, plan = _old_plan(catalogue, tmp_path)
    lc = catalogue.get(PBA)
    history = len(plan.history)
    done = upgrade(plan, lc.checklist, lc.content_hash, by="Tess Tester", now=NOW)
    assert [(c.old_id, c.new_id, c.value) for c in done] == [
        ("PBA-S07", "PBA-S07A", "one"), ("PBA-S07", "PBA-S07B", "no")]
    assert plan.answers["PBA-S07A"].value == "one" and plan.answers["PBA-S07B"].value == "no"
    assert plan.answers["PBA-S07A"].answered_by == "tester"  # who answered it, kept
    assert "PBA-S07" not in plan.answers  # moved: both halves have it
    for kept in ("PBA-S08", "PBA-F05", "PBA-F07"):
        assert kept in plan.answers  # not mapped: kept as answers to removed items
    entries = plan.history[history:]
    assert [(e.what, e.target) for e in entries] == [
        (CARRIED, "PBA-S07A"), (CARRIED, "PBA-S07B"), (VERSION, "plan")]
    assert entries[0].old == "PBA-S07: no" and entries[0].new == "One"
    assert (entries[-1].old, entries[-1].new) == ("1.0.0", CUR)
    assert plan.checklist_version == CUR and plan.checklist_hash == lc.content_hash
    ev = evaluate(lc.checklist, plan, TODAY)
    assert {a.item_id for a in ev.not_in_checklist} == {"PBA-S08", "PBA-F05", "PBA-F07"}
    assert what_changed(plan, lc.checklist, lc.checklist) == []


def test_upgrade_never_overwrites_an_answer_given_since(catalogue, tmp_path) -> None:
    _old, plan = _old_plan(catalogue, tmp_path)
    lc = catalogue.get(PBA)
    answer(plan, lc, **{"PBA-S07A": "two"})  # answered under the new version already
    done = upgrade(plan, lc.checklist, lc.content_hash, by="t", now=NOW)
    assert [(c.old_id, c.new_id) for c in done] == [("PBA-S07", "PBA-S07B")]
    assert plan.answers["PBA-S07A"].value == "two"
    assert plan.answers["PBA-S07"].value == "no"  # not fully carried, so kept too


@pytest.mark.parametrize(("old_value", "new_value"), [("yes", "no"), ("no", "yes"),
                                                      ("unknown", None)])
def test_a_reversed_question_carries_yes_as_no_and_unknown_not_at_all(
        catalogue, tmp_path, old_value, new_value) -> None:
    """NAI-02 asked "is the baby NOT yet mobile?"; NAI-02B asks "can the baby move about?"."""
    _old, plan = _old_plan(catalogue, tmp_path, "injury-non-mobile-baby",
                           answers={"NAI-02": old_value, "NAI-05": "no"})
    plan.dob = date(2025, 11, 1)  # a year old: "can move about" can be true
    lc = catalogue.get("injury-non-mobile-baby")
    done = upgrade(plan, lc.checklist, lc.content_hash, by="t", now=NOW)
    carried = {c.new_id: c.value for c in done}
    assert carried.get("NAI-02B") == new_value
    assert "NAI-05B" not in carried and plan.answers["NAI-05"].value == "no"  # not the same
    if new_value is None:
        assert plan.answers["NAI-02"].value == old_value and "NAI-02B" not in plan.answers


def test_an_old_mobile_answer_for_a_baby_under_six_months_is_not_carried(
        catalogue, tmp_path) -> None:
    """Injury 2.4.0 (look-d 8): "can move about" does not stand for a baby under six months,
    so an old "not yet mobile: no" is kept as it was, never carried as a "yes"."""
    _old, plan = _old_plan(catalogue, tmp_path, "injury-non-mobile-baby",
                           answers={"NAI-02": "no", "NAI-05": "no"})
    plan.dob = NOW.date() - timedelta(days=17)
    lc = catalogue.get("injury-non-mobile-baby")
    upgrade(plan, lc.checklist, lc.content_hash, by="t", now=NOW)
    assert plan.answers["NAI-02"].value == "no" and "NAI-02B" not in plan.answers


def test_upgrade_is_refused_on_a_signed_off_plan_with_one_line(catalogue, tmp_path,
                                                               capsys) -> None:
    _old, plan = _old_plan(catalogue, tmp_path, state=PlanState.APPROVED)
    path = tmp_path / "old.toml"
    before = path.read_bytes()
    assert main(["upgrade", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    assert "approved" in err
    assert path.read_bytes() == before
    lc = catalogue.get(PBA)  # the core refuses too, whether or not the session is read-only
    with pytest.raises(PlanError, match=r"approved, so it keeps checklist version 1\.0\.0"):
        upgrade(plan, lc.checklist, lc.content_hash, by="t", now=NOW)
    assert plan.checklist_version == "1.0.0" and "PBA-S07A" not in plan.answers


def test_upgrade_through_the_command_line_saves_with_history(catalogue, tmp_path,
                                                             capsys) -> None:
    _old_plan(catalogue, tmp_path)
    path = tmp_path / "old.toml"
    assert main(["upgrade", str(path), "--as", "Tess Tester"]) == 0
    out = capsys.readouterr().out
    assert f"moved from checklist version 1.0.0 to {CUR}" in out
    assert "PBA-S07 'no' -> PBA-S07A 'One'" in out
    assert "Kept as answers to items not in this version: PBA-F05, PBA-F07, PBA-S08" in out
    assert "What to look at again:" in out and "PBA-F05 is not in version" in out
    saved = store.load(path)
    assert saved.plan.checklist_version == CUR and not saved.edited_outside
    assert saved.plan.history[-1].what == VERSION and saved.plan.history[-1].by == "Tess Tester"
    assert main(["upgrade", str(path)]) == 1  # already current
    assert f"already uses version {CUR}" in capsys.readouterr().err


def test_a_2_0_0_plan_is_told_which_yes_now_needs_its_content(catalogue, tmp_path) -> None:
    old, plan = _old_plan(catalogue, tmp_path, version="2.0.0",
                          answers={"PBA-X06": "icpc", "PBA-X02": "yes", "PBA-X01": "no"})
    lines = what_changed(plan, old.checklist, catalogue.get(PBA).checklist)
    assert any(line.startswith("PBA-X02 now asks what a 'yes' must carry: add What is going "
                               "well") for line in lines)
    assert not any(line.startswith("PBA-X01 now asks") for line in lines)  # "no" needs none
    assert any("PBA-WP01" in line for line in lines)  # new required items


def test_show_says_what_changed_for_a_1_0_0_plan(catalogue, tmp_path, capsys) -> None:
    _old_plan(catalogue, tmp_path)
    assert main(["show", str(tmp_path / "old.toml")]) == 0
    out = capsys.readouterr().out
    assert f"made with checklist version 1.0.0; now shown against version {CUR}" in out
    assert f"PBA-F05 is not in version {CUR}" in out
    assert "'upgrade' carries it to PBA-S07A as 'One'" in out


def test_plain_mode_says_what_changed_for_a_1_0_0_plan(catalogue, tmp_path) -> None:
    from checklist_tui.plain.console import Console
    from checklist_tui.plain.conversation import Conversation

    _old_plan(catalogue, tmp_path)
    out = io.StringIO()
    session = PlanSession.open(tmp_path / "old.toml", catalogue.get)
    Conversation(Console(io.StringIO("quit\n"), out, echo=True), session,
                 catalogue.sources).run()
    assert "This plan was made with version 1.0.0." in out.getvalue()
    assert f"PBA-F05 is not in version {CUR}" in out.getvalue()


def test_replaces_is_checked_when_the_checklist_is_validated(tmp_path) -> None:
    from checklist_tui.core.catalogue import validate_paths
    from tests.conftest import DATA

    text = (DATA / "good" / "mini.toml").read_text(encoding="utf-8")
    cases = {
        'replaces = { "father_gone" = { yes = "maybe" } }': "which this item can never be",
        'replaces = { "lac" = {} }': "'lac', which is still an item of this checklist",
    }
    for line, message in cases.items():
        broken = tmp_path / "broken.toml"
        at = text.index('id = "father_seen"\n') + len('id = "father_seen"\n')
        broken.write_text(text[:at] + line + "\n" + text[at:], encoding="utf-8")
        _count, problems = validate_paths([broken])
        assert len(problems) == 1, [p.line() for p in problems]
        assert message in problems[0].line() and "father_seen" in problems[0].line()
