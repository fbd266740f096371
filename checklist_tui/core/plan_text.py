"""A plan's file text, and the snapshot a save writes (see ``core.store``)."""

from __future__ import annotations

from typing import Any

from checklist_tui.core import history
from checklist_tui.core.plan import FORMAT_VERSION, HistoryEntry, Plan
from checklist_tui.core.record import Record
from checklist_tui.core.strict import dump

HEADER = (
    "# checklist-tui plan file (format {version}). Special category personal data: keep it safe.\n"
    "# Written by checklist-tui; if you edit it by hand, keep it valid TOML.\n\n"
)


class Snapshot(Record):
    """The plan as it was when a save was asked for: everything a save writes, taken
    on the thread that changes the plan, so that the writing itself can run on another
    thread while the plan goes on changing (history only grows; its entries are never
    changed once added)."""

    data: dict[str, Any]
    """The plan without its history, as TOML data."""
    body: dict[str, Any]
    """The same, as the seal hashes it."""
    history: list[HistoryEntry]
    marked: bool = False
    """This save writes the "edited outside the app" mark into the history."""


def frozen(plan: Plan, marked: bool = False) -> Snapshot:
    """What a save of ``plan`` writes, taken now."""
    data = dump(plan, mode="python", exclude_none=True, exclude={"history"})
    data["format_version"] = FORMAT_VERSION
    return Snapshot(data, history.seal_data(plan), list(plan.history), marked)


def text(snap: Snapshot, chain: history.Chain) -> str:
    """The plan file's text for a snapshot (only entries new to ``chain`` are hashed)."""
    import tomli_w  # writing only: opening a plan never needs it

    chain.sync(snap.history)
    data = dict(snap.data)
    data[history.SEAL_KEY] = history.seal_body(snap.body, chain.head, len(snap.history))
    out = HEADER.format(version=FORMAT_VERSION) + tomli_w.dumps(data)
    if snap.history:
        out += "\n" + chain.toml()
    return out


def to_toml(plan: Plan, chain: history.Chain | None = None) -> str:
    """The plan file's text, sealed (see core.history). With the plan's ``chain`` only
    history entries added since the last save are hashed and turned into text."""
    return text(frozen(plan), chain if chain is not None else history.Chain())
