"""Fixtures for the Pilot tests."""

from __future__ import annotations

import pytest

from tests.tui.helpers import copy_examples


@pytest.fixture
def plans(tmp_path):
    return copy_examples(tmp_path / "plans")


@pytest.fixture(autouse=True)
def dialogs_take_keys_at_once(monkeypatch):
    """Pilot presses keys the moment a dialog is up, faster than anyone reads it: the
    dialogs' reading time (message.MessageScreen.READ_FIRST) is set to nothing here, and
    only tests/tui/test_escape_burst.py puts it back."""
    from checklist_tui.tui.screens.message import MessageScreen

    monkeypatch.setattr(MessageScreen, "READ_FIRST", 0.0)
