"""#8.2: recovery never takes or deletes another live process's in-flight save."""

from __future__ import annotations

import shutil
import subprocess
import sys

from checklist_tui.core import recovery, store
from checklist_tui.core.session import PlanSession
from tests.conftest import EXAMPLES, ROOT

SAVER = """
import sys
from pathlib import Path
from checklist_tui.core import edit, store
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.session import PlanSession

cat = load_catalogue(include_user=False)
session = PlanSession.open(Path(sys.argv[1]), cat.get)
assert not session.read_only, session.read_only_reason
session.apply(edit.set_answer, session.checklist.checklist, "PBA-S08B", "yes")

def pause(step):
    if step == "backup-written":
        print("paused", flush=True)
        sys.stdin.readline()

store.FAULT_HOOK = pause
ok = session.save()
print("saved" if ok else "failed: " + session.state.error, flush=True)
session.close()
"""


def test_second_process_leaves_a_live_save_alone(tmp_path, catalogue) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    for name in ("early-pre-birth.toml", "family-t-like-twins.toml"):
        shutil.copy(EXAMPLES / name, folder / name)
    plan = folder / "early-pre-birth.toml"
    before = plan.read_bytes()
    saver = subprocess.Popen([sys.executable, "-c", SAVER, str(plan)], cwd=ROOT, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert saver.stdout.readline().strip() == "paused"
        in_flight = sorted(p.name for p in folder.glob(".*.tmp-*"))
        assert len(in_flight) == 2  # the new plan and the new backup, both unrenamed
        # a second app: the home screen tidies the folder, opens another plan, then this one
        assert recovery.recover(folder) == []
        other = PlanSession.open(folder / "family-t-like-twins.toml", catalogue.get)
        assert not other.read_only
        other.close()
        same = PlanSession.open(plan, catalogue.get)
        assert same.read_only and "open for editing" in (same.read_only_reason or "")
        same.close()
        assert sorted(p.name for p in folder.glob(".*.tmp-*")) == in_flight
        assert plan.read_bytes() == before
        saver.stdin.write("go\n")
        saver.stdin.flush()
        assert saver.stdout.readline().strip() == "saved"
    finally:
        saver.stdin.close()
        saver.wait(timeout=60)
    assert saver.returncode == 0
    assert store.load(plan).plan.answers["PBA-S08B"].value == "yes"
    assert (folder / "early-pre-birth.toml.bak").read_bytes() == before
    assert not list(folder.glob("*conflict*")) and not list(folder.glob(".*.tmp-*"))


def test_a_dead_processes_save_is_recovered_by_the_next_opener(tmp_path, catalogue) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    plan = folder / "early-pre-birth.toml"
    shutil.copy(EXAMPLES / plan.name, plan)
    saver = subprocess.Popen([sys.executable, "-c", SAVER, str(plan)], cwd=ROOT, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert saver.stdout.readline().strip() == "paused"
    saver.kill()  # killed mid-save: its lock and temporary files are left behind
    saver.wait(timeout=60)
    session = PlanSession.open(plan, catalogue.get)
    try:
        assert not session.read_only
        assert session.plan.answers["PBA-S08B"].value == "yes"
        assert not list(folder.glob(".*.tmp-*"))
    finally:
        session.close()


def test_symlinked_plan_is_edited_in_place(tmp_path, catalogue) -> None:
    """#8.9: the edit reaches the real file; the link stays a link."""
    from checklist_tui.core import edit

    real_folder, plans = tmp_path / "team", tmp_path / "plans"
    real_folder.mkdir()
    plans.mkdir()
    real = real_folder / "early-pre-birth.toml"
    shutil.copy(EXAMPLES / real.name, real)
    link = plans / "mine.toml"
    link.symlink_to(real)
    session = PlanSession.open(link, catalogue.get)
    session.apply(edit.set_answer, session.checklist.checklist, "PBA-S08B", "yes")
    assert session.close()
    assert link.is_symlink() and link.resolve() == real
    assert store.load(real).plan.answers["PBA-S08B"].value == "yes"
    assert not list(plans.glob("*.lock")) and not list(real_folder.glob("*.lock"))
