"""SIGKILL harness: real checklist-tui processes killed at random moments, then checked.

Used by the short run in the test suite (``test_kill.py``) and by the long run
(``benchmarks/campaign/kill_campaign.py``). After every kill the plans folder must
hold only whole plans: each plan file parses, is exactly what the app would write
for the plan it holds (a torn or truncated file is not), and its history extends
the history it had before the process started (old or new version, never a mix).
The ``.bak`` must be a whole plan whose history is a prefix of the plan's, and a
lock left by the killed process must not stop the plan opening for editing.

Waits are for conditions (text on the screen, a process gone) with generous
deadlines; the only timed waits are the random kill moments themselves.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from checklist_tui.core import locking, store
from checklist_tui.core.errors import PlanError
from checklist_tui.core.locking import PlanLock, lock_path

ROOT = Path(__file__).resolve().parents[2]
CHECKLIST = "kill-test"  # tests/security/data/kill-test.toml, a user checklist here
CHECKLIST_FILE = Path(__file__).resolve().parent / "data" / "kill-test.toml"
DEADLINE = 60.0  # seconds; only reached when something is badly wrong

_CSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]"  # CSI
                  rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC
                  rb"|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def environment(folder: Path) -> dict[str, str]:
    """The environment for a child process: its own folders, the repository importable."""
    env = dict(os.environ)
    env.update({
        "CHECKLIST_TUI_PLANS_DIR": str(folder / "plans"),
        "CHECKLIST_TUI_CONFIG_DIR": str(folder / "config"),
        "CHECKLIST_TUI_LOG_DIR": str(folder / "logs"),
        "PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
        "TERM": "xterm-256color",
        "COLUMNS": "80",
        "LINES": "24",
    })
    user_checklists = folder / "config" / "checklists"
    if not (user_checklists / CHECKLIST_FILE.name).exists():
        user_checklists.mkdir(parents=True, exist_ok=True)
        shutil.copy(CHECKLIST_FILE, user_checklists / CHECKLIST_FILE.name)
    env.pop("CHECKLIST_TUI_DEBUG", None)
    env.pop("NO_COLOR", None)
    return env


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "checklist_tui", *args]


# -- checking the folder after a kill -------------------------------------------------------


def _history(plan) -> list[tuple]:
    return [(h.what, h.target, h.old, h.new) for h in plan.history]


def whole_plan(path: Path) -> tuple[object | None, str]:
    """(plan, "") when ``path`` is a whole plan the app wrote; (None, why) when not."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, f"{path.name}: unreadable after a kill ({exc.strerror})"
    try:
        loaded = store.load_bytes(data, path)
    except PlanError as exc:
        return None, f"{path.name}: torn or damaged after a kill: {exc}"
    if loaded.found_outside:  # the history's seal does not match: not as the app wrote it
        return None, f"{path.name}: torn (its seal does not match): {loaded.edited_outside}"
    if store.to_toml(loaded.plan).encode("utf-8") != data:
        return None, f"{path.name}: loads but is not what the app writes (torn at a line end?)"
    return loaded.plan, ""


def snapshot(plans: Path) -> dict[str, list[tuple]]:
    """The history of every plan in the folder, to compare with after the next kill."""
    found = {}
    for path in plans.glob("*.toml"):
        if not path.name.startswith("."):
            plan, _why = whole_plan(path)
            if plan is not None:
                found[path.name] = _history(plan)
    return found


def check_folder(plans: Path, before: dict[str, list[tuple]]) -> list[str]:
    """Everything wrong with the folder after a kill (empty when all is well)."""
    problems: list[str] = []
    if not plans.is_dir():
        return problems
    for path in sorted(plans.glob("*.toml")):
        if path.name.startswith("."):
            continue
        plan, why = whole_plan(path)
        if plan is None:
            problems.append(why)
            continue
        history = _history(plan)
        old = before.get(path.name)
        if old is not None and history[: len(old)] != old:
            problems.append(f"{path.name}: neither the old nor a newer version (history "
                            f"rewritten: {len(old)} entries before, {len(history)} now)")
        backup = path.with_name(path.name + store.BACKUP_SUFFIX)
        if backup.exists():
            bak, why = whole_plan(backup)
            if bak is None:
                problems.append(why)
            elif _history(bak) != history[: len(bak.history)]:
                problems.append(f"{backup.name}: not an earlier version of {path.name}")
        if lock_path(path).exists():
            lock = PlanLock(path)
            try:
                lock.acquire()
            except PlanError as exc:
                problems.append(f"{path.name}: the killed process's lock blocks reopening: {exc}")
            finally:
                lock.release()
    return problems


def recover_and_check(plans: Path, before: dict[str, list[tuple]]) -> list[str]:
    """What opening the folder again does (recover leftovers), then the same checks."""
    from checklist_tui.core import recovery

    with contextlib.suppress(FileNotFoundError):
        recovery.recover(plans)
    problems = check_folder(plans, before)
    left = [p.name for p in plans.glob(f".*{locking.TEMP_MARK}*")] if plans.is_dir() else []
    if left:
        problems.append(f"temporary files left after recovery: {left}")
    return problems


