"""Opening a plan hashes each file's bytes once (#12.2): the plan's SHA-256 both finds
its ``plan_cache`` entry and is the fingerprint a save compares; the checklist's both
names its ``definition_cache`` entry and is the content hash the plan records. The
cache and the hashes mean what they meant: the same entries, the same content hash."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest

from checklist_tui.core import catalogue, locations, plan_cache, store
from checklist_tui.core.catalogue import content_hash, load_catalogue
from tests.conftest import EXAMPLES


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every piece of data SHA-256 is asked to hash (the data given at the start)."""
    seen: list[bytes] = []
    original = hashlib.sha256

    def counting(data: bytes = b"", **kwargs: Any) -> Any:
        seen.append(bytes(data))
        return original(data, **kwargs)

    monkeypatch.setattr(hashlib, "sha256", counting)
    return seen


def test_a_known_plan_is_hashed_once_and_its_fingerprint_is_its_sha256(
        tmp_path: Path, hashed: list[bytes]) -> None:
    path = tmp_path / "plan.toml"
    shutil.copy(EXAMPLES / "family-t-like-twins.toml", path)
    data = path.read_bytes()
    first = store.load(path, remember=True)  # validated in full, and noted
    assert plan_cache.known(data)
    hashed.clear()
    again = store.load(path, remember=True)
    assert hashed.count(data) == 1
    assert again.fingerprint == first.fingerprint == hashlib.sha256(data).hexdigest()
    hashed.clear()
    store.load(path, remember=False)  # (and reading a plan without the cache)
    assert hashed.count(data) == 1


def test_a_changed_plan_is_still_not_known(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    shutil.copy(EXAMPLES / "family-t-like-twins.toml", path)
    store.load(path, remember=True)
    changed = path.read_bytes() + b"\n"
    assert plan_cache.known(path.read_bytes())
    assert not plan_cache.known(changed)
    assert not plan_cache.known(changed, store.fingerprint(changed)[::-1])


def test_a_cached_checklist_is_hashed_once_with_the_same_content_hash(
        hashed: list[bytes]) -> None:
    path = locations.builtin_checklists_dir() / "pre-birth-assessment.toml"
    data = path.read_bytes()
    load_catalogue(include_user=False)  # validated, and kept in the cache
    hashed.clear()
    loaded = load_catalogue(include_user=False, only={"pre-birth-assessment"}).get(
        "pre-birth-assessment")
    assert loaded is not None
    assert hashed.count(data) == 1
    assert loaded.content_hash == hashlib.sha256(data).hexdigest()[:16]


@pytest.mark.parametrize("data", [b"id = 'a'\r\ntitle = 'b'\r\n", b"id = 'a'\ntitle = 'b'\n",
                                  b"id = 'a'\r\ntitle = 'b'\n", b"id = 'a'\rtitle = 'b'\n"])
def test_the_content_hash_ignores_line_endings_whether_or_not_the_digest_is_given(
        data: bytes) -> None:
    digest = hashlib.sha256(data).hexdigest()
    unix = hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()[:16]
    assert content_hash(data) == content_hash(data, digest) == unix
    assert catalogue.content_hash(data.replace(b"\r\n", b"\n")) == unix
