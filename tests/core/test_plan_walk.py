"""A plan's parsed data is walked once for the limits and the plausible dates (#12.2: two
walks, each copying the keys to every value, took 1.3 ms of every open). It refuses what
the two walks refused, with the same sentence: the reference below is the code it
replaced."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checklist_tui.core import history, limits, plancheck
from checklist_tui.core.errors import PlanError
from checklist_tui.core.limits import MAX_NESTING, MAX_TEXT
from tests.conftest import EXAMPLES


def _where(keys: list[Any]) -> str:
    return "".join(f"[{k + 1}]" if isinstance(k, int) else f".{k}" for k in keys).lstrip(".")


def reference_shape(data: Any) -> tuple[str, str] | None:
    stack: list[tuple[Any, int, list[Any]]] = [(data, 1, [])]
    while stack:
        node, depth, keys = stack.pop()
        if isinstance(node, dict | list):
            if depth > MAX_NESTING:
                return (f"is nested more than {MAX_NESTING} levels deep", _where(keys))
            pairs = node.items() if isinstance(node, dict) else enumerate(node)
            for key, value in pairs:
                if isinstance(key, str) and len(key) > 200:
                    return ("has a key longer than 200 characters", _where(keys))
                if isinstance(value, dict | list | str):
                    stack.append((value, depth + 1, [*keys, key]))
        elif isinstance(node, str) and len(node) > MAX_TEXT:
            return (f"has a text of {len(node):,} characters; the limit is {MAX_TEXT:,}",
                    _where(keys))
    return None


def reference_check_raw(raw: dict[str, Any], name: str) -> None:
    shape = reference_shape(raw)
    if shape:
        raise PlanError(f"{name}: {shape[1] + ': ' if shape[1] else ''}{shape[0]}; the file "
                        "was left untouched")
    stack: list[tuple[Any, list[Any]]] = [(raw, [])]
    while stack:
        node, keys = stack.pop()
        if isinstance(node, dict):
            stack.extend((v, [*keys, k]) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, [*keys, i]) for i, v in enumerate(node))
        elif isinstance(node, date):
            day = node.date() if isinstance(node, datetime) else node
            if not plancheck.EARLIEST <= day <= plancheck.LATEST:
                raise PlanError(f"{name}: {_where(keys)}: the date {day.isoformat()} is not "
                                f"plausible (it must be between {plancheck.EARLIEST.year} and "
                                f"{plancheck.LATEST.year}); the file was left untouched")


def said(check, raw: dict[str, Any]) -> str:
    try:
        check(raw, "p.toml")
    except PlanError as exc:
        return str(exc)
    return ""


LONG = "x" * (MAX_TEXT + 1)
leaves = st.one_of(
    st.integers(-5, 5), st.booleans(), st.sampled_from(["", "a", LONG]),
    st.dates(min_value=date(1, 1, 1)), st.sampled_from([date(1899, 12, 31), date(2200, 1, 1)]),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
                 timezones=st.just(UTC)),
    st.just(time(10, 30)))
keys = st.one_of(st.sampled_from(["a", "b", "history", "k" * 201]), st.text(max_size=3))
trees = st.recursive(leaves, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)), max_leaves=30)


@settings(max_examples=600, deadline=None)
@given(st.dictionaries(keys, trees, max_size=5))
def test_one_walk_refuses_what_the_two_walks_refused_in_the_same_words(raw) -> None:
    raw["format_version"] = 1
    assert said(plancheck.check_raw, raw) == said(reference_check_raw, raw)
    assert limits.check_shape(raw) == reference_shape(raw)


def nested(depth: int) -> Any:
    node: Any = date(1000, 1, 1)
    for n in range(depth):
        node = [node] if n % 2 else {"a": node}
    return node


@pytest.mark.parametrize("raw", [
    {"format_version": 1, "a": nested(MAX_NESTING + 5)},  # too deep, a bad date deeper
    {"format_version": 1, "a": [date(1800, 1, 1)], "b": {"c": LONG}},  # a limit wins
    {"format_version": 1, "a": [date(1800, 1, 1), date(2300, 1, 1)]},  # the first found
    {"format_version": 1, "k" * 201: 1, "a": date(1800, 1, 1)},
    {"format_version": 1, "a": nested(10_000)},  # hostile depth: no recursion
])
def test_the_same_sentence_for_each_kind_of_problem(raw) -> None:
    assert said(plancheck.check_raw, raw) == said(reference_check_raw, raw) != ""


@settings(max_examples=600, deadline=None)
@given(st.one_of(trees, st.dictionaries(keys, trees, max_size=5)),
       st.sampled_from([None, (plancheck.EARLIEST, plancheck.LATEST)]))
def test_the_quick_pass_says_nothing_is_wrong_only_when_the_walk_finds_nothing(
        data, window) -> None:
    if limits._nothing_wrong(data, window):
        assert limits.walk(data, window) == (None, None)
        assert reference_shape(data) is None


def test_a_plan_the_app_wrote_is_passed_by_the_quick_pass() -> None:
    """The twins example (every kind of value a plan holds) needs only the quick pass."""
    raw = history.read_plan((EXAMPLES / "family-t-like-twins.toml").read_text("utf-8"))
    assert raw is not None
    assert limits._nothing_wrong(raw, (plancheck.EARLIEST, plancheck.LATEST))
    deep = {"format_version": 1, "a": nested(MAX_NESTING - 2)}
    assert limits._nothing_wrong(deep, None) and not limits._nothing_wrong(
        {"a": nested(MAX_NESTING + 1)}, None)
