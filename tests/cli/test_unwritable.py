"""#8.14: `new` and `export` in a folder that cannot be written say so in one line."""

from __future__ import annotations

import errno
import shutil

from checklist_tui.cli import main
from checklist_tui.core import store
from tests.conftest import EXAMPLES


def _refuse_temp_files(monkeypatch) -> None:
    real = store.os.open

    def refuse(path, flags, *args):
        if ".tmp-" in str(path):
            raise OSError(errno.EACCES, "Permission denied", str(path))
        return real(path, flags, *args)

    monkeypatch.setattr(store.os, "open", refuse)


def test_new_in_unwritable_folder_names_the_folder(tmp_path, monkeypatch, capsys) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    _refuse_temp_files(monkeypatch)
    code = main(["new", "pre-birth-assessment", "--case-ref", "DEMO 1", "--edd", "20/05/2027",
                 "--no-open", "--plans-dir", str(folder)])
    err = capsys.readouterr().err.strip()
    assert code == 1 and len(err.splitlines()) == 1
    assert f"{folder}: a new plan cannot be created" in err and "Permission denied" in err
    assert ".tmp-" not in err and "unexpected" not in err
    assert list(folder.iterdir()) == []


def test_export_to_unwritable_folder_names_the_file(tmp_path, monkeypatch, capsys) -> None:
    plan = tmp_path / "early-pre-birth.toml"
    shutil.copy(EXAMPLES / plan.name, plan)
    out = tmp_path / "out"
    out.mkdir()
    _refuse_temp_files(monkeypatch)
    code = main(["export", str(plan), "-o", str(out / "summary.md")])
    err = capsys.readouterr().err.strip()
    assert code == 1 and len(err.splitlines()) == 1
    assert f"{out / 'summary.md'}: cannot be written (Permission denied)" in err
    assert ".tmp-" not in err
