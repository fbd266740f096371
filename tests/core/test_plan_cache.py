"""A plan whose exact bytes passed validation before is opened without pydantic's
validation (#12.2); anything else (edited, tampered, another app version) is validated in
full, with the same one-line errors. Only hashes are kept: never plan data."""

from __future__ import annotations

import os
import shutil
import tomllib
from pathlib import Path

import pytest

from checklist_tui.core import definition_cache, edit, history, locations, plan_cache, store
from checklist_tui.core.errors import PlanError
from checklist_tui.core.plan import Plan
from checklist_tui.core.plan_text import to_toml
from checklist_tui.core.session import PlanSession
from checklist_tui.core.strict import Strict
from checklist_tui.core.strict_decode import Damaged, decode
from tests.conftest import EXAMPLES, NOW


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    target = tmp_path / "plans" / "family-t-like-twins.toml"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLES / "family-t-like-twins.toml", target)
    return target


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per plan pydantic is asked to validate."""
    seen: list[int] = []
    original = Plan.model_validate

    def counting(data: object, *args: object, **kwargs: object) -> Plan:
        seen.append(1)
        return original(data, *args, **kwargs)

    monkeypatch.setattr(Plan, "model_validate", counting)
    return seen


def entries() -> list[Path]:
    folder = locations.plan_cache_dir()
    return sorted(folder.iterdir()) if folder.is_dir() else []


def _same(a: object, b: object, where: str = "plan") -> None:
    """Equal, and of exactly the same types all the way down (time zones included)."""
    assert type(a) is type(b), where
    if isinstance(a, Strict):
        assert list(a.__dict__) == list(b.__dict__), where
        for key in a.__dict__:
            _same(a.__dict__[key], b.__dict__[key], f"{where}.{key}")
    elif isinstance(a, dict):
        assert list(a) == list(b), where  # type: ignore[arg-type]
        for key in a:
            _same(a[key], b[key], f"{where}[{key}]")  # type: ignore[index]
    elif isinstance(a, list):
        assert len(a) == len(b), where  # type: ignore[arg-type]
        for n, (x, y) in enumerate(zip(a, b, strict=True)):  # type: ignore[call-overload]
            _same(x, y, f"{where}[{n}]")
    else:
        assert a == b, where
        assert type(getattr(a, "tzinfo", None)) is type(getattr(b, "tzinfo", None)), where


def test_a_plan_is_validated_once_then_opened_without_validation(
        plan_file: Path, validations: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[int] = []
    verify = history.verify
    monkeypatch.setattr(history, "verify", lambda *a: checked.append(1) or verify(*a))
    first = store.load(plan_file, remember=True)
    assert validations == [1] and checked == [1]
    assert len(entries()) == 1
    again = store.load(plan_file, remember=True)
    assert validations == [1]  # the hit: no pydantic validation,
    assert checked == [1]  # nor pydantic's dump of every record to check the hashes
    _same(again.plan, first.plan)
    assert again.chain.hashes == first.chain.hashes
    assert again.found_outside == first.found_outside == ""
    assert to_toml(again.plan) == to_toml(first.plan)


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_built_plans_are_exactly_what_validation_builds(example: str) -> None:
    raw = tomllib.loads((EXAMPLES / example).read_text(encoding="utf-8"))
    history.take_hashes(raw)
    again = tomllib.loads((EXAMPLES / example).read_text(encoding="utf-8"))
    history.take_hashes(again)
    _same(decode(Plan, again, native=True), Plan.model_validate(raw))


def test_reading_without_remember_keeps_nothing(plan_file: Path,
                                                validations: list[int]) -> None:
    """Listing or indexing many plans never fills the cache, and always validates."""
    store.load(plan_file)
    store.load(plan_file)
    assert validations == [1, 1]
    assert entries() == []


def test_only_a_hash_is_kept_never_plan_data(plan_file: Path) -> None:
    store.load(plan_file, remember=True)
    [entry] = entries()
    assert entry.stat().st_size == 0
    assert b"DEMO-0002-TWINS" not in entry.name.encode()
    assert len(entry.name) == 64 and int(entry.name, 16) >= 0
    if os.name != "nt":
        assert entry.stat().st_mode & 0o077 == 0


def test_an_edited_plan_is_validated_again(plan_file: Path, validations: list[int]) -> None:
    store.load(plan_file, remember=True)
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace('note = ""', 'note = "Added by hand"', 1),
                         encoding="utf-8")
    validations.clear()
    loaded = store.load(plan_file, remember=True)
    assert validations == [1]
    assert loaded.found_outside  # and the seal says it was edited outside the app
    again = store.load(plan_file, remember=True)  # never noted: checked on every open
    assert validations == [1, 1]
    assert again.found_outside == loaded.found_outside


def test_a_tampered_plan_gives_the_same_one_line_error(plan_file: Path) -> None:
    """A plan that validated, then changed to something validation refuses: the same
    error as without any cache (its entry is for other bytes)."""
    store.load(plan_file, remember=True)
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace("babies_expected = 2", "babies_expected = 99"),
                         encoding="utf-8")
    with pytest.raises(PlanError) as cached:
        store.load(plan_file, remember=True)
    shutil.rmtree(locations.plan_cache_dir())
    with pytest.raises(PlanError) as plain:
        store.load(plan_file)
    assert str(cached.value) == str(plain.value)
    assert "babies_expected" in str(cached.value)


def test_another_app_version_validates_again(plan_file: Path, validations: list[int],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    store.load(plan_file, remember=True)
    validations.clear()
    definition_cache.code_stamp.cache_clear()
    monkeypatch.setattr(definition_cache, "__version__", "99.0.0")
    try:
        store.load(plan_file, remember=True)
    finally:
        definition_cache.code_stamp.cache_clear()
    assert validations == [1]


def test_another_plan_format_validates_again(plan_file: Path, validations: list[int],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    store.load(plan_file, remember=True)
    validations.clear()
    monkeypatch.setattr(plan_cache, "FORMAT_VERSION", plan_cache.FORMAT_VERSION + 1)
    store.load(plan_file, remember=True)
    assert validations == [1]


def test_an_entry_planted_for_bad_bytes_still_refuses_wrong_types(
        plan_file: Path) -> None:
    """Even with its hash noted, a plan whose values are not exactly of their fields'
    types is validated in full (and refused with the usual line)."""
    text = plan_file.read_text(encoding="utf-8").replace("babies_expected = 2",
                                                         'babies_expected = "two"')
    plan_file.write_text(text, encoding="utf-8")
    plan_cache.remember(plan_file.read_bytes())
    with pytest.raises(PlanError, match="babies_expected"):
        store.load(plan_file, remember=True)


def test_entries_others_can_write_are_ignored(plan_file: Path,
                                              validations: list[int]) -> None:
    if os.name == "nt":
        pytest.skip("POSIX permissions")
    store.load(plan_file, remember=True)
    [entry] = entries()
    entry.chmod(0o622)
    validations.clear()
    store.load(plan_file, remember=True)
    assert validations == [1]
    entry.chmod(0o600)
    locations.plan_cache_dir().chmod(0o777)
    validations.clear()
    store.load(plan_file, remember=True)
    assert validations == [1]


def test_a_session_notes_the_plan_it_saved_so_the_next_open_needs_no_validation(
        plan_file: Path, validations: list[int], catalogue) -> None:
    session = PlanSession.open(plan_file, catalogue.get, remember=True)
    assert session.edit(edit.set_note, "PBA-S01", "Seen at the home visit")
    assert session.close()
    validations.clear()
    again = PlanSession.open(plan_file, catalogue.get, remember=True)
    assert validations == []
    assert again.plan.answers["PBA-S01"].note == "Seen at the home visit"
    assert again.plan.updated >= NOW
    again.close()


def test_a_session_without_remember_keeps_nothing(plan_file: Path, catalogue) -> None:
    session = PlanSession.open(plan_file, catalogue.get)
    assert session.edit(edit.set_note, "PBA-S01", "Seen at the home visit")
    assert session.close()
    assert entries() == []


def test_decoding_is_strict() -> None:
    raw = tomllib.loads((EXAMPLES / "early-pre-birth.toml").read_text(encoding="utf-8"))
    history.take_hashes(raw)
    for change in ({"babies_expected": True}, {"edd": "2027-01-27"}, {"state": 3},
                   {"state": "lost"}, {"unknown_field": 1}):
        with pytest.raises(Damaged):
            decode(Plan, {**raw, **change}, native=True)
    without = {k: v for k, v in raw.items() if k != "case_ref"}
    with pytest.raises(Damaged):
        decode(Plan, without, native=True)
