"""What a TOML file declares in its first lines, read without parsing or checking it: a
checklist's id (to pick the one checklist a plan needs) and a plan's case reference (for
the first frame while the plan is being checked). Only a plain ``key = "value"`` at the
start of a line before any table counts; anything less plain first gives None, and the
caller parses the whole file (or says less)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

HEAD_BYTES = 64 * 1024
_VALUE = r'[ \t]*=[ \t]*(?:"([^"\\\n]*)"|\'([^\'\n]*)\')[ \t]*(?:#.*)?'


def first_value(path: Path, key: str) -> str | None:
    """The string value of the top-level ``key``, if the file says it plainly and early."""
    try:
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError:
        return None
    pattern = re.compile(re.escape(key) + _VALUE)
    for line in _lines(head.decode("utf-8-sig", errors="replace")):
        if line.startswith(key):
            match = pattern.fullmatch(line.rstrip())
            if match:
                value = match.group(1) if match.group(1) is not None else match.group(2)
                return value
        if line.lstrip().startswith("[") or '"""' in line or "'''" in line:
            return None
    return None


FIRST_CHARS = 4096


def _lines(text: str) -> Iterator[str]:
    """``text.splitlines()``, the lines of its first few thousand characters first (what
    is looked for is in the first lines: a checklist is 80 KB, about 2,000 lines, and is
    peeked at on every start, #12.2)."""
    if len(text) <= FIRST_CHARS:
        yield from text.splitlines()
        return
    first = text[:FIRST_CHARS].splitlines()[:-1]  # the last may be cut short
    yield from first
    yield from text.splitlines()[len(first):]
