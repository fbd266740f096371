"""Checklists validated once are not validated again until their bytes, their source ids
or the app change (#12.2); the cache is never trusted beyond that and never needed."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from checklist_tui.core import definition_cache, locations
from checklist_tui.core.catalogue import load_catalogue, read_id
from checklist_tui.core.definition import Checklist, SourcesFile
from checklist_tui.core.strict import Strict
from tests.conftest import DATA

MINI = "mini"


@pytest.fixture
def local(tmp_path: Path) -> Path:
    """A folder of local checklists holding a copy of the test checklist ``mini``."""
    folder = tmp_path / "local"
    folder.mkdir()
    shutil.copy(DATA / "good" / "mini.toml", folder / "mini.toml")
    return folder


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of every model pydantic is asked to validate a checklist or sources as."""
    seen: list[str] = []
    for model in (Checklist, SourcesFile):
        original = model.model_validate

        def counting(data: object, *args: object, _orig=original, _name=model.__name__,
                     **kwargs: object) -> object:
            seen.append(_name)
            return _orig(data, *args, **kwargs)

        monkeypatch.setattr(model, "model_validate", counting)
    return seen


def entries() -> list[Path]:
    return sorted(locations.definition_cache_dir().glob("*.json"))


def test_second_load_uses_no_validation_and_gives_the_same_checklists(
        local: Path, validations: list[str]) -> None:
    first = load_catalogue([local], include_user=False)
    assert not first.problems and MINI in first.checklists
    assert validations.count("Checklist") == len(first.checklists)
    assert "SourcesFile" in validations
    validations.clear()
    again = load_catalogue([local], include_user=False)
    assert validations == []
    assert again.checklists.keys() == first.checklists.keys()
    for ident, loaded in first.checklists.items():
        assert again.checklists[ident].checklist == loaded.checklist
        assert again.checklists[ident].content_hash == loaded.content_hash
        assert again.checklists[ident].path == loaded.path
    assert again.sources == first.sources


def test_changed_bytes_are_validated_again(local: Path, validations: list[str]) -> None:
    load_catalogue([local], include_user=False)
    with (local / "mini.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n# a comment changes the bytes, so the file is checked again\n")
    validations.clear()
    cat = load_catalogue([local], include_user=False)
    assert validations == ["Checklist"]
    assert MINI in cat.checklists


