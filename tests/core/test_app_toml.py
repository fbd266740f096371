"""core.app_toml reads TOML as the app writes it exactly as tomllib reads it (same keys,
values, types and order), or gives None, whatever the text (#12.2)."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checklist_tui.core import app_toml, history
from tests.conftest import EXAMPLES


def _exactly(ours: Any, theirs: Any, where: str = "") -> None:
    assert type(ours) is type(theirs), where
    if isinstance(ours, dict):
        assert list(ours) == list(theirs), where
        for key in ours:
            _exactly(ours[key], theirs[key], f"{where}.{key}")
    elif isinstance(ours, list):
        assert len(ours) == len(theirs), where
        for n, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            _exactly(a, b, f"{where}[{n}]")
    else:
        assert ours == theirs, where
        if isinstance(ours, datetime):
            assert ours.tzinfo == theirs.tzinfo and ours.isoformat() == theirs.isoformat()


def _tomllib(text: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_every_example_reads_as_tomllib_reads_it(example: str) -> None:
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    head = text[:text.index(history.HISTORY_START) + 1]
    ours = app_toml.read(head)
    assert ours is not None  # what the app writes is read without tomllib
    _exactly(ours, tomllib.loads(head))
    whole = app_toml.read(text)
    assert whole is not None
    _exactly(whole, tomllib.loads(text))


KEYS = st.text(st.characters(codec="utf-8"), min_size=0, max_size=8) | st.sampled_from(
    ["id", "PBA-S01", "a.b", "with space", 'q"uote', "back\\slash", "", "tab\t", "é"])
TEXT = st.text(st.characters(codec="utf-8"), max_size=30) | st.sampled_from(
    ["", "plain", "line\nbreak", "tab\there", "del\x7f", "\x00\x1b[31m", "\\u0041", "'''",
     '"""', "[[history]]", "# not a comment", "x = 1", "\r\n", "𝄞 ☕"])
ZONES = st.sampled_from([None, UTC, timezone(timedelta(hours=1)),
                         timezone(timedelta(hours=-5, minutes=-30))])
SCALARS = (TEXT | st.booleans() | st.integers(-10**12, 10**12)
           | st.dates(date(1900, 1, 1), date(2199, 12, 31))
           | st.datetimes(datetime(1900, 1, 1), datetime(2199, 1, 1), timezones=ZONES))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(KEYS, inner, max_size=3), max_leaves=12)
TABLES = st.recursive(st.dictionaries(KEYS, VALUES, max_size=4),
                      lambda inner: st.dictionaries(KEYS, inner | st.lists(inner, min_size=1,
                                                                             max_size=2),
                                                    max_size=3), max_leaves=6)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TABLES)
def test_what_tomli_w_writes_reads_as_tomllib_reads_it(data: dict[str, Any]) -> None:
    text = tomli_w.dumps(data)
    ours, theirs = app_toml.read(text), tomllib.loads(text)
    if ours is not None:
        _exactly(ours, theirs)


def test_most_of_what_tomli_w_writes_is_read_without_tomllib() -> None:
    """The shapes plans have (tables, arrays of tables, arrays, inline tables, nested
    arrays, escapes): read, not left to tomllib."""
    data = {"format_version": 2, "case_ref": 'A "quoted"\nline', "edd": date(2027, 1, 27),
            "created": datetime(2026, 11, 2, 9, 31, tzinfo=UTC), "flag": True, "n": -3,
            "empty": [], "present": ["a", "b"], "pairs": [[1, 2], []],
            "short": [{"a": 1, "b": "x"}, {}],
            "answers": {"PBA-S01": {"value": "yes", "details": {"people": ["p1"]}},
                        "odd.key": {"value": ["x"]}},
            "people": [{"id": "1", "name": "Sam", "details": {"x": 1}}, {"id": "2"}],
            "history": [{"at": datetime(2026, 11, 2, 9, 31, 0, 5, tzinfo=UTC),
                         "by": "t" * 120}]}
    text = tomli_w.dumps(data)
    ours = app_toml.read(text)
    assert ours is not None
    _exactly(ours, tomllib.loads(text))


MUTATIONS = st.sampled_from(["", "\n", "\t", " ", '"', "\\", "\\u00e9", "\\ud800", "\\x41",
                             "[", "]", "[[", "]]", "{", "}", ",", ".", "=", " = ", "x = 1\n",
                             "[a]\n", "[[a]]\n", "#", "\r", "\x7f", "1.5", "0x1", "+1",
                             "T", "Z", "é", "'", "inf"])


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TABLES, st.data())
def test_any_change_reads_as_tomllib_or_not_at_all(data: dict[str, Any],
                                                   change: st.DataObject) -> None:
    text = tomli_w.dumps(data)
    for _ in range(change.draw(st.integers(1, 3))):
        at = change.draw(st.integers(0, len(text)))
        cut = change.draw(st.integers(0, 3))
        text = text[:at] + change.draw(MUTATIONS) + text[at + cut:]
    ours = app_toml.read(text)
    if ours is not None:
        theirs = _tomllib(text)
        assert theirs is not None, text
        _exactly(ours, theirs)


@pytest.mark.parametrize("text", [
    "[a.b]\nx = 1\n[a]\ny = 2\n",  # a table made on the way, declared after: valid TOML
    "[a]\nx = 1\n[a]\ny = 2\n",  # declared twice
    "a = 1\na = 2\n",  # a key twice
    "a = [\n    {},\n]\n[a.b]\n",  # a header into an array of values
    "a = { b = 1 }\n[a.c]\n",  # into an inline table
    "[[a]]\n[a]\n", "[a]\n[[a]]\n", "a = []\n[[a]]\n",
    "x = 1.5\n", "x = inf\n", "x = 0x1F\n", "x = +1\n", "x = 1_000\n", "x = 09:30:00\n",
    "x = 'literal'\n", 'x = """multi"""\n', "x = [1, 2]\n", "x = 2026-02-30\n",
    'x = "\\ud800"\n', "x = 1 # a comment\n", "x = 1\r\n", "a.b = 1\n", "[ a ]\n",
    "#\x01\n", "x = [\n    1,\n", "x = [\n  1,\n]\n", "x = [\n    1\n]\n",
    'x = "\\x41"\n', "x = 2026-11-02 09:31:00.5+00:00\n", "x = { a = [\n    1,\n] }\n",
])
def test_what_tomli_w_never_writes_is_left_to_tomllib(text: str) -> None:
    assert app_toml.read(text) is None


@pytest.mark.parametrize("text", [
    'x = "a\\tb\\bc\\nd\\fe\\rf\\"g\\\\h\\u00e9i\\U0001D11Ej"\n',
    '"k\\u00e9y\\t" = "\\\\n"\n', '[a."b.c"]\n"\\"" = true\n',
    "x = 2026-11-02T09:31:00Z\n", "x = 2026-11-02 09:31:00.123456-05:30\n",
    "x = 2026-11-02 09:31:00\n", "x = -0\n", "# a comment\twith a tab\n\nx = false\n",
])
def test_escapes_times_and_comments_read_as_tomllib_reads_them(text: str) -> None:
    ours = app_toml.read(text)
    assert ours is not None
    _exactly(ours, tomllib.loads(text))
