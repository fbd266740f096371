"""Hypothesis strategies for hostile plan files and checklist definitions.

Each strategy starts from a valid file (a real plan, a real checklist) and breaks
it: any TOML type in any field, unknown keys, missing keys, deep nesting, huge
numbers and strings, impossible dates, and raw byte damage (truncation, bad
UTF-8, NUL). Valid variations are produced too, so the engine and the exporters
see odd but acceptable data.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import tomli_w
from hypothesis import strategies as st

#: How many examples each fuzz test runs: small in the test suite, large in the
#: long run (``benchmarks/campaign/fuzz_campaign.py`` sets the variable).
EXAMPLES = int(os.environ.get("CHECKLIST_FUZZ_EXAMPLES", "40"))
#: Fixed examples in the test suite (derandomized); the long run asks for new ones.
RANDOM = os.environ.get("CHECKLIST_FUZZ_RANDOM") == "1"

#: Known, still-open findings the short run keeps out until they are fixed (listed in
#: the campaign notes, /work/notes/i8camp.md). CHECKLIST_FUZZ_OPEN=all (or a
#: comma-separated list of names) puts them back in, to see whether they still fail.
OPEN_FINDINGS: dict[str, str] = {
    # None open now. Fixed, and so always fuzzed: "deep-nesting" (RecursionError on deeply
    # nested plan or checklist values, #8 finding 13/16) and "stderr-control" (a line
    # break or control character in a key echoed raw by validate, list and load errors).
}
_wanted = os.environ.get("CHECKLIST_FUZZ_OPEN", "")
INCLUDED = set(OPEN_FINDINGS) if _wanted == "all" else set(filter(None, _wanted.split(",")))


def include(finding: str) -> bool:
    """True when the cases of this finding are fuzzed: always once it is fixed."""
    return finding not in OPEN_FINDINGS or finding in INCLUDED

text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
odd_text = st.sampled_from([
    "", " ", "\x00", "\x1b[31mred", "[bold]x[/bold]", "x" * 100_000, "é" * 300, "\u202e",
    "yes", "no", "unknown", "true", "1.0.0", "2027-01-01", "../../etc/passwd", "a|b",
    "<script>x</script>", "NaN", "\ufeff", "🧑‍🍼", "\n\n", "\\", '"', "'''",
])
dates = st.one_of(
    st.dates(),
    st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(1900, 1, 1),
                     dt.date(2100, 1, 1)]),
)
datetimes = st.one_of(
    st.datetimes(timezones=st.sampled_from([dt.UTC, None])),
    st.sampled_from([dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31, 23, 59, 59),
                     dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.UTC),
                     dt.datetime(1, 1, 1, tzinfo=dt.UTC)]),
)
scalars = st.one_of(
    text, odd_text, st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.sampled_from([0, -1, 1, 2**31, 2**63 - 1, -(2**63)]),
    st.floats(allow_nan=True, allow_infinity=True),
    dates, datetimes, st.times(),
)
toml_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(text, odd_text), inner, max_size=4),
    ),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a nested dict/list that could be replaced."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, sub in value.items():
            found.extend(_paths(sub, (*prefix, key)))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            found.extend(_paths(sub, (*prefix, index)))
    return found


def _parent(doc: Any, path: tuple) -> Any:
    for key in path[:-1]:
        doc = doc[key]
    return doc


@st.composite
def mutated(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """``base`` with a few fields replaced, removed or added."""
    import copy

    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(0, 3))):
        paths = _paths(doc)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(doc, path)
        action = draw(st.sampled_from(["replace", "replace", "remove", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(toml_values)
        elif action == "remove" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.one_of(text, odd_text))] = draw(toml_values)
        elif isinstance(parent, list):
            parent.append(draw(toml_values))
    return doc


def nested(depth: int, kind: str) -> str:
    """A TOML value nested ``depth`` deep (arrays or inline tables)."""
    if kind == "array":
        return "[" * depth + "1" + "]" * depth
    return "{ a = " * depth + "1" + " }" * depth


@st.composite
def damaged_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """Raw damage to a file: cut, bytes replaced, bad UTF-8, NUL, BOM, CRLF."""
    how = draw(st.sampled_from(["cut", "flip", "latin1", "nul", "bom", "crlf", "empty"]))
    if how == "cut":
        return data[: draw(st.integers(0, len(data)))]
    if how == "flip":
        at = draw(st.integers(0, max(0, len(data) - 1)))
        return data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
    if how == "latin1":
        return data.replace(b"=", b"= \xe9", 1)
    if how == "nul":
        return data.replace(b"\n", b"\x00\n", 1)
    if how == "bom":
        return b"\xef\xbb\xbf" + data
    if how == "crlf":
        return data.replace(b"\n", b"\r\n")
    return b""


def dumps(doc: dict[str, Any]) -> bytes | None:
    """TOML bytes for ``doc``, or None when TOML cannot say it (e.g. a None or NaN key)."""
    try:
        return tomli_w.dumps(doc).encode("utf-8")
    except (TypeError, ValueError, RecursionError):
        return None


@st.composite
def hostile_file(draw: st.DrawFn, base: dict[str, Any], deep_keys: list[str]) -> bytes:
    """A file derived from ``base``: mutated fields, deep nesting, or raw damage."""
    kind = draw(st.sampled_from(["mutated", "mutated", "mutated", "deep", "damaged", "huge"]))
    if kind == "deep" and include("deep-nesting"):
        depth = draw(st.sampled_from([50, 500, 5000]))
        key = draw(st.sampled_from(deep_keys))
        body = dumps({k: v for k, v in base.items() if k != key and not isinstance(v, list | dict)})
        line = f"{key} = {nested(depth, draw(st.sampled_from(['array', 'table'])))}\n"
        return line.encode() + (body or b"")
    if kind == "damaged":
        data = dumps(base)
        assert data is not None
        return draw(damaged_bytes(data))
    if kind == "huge":
        import copy

        doc = copy.deepcopy(base)
        path = draw(st.sampled_from(_paths(doc)))
        _parent(doc, path)[path[-1]] = draw(st.sampled_from(
            ["x" * 2_000_000, 10**18, -(10**18), list(range(10_000)), 1e308]))
        return dumps(doc) or b""
    data = dumps(draw(mutated(base)))
    return data if data is not None else dumps(base) or b""
