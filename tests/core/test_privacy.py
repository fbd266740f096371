"""#8.10 and #8.11 (clock): private folders and logs, and a clock nobody can wind back."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime, timedelta

import pytest

from checklist_tui.core import clock, locations, recovery

posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_folders_are_created_owner_only_even_with_umask_000(tmp_path) -> None:
    old = os.umask(0)
    try:
        locations.ensure_private_dir(tmp_path / "a" / "b" / "plans")
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "plans"):
        assert mode(folder) == 0o700, folder


@posix_only
def test_existing_open_plans_folder_is_tightened(tmp_path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    folder.chmod(0o755)
    recovery.recover(folder)  # what Home does when it reads the folder
    assert mode(folder) == 0o700


@posix_only
def test_folder_that_cannot_be_tightened_is_named_in_a_warning(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o755)

    def refuse(*_args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(locations.os, "chmod", refuse)
    messages = recovery.recover(folder)
    assert any(str(folder) in m and "other users" in m for m in messages)


@posix_only
def test_crash_log_is_private_and_quotes_no_values(isolated) -> None:
    from checklist_tui.tui.app import write_crash_log

    old = os.umask(0)
    try:
        try:
            raise ValueError("case DEMO-SECRET-7 mother Jane Example")
        except ValueError as exc:
            path = write_crash_log(exc)
    finally:
        os.umask(old)
    assert path is not None and mode(path) == 0o600 and mode(path.parent) == 0o700
    text = path.read_text()
    assert "ValueError" in text and "test_privacy.py" in text
    assert "SECRET" not in text and "Jane" not in text


def test_production_clock_ignores_the_environment(monkeypatch) -> None:
    monkeypatch.setattr(clock, "_fixed", None)
    monkeypatch.setenv("CHECKLIST_TUI_NOW", "2001-01-01T00:00:00+00:00")
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(minutes=5)


def test_fixed_clock_is_a_test_fixture() -> None:
    assert clock.now() == datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
