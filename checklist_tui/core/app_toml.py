"""TOML as the app writes it (tomli_w's output), read exactly as tomllib reads it, in a
third of the time: for plan files known to have passed every check (#12.2).

``read`` accepts only the narrow shape tomli_w gives: comment and blank lines, table
headers (``[a.b]``, ``[[a]]``) of bare or quoted keys without spaces, ``key = value``
lines whose value is a basic string, true or false, an integer, a date, a date and time,
an inline table or an array (``[]``, or one item a line, each ``,``-ended and indented by
four spaces a level). Tables follow tomllib's rules within that shape: a header enters
tables made by headers (the last table of an array of tables), names a table not seen
before, or adds a table to an array of tables; a key is new in its table. Anything else,
even valid TOML, gives None, and the caller reads the text with tomllib: this never
decides what a file means where tomllib might decide otherwise. A string with an escape
is unescaped as tomllib unescapes it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

_STRING = r'"(?:[^"\\\x00-\x08\x0a-\x1f\x7f]|\\[btnfr"\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*"'
_KEY = rf"(?:[A-Za-z0-9_-]+|{_STRING})"
_KEY_PART = re.compile(_KEY)
_HEADER = re.compile(rf"(\[\[?)({_KEY}(?:\.{_KEY})*)(\]\]?)")
_PAIR = re.compile(rf"({_KEY}) = (.*)")
_VALUE = re.compile(
    rf"(?P<string>{_STRING})|(?P<true>true)|(?P<false>false)"
    r"|(?P<datetime>[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3])"
    r":[0-5][0-9]:[0-5][0-9](?:\.[0-9]{6})?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?)"
    r"|(?P<date>[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]))"
    r"|(?P<int>-?(?:0|[1-9][0-9]*))(?![0-9.eE_:xob-])"
    r"|(?P<empty>\[\]|\{\})|(?P<table>\{ )")
_PLAIN = re.compile(r'([A-Za-z0-9_-]+) = (?:"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"|(true|false))')
_COMMENT = re.compile(r"#[^\x00-\x08\x0a-\x1f\x7f]*")
_INDENT = "    "


class _Odd(ValueError):
    """Something outside the shape ``read`` takes (a ValueError, as tomllib's errors are:
    ``string``'s callers catch that)."""


def read(text: str) -> dict[str, Any] | None:
    """What ``tomllib.loads(text)`` gives, or None if the text is not in tomli_w's shape."""
    try:
        return _Reader(text.split("\n")).document()
    except (_Odd, ValueError, RecursionError):  # ValueError: a day that does not exist
        return None


_ESCAPE = re.compile(r'\\(?:([btnfr"\\])|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))')
_ESCAPED = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


def _unescape(found: re.Match[str]) -> str:
    """One escape, as tomllib reads it (a code point must be a Unicode scalar value)."""
    short, code = found.group(1), found.group(2) or found.group(3)
    if short:
        return _ESCAPED[short]
    point = int(code, 16)
    if 0xD800 <= point <= 0xDFFF or point > 0x10FFFF:
        raise _Odd
    return chr(point)


def string(text: str) -> str:
    """A basic string's value (``text`` with its quotes, as _STRING matched it), as
    tomllib reads it; ValueError for an escape tomllib refuses (a surrogate). Also read
    by core.history for the history's strings."""
    body = text[1:-1]
    return _ESCAPE.sub(_unescape, body) if "\\" in body else body


def _key(text: str) -> str:
    return string(text) if text[0] == '"' else text


class _Reader:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.at = 0
        self.tables: set[int] = set()
        """The ids of the tables made by headers (a header may enter them)."""
        self.arrays: set[int] = set()
        """The ids of the arrays of tables made by ``[[...]]`` headers."""

    def document(self) -> dict[str, Any]:
        root: dict[str, Any] = {}
        self.tables.add(id(root))
        table = root
        lines = self.lines
        while self.at < len(lines):
            line = lines[self.at]
            self.at += 1
            if not line:
                continue
            first = line[0]
            if first == "#":
                if not _COMMENT.fullmatch(line):
                    raise _Odd
            elif first == "[":
                table = self.header(root, line)
            else:
                plain = _PLAIN.fullmatch(line)  # the usual line, at once
                if plain is not None:
                    key, text, truth = plain.groups()
                    if key in table:
                        raise _Odd
                    table[key] = text if truth is None else truth == "true"
                    continue
                pair = _PAIR.fullmatch(line)
                if pair is None or self.pair(pair, table, ""):
                    raise _Odd  # not a pair, or more after its value on the line
        return root

    def pair(self, found: re.Match[str], table: dict[str, Any], level: str) -> str:
        """Put the ``key = value`` that ``found`` (_PAIR) matched into ``table`` (a key
        given twice is odd); what follows the value on its line."""
        key = _key(found.group(1))
        if key in table:
            raise _Odd
        table[key], rest = self.value(found.group(2), level)
        return rest

    def header(self, root: dict[str, Any], line: str) -> dict[str, Any]:
        found = _HEADER.fullmatch(line)
        if found is None or len(found.group(1)) != len(found.group(3)):
            raise _Odd
        *path, last = [_key(m.group(0)) for m in _KEY_PART.finditer(found.group(2))]
        table = root
        for key in path:
            inner = table.get(key)
            if inner is None:
                inner = table[key] = {}
                self.tables.add(id(inner))
            elif id(inner) in self.arrays:
                inner = inner[-1]
            elif id(inner) not in self.tables:
                raise _Odd  # a value, an inline table or an array of values
            table = inner
        made: dict[str, Any] = {}
        self.tables.add(id(made))
        if found.group(1) == "[[":
            array = table.get(last)
            if array is None:
                array = table[last] = []
                self.arrays.add(id(array))
            elif id(array) not in self.arrays:
                raise _Odd
            array.append(made)
        elif last in table:
            raise _Odd  # declared before (or made on the way to another)
        else:
            table[last] = made
        return made

    def value(self, text: str, level: str) -> tuple[Any, str]:
        """The value at the start of ``text`` and what follows it on its line; an array
        of one item a line reads the lines after (``level``: its indent)."""
        if text == "[":
            return self.array(level), ""
        found = _VALUE.match(text)
        if found is None:
            raise _Odd
        kind, rest = found.lastgroup, text[found.end():]
        token = found.group(0)
        if kind == "string":
            return string(token), rest
        if kind in ("true", "false"):
            return kind == "true", rest
        if kind == "int":
            return int(token), rest
        if kind == "date":
            return date.fromisoformat(token), rest
        if kind == "datetime":
            return datetime.fromisoformat(token), rest
        if kind == "empty":
            return ([] if token == "[]" else {}), rest
        return self.inline_table(rest, level)

    def inline_table(self, text: str, level: str) -> tuple[dict[str, Any], str]:
        table: dict[str, Any] = {}
        while True:
            pair = _PAIR.match(text)
            if pair is None:
                raise _Odd
            text = self.pair(pair, table, level)
            if text.startswith(", "):
                text = text[2:]
            elif text.startswith(" }"):
                return table, text[2:]
            else:
                raise _Odd

    def array(self, level: str, closing: str = "]") -> list[Any]:
        """The items of an array written one a line (after its ``[`` line), up to its
        closing line: ``level`` and ``closing`` (``],`` for an array in an array)."""
        items: list[Any] = []
        inner = level + _INDENT
        lines = self.lines
        while self.at < len(lines):
            line = lines[self.at]
            self.at += 1
            if line == level + closing:
                return items
            if len(line) <= len(inner) or not line.startswith(inner) \
                    or line[len(inner)] == " ":
                raise _Odd
            body = line[len(inner):]
            if body == "[":
                items.append(self.array(inner, "],"))
                continue
            value, rest = self.value(body, inner)
            if rest != ",":
                raise _Odd
            items.append(value)
        raise _Odd  # the file ended inside the array
