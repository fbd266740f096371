"""Tamper-evident history: each entry carries the hash of the previous entry and of its
own change, and the file carries a seal over the whole plan and the last hash.

Loading verifies the chain and the seal. A plan edited outside the app still opens,
marked "Edited outside the app" with what was found; the next save writes that mark
into the history itself (and seals the plan again from there). Plans from before the
seal (format 1) open unmarked and are sealed at their first save.

The hashes need no secret, so they show an edit made by someone who did not also
recompute them; they cannot prove who made a change (see SECURITY.md).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from checklist_tui.core import app_toml, lazy
from checklist_tui.core.plan import FORMAT_VERSION, HistoryEntry, Plan
from checklist_tui.core.record import MutableRecord
from checklist_tui.core.strict import dump, fields

if TYPE_CHECKING:
    import tomllib
else:  # only for a file the app's own readers leave to it: not on a known plan's open
    tomllib = lazy.module("tomllib")

SEAL_KEY, PREV_KEY, HASH_KEY = "seal", "prev", "hash"
SEALED_SINCE = 2
"""The first plan format that carries hashes and a seal."""
MARK_WHAT = "edited-outside"
EDITED_OUTSIDE = "Edited outside the app"
"""The mark's words, for every view that shows a plan's state."""


def _canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=str).encode("utf-8")


def entry_hash(prev: str, entry: HistoryEntry) -> str:
    """The hash of an entry: of the previous entry's hash and of this change."""
    return hashlib.sha256(prev.encode() + b"\n" + _canonical(dump(entry, mode="json"))
                          ).hexdigest()


#: Fields added to the plan model after seals were first written, while a seal still
#: covered every field: a seal from then covers the plan without them.
_ADDED_SINCE_FIRST_SEALS = {"actions": ("outcome",), "distribution": ("role", "how")}


def seal_of(plan: Plan, head: str, count: int) -> str:
    """The seal: everything in the plan but its history, the last hash and the count."""
    return seal_body(seal_data(plan), head, count)


def seal_data(plan: Plan) -> dict[str, Any]:
    """What the seal covers besides the history (taken on the thread that edits the
    plan, see core.plan_text.Snapshot). A field at its default value is left out, so
    adding a field to the plan model never breaks the seal of a plan written before it
    (the plan would show as edited outside the app)."""
    body = dump(plan, mode="json", exclude={"history"}, exclude_defaults=True)
    body["format_version"] = FORMAT_VERSION
    return body


def seal_body(body: dict[str, Any], head: str, count: int) -> str:
    """The seal of a plan already dumped (as JSON data, without its history)."""
    return hashlib.sha256(_canonical(body) + f"\n{head}\n{count}".encode()).hexdigest()


def first_seal_of(plan: Plan, head: str, count: int) -> str:
    """The seal as the first sealing code wrote it: every field, but none added since."""
    body = dump(plan, mode="json", exclude={"history"})
    for key, added in _ADDED_SINCE_FIRST_SEALS.items():
        for record in body.get(key, []):
            for name in added:
                if record.get(name) == "":
                    del record[name]
    body["format_version"] = FORMAT_VERSION
    return seal_body(body, head, count)


#: The entry's text fields, after its time, in the order the model declares them.
_FIELDS = tuple(name for name in fields(HistoryEntry) if name != "at")


def _toml_string(text: str) -> str:
    # JSON's escapes are TOML's (\b \t \n \f \r \" \\ \uXXXX); TOML also forbids raw DEL.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def entry_text(entry: HistoryEntry, prev: str, digest: str) -> str:
    """One ``[[history]]`` table. Written directly for the usual all-text entry (a save
    after opening a long plan writes every entry once), else by tomli_w."""
    fields = entry.__dict__
    if set(fields) == {"at", *_FIELDS} and isinstance(entry.at, datetime) \
            and all(isinstance(fields[k], str) for k in _FIELDS):
        lines = ["[[history]]", f"at = {entry.at.isoformat()}"]
        lines += [f"{k} = {_toml_string(fields[k])}" for k in _FIELDS]
        lines += [f'{PREV_KEY} = "{prev}"', f'{HASH_KEY} = "{digest}"']
        return "\n".join(lines) + "\n"
    import tomli_w  # writing only: opening a plan never needs it

    data = dump(entry, mode="python", exclude_none=True)
    data[PREV_KEY], data[HASH_KEY] = prev, digest
    return tomli_w.dumps({"history": [data]})


# What ``entry_text`` writes, and nothing else: TOML's own ranges for the time (as
# tomllib reads it), basic strings without a raw tab, DEL or other control character.
_AT = (r"[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3])"
       r":[0-5][0-9]:[0-5][0-9](?:\.[0-9]{6})?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])")
# (a run of plain characters, then any escape and the run after it: the same strings as
# one character at a time, matched about three times faster, #12.2)
_PLAIN = r'[^"\\\x00-\x1f\x7f]*'
_STRING = rf'"{_PLAIN}(?:\\(?:[btnfr"\\]|u[0-9A-Fa-f]{{4}}|U[0-9A-Fa-f]{{8}}){_PLAIN})*"'
_ENTRY = re.compile(
    rf"\[\[history\]\]\nat = ({_AT})\n"
    + "".join(rf"{name} = ({_STRING})\n" for name in _FIELDS)
    + rf'{PREV_KEY} = "([0-9a-f]{{64}}|)"\n{HASH_KEY} = "([0-9a-f]{{64}})"\n(?:\n|\Z)')
_KEYS = ("at", *_FIELDS, PREV_KEY, HASH_KEY)


