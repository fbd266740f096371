"""A test run that hangs fails loudly, saying where it was, instead of sleeping until CI's
90-minute limit stops it with nothing to show.

Two deadlines, each of which prints the stack of every thread:

- **each test**: pytest-timeout (``timeout`` and ``timeout_method`` in pyproject.toml). Its
  thread method works wherever the test is stuck, even asleep in the event loop, and then
  stops the whole run. A Pilot test that hangs is asleep in that loop, so none of the
  test's own lines is on any thread's stack: :func:`naming_the_main_thread` names the main
  thread after the running test (pytest-timeout heads each stack with its thread's name),
  and :func:`on_test_over` first prints what every unfinished asyncio task is awaiting,
  which is where the test and the app really are.
- **the whole run**: ``CHECKLIST_TUI_TEST_RUN_LIMIT`` seconds, set by ``.ci/run``. It also
  covers what no single test owns: collection, fixtures shared by a session, and threads
  that keep the interpreter from exiting. A Python thread reports the running test and
  every stack; if it cannot run (something holds the interpreter), faulthandler's own
  thread, which needs no Python, dumps the stacks a minute later.
"""

from __future__ import annotations

import asyncio
import faulthandler
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

RUN_LIMIT_VARIABLE = "CHECKLIST_TUI_TEST_RUN_LIMIT"
BACKSTOP_SECONDS = 60
TESTS = os.path.dirname(os.path.abspath(__file__))

_running = {"test": "(no test started yet)"}
_stream: list[TextIO] = []


def _stderr() -> TextIO:
    """A copy of the real standard error, taken by :func:`start` before any test runs:
    during a test, pytest captures descriptor 2 (and sys.stderr) to a file of its own."""
    if not _stream:
        _stream.append(os.fdopen(os.dup(sys.stderr.fileno()), "w", encoding="utf-8"))
    return _stream[0]


def start(environ: dict[str, str] | None = None) -> float | None:
    """Called when pytest is configured: keep the real standard error, and arm the whole
    run's limit if the environment asks for one (its seconds, or None)."""
    _stderr()
    return start_run_limit(environ)


@contextmanager
def naming_the_main_thread(nodeid: str) -> Iterator[None]:
    """While a test runs, the main thread is named after it, and the watchdog knows it."""
    main = threading.main_thread()
    name = main.name
    main.name = f"MainThread, running {nodeid}"
    _running["test"] = nodeid
    try:
        yield
    finally:
        main.name = name
        _running["test"] = f"(between tests, after {nodeid})"


def start_run_limit(environ: dict[str, str] | None = None) -> float | None:
    """Arm the whole-run limit if the environment asks for one; the seconds, or None."""
    value = (os.environ if environ is None else environ).get(RUN_LIMIT_VARIABLE, "")
    if not value.strip():
        return None
    seconds = float(value)
    stream = _stderr()
    timer = threading.Timer(seconds, _run_over, (seconds, stream))
    timer.name = "whole-run limit"
    timer.daemon = True
    timer.start()
    faulthandler.dump_traceback_later(seconds + BACKSTOP_SECONDS, exit=True, file=stream)
    return seconds


def _run_over(seconds: float, stream: TextIO) -> None:
    stream.write(f"\n\nThe tests ran over their whole-run limit of {seconds:.0f} s "
                 f"({RUN_LIMIT_VARIABLE}) and were stopped.\n"
                 f"Running: {_running['test']}\n\n{awaiting()}\nEvery thread's stack:\n")
    stream.flush()
    faulthandler.dump_traceback(file=stream, all_threads=True)
    stream.flush()
    os._exit(1)


def on_test_over(item: Any, settings: Any) -> None:
    """pytest-timeout's thread method, with what every asyncio task awaits printed first."""
    import pytest_timeout
    stream = _stderr()
    stream.write(f"\n\n{item.nodeid} ran over its {settings.timeout:.0f} s "
                 f"(pytest-timeout).\n\n{awaiting()}\n")
    stream.flush()
    pytest_timeout.timeout_timer(item, settings)


def start_test_timer(item: Any, settings: Any) -> bool:
    """Start pytest-timeout's thread-method timer for one test, calling :func:`on_test_over`.

    Written as pytest-timeout's own ``pytest_timeout_set_timer`` writes it (its cancel hook
    calls ``item.cancel_timeout``)."""
    timer = threading.Timer(settings.timeout, on_test_over, (item, settings))
    timer.name = f"pytest-timeout {item.nodeid}"
    timer.daemon = True

    def cancel() -> None:
        timer.cancel()
        timer.join()

    item.cancel_timeout = cancel
    timer.start()
    return True


def awaiting() -> str:
    """What each unfinished asyncio task is awaiting: its chain of awaits, outermost first.

    Identical chains (Textual gives every widget a task waiting for messages) are shown
    once, with how many tasks share them."""
    chains: dict[tuple[str, ...], int] = {}
    for loop in _running_loops():
        for task in asyncio.all_tasks(loop):
            chain = tuple(_await_chain(task.get_coro()))
            chains[chain] = chains.get(chain, 0) + 1
    if not chains:
        return "No asyncio task is waiting.\n"
    parts = ["What each unfinished asyncio task is awaiting (outermost call first; "
             "the tests' own tasks first):\n"]
    for chain, count in sorted(chains.items(), key=lambda c: not _in_tests(c[0])):
        parts.append(f"--- {count} task{'s' if count > 1 else ''}:\n" + "".join(chain))
    return "".join(parts)


def _running_loops() -> list[asyncio.AbstractEventLoop]:
    """The event loops that some thread is running (found on the threads' stacks)."""
    loops: list[asyncio.AbstractEventLoop] = []
    for frame in sys._current_frames().values():
        while frame is not None:
            owner = frame.f_locals.get("self")
            if isinstance(owner, asyncio.AbstractEventLoop) and owner not in loops:
                loops.append(owner)
            frame = frame.f_back
    return loops


def _in_tests(chain: tuple[str, ...]) -> bool:
    return any(TESTS in line for line in chain)


def _await_chain(awaited: Any) -> list[str]:
    lines: list[str] = []
    while awaited is not None:
        frame = next((getattr(awaited, a) for a in ("cr_frame", "gi_frame", "ag_frame")
                      if getattr(awaited, a, None) is not None), None)
        if frame is None:
            lines.append(f"  awaiting a {type(awaited).__name__}\n")
            break
        code = frame.f_code
        lines.append(f'  File "{code.co_filename}", line {frame.f_lineno}, '
                     f"in {code.co_name}\n")
        awaited = next((getattr(awaited, a) for a in ("cr_await", "gi_yieldfrom", "ag_await")
                        if getattr(awaited, a, None) is not None), None)
    return lines