def test_another_app_version_validates_again(local: Path, validations: list[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    load_catalogue([local], include_user=False)
    validations.clear()
    definition_cache.code_stamp.cache_clear()
    monkeypatch.setattr(definition_cache, "__version__", "99.0.0")
    try:
        load_catalogue([local], include_user=False)
    finally:
        definition_cache.code_stamp.cache_clear()
    assert "Checklist" in validations and "SourcesFile" in validations


def test_changed_source_ids_validate_again(local: Path, validations: list[str]) -> None:
    load_catalogue([local], include_user=False)
    shutil.copy(locations.builtin_checklists_dir() / "sources.toml", local / "sources.toml")
    with (local / "sources.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[[sources]]\nid = "LOCAL-1"\ntitle = "A local source"\n'
                 'summary = "Fictional."\ngroup = "Local"\n')
    validations.clear()
    load_catalogue([local], include_user=False)
    assert validations.count("Checklist") >= 1


def _rewrite(path: Path, change) -> None:
    head, _, body = path.read_bytes().partition(b"\n")
    path.write_bytes(change(head, body))


@pytest.mark.parametrize("damage", [
    lambda head, body: head + b"\n" + body[: len(body) // 2],  # cut short
    lambda head, body: b"not json at all",
    lambda head, body: head + b"\n" + body.replace(b'"title":"', b'"title":"Changed ', 1),
])
def test_a_damaged_entry_is_ignored_and_replaced(local: Path, validations: list[str],
                                                 damage) -> None:
    first = load_catalogue([local], include_user=False)
    for entry in entries():
        _rewrite(entry, damage)
    validations.clear()
    again = load_catalogue([local], include_user=False)
    assert "Checklist" in validations
    assert again.checklists[MINI].checklist == first.checklists[MINI].checklist
    validations.clear()
    load_catalogue([local], include_user=False)  # rewritten whole: used again
    assert validations == []


def test_an_entry_of_the_wrong_shape_is_never_trusted(local: Path,
                                                      validations: list[str]) -> None:
    """Even with every hash right, a value that is not what the model holds is refused."""
    first = load_catalogue([local], include_user=False)

    def wrong_shape(head: bytes, body: bytes) -> bytes:
        model = json.loads(body)
        if "sections" not in model:
            return head + b"\n" + body
        model["sections"][0]["items"][0]["required"] = "yes"  # not a bool
        new_body = json.dumps(model).encode()
        header = json.loads(head)
        header["model_sha256"] = definition_cache.hashlib.sha256(new_body).hexdigest()
        return json.dumps(header, sort_keys=True).encode() + b"\n" + new_body

    for entry in entries():
        _rewrite(entry, wrong_shape)
    validations.clear()
    again = load_catalogue([local], include_user=False)
    assert validations.count("Checklist") == len(first.checklists)
    assert again.checklists[MINI].checklist == first.checklists[MINI].checklist


def test_an_entry_made_for_other_bytes_is_ignored(local: Path, validations: list[str],
                                                   tmp_path: Path) -> None:
    """A foreign entry put in the name of this file's entry (e.g. copied from another
    computer or another checklist) says what it was made from, and that does not match."""
    load_catalogue([local], include_user=False)
    mine = next(p for p in entries() if json.loads(p.read_bytes().partition(b"\n")[0])
                ["sha256"] == definition_cache.hashlib.sha256(
                    (local / "mini.toml").read_bytes()).hexdigest())
    other = next(p for p in entries() if p != mine and p.name.startswith("checklist-"))
    shutil.copy(other, mine)
    validations.clear()
    cat = load_catalogue([local], include_user=False)
    assert validations == ["Checklist"]
    assert cat.checklists[MINI].checklist.id == MINI


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_an_entry_others_can_write_is_ignored(local: Path, validations: list[str]) -> None:
    load_catalogue([local], include_user=False)
    for entry in entries():
        entry.chmod(0o666)
    validations.clear()
    load_catalogue([local], include_user=False)
    assert "Checklist" in validations and "SourcesFile" in validations


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_cache_folder_others_can_write_is_not_used(local: Path,
                                                     validations: list[str]) -> None:
    load_catalogue([local], include_user=False)
    locations.definition_cache_dir().chmod(0o777)
    validations.clear()
    load_catalogue([local], include_user=False)
    assert "Checklist" in validations


def test_works_when_the_cache_folder_cannot_be_made(local: Path, validations: list[str],
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv(locations.ENV_CACHE_DIR, str(blocker))
    first = load_catalogue([local], include_user=False)
    again = load_catalogue([local], include_user=False)
    assert not again.problems
    assert again.checklists[MINI].checklist == first.checklists[MINI].checklist
    assert validations.count("Checklist") == 2 * len(first.checklists)


def test_deleting_the_cache_changes_nothing(local: Path) -> None:
    first = load_catalogue([local], include_user=False)
    shutil.rmtree(locations.definition_cache_dir())
    again = load_catalogue([local], include_user=False)
    assert {k: v.checklist for k, v in again.checklists.items()} == \
        {k: v.checklist for k, v in first.checklists.items()}


def test_validate_never_uses_the_cache(local: Path, validations: list[str]) -> None:
    from checklist_tui.core.catalogue import validate_paths

    load_catalogue([local], include_user=False)
    validations.clear()
    validate_paths([local / "mini.toml"])
    assert validations.count("Checklist") == 1


@pytest.mark.parametrize(("text", "expected"), [
    ('# a comment\nid = "plain-id"\ntitle = "T"\n', "plain-id"),
    ("id = 'single'\n", "single"),
    ('id = "with-comment"  # the id\n', "with-comment"),
    ('title = "T"\n[timescales]\nid = "not-top"\n', None),  # a table first: parsed fully
    ('description = """\nid = "inside"\n"""\nid = "real"\n', "real"),
])
def test_read_id_reads_only_what_it_must(tmp_path: Path, text: str,
                                         expected: str | None) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    assert read_id(path) == expected


def test_the_code_stamp_follows_every_core_module(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry made by other validating code is never used: any core module added,
    removed or changed (in size or time) gives another stamp; other files do not."""
    core = tmp_path / "core"
    core.mkdir()
    for name in ("definition_cache.py", "plan.py", "store.py"):
        (core / name).write_text("# module\n", encoding="utf-8")
    monkeypatch.setattr(definition_cache, "__file__", str(core / "definition_cache.py"))
    stamps: list[str] = []

    def stamp() -> str:
        definition_cache.code_stamp.cache_clear()
        stamps.append(definition_cache.code_stamp())
        return stamps[-1]

    try:
        first = stamp()
        assert stamp() == first
        (core / "notes.txt").write_text("not code", encoding="utf-8")
        assert stamp() == first
        (core / "plan.py").write_text("# module, changed\n", encoding="utf-8")
        changed = stamp()
        os.utime(core / "store.py", ns=(1, 1))
        touched = stamp()
        (core / "new.py").write_text("", encoding="utf-8")
        added = stamp()
        (core / "plan.py").unlink()
        removed = stamp()
    finally:
        definition_cache.code_stamp.cache_clear()
    assert len({first, changed, touched, added, removed}) == 5


def test_an_entry_leaves_out_the_fields_at_their_default(local: Path) -> None:
    """Kept without the fields at their default (a third smaller: read and decoded faster
    on every start, #12.2), and read back to the very same checklist."""
    first = load_catalogue([local], include_user=False)
    bodies = [p.read_bytes().partition(b"\n")[2] for p in entries()
              if p.name.startswith("checklist-")]
    assert bodies and not any(b'"allow_na":false' in body for body in bodies)
    again = load_catalogue([local], include_user=False)
    assert again.checklists == first.checklists


class _Odd(Strict):
    count: int | bool = 0


def test_an_entry_is_kept_whole_unless_left_out_defaults_give_it_back_exactly() -> None:
    """A value equal to its field's default but of another type (false for 0) would come
    back as the default: such a model is kept whole."""
    odd = _Odd.model_construct(count=False)
    assert json.loads(definition_cache._body(odd)) == {"count": False}
    assert json.loads(definition_cache._body(_Odd.model_construct(count=0))) == {}
