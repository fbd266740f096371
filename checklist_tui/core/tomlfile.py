"""Read a TOML file into a dict, turning every way it can be broken into one Problem."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checklist_tui.core import lazy, limits
from checklist_tui.core.errors import Problem

if TYPE_CHECKING:
    import tomllib
else:  # a checklist is read from its cache on most starts (core.definition_cache)
    tomllib = lazy.module("tomllib")

_AT_LINE = lazy.pattern(r"\(at line (\d+), column (\d+)\)")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, at most one more than a checklist may have (OSError if unreadable)."""
    with path.open("rb") as fh:
        return fh.read(limits.MAX_CHECKLIST_BYTES + 1)


def read_toml(path: Path, raw: bytes | None = None
              ) -> tuple[dict[str, Any] | None, str, Problem | None]:
    """Return (data, text, problem). Exactly one of data/problem is set. ``raw``: the
    file's bytes when the caller has read them already (see ``read_bytes``)."""
    if raw is None:
        try:
            raw = read_bytes(path)
        except OSError as exc:
            return None, "", Problem(path, f"cannot be read: {exc.strerror or exc}")
    big = limits.too_big(len(raw), limits.MAX_CHECKLIST_BYTES)
    if big:
        return None, "", Problem(path, big)
    if not raw.strip():
        return None, "", Problem(path, "is empty", hint="a TOML file with content was expected")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, "", Problem(
            path, f"is not UTF-8 text (byte {exc.start})", f"line {line}",
            "save the file as UTF-8 in your editor",
        )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        place = ""
        match = _AT_LINE.search(message)
        if match:
            place = f"line {match.group(1)}, column {match.group(2)}"
            message = _AT_LINE.sub("", message).strip()
        return None, text, Problem(path, f"is not valid TOML: {message}", place,
                                   "check quotes, brackets and '=' on that line")
    except RecursionError:
        return None, text, Problem(path, f"is nested more than {limits.MAX_NESTING} levels "
                                   "deep")
    shape = limits.check_shape(data)
    if shape:
        return None, text, Problem(path, shape[0], shape[1])
    return data, text, None


_ID_LINE = re.compile(r"^[ \t]*id[ \t]*=[ \t]*[\"']([^\"'\n]*)[\"']", re.MULTILINE)


@functools.lru_cache(maxsize=8)
def _id_lines(text: str) -> dict[str, int]:
    """Every ``id = "X"`` in the text and its first line, found in one pass."""
    found: dict[str, int] = {}
    line, pos = 1, 0
    for match in _ID_LINE.finditer(text):
        line += text.count("\n", pos, match.start())
        pos = match.start()
        found.setdefault(match.group(1), line)
    return found


def line_of_id(text: str, ident: str) -> int | None:
    """The line on which ``id = "IDENT"`` appears, to point authors at the right place.
    (The whole text is indexed once, so asking for every item stays linear.)"""
    return _id_lines(text).get(ident)
