"""Fixtures for the core tests."""

from __future__ import annotations

import pytest

from checklist_tui.core import locations
from checklist_tui.core.catalogue import load_checklist, load_sources
from tests.conftest import DATA


@pytest.fixture(scope="module")
def lc():
    """The small checklist that exercises plan integrity (#10): not yet, concerns, details,
    cross-checks, a pause point."""
    sources, problems = load_sources(locations.builtin_checklists_dir() / "sources.toml")
    assert not problems
    loaded, problems = load_checklist(DATA / "good" / "integrity.toml", {s.id: s for s in sources})
    assert loaded is not None, problems
    return loaded
