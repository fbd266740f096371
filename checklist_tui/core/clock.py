"""The time, from one place.

The app always uses the computer's clock: history entries and sign-offs are never
back-dated by an environment variable. Tests, snapshots and documentation
screenshots freeze it in-process with ``fix()`` (a test fixture, not a setting).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

_fixed: datetime | None = None


def fix(moment: datetime | None) -> None:
    """Freeze the clock at ``moment`` (None: the real clock again). Tests only."""
    global _fixed
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    _fixed = moment


def now() -> datetime:
    if _fixed is not None:
        return _fixed
    return datetime.now(UTC).replace(microsecond=0)


def today() -> date:
    return now().astimezone().date()
