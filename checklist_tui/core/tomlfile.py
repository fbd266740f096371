"""Read a TOML file into a dict, turning every way it can be broken into one Problem."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from checklist_tui.core.errors import Problem

_AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def read_toml(path: Path) -> tuple[dict[str, Any] | None, str, Problem | None]:
    """Return (data, text, problem). Exactly one of data/problem is set."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, "", Problem(path, f"cannot be read: {exc.strerror or exc}")
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
    return data, text, None


def line_of_id(text: str, ident: str) -> int | None:
    """The line on which ``id = "IDENT"`` appears, to point authors at the right place."""
    pattern = re.compile(r"^\s*id\s*=\s*[\"']" + re.escape(ident) + r"[\"']", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None
