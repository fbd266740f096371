"""What a plan open elsewhere says about who holds it (look-b 15): the computer account
the lock names, said as an account; when the lock names none, that it does not say who.
Never a name the lock does not hold."""

from __future__ import annotations

import json
import os
import socket

import pytest

from checklist_tui.core import locking
from checklist_tui.core.errors import PlanLockedError


def _held_by(tmp_path, user: str | None):
    plan = tmp_path / "p.toml"
    plan.write_text("x")
    data = {"pid": os.getpid(), "host": socket.gethostname(), "since": "2026-11-27T01:54:00"}
    if user is not None:
        data["user"] = user
    locking.lock_path(plan).write_text(json.dumps(data))
    with pytest.raises(PlanLockedError) as refused:
        locking.PlanLock(plan).acquire()
    return str(refused.value)


def test_the_account_the_lock_holds_is_named_as_an_account(tmp_path) -> None:
    said = _held_by(tmp_path, "dmidwife")
    assert said == (f"p.toml is open for editing by the computer account 'dmidwife' on "
                    f"{socket.gethostname()} since 27/11/2026 01:54; it opens read-only here")


@pytest.mark.parametrize("user", [None, "", "   "])
def test_a_lock_without_a_name_says_it_does_not_say_who(tmp_path, user) -> None:
    said = _held_by(tmp_path, user)
    assert said == (f"p.toml is open for editing by someone on {socket.gethostname()} since "
                    "27/11/2026 01:54 (the lock does not say who); it opens read-only here")


def test_the_lock_holds_the_account_even_without_user_in_the_environment(
        tmp_path, monkeypatch) -> None:
    pwd = pytest.importorskip("pwd")
    for name in ("USERNAME", "LOGNAME", "USER"):
        monkeypatch.delenv(name, raising=False)
    with locking.PlanLock(tmp_path / "p.toml") as lock:
        info = locking.read_lock(lock.path)
    assert info is not None and info.user == pwd.getpwuid(os.getuid()).pw_name
