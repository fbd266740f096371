"""The export writer is a library: typed errors, a returned path, no printing."""

from __future__ import annotations

import os

import pytest

from checklist_tui.core import store
from checklist_tui.core.errors import UserFacingError
from checklist_tui.export.writer import ExportExistsError, export_to_folder, write_summary
from tests.conftest import EXAMPLES


@pytest.fixture
def example(catalogue):
    loaded = store.load(EXAMPLES / "early-pre-birth.toml")
    return catalogue.get(loaded.plan.checklist_id), loaded.plan, catalogue.sources


def test_write_summary_returns_the_path_and_prints_nothing(tmp_path, example, capsys) -> None:
    lc, plan, sources = example
    target = tmp_path / "s.md"
    assert write_summary(lc, plan, "markdown", sources, target, force=False) == target
    assert target.read_text().startswith("# Plan: ")
    assert capsys.readouterr() == ("", "")


def test_existing_file_raises_the_typed_error_without_mentioning_flags(tmp_path,
                                                                       example) -> None:
    lc, plan, sources = example
    target = tmp_path / "s.md"
    target.write_text("keep")
    with pytest.raises(ExportExistsError) as info:
        write_summary(lc, plan, "markdown", sources, target, force=False)
    assert info.value.path == target and "--force" not in str(info.value)
    assert target.read_text() == "keep"
    write_summary(lc, plan, "markdown", sources, target, force=True)
    assert target.read_text() != "keep"


def test_folder_export_refuses_before_writing_anything(tmp_path, example) -> None:
    lc, plan, sources = example
    first = export_to_folder(tmp_path, lc, plan, ["markdown"], sources)
    with pytest.raises(ExportExistsError):
        export_to_folder(tmp_path, lc, plan, ["html", "markdown"], sources)
    assert sorted(tmp_path.iterdir()) == first


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_special_files_are_never_replaced_even_with_force(tmp_path, example) -> None:
    lc, plan, sources = example
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    for target in (fifo, folder):
        with pytest.raises(UserFacingError, match="not a regular file") as info:
            write_summary(lc, plan, "markdown", sources, target, force=True)
        assert not isinstance(info.value, ExportExistsError)
    assert fifo.is_fifo() and folder.is_dir()
