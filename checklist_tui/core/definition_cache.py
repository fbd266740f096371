"""Checklists and sources files already validated, kept in the user's cache folder, so that
opening a plan does not validate an unchanged checklist again (#12.2).

The cache is never the source of truth. An entry is used only when it was made from exactly
these bytes (their SHA-256 is in its name and checked inside it), by this version of the
app and of its validating code, against the same source ids. Anything else (damaged,
made for other bytes, from another version, too big, not a plain file, not owned by this
user or writable by others) is ignored and the file is validated as before. Entries are
JSON data, never pickle (a cache file must never be code), decoded strictly against the
models' field types. Deleting the folder loses nothing but speed; a folder that cannot be
written only means nothing is kept.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any, TypeVar

from checklist_tui import __version__
from checklist_tui.core import limits, locations
from checklist_tui.core.strict import Strict, dump
from checklist_tui.core.strict_decode import decode

FORMAT = 2
"""Bump when the layout of an entry changes (2: fields at their default left out)."""
MAX_ENTRY_BYTES = 4 * limits.MAX_CHECKLIST_BYTES
KEEP = 64
"""At most this many entries are kept (the oldest go first)."""

M = TypeVar("M", bound=Strict)


@functools.cache
def code_stamp() -> str:
    """The app version and the core's own files (size and time), so that an entry made by
    other validating code, even of the same version in a development checkout, is ignored."""
    core = Path(__file__).resolve().parent
    parts = [__version__]
    with os.scandir(core) as found:  # (a third of pathlib's glob's time, on every start)
        modules = sorted((e for e in found if e.name.endswith(".py")), key=lambda e: e.name)
    for module in modules:
        with contextlib.suppress(OSError):
            info = module.stat()
            parts.append(f"{module.name}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def digest_of(data: bytes) -> str:
    """The SHA-256 of a file's bytes, as an entry's name and header hold it."""
    return hashlib.sha256(data).hexdigest()


def _name(kind: str, data: bytes, context: str, digest: str | None = None) -> tuple[str, str]:
    """(file name of the entry, SHA-256 of the bytes: ``digest`` if the caller has it)."""
    digest = digest_of(data) if digest is None else digest
    key = hashlib.sha256(f"{FORMAT}\0{kind}\0{code_stamp()}\0{context}\0{digest}".encode())
    return f"{kind}-{key.hexdigest()}.json", digest


def owner_only(info: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else (Windows: the profile's own ACLs)."""
    if os.name == "nt":
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def _read_entry(path: Path) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode) or not owner_only(info) \
                or info.st_size > MAX_ENTRY_BYTES:
            return None
        return fh.read(MAX_ENTRY_BYTES + 1)


def lookup(kind: str, model: type[M], data: bytes, context: str = "",
           digest: str | None = None) -> M | None:
    """The model validated earlier from exactly ``data`` (in this ``context``), or None.
    ``digest``: ``digest_of(data)``, when the caller has it (the bytes are hashed once)."""
    try:
        folder = locations.definition_cache_dir()
        if not owner_only(folder.stat()):
            return None
        name, digest = _name(kind, data, context, digest)
        raw = _read_entry(folder / name)
        if raw is None:
            return None
        head, _, body = raw.partition(b"\n")
        expected = _header(kind, context, digest, body)
        if json.loads(head) != expected:
            return None  # made for other bytes, another version, or changed since
        return decode(model, json.loads(body))
    except (OSError, ValueError, RecursionError):  # strict_decode.Damaged is a ValueError
        return None


def _header(kind: str, context: str, digest: str, body: bytes) -> dict[str, Any]:
    """The first line of an entry: what it was made from, and the SHA-256 of the rest."""
    return {"format": FORMAT, "kind": kind, "app": code_stamp(), "context": context,
            "sha256": digest, "model_sha256": hashlib.sha256(body).hexdigest()}


def store(kind: str, value: Strict, data: bytes, context: str = "") -> None:
    """Keep ``value``, just validated from ``data``; quietly nothing if it cannot be kept."""
    try:
        folder = locations.ensure_private_dir(locations.definition_cache_dir())
        if not owner_only(folder.stat()):
            return
        name, digest = _name(kind, data, context)
        body = _body(value)
        head = json.dumps(_header(kind, context, digest, body), sort_keys=True).encode()
        text = head + b"\n" + body
        temp = folder / f".{name}.{os.getpid()}.tmp"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(text)
        os.replace(temp, folder / name)
        _prune(folder)
    except (OSError, ValueError, TypeError):
        return


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _body(value: Strict) -> bytes:
    """The model as JSON, without the fields at their default (a third smaller, read and
    decoded faster on every start, #12.2): ``strict_decode`` gives them their default.
    Only if that builds exactly the same model again, to the type of every value (a
    default equal to a value of another type, as 0 and false, would not): else whole."""
    whole = dump(value, mode="json")
    body = _json(dump(value, mode="json", exclude_defaults=True))
    try:
        again = dump(decode(type(value), json.loads(body)), mode="json")
    except ValueError:  # (strict_decode.Damaged)
        again = None
    return body if again is not None and _json(again) == _json(whole) else _json(whole)


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
    for old in entries[:-KEEP]:
        with contextlib.suppress(OSError):
            old.unlink()
