"""Which plan files have passed every check of a load before, so that opening an unchanged
plan does not run pydantic again (#12.2).

Only a hash is kept, never plan data: a plan is special-category personal data and must
not be copied into a cache. An entry is an empty file whose name is the SHA-256 of the
plan file's exact bytes together with the app version and its code
(``definition_cache.code_stamp``) and the plan format version. It is made only when
those bytes passed pydantic's validation, the plan checks and the history checks (chain
and seal: nothing edited outside the app). A plan whose bytes changed in any way (edited
by hand, tampered with, damaged), or an app or format that changed, finds no entry and is
validated and checked in full, with the same one-line errors and the same "edited outside
the app". On a hit the plan is still built strictly (``core.strict_decode``: every value
of exactly its field's type, else a full validation) and the plan checks run again; the
history's hashes are those the file holds, which were checked for exactly these bytes.
Entries not owned by this user, or in a folder others can write, are ignored; deleting
the folder loses nothing but speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from typing import Any

from checklist_tui.core import history, locations
from checklist_tui.core.definition_cache import code_stamp, owner_only
from checklist_tui.core.plan import FORMAT_VERSION, Plan
from checklist_tui.core.strict_decode import Damaged, decode

FORMAT = 1
"""Bump when what an entry means changes."""
KEEP = 256
"""At most this many entries are kept (the oldest go first)."""


def digest_of(data: bytes) -> str:
    """The SHA-256 of a plan file's bytes (``store.Loaded.fingerprint``)."""
    return hashlib.sha256(data).hexdigest()


def _name(data: bytes, digest: str | None) -> str:
    digest = digest_of(data) if digest is None else digest
    key = f"{FORMAT}\0plan\0{code_stamp()}\0{FORMAT_VERSION}\0{digest}"
    return hashlib.sha256(key.encode()).hexdigest()


def known(data: bytes, digest: str | None = None) -> bool:
    """True when exactly these bytes passed validation before, by this app. ``digest``:
    their ``digest_of``, when the caller has it (a plan's bytes are hashed once)."""
    try:
        folder = locations.plan_cache_dir()
        if not owner_only(folder.stat()):
            return False
        info = os.lstat(folder / _name(data, digest))
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and owner_only(info) and info.st_size == 0


def remember(data: bytes, digest: str | None = None) -> None:
    """Note that these bytes passed validation; quietly nothing if it cannot be noted.
    ``digest`` as for ``known``."""
    try:
        folder = locations.ensure_private_dir(locations.plan_cache_dir())
        if not owner_only(folder.stat()):
            return
        entry = folder / _name(data, digest)
        fd = os.open(entry, os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
        os.close(fd)
        os.utime(entry)  # the newest is kept longest
        entries = sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime_ns)
        for old in entries[:-KEEP]:
            with contextlib.suppress(OSError):
                old.unlink()
    except OSError:
        return


def built(raw: dict[str, Any]) -> Plan | None:
    """A plan whose bytes are ``known``, built from its parsed file (without its hashes)
    exactly as validation builds it; None if anything about it is unexpected."""
    try:
        return decode(Plan, raw, native=True)
    except (Damaged, TypeError):
        return None


def stored_chain(plan: Plan, stored: list[tuple[Any, Any]]) -> history.Chain | None:
    """The history chain of a ``known`` plan from the hashes its file holds (checked when
    these bytes were noted: the same bytes check the same); None if any is missing."""
    digests = [digest for _, digest in stored]
    if len(digests) != len(plan.history) or not all(type(d) is str for d in digests):
        return None
    return history.Chain(list(plan.history), digests, [None] * len(digests))


def prepare_edits() -> None:
    """Load pydantic and build the validators of the plan's models now. A plan built from
    a known file has not used them, so the first edit would wait for them (pydantic's
    import and the validators: about 60 ms): the app calls this in a thread once the plan
    is on the screen."""
    from checklist_tui.core import checked, plan
    from checklist_tui.core.strict import Strict

    checked.prepare([model for model in vars(plan).values()
                     if isinstance(model, type) and issubclass(model, Strict)
                     and model.__module__ == plan.__name__ and model is not plan.Model])
