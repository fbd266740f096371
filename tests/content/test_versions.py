"""A plan made with checklist 1.0.0 still opens, keeps every answer, and says what changed."""

from __future__ import annotations

from checklist_tui.core import store
from checklist_tui.core.catalogue import load_archived
from checklist_tui.core.engine import evaluate
from checklist_tui.core.versions import what_changed
from tests.conftest import TODAY
from tests.core.helpers import answer, new_plan

OLD = {"PBA-S07": "yes", "PBA-S08": "yes", "PBA-F05": "no", "PBA-S01": "yes"}


def _old_plan(catalogue, tmp_path):
    old = load_archived("pre-birth-assessment", "1.0.0", catalogue.sources)
    assert old is not None and old.checklist.version == "1.0.0"
    plan = answer(new_plan(old), old, **OLD)
    path = tmp_path / "old.toml"
    path.write_text(store.to_toml(plan), encoding="utf-8")
    return old, store.load(path).plan


def test_every_shipped_checklist_keeps_its_1_0_0_version(catalogue) -> None:
    for lc in catalogue.checklists.values():
        old = load_archived(lc.id, "1.0.0", catalogue.sources)
        assert old is not None and old.checklist.version == "1.0.0", lc.id
        assert lc.checklist.version == "2.0.0"
    assert load_archived("pre-birth-assessment", "0.1.0", catalogue.sources) is None


def test_a_1_0_0_plan_opens_against_2_0_0_and_keeps_every_answer(catalogue, tmp_path) -> None:
    _old, plan = _old_plan(catalogue, tmp_path)
    current = catalogue.get("pre-birth-assessment").checklist
    ev = evaluate(current, plan, TODAY)
    assert {a.item_id for a in ev.not_in_checklist} == {"PBA-S07", "PBA-S08", "PBA-F05"}
    assert plan.answers["PBA-S07"].value == "yes"  # kept, not dropped
    assert "PBA-S01" in ev.visible_items and ev.answered >= 1
    assert "PBA-S08A" in {i for _s, i in ev.open_required}  # the split item asks again


def test_a_1_0_0_plan_reads_cleanly_against_its_own_version(catalogue, tmp_path) -> None:
    old, plan = _old_plan(catalogue, tmp_path)
    ev = evaluate(old.checklist, plan, TODAY)
    assert ev.not_in_checklist == []
    assert "looked-after-parent" in ev.visible_sections  # S08 = yes, as answered then


def test_what_changed_names_removed_reworded_and_new_required_items(catalogue, tmp_path) -> None:
    old, plan = _old_plan(catalogue, tmp_path)
    lines = what_changed(plan, old.checklist, catalogue.get("pre-birth-assessment").checklist)
    text = "\n".join(lines)
    assert "PBA-S07 is not in version 2.0.0" in text and "kept" in text
    assert "PBA-F05 is not in version 2.0.0" in text
    assert "new required item(s)" in text and "PBA-BP01" in text
    assert what_changed(plan, old.checklist, old.checklist) == []



def test_show_says_what_changed_for_a_1_0_0_plan(catalogue, tmp_path, capsys) -> None:
    from checklist_tui.cli import main

    _old_plan(catalogue, tmp_path)
    assert main(["show", str(tmp_path / "old.toml")]) == 0
    out = capsys.readouterr().out
    assert "made with checklist version 1.0.0; now shown against version 2.0.0" in out
    assert "PBA-S07 is not in version 2.0.0" in out


def test_plain_mode_says_what_changed_for_a_1_0_0_plan(catalogue, tmp_path) -> None:
    import io

    from checklist_tui.core.session import PlanSession
    from checklist_tui.plain.console import Console
    from checklist_tui.plain.conversation import Conversation

    _old_plan(catalogue, tmp_path)
    out = io.StringIO()
    session = PlanSession.open(tmp_path / "old.toml", catalogue.get)
    Conversation(Console(io.StringIO("quit\n"), out, echo=True), session,
                 catalogue.sources).run()
    assert "This plan was made with version 1.0.0." in out.getvalue()
    assert "PBA-S07 is not in version 2.0.0" in out.getvalue()
