"""Plan folders: where a plan named on the command line lives."""

from __future__ import annotations

from pathlib import Path


def resolve_plan(arg: str, plans_dir: Path) -> Path:
    """A plan given as a path, or as a file name in the plans folder."""
    path = Path(arg).expanduser()
    if path.exists():
        return path
    for candidate in (plans_dir / arg, plans_dir / f"{arg}.toml"):
        if candidate.exists():
            return candidate
    return path
