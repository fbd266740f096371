"""``core.lazy.module``: a module named now, imported when one of its names is first read;
``core.lazy.pattern``: a regular expression compiled when it is first used."""

from __future__ import annotations

import re
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# -- core.lazy.pattern: a regular expression compiled when first used ------------------

PATTERNS = [r"(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})", r"; (?=(?:id|name)=)", r"[^\W\d_]{3,}",
            r"(?P<word>[a-z]+)|(?P<num>\d+)", r"^x$"]


def test_a_pattern_is_not_compiled_until_it_is_used() -> None:
    found = lazy.pattern(r"(?P<n>\d+) lazy-probe")
    assert found._compiled is None
    assert found.pattern == r"(?P<n>\d+) lazy-probe"
    match = found.search("it is 12 lazy-probe")
    assert match is not None and match.group("n") == "12"
    assert found._compiled is re.compile(r"(?P<n>\d+) lazy-probe")  # once, then kept


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(PATTERNS), st.sampled_from([0, re.IGNORECASE, re.MULTILINE]),
       st.text(alphabet="ab1 2/.-;=idnamexX\nZ", max_size=30), st.integers(0, 5),
       st.integers(0, 40), st.integers(0, 3))
def test_a_lazy_pattern_does_what_the_compiled_one_does(text: str, flags: int, subject: str,
                                                        pos: int, endpos: int,
                                                        count: int) -> None:
    lazy_one, made = lazy.pattern(text, flags), re.compile(text, flags)

    def same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
        return (a is None and b is None) or (a is not None and b is not None and (
            a.span(), a.groups(), a.groupdict()) == (b.span(), b.groups(), b.groupdict()))

    assert same(lazy_one.match(subject, pos, endpos), made.match(subject, pos, endpos))
    assert same(lazy_one.fullmatch(subject, pos, endpos), made.fullmatch(subject, pos, endpos))
    assert same(lazy_one.search(subject, pos, endpos), made.search(subject, pos, endpos))
    assert same(lazy_one.match(subject), made.match(subject))
    assert [m.span() for m in lazy_one.finditer(subject, pos, endpos)] == \
        [m.span() for m in made.finditer(subject, pos, endpos)]
    assert lazy_one.split(subject, count) == made.split(subject, count)
    assert lazy_one.sub("<>", subject, count) == made.sub("<>", subject, count)
    assert lazy_one.sub(lambda m: m.group(0).upper(), subject) == \
        made.sub(lambda m: m.group(0).upper(), subject)
