"""The time, from one place, so tests, snapshots and golden files can fix it.

Set ``CHECKLIST_TUI_NOW`` (ISO 8601, e.g. 2026-11-25T10:00:00+00:00) to freeze it.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

ENV_NOW = "CHECKLIST_TUI_NOW"


def now() -> datetime:
    fixed = os.environ.get(ENV_NOW)
    if fixed:
        moment = datetime.fromisoformat(fixed)
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return datetime.now(UTC).replace(microsecond=0)


def today() -> date:
    return now().astimezone().date()
