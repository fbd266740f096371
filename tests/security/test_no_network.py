"""No command opens a network connection: only Unix sockets (the event loop's own pair).

Two ways: in this process, with the socket functions patched to record every
non-Unix use; and, where ``strace`` is available, real processes traced for
``socket``/``connect``/``sendto``/``sendmsg``/``bind`` system calls.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.security import killing
from tests.security.cli import export_args, export_formats, run

UNIX = {getattr(socket, "AF_UNIX", None)}


class NetworkUse(AssertionError):
    pass


@pytest.fixture
def guarded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record (and refuse) every non-Unix socket operation made in this process."""
    used: list[str] = []

    def refuse(what: str):
        used.append(what)
        raise NetworkUse(f"network use: {what}")

    real_socket = socket.socket

    class Guarded(real_socket):  # type: ignore[misc, valid-type]
        def __init__(self, family=-1, *args, **kwargs):
            super().__init__(family, *args, **kwargs)
            if self.family not in UNIX:
                refuse(f"socket({self.family!r})")

        def connect(self, address):
            if self.family not in UNIX:
                refuse(f"connect {address!r}")
            return super().connect(address)

        def connect_ex(self, address):
            if self.family not in UNIX:
                refuse(f"connect_ex {address!r}")
            return super().connect_ex(address)

        def sendto(self, *args):
            if self.family not in UNIX:
                refuse(f"sendto {args[-1]!r}")
            return super().sendto(*args)

    monkeypatch.setattr(socket, "socket", Guarded)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
                 "gethostbyaddr", "create_server"):
        monkeypatch.setattr(socket, name,
                            lambda *a, _n=name, **k: refuse(f"{_n}{a!r}"))
    return used


def test_the_guard_sees_a_connection(guarded: list[str]) -> None:
    with pytest.raises(NetworkUse):
        socket.create_connection(("192.0.2.1", 80), timeout=0.01)
    with pytest.raises(NetworkUse):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    assert len(guarded) == 2
    a, b = socket.socketpair()  # the event loop's own pair stays allowed
    a.close()
    b.close()


def _plan(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir(exist_ok=True)
    target = plans / "family-t-like-twins.toml"
    shutil.copy(EXAMPLES / "family-t-like-twins.toml", target)
    return target


def test_no_command_uses_the_network(guarded: list[str], tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    commands = [
        ["list"], ["validate"], ["coverage"], ["coverage", "--format", "json"],
        ["new", "discharge-planning-meeting", "--case-ref", "NET-1", "--edd", "20/05/2027",
         "--no-open"],
        ["show", str(plan)],
        *(["export", str(plan), "--format", fmt, "-o", str(tmp_path / f"out-{fmt}")]
          for fmt in export_formats()),
        ["export", str(plan), "--redact", "-o", "-"],
    ]
    for argv in commands:
        result = run(*argv)
        assert not result.crashed, (argv, result.err)
        assert result.code == 0, (argv, result.err)
    assert guarded == []


async def test_the_app_uses_no_network(guarded: list[str], tmp_path: Path) -> None:
    from checklist_tui.tui.app import ChecklistApp
    from tests.tui.helpers import plan_ready, wait_for

    plan = _plan(tmp_path)
    app = ChecklistApp(plan.parent, plan_path=plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app), timeout=60)
        await pilot.press("y")
        await pilot.press("o")  # the outstanding screen
        await pilot.press("escape")
        await pilot.press("escape")  # home: lists the folder
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen", timeout=60)
    assert guarded == []


# -- real processes under strace -------------------------------------------------------

STRACE = shutil.which("strace")
SYSCALL = re.compile(r"^\d+\s+(socket|connect|sendto|sendmsg|bind)\((.*)$", re.MULTILINE)
FAMILY = re.compile(r"(?:sa_family=|^)(AF_[A-Z0-9]+)")


def _network_calls(trace: str) -> list[str]:
    """Every traced socket call whose address family is not AF_UNIX/AF_LOCAL."""
    bad = []
    for match in SYSCALL.finditer(trace):
        call, args = match.groups()
        family = FAMILY.search(args)
        if family is None:
            if call in ("socket", "connect", "bind") or "sa_family" in args:
                bad.append(f"{call}({args[:120]}")
            continue  # sendto/sendmsg on a connected socket: its socket() was checked
        if family.group(1) not in ("AF_UNIX", "AF_LOCAL"):
            bad.append(f"{call}({args[:120]}")
    return bad


def _strace_works() -> bool:
    if STRACE is None or sys.platform != "linux":
        return False
    probe = subprocess.run([STRACE, "-f", "-qq", "-e", "trace=none", "true"],
                           capture_output=True, timeout=60, check=False)
    return probe.returncode == 0


needs_strace = pytest.mark.skipif(not _strace_works(), reason="strace is not available here")


def test_the_trace_parser_sees_a_connection() -> None:
    trace = ('12 socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3\n'
             '12 connect(3, {sa_family=AF_INET, sin_port=htons(80)}, 16) = -1\n'
             '12 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 4\n')
    assert len(_network_calls(trace)) == 2


def _traced(argv: list[str], tmp_path: Path, log: str) -> list[str]:
    out = tmp_path / log
    return [STRACE or "strace", "-f", "-qq", "-o", str(out),
            "-e", "trace=socket,connect,sendto,sendmsg,bind", *argv]


@needs_strace
def test_real_processes_use_no_network(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    env = killing.environment(tmp_path)
    runs = [["list"], ["validate"], ["show", str(plan)],
            ["new", "injury-non-mobile-baby", "--case-ref", "NET-2", "--no-open"],
            *(export_args(plan, fmt) for fmt in export_formats())]
    for n, args in enumerate(runs):
        argv = _traced(killing.command(*args), tmp_path, f"trace-{n}.txt")
        done = subprocess.run(argv, env=env, cwd=killing.ROOT, capture_output=True,
                              timeout=killing.DEADLINE, check=False)
        assert done.returncode == 0, (args, done.stderr[-400:])
        assert _network_calls((tmp_path / f"trace-{n}.txt").read_text()) == [], args


@needs_strace
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_the_real_app_uses_no_network(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    argv = _traced(killing.command("open", str(plan)), tmp_path, "trace-tui.txt")
    tty = killing.Tty(argv, killing.environment(tmp_path), killing.ROOT)
    try:
        assert tty.wait_for(killing.READY), tty.text()[-400:]
        mark = len(tty.output)
        tty.send(b"o")  # outstanding
        assert tty.wait_for("Outstanding", since=mark)
        tty.send(b"\x1b")
        tty.send(b"\x11")  # Ctrl+Q
        deadline = killing.DEADLINE
        import time

        end = time.monotonic() + deadline
        while tty.poll() is None and time.monotonic() < end:
            tty.pump(0.1)
    finally:
        tty.kill()
    assert _network_calls((tmp_path / "trace-tui.txt").read_text()) == []
