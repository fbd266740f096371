"""``core.lazy.module``: a module named now, imported when one of its names is first read."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from checklist_tui.core import lazy


@pytest.fixture
def slow_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    name = "lazy_probe_module"
    (tmp_path / f"{name}.py").write_text(
        "import time\nRUNS = []\nRUNS.append(1)\ntime.sleep(0.05)\n"
        "def answer():\n    return 42\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, name, raising=False)
    yield name
    sys.modules.pop(name, None)


def test_nothing_is_imported_until_a_name_is_read(slow_module: str) -> None:
    probe = lazy.module(slow_module)
    assert slow_module not in sys.modules
    assert probe.answer() == 42
    assert slow_module in sys.modules
    assert probe.RUNS == [1]


def test_a_name_replaced_later_is_seen(slow_module: str,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    probe = lazy.module(slow_module)
    probe.answer()
    monkeypatch.setattr(sys.modules[slow_module], "answer", lambda: 7)
    assert probe.answer() == 7


def test_threads_asking_at_once_get_one_module_run_once(slow_module: str) -> None:
    probe = lazy.module(slow_module)
    got: list[int] = []
    threads = [threading.Thread(target=lambda: got.append(probe.answer())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert got == [42] * 4
    assert probe.RUNS == [1]


def test_a_missing_name_is_an_attribute_error(slow_module: str) -> None:
    with pytest.raises(AttributeError):
        lazy.module(slow_module).no_such_name  # noqa: B018