# -- a process under a pseudo-terminal ------------------------------------------------------


def strip_terminal(data: bytes) -> str:
    return _CSI.sub(b"", data).decode("utf-8", "replace")


class Tty:
    """A child process on a pseudo-terminal of 80x24, read without blocking."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path):
        import fcntl
        import pty
        import struct
        import termios

        pid, fd = pty.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                os.chdir(cwd)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.output = b""
        self.exit_status: int | None = None

    def pump(self, seconds: float = 0.05) -> None:
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            ready, _w, _x = select.select([self.fd], [], [], max(0.0, left))
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    return
                self.output += chunk
            if time.monotonic() >= end:
                return

    def text(self) -> str:
        return strip_terminal(self.output)

    def screen(self) -> str:
        """The screen as a person would see it (pyte, when installed), else the stream's end."""
        try:
            import pyte  # optional: only for reporting a problem
        except ImportError:
            return " ".join(self.text()[-600:].split())
        term = pyte.Screen(80, 24)
        pyte.ByteStream(term).feed(self.output)
        return "\n".join(line.rstrip() for line in term.display)

    def wait_for(self, needle: str, since: int = 0, timeout: float = DEADLINE) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in strip_terminal(self.output[since:]):
                return True
            if self.poll() is not None:
                self.pump(0.05)
                return needle in strip_terminal(self.output[since:])
            self.pump(0.1)
        return False

    def send(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def poll(self) -> int | None:
        if self.exit_status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.exit_status = status
        return self.exit_status

    def kill(self) -> None:
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            _pid, self.exit_status = os.waitpid(self.pid, 0)
        with contextlib.suppress(OSError):
            os.close(self.fd)


# -- the kinds of kill -------------------------------------------------------------------


@dataclass
class Tally:
    kills: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    finished_before_kill: int = 0
    problems: list[str] = field(default_factory=list)
    torn: int = 0
    unseen_saves: int = 0
    """Saves that reached the file although "Saved" was never read from the screen."""

    def add(self, kind: str, problems: list[str], killed: bool) -> None:
        if killed:
            self.kills += 1
            self.by_kind[kind] = self.by_kind.get(kind, 0) + 1
        else:
            self.finished_before_kill += 1
        self.problems.extend(f"{kind}: {p}" for p in problems)
        self.torn += sum("torn" in p or "not what the app writes" in p for p in problems)


def _kill_after(proc: subprocess.Popen, delay: float) -> bool:
    """SIGKILL ``proc`` after ``delay`` seconds; True when it was still running."""
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=DEADLINE)
        return True


def time_command(argv: list[str], env: dict[str, str]) -> float:
    start = time.monotonic()
    subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, timeout=DEADLINE, check=False)
    return time.monotonic() - start


def kill_command(folder: Path, argv: list[str], rng: random.Random, typical: float,
                 kind: str, tally: Tally, plans: Path) -> bool:
    """Run a short command and kill it at a random moment of its usual run time."""
    before = snapshot(plans)
    env = environment(folder)
    # Most of a short command's life is start-up; bias the moment towards its end,
    # where the writing happens, but keep some kills anywhere.
    if rng.random() < 0.7:
        delay = typical * rng.uniform(0.6, 1.1)
    else:
        delay = typical * rng.uniform(0.0, 1.0)
    proc = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    killed = _kill_after(proc, delay)
    tally.add(kind, recover_and_check(plans, before), killed)
    return killed


def new_argv(n: int, plans: Path | None = None) -> list[str]:
    where = ["--plans-dir", str(plans)] if plans else []
    return command("new", CHECKLIST, "--case-ref", f"KILL-{n}", "--edd", "2027-05-20",
                   "--no-open", *where)


def kill_new(folder: Path, n: int, rng: random.Random, typical: float, tally: Tally) -> bool:
    """Kill ``new`` while it creates a plan in a folder of its own (emptied after checking)."""
    plans = folder / "new-plans"
    killed = kill_command(folder, new_argv(n, plans), rng, typical, "new", tally, plans)
    if plans.is_dir() and not tally.problems:
        for path in plans.iterdir():
            path.unlink()
    return killed


def make_plan(folder: Path) -> Path:
    """A plan to edit, made by the real command."""
    out = subprocess.run(new_argv(0), env=environment(folder), cwd=ROOT,
                         capture_output=True, text=True, timeout=DEADLINE, check=True)
    return Path(out.stdout.strip().splitlines()[-1])


READY = "answered"  # the plan header: "n/40 answered"
FIRST_ITEM = "q1"  # selected when the plan opens; a yes/no question
KEYS = {b"y": "yes", b"n": "no"}  # a yes/no item takes no "unknown"


