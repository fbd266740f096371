"""The warming thread (tui/warm.py) loads what a first key needs first, and lets the app's
own thread take the interpreter back quickly while it runs (#12.4)."""

from __future__ import annotations

import sys

import pytest

from checklist_tui.core import checked, plan_cache
from checklist_tui.tui import warm


def test_the_first_keys_needs_come_first_and_the_ui_thread_is_not_kept_waiting(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Editing is loaded first, then the validators an answer needs (its own and its
    history line), then the plan's other validators, then the rest; meanwhile a
    thread that wants the interpreter (the app's, handling a key) gets it within
    SWITCH_SECONDS, not Python's 5 ms at each turn of its event loop; as it was after."""
    order: list[str] = []
    intervals: list[float] = []

    def prepare() -> None:
        order.append("validators")
        intervals.append(sys.getswitchinterval())

    def deferred() -> None:
        order.append("the rest")

    def first(models: list[type]) -> None:
        order.append("+".join(m.__name__ for m in models))

    monkeypatch.setattr(checked, "prepare", first)
    monkeypatch.setattr(plan_cache, "prepare_edits", prepare)
    monkeypatch.setattr(warm, "load_deferred", deferred)
    before = sys.getswitchinterval()
    warm.warm_up()
    assert "checklist_tui.core.edit" in sys.modules
    assert order == ["Answer+HistoryEntry", "validators", "the rest"]
    assert intervals == [min(before, warm.SWITCH_SECONDS)] and intervals[0] < 0.005
    assert sys.getswitchinterval() == before


def test_overlapping_warmings_give_python_its_own_interval_back(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """rev9-core 6: a warming that began while another ran kept the other's quicker
    interval as 'before' and, ending last, put it back: quicker for good."""
    import threading

    inside = [threading.Event(), threading.Event()]
    let_go = [threading.Event(), threading.Event()]
    calls: list[int] = []

    def prepare() -> None:
        n = len(calls)
        calls.append(n)
        inside[n].set()
        let_go[n].wait(timeout=120)

    monkeypatch.setattr(checked, "prepare", lambda models: None)
    monkeypatch.setattr(plan_cache, "prepare_edits", prepare)
    monkeypatch.setattr(warm, "load_deferred", lambda: None)
    before = sys.getswitchinterval()
    first = threading.Thread(target=warm.warm_up)
    first.start()
    assert inside[0].wait(timeout=120)
    second = threading.Thread(target=warm.warm_up)
    second.start()
    assert inside[1].wait(timeout=120)
    let_go[0].set()  # the first ends while the second still runs ...
    first.join(timeout=120)
    assert sys.getswitchinterval() < before
    let_go[1].set()  # ... and the second ends last
    second.join(timeout=120)
    assert sys.getswitchinterval() == before
