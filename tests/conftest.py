"""Shared fixtures: every test runs with its own folders and a fixed clock."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Generator
from datetime import UTC, date, datetime
from pathlib import Path
from types import ModuleType

import pytest

from checklist_tui.core import clock, locations
from checklist_tui.core.catalogue import load_catalogue, load_checklist, load_sources
from tests import watchdog

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = ROOT / "examples"
FIXED_NOW = "2026-11-25T10:00:00+00:00"
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
TODAY = date(2026, 11, 25)


def load_script(path: Path, name: str) -> ModuleType:
    """A script of this repository (in tools/, docs/ or examples/), loaded as a module
    named ``name`` so that a test can call its functions."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


def pytest_configure(config: pytest.Config) -> None:
    """A run that hangs fails loudly, saying where it was (tests/watchdog.py)."""
    watchdog.start()


@pytest.hookimpl(tryfirst=True)
def pytest_timeout_set_timer(item: pytest.Item, settings) -> bool | None:
    """pytest-timeout's thread method, also printing what each asyncio task awaits."""
    if settings.method != "thread" or not settings.timeout or settings.timeout <= 0:
        return None  # pytest-timeout's own way
    return watchdog.start_test_timer(item, settings)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None
                            ) -> Generator[None, object, object]:
    with watchdog.naming_the_main_thread(item.nodeid):
        return (yield)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches a real home folder, and time stands still."""
    monkeypatch.setenv(locations.ENV_PLANS_DIR, str(tmp_path / "plans"))
    monkeypatch.setenv(locations.ENV_CONFIG_DIR, str(tmp_path / "config"))
    monkeypatch.setenv(locations.ENV_LOG_DIR, str(tmp_path / "logs"))
    monkeypatch.setenv(locations.ENV_CACHE_DIR, str(tmp_path / "cache"))
    monkeypatch.setattr(clock, "_fixed", NOW)  # the fixed clock is a test fixture only
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


@pytest.fixture(scope="session")
def catalogue():
    cat = load_catalogue(include_user=False)
    assert not cat.problems, cat.problems
    return cat


@pytest.fixture(scope="session")
def mini():
    sources, problems = load_sources(locations.builtin_checklists_dir() / "sources.toml")
    assert not problems
    loaded, problems = load_checklist(DATA / "good" / "mini.toml", {s.id: s for s in sources})
    assert loaded is not None, problems
    return loaded
