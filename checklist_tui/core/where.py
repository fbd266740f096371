"""Where in a plan something is put right, for every list that sends the reader there.

Gaps and risks, the Outstanding entries, what would not be in place at birth and the
exported gaps all carry the same four fields, so a view can go to the item or the
record without knowing which list the line came from.
"""

from __future__ import annotations

from checklist_tui.core.record import Record


class Where(Record, kw_only=True):
    """An item (and its section), or a record on a records page; empty: nowhere in
    particular. Keyword-only, so each list keeps its own fields first."""

    item_id: str = ""
    section_id: str = ""
    page: str = ""
    """The records page where it is fixed: "people", "agencies" or "actions"."""
    record_id: str = ""