def read_tail(text: str) -> list[dict[str, Any]] | None:
    """The ``[[history]]`` tables that end a plan file, exactly as ``tomllib`` reads them
    (dicts of the same keys, values and types), when every one is exactly as
    ``entry_text`` writes it and nothing else follows; None for anything else, so that
    the caller reads the file with tomllib. About six times faster than tomllib, for the
    part of a plan that grows with every change (#12.2)."""
    found: list[dict[str, Any]] = []
    pos, end, match = 0, len(text), _ENTRY.match
    try:
        while pos < end:
            entry = match(text, pos)
            if entry is None:
                return None
            at, *strings, prev, digest = entry.groups()
            found.append(dict(zip(_KEYS, (datetime.fromisoformat(at),
                                          *map(app_toml.string, strings), prev, digest),
                                  strict=True)))
            pos = entry.end()
    except ValueError:  # a date that does not exist, an escape tomllib refuses (app_toml)
        return None
    return found or None


HISTORY_START = "\n[[history]]\n"


def read_plan(text: str) -> dict[str, Any] | None:
    """A plan file's TOML data, its history read by ``read_tail`` and the rest by
    ``core.app_toml`` (else tomllib), when its history is exactly as the app writes it;
    else None (read it with tomllib).
    The same data as tomllib's, without its slow pass over the part that grows with every
    change; for files known to have passed every check (``core.plan_cache``, #12.2)."""
    start = text.find(HISTORY_START) + 1
    entries = read_tail(text[start:]) if start else None
    if entries is None:
        return None
    # The history tables start on a line of their own at the top level (else the head
    # alone does not parse: an unclosed string or array), so the head read alone is what
    # tomllib reads before them.
    try:
        head = app_toml.read(text[:start]) or tomllib.loads(text[:start])
    except (ValueError, RecursionError):
        return None  # read it all, for tomllib's own error
    if "history" in head:
        return None
    head["history"] = entries
    return head


class Chain(MutableRecord):
    """The hashes (and, once saved, the TOML text) of a history, kept so that a save
    only hashes and writes out the entries added since: its cost does not grow with
    the history. History is append-only; anything else starts the chain again."""

    entries: list[HistoryEntry] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)
    texts: list[str | None] = field(default_factory=list)

    @property
    def head(self) -> str:
        return self.hashes[-1] if self.hashes else ""

    def sync(self, history: list[HistoryEntry]) -> None:
        known = len(self.entries)
        same = known <= len(history) and (known == 0 or history[known - 1] is self.entries[-1])
        if not same:
            keep = 0
            while keep < min(known, len(history)) and history[keep] is self.entries[keep]:
                keep += 1
            del self.entries[keep:], self.hashes[keep:], self.texts[keep:]
        for entry in history[len(self.entries):]:
            self.entries.append(entry)
            self.hashes.append(entry_hash(self.head, entry))
            self.texts.append(None)

    def toml(self) -> str:
        for n, text in enumerate(self.texts):
            if text is None:
                prev = self.hashes[n - 1] if n else ""
                self.texts[n] = entry_text(self.entries[n], prev, self.hashes[n])
        return "\n".join(t or "" for t in self.texts)


def take_hashes(raw: dict[str, Any]) -> tuple[str | None, list[tuple[Any, Any]]]:
    """Remove the seal and the entries' hashes from a parsed file (they are not part of
    the plan model) and return them."""
    seal = raw.pop(SEAL_KEY, None)
    stored: list[tuple[Any, Any]] = []
    history = raw.get("history")
    if isinstance(history, list):
        for entry in history:
            if isinstance(entry, dict):
                stored.append((entry.pop(PREV_KEY, None), entry.pop(HASH_KEY, None)))
            else:
                stored.append((None, None))
    return seal, stored


def verify(plan: Plan, version: int, seal: Any, stored: list[tuple[Any, Any]]
           ) -> tuple[Chain, str]:
    """The plan's chain, and what was found wrong with it ('' when nothing)."""
    chain = Chain()
    chain.sync(plan.history)
    hashed = seal is not None or any(h is not None or p is not None for p, h in stored)
    if not hashed:
        if version < SEALED_SINCE:
            return chain, ""  # from before the seal: sealed at its first save
        return chain, "its seal and history hashes were removed"
    for n, (entry, (prev, digest)) in enumerate(zip(plan.history, stored, strict=True)):
        expected_prev = chain.hashes[n - 1] if n else ""
        if prev != expected_prev or digest != chain.hashes[n]:
            when = entry.at.strftime("%d/%m/%Y %H:%M")
            return chain, (f"history entry {n + 1} ({entry.what} {entry.target}, {when}) was "
                           "changed, or entries before it were removed or reordered")
    if seal != seal_of(plan, chain.head, len(plan.history)) and \
            seal != first_seal_of(plan, chain.head, len(plan.history)):
        return chain, ("the plan's content or the end of its history was changed without "
                       "a history entry")
    return chain, ""


def describe(plan: Plan, found: str = "") -> str:
    """The words every view shows about edits outside the app ('' when there are none):
    what loading found now, else the last mark recorded in the history."""
    if found:
        return f"{EDITED_OUTSIDE}: {found}"
    marks = [e for e in plan.history if e.what == MARK_WHAT]
    if marks:
        last = marks[-1]
        return f"{EDITED_OUTSIDE} (found {last.at.strftime('%d/%m/%Y')}: {last.new})"
    return ""


def mark_entry(found: str, now: datetime) -> HistoryEntry:
    return HistoryEntry(at=now, by="checklist-tui", what=MARK_WHAT, target="plan", new=found)
