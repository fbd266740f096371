"""A known plan's history is read without tomllib (#12.2): ``history.read_tail`` gives
exactly what tomllib gives (same keys, values and types) or None, whatever the text; the
plan opened that way is exactly the plan a full read gives."""

from __future__ import annotations

import shutil
import tomllib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checklist_tui.core import history, plan_cache, store
from checklist_tui.core.plan import HistoryEntry
from tests.conftest import EXAMPLES
from tests.core.test_plan_cache import _same

EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.glob("*.toml"))


def _tail(text: str) -> str:
    return text[text.index(history.HISTORY_START) + 1:]


def _toml_history(text: str) -> list[dict[str, Any]] | None:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    return data.get("history") if set(data) == {"history"} else None


def _exactly(found: list[dict[str, Any]] | None, expected: list[dict[str, Any]]) -> None:
    assert found is not None
    assert len(found) == len(expected)
    for ours, theirs in zip(found, expected, strict=True):
        assert list(ours) == list(theirs)
        for key in ours:
            assert ours[key] == theirs[key] and type(ours[key]) is type(theirs[key]), key
        assert ours["at"].tzinfo == theirs["at"].tzinfo
        assert ours["at"].isoformat() == theirs["at"].isoformat()


@pytest.mark.parametrize("example", EXAMPLE_FILES)
def test_every_example_history_reads_as_tomllib_reads_it(example: str) -> None:
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    tail = _tail(text)
    expected = tomllib.loads(tail)["history"]
    assert expected
    _exactly(history.read_tail(tail), expected)


TEXT = st.text(st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ["", "plain", 'a "quote"', "back\\slash", "tab\there", "line\nbreak", "del\x7f",
     "\x00\x1b[31m", "café ☕ 𝄞", "\\u0041", "'''", '"""', "[[history]]", "\r\n"])
ZONES = st.sampled_from([UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5,
                                                                                minutes=-30))])


@st.composite
def entries(draw: st.DrawFn) -> list[HistoryEntry]:
    count = draw(st.integers(1, 4))
    return [HistoryEntry.model_construct(
        at=draw(st.datetimes(datetime(1990, 1, 1), datetime(2150, 1, 1), timezones=ZONES)),
        by=draw(TEXT), what=draw(TEXT), target=draw(TEXT), old=draw(TEXT), new=draw(TEXT))
        for _ in range(count)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries())
def test_what_the_app_writes_reads_as_tomllib_reads_it(written: list[HistoryEntry]) -> None:
    chain = history.Chain()
    chain.sync(written)
    text = chain.toml()
    _exactly(history.read_tail(text), tomllib.loads(text)["history"])


MUTATIONS = st.sampled_from(["", "\n", "\t", " ", '"', "\\", "\\u00e9", "\\ud800", "\\x41",
                             "[[history]]\n", "x = 1\n", "Z", "+25:00", "9", "\x7f", "'",
                             "#", "\r", "é"])


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries(), st.data())
def test_any_change_to_the_text_reads_as_tomllib_or_not_at_all(
        written: list[HistoryEntry], data: st.DataObject) -> None:
    """Whatever is changed, inserted or cut: the same as tomllib, or None (tomllib then
    reads the file, as before), never something else."""
    chain = history.Chain()
    chain.sync(written)
    text = chain.toml()
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 3))
        text = text[:at] + data.draw(MUTATIONS) + text[at + cut:]
    found = history.read_tail(text)
    if found is not None:
        expected = _toml_history(text)
        assert expected is not None, text
        _exactly(found, expected)


@pytest.mark.parametrize("text", [
    "",  # no history at all: tomllib reads it
    '[[history]]\nat = 2026-02-30T09:00:00Z\nby = ""\nwhat = ""\ntarget = ""\nold = ""\n'
    f'new = ""\nprev = ""\nhash = "{"a" * 64}"\n',  # no such day
    '[[history]]\nat = 2026-01-30T09:00:00Z\nby = "\\ud800"\nwhat = ""\ntarget = ""\n'
    f'old = ""\nnew = ""\nprev = ""\nhash = "{"a" * 64}"\n',  # not a character
    '[[history]]\nat = 2026-01-30T09:00:00Z\nby = "a"\nwhat = ""\ntarget = ""\nold = ""\n'
    f'new = ""\nprev = ""\nhash = "{"a" * 64}"\nextra = 1\n',  # a key the app never writes
    '[[history]]\nat = 2026-01-30T09:00:00Z\nby = "a"\nwhat = ""\ntarget = ""\nold = ""\n'
    f'new = ""\nprev = ""\nhash = "{"a" * 64}"\n\n[people]\n',  # a table after it
])
def test_what_the_app_never_writes_is_left_to_tomllib(text: str) -> None:
    assert history.read_tail(text) is None


@pytest.fixture
def known_plan(tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "family-t-like-twins.toml"
    path.parent.mkdir(parents=True)
    shutil.copy(EXAMPLES / "family-t-like-twins.toml", path)
    store.save(store.load(path))  # as the app writes it (sealed, the current format)
    store.load(path, remember=True)
    assert plan_cache.known(path.read_bytes())
    return path


def test_a_known_plan_opens_exactly_as_a_full_read_without_tomllib_on_its_history(
        known_plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    full = store.load(known_plan)
    parsed: list[str] = []
    loads = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: parsed.append(text) or loads(text))
    fast = store.load(known_plan, remember=True)
    assert all("[[history]]" not in text for text in parsed)  # now: none read by tomllib
    store.load(known_plan)  # a full read goes through the same patch (it takes effect)
    assert any("[[history]]" in text for text in parsed)
    _same(fast.plan, full.plan)
    assert fast.chain.hashes == full.chain.hashes and fast.found_outside == ""
    assert fast.fingerprint == full.fingerprint
    assert len(fast.plan.history) == len(full.plan.history) > 100


@pytest.mark.parametrize("change", ["multi-line string", "unclosed string",
                                    "history in the head", "tab"])
def test_a_planted_entry_for_odd_bytes_reads_them_as_tomllib_does(
        known_plan: Path, change: str) -> None:
    """Bytes the app did not write, noted as known (a planted entry): read as tomllib
    reads the whole file, or refused with the same line as without the cache."""
    text = known_plan.read_text(encoding="utf-8")
    start = text.index(history.HISTORY_START)
    if change == "multi-line string":  # the first [[history]] line is inside a string
        text = text.replace('note = ""', 'note = """\n[[history]]\n"""', 1)
    elif change == "unclosed string":  # the head alone does not parse: nor does the file
        text = text[:start] + "\nx = '''" + text[start:]
    elif change == "history in the head":
        text = text.replace("\n[[people]]", "\n[history]\nx = 1\n\n[[people]]", 1)
    else:
        text = text[:start] + text[start:].replace('by = "', 'by = "\t', 1)
    assert text != known_plan.read_text(encoding="utf-8")
    known_plan.write_text(text, encoding="utf-8")
    plan_cache.remember(known_plan.read_bytes())
    try:
        expected: Any = store.load(known_plan).plan
    except Exception as exc:  # the same refusal is expected
        with pytest.raises(type(exc)) as raised:
            store.load(known_plan, remember=True)
        assert str(raised.value) == str(exc)
        return
    _same(store.load(known_plan, remember=True).plan, expected)
