"""Record ids: random in use, derived from a seed where a file must come out the same every time.

``new_id`` gives eight hex characters. Inside ``seeded_ids(seed)`` (the example
plans' generator, tests) an id is instead derived from the seed, the kind of
record and how many of that kind came before, so regenerating a file changes an
id only when the records before it really changed. Temporary file names never use
this (``temp_tag``): their number must not shift the ids of records.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import field

from checklist_tui.core.record import MutableRecord


class _Seeded(MutableRecord):
    seed: str
    counts: Counter[str] = field(default_factory=Counter)

    def next(self, kind: str) -> str:
        self.counts[kind] += 1
        text = f"{self.seed}\x00{kind}\x00{self.counts[kind]}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


_SEEDED: ContextVar[_Seeded | None] = ContextVar("checklist_tui_seeded_ids", default=None)


def new_id(kind: str = "") -> str:
    """A new record id; ``kind`` (plan, Person, Agency, ...) keeps seeded ids stable per kind."""
    seeded = _SEEDED.get()
    if seeded is not None:
        return seeded.next(kind)
    return uuid.uuid4().hex[:8]


def temp_tag() -> str:
    """A random tag for a temporary file's name (never seeded)."""
    return uuid.uuid4().hex[:8]


@contextmanager
def seeded_ids(seed: str) -> Iterator[None]:
    """Within this block, ids are derived from ``seed`` instead of being random."""
    token = _SEEDED.set(_Seeded(seed))
    try:
        yield
    finally:
        _SEEDED.reset(token)
