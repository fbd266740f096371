"""look-d 29: a plan file cut short says so in plain words, never the TOML parser's text
("Unterminated string (at end of document)"), and says that the version saved before it
is kept beside it as NAME.toml.bak, when that version was last changed and how to use
it. The command line, the app and the folder views all show this load error."""

from __future__ import annotations

import pytest

from checklist_tui.cli import main
from checklist_tui.core import store
from checklist_tui.core.errors import PlanError
from checklist_tui.core.index_row import summarise_file
from tests.conftest import EXAMPLES, TODAY

PLAN = "early-pre-birth.toml"


def _cut(tmp_path, backup: bytes | None):
    good = (EXAMPLES / PLAN).read_bytes()
    path = tmp_path / "corrupt1.toml"
    path.write_bytes(good[:3000])  # as a sync client or a hand edit can leave it
    if backup is not None:
        (tmp_path / "corrupt1.toml.bak").write_bytes(backup)
    return path


def test_a_cut_file_names_the_backup_and_how_to_use_it(tmp_path) -> None:
    good = (EXAMPLES / PLAN).read_bytes()
    path = _cut(tmp_path, good)
    updated = store.load(EXAMPLES / PLAN).plan.updated.astimezone()
    with pytest.raises(PlanError) as caught:
        store.load(path)
    said = str(caught.value)
    assert said == (
        "corrupt1.toml: damaged or not a plan file (it ends part-way through); it was left "
        "untouched. The version saved before it is in corrupt1.toml.bak (last changed "
        f"{updated:%d/%m/%Y %H:%M}): to use it, keep a copy of corrupt1.toml somewhere "
        "else, then copy corrupt1.toml.bak over it.")
    assert "Unterminated" not in said and "document" not in said
    assert path.read_bytes() == good[:3000]  # left untouched


def test_no_backup_is_claimed_when_there_is_none_or_it_cannot_be_read(tmp_path) -> None:
    path = _cut(tmp_path, None)
    with pytest.raises(PlanError) as caught:
        store.load(path)
    assert ".bak" not in str(caught.value)
    assert str(caught.value).endswith("it was left untouched.")
    (tmp_path / "corrupt1.toml.bak").write_bytes(b"format_version = 1\n[answers\n")
    with pytest.raises(PlanError) as caught:
        store.load(path)
    assert str(caught.value).endswith(
        "corrupt1.toml.bak, the copy kept at the save before, is there too, but it cannot be "
        "read either.")
    assert "(the text at line 2 is not in the plan format)" not in str(caught.value)


def test_a_line_that_is_not_toml_is_named_by_its_line(tmp_path) -> None:
    path = tmp_path / "hand.toml"
    path.write_bytes(b'format_version = 1\ncase_ref = "X"\nthis is not toml\n')
    with pytest.raises(PlanError, match=r"^hand.toml: damaged or not a plan file \(the text "
                       r"at line 3 is not in the plan format\); it was left untouched\.$"):
        store.load(path)


def test_the_command_line_and_the_folder_row_say_the_same(tmp_path, capsys) -> None:
    path = _cut(tmp_path, (EXAMPLES / PLAN).read_bytes())
    assert main(["show", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "copy corrupt1.toml.bak over it" in err, err
    row = summarise_file(tmp_path, "corrupt1.toml", path.read_bytes(), {}, TODAY)
    assert "The version saved before it is in corrupt1.toml.bak" in row.error
