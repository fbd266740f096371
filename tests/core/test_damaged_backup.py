"""look-d 29: a plan file cut short says so in plain words, never the TOML parser's text
("Unterminated string (at end of document)"), and says that the version saved before it
is kept beside it as NAME.toml.bak, when that version was last changed and how to use
it. The command line, the app and the folder views all show this load error."""

from __future__ import annotations

import pytest

from checklist_tui.cli import main
from checklist_tui.core import store
from checklist_tui.core.damaged import row_words
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


def _with_backup(tmp_path, text: str):
    """A plan file whose values the plan's rules refuse, beside a good .bak."""
    good = (EXAMPLES / PLAN).read_bytes()
    path = tmp_path / "edited.toml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "edited.toml.bak").write_bytes(good)
    return path, store.load(EXAMPLES / PLAN).plan.updated.astimezone()


@pytest.mark.parametrize("change, what", [
    (("edd = 2027-05-20", "edd = \"soon\""), "edd: "),  # a field's value (pydantic)
    (("edd = 2027-05-20", "edd = 2099-05-20"), "edd: 2099-05-20 is more than two years"),
])
def test_a_value_no_plan_can_hold_names_the_backup_too(tmp_path, change, what) -> None:
    """s8count: only a file that was not TOML named its .bak; a field's value refused by
    the plan's rules (a hand edit, a sync client's merge) names it too."""
    text = (EXAMPLES / PLAN).read_text(encoding="utf-8")
    assert change[0] in text
    path, updated = _with_backup(tmp_path, text.replace(change[0], change[1], 1))
    with pytest.raises(PlanError) as caught:
        store.load(path)
    said = str(caught.value)
    assert said.startswith("edited.toml: ") and what in said, said
    assert said.endswith(
        f"The version saved before it is in edited.toml.bak (last changed "
        f"{updated:%d/%m/%Y %H:%M}): to use it, keep a copy of edited.toml somewhere else, "
        "then copy edited.toml.bak over it."), said
    assert said.count(".bak") == 2  # said once


def test_an_answer_its_checklist_refuses_names_the_backup(tmp_path, catalogue) -> None:
    from checklist_tui.core.session import PlanSession

    text = (EXAMPLES / PLAN).read_text(encoding="utf-8")
    path, _updated = _with_backup(tmp_path, text)
    loaded = store.load(path)
    item = next(i for i, a in loaded.plan.answers.items() if a.value in ("yes", "no"))
    marker = f'[answers.{item}]\nvalue = "{loaded.plan.answers[item].value}"'
    assert marker in text, marker
    path.write_text(text.replace(marker, f'[answers.{item}]\nvalue = "maybe"'),
                    encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        PlanSession.open(path, catalogue.get, read_only=True)
    said = str(caught.value)
    assert f"answers.{item}: not a possible answer" in said, said
    assert "edited.toml.bak" in said and "copy edited.toml.bak over it" in said


def test_a_plan_from_a_newer_app_is_not_called_damaged(tmp_path) -> None:
    """rev9-core 3, rev9-tui 3: a plan saved by a newer version of the app was told to be
    replaced by its .bak ("copy edited.toml.bak over it": the newest work lost), and
    Home's row was cut inside its bracket ("(plan format 99.")."""

    text = (EXAMPLES / PLAN).read_text(encoding="utf-8")
    path, _updated = _with_backup(tmp_path, text.replace("format_version = 2",
                                                         "format_version = 99", 1))
    with pytest.raises(PlanError) as caught:
        store.load(path)
    said = str(caught.value)
    assert "made by a newer checklist-tui (plan format 99;" in said and "update the app" in said
    assert ".bak" not in said
    row = summarise_file(tmp_path, "edited.toml", path.read_bytes(), {}, TODAY)
    assert row_words(path, row.error) == (
        "Made by a newer checklist-tui (plan format 99; this version reads up to 2). "
        "Update the app to open it.")
