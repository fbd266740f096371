"""Fixtures for the Pilot tests."""

from __future__ import annotations

import pytest

from tests.tui.helpers import copy_examples


@pytest.fixture
def plans(tmp_path):
    return copy_examples(tmp_path / "plans")
