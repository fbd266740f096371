"""Startup: launch `checklist-tui open PLAN` in a pseudo-terminal until the plan is painted.

    python benchmarks/bench_startup.py [--runs 9]

Measured in the same run against a bare Textual app (header, one line, footer),
alternating the two so machine noise hits both alike; reports medians and the
ratio. "Painted" means the first item of the plan is on the screen (its id appears
in the terminal output), not just an empty frame. Goal: at most 1.3x the bare app.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def time_until(argv: list[str], marker: bytes, env: dict[str, str], timeout: float = 20.0
               ) -> float:
    """Seconds from spawning ``argv`` in an 80x24 pty until ``marker`` is written."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    try:
        while True:
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{marker!r} never appeared")
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    raise RuntimeError("the program exited early:\n" + seen.decode(
                        errors="replace")[-500:]) from None
                seen += chunk
                if marker in seen:
                    return time.perf_counter() - start
    finally:
        os.kill(pid, signal.SIGTERM)
        deadline = time.time() + 5
        while time.time() < deadline:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            try:
                os.read(fd, 65536)
            except OSError:
                break
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    plans = work / "plans"
    plans.mkdir()
    shutil.copy(ROOT / "examples" / "family-t-like-twins.toml", plans)
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24",
               CHECKLIST_TUI_PLANS_DIR=str(plans), CHECKLIST_TUI_CONFIG_DIR=str(work / "cfg"),
               CHECKLIST_TUI_LOG_DIR=str(work / "logs"), PYTHONDONTWRITEBYTECODE="1")
    exe = shutil.which("checklist-tui") or str(Path(sys.executable).parent / "checklist-tui")
    ours_cmd = [exe, "open", "family-t-like-twins.toml"]
    bare_cmd = [sys.executable, str(ROOT / "benchmarks" / "bare_app.py")]
    # warm the file cache and bytecode once for both
    time_until(bare_cmd, b"Bare app ready", env)
    time_until(ours_cmd, b"(PBA-S01)", env)
    bare, ours, frame = [], [], []
    for _ in range(args.runs):
        bare.append(time_until(bare_cmd, b"Bare app ready", env))
        ours.append(time_until(ours_cmd, b"(PBA-S01)", env))
        frame.append(time_until(ours_cmd, b"Opening plan", env))
    b, o, f = statistics.median(bare), statistics.median(ours), statistics.median(frame)
    print(f"bare Textual app painted:             median {b * 1000:6.0f} ms "
          f"over {args.runs} runs")
    print(f"checklist-tui plan screen first frame: median {f * 1000:6.0f} ms  ({f / b:.2f}x)")
    print(f"checklist-tui plan with its items:     median {o * 1000:6.0f} ms  ({o / b:.2f}x)")
    print("goal: at most 1.3x the bare app")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