def _current_answer(plan: Path) -> str:
    """The first item's answer in the file. (Not the last history entry about the item:
    the ``answer`` kills also write its note, and a note is not the answer.)"""
    answer = store.load(plan).plan.answers.get(FIRST_ITEM)
    return str(answer.value) if answer is not None and answer.value is not None else ""


def _another_key(rng: random.Random, current: str) -> tuple[bytes, str]:
    """A key that changes the first answer, so that there is always something to save."""
    key = rng.choice([k for k, v in KEYS.items() if v != current])
    return key, KEYS[key]


def kill_tui(folder: Path, plan: Path, rng: random.Random, tally: Tally,
             saved_first: int = 1) -> None:
    """Open the plan in the TUI on a pty, answer, and kill it around an autosave."""
    plans = folder / "plans"
    before = snapshot(plans)
    tty = Tty(command("open", str(plan)), environment(folder), ROOT)
    killed = True
    try:
        if not tty.wait_for(READY):
            tally.problems.append("tui: the plan screen never appeared; the screen:\n"
                                  + tty.screen())
            return
        if "READ-ONLY" in tty.text():
            tally.problems.append("tui: opened read-only after the previous kill")
        # Some changes that are allowed to finish saving, then one that is killed.
        current = _current_answer(plan)
        for _ in range(rng.randint(0, saved_first)):
            mark = len(tty.output)
            key, current = _another_key(rng, current)
            tty.send(key)
            # A key pressed while the screen is still settling can be lost: if the
            # header never says "Saving", press it again (once).
            if not tty.wait_for("Saving", since=mark, timeout=DEADLINE / 3):
                tty.send(key)
            if not tty.wait_for("Saved", since=mark, timeout=DEADLINE):
                # The terminal stream is written differentially: "Saved" can be drawn
                # as a partial update that never contains the whole word. The file says
                # whether the change was really lost.
                if _current_answer(plan) == current:
                    tally.unseen_saves += 1
                    continue
                tally.problems.append("tui: a change was never saved (not in the plan file); "
                                      f"the screen:\n{tty.screen()}")
                return
        tty.send(_another_key(rng, current)[0])
        # The autosave runs about 0.8 s after the change: aim most kills at it.
        delay = rng.uniform(0.7, 1.1) if rng.random() < 0.6 else rng.uniform(0.0, 1.6)
        end = time.monotonic() + delay
        while time.monotonic() < end:
            tty.pump(min(0.05, max(0.0, end - time.monotonic())))
        killed = tty.poll() is None
    finally:
        tty.kill()
    tally.add("tui", recover_and_check(plans, before), killed)


def answer_available() -> bool:
    """True once ``checklist-tui answer`` exists (issue 10)."""
    out = subprocess.run(command("answer", "--help"), env=dict(os.environ, PYTHONPATH=str(ROOT)),
                         cwd=ROOT, capture_output=True, text=True, timeout=DEADLINE, check=False)
    return out.returncode == 0


def campaign(folder: Path, kills: int, seed: int, kinds: tuple[str, ...] = ("new", "tui"),
             log: bool = False, saved_first: int = 1) -> Tally:
    """Kill ``kills`` processes, spread over ``kinds`` in turn; every kill is checked.

    ``saved_first``: up to this many TUI changes are left to save before the killed one.
    """
    rng = random.Random(seed)
    tally = Tally()
    folder.mkdir(parents=True, exist_ok=True)
    plan = make_plan(folder)
    env = environment(folder)
    typical = {"new": time_command(new_argv(-1, folder / "new-plans"), env)}
    answer = None
    if "answer" in kinds:
        from tests.security import answering

        answer = answering.Answering(folder, plan)
        typical["answer"] = time_command(answer.argv(rng), env)
    reported = 0
    for attempts, n in enumerate(_round_robin(kinds), start=1):
        if tally.kills >= kills or attempts > kills * 10:
            break
        # The machine's speed changes (other work on it): a command that finished before
        # its kill makes the next kill come sooner; one that was killed, a little later.
        if n == "new":
            killed = kill_new(folder, attempts, rng, typical["new"], tally)
            typical["new"] *= 1.02 if killed else 0.8
        elif n == "tui":
            kill_tui(folder, plan, rng, tally, saved_first)
        elif n == "answer" and answer is not None:
            killed = kill_command(folder, answer.argv(rng), rng, typical["answer"], "answer",
                                  tally, folder / "plans")
            typical["answer"] *= 1.02 if killed else 0.8
        if log and len(tally.problems) > reported:
            for problem in tally.problems[reported:]:
                print(f"PROBLEM after kill {tally.kills}: {problem}", flush=True)
            reported = len(tally.problems)
        if log and attempts % 25 == 0:
            print(f"{attempts} runs, {tally.kills} kills, {len(tally.problems)} problems",
                  flush=True)
    return tally


def _round_robin(kinds: tuple[str, ...]) -> Iterator[str]:
    while True:
        yield from kinds
