"""Check constraints.txt against a copy of the OSV vulnerability database, offline.

    python tools/audit_offline.py OSV_PYPI_EXPORT [constraints.txt]

OSV_PYPI_EXPORT is the PyPI export from https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip
(a .zip or the folder it unzips to), downloaded on a connected machine and carried
across. Prints one line per known vulnerability affecting a pinned version and exits 1
if there is any; the result is only as new as that copy (its newest record's date is
printed). Nothing is fetched: this script never uses the network.
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            found[_norm(name)] = version.strip()
    return found


def records(source: Path) -> Iterator[dict[str, Any]]:
    if source.is_dir():
        for path in sorted(source.rglob("*.json")):
            yield json.loads(path.read_text("utf-8"))
    else:
        with zipfile.ZipFile(source) as archive:
            for name in archive.namelist():
                if name.endswith(".json"):
                    yield json.loads(archive.read(name))


def _key(version: str) -> Any:
    try:
        from packaging.version import Version

        return Version(version)
    except Exception:  # packaging missing or an odd version: compare exactly only
        return None


def affected(entry: dict[str, Any], version: str) -> bool:
    if version in entry.get("versions", []):
        return True
    mine = _key(version)
    if mine is None:
        return False
    for span in entry.get("ranges", []):
        if span.get("type") != "ECOSYSTEM":
            continue
        inside = False
        for event in span.get("events", []):
            if "introduced" in event:
                start = event["introduced"]
                inside = start == "0" or (_key(start) is not None and mine >= _key(start))
            elif "fixed" in event and inside and _key(event["fixed"]) is not None:
                inside = mine < _key(event["fixed"])
            elif "last_affected" in event and inside and _key(event["last_affected"]):
                inside = mine <= _key(event["last_affected"])
        if inside:
            return True
    return False


def audit(source: Path, constraints: Path) -> tuple[list[str], str]:
    pinned = pins(constraints)
    hits, newest = [], ""
    for record in records(source):
        newest = max(newest, str(record.get("modified", "")))
        for entry in record.get("affected", []):
            package = entry.get("package", {})
            if package.get("ecosystem") != "PyPI":
                continue
            name = _norm(str(package.get("name", "")))
            if name in pinned and affected(entry, pinned[name]):
                hits.append(f"{name}=={pinned[name]}: {record.get('id')} "
                            f"{str(record.get('summary', '')).strip()}")
    return sorted(set(hits)), newest


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    constraints = Path(argv[1]) if len(argv) > 1 else ROOT / "constraints.txt"
    hits, newest = audit(Path(argv[0]), constraints)
    for line in hits:
        print(line)
    print(f"{len(hits)} known vulnerabilities in {constraints.name}; database copy as new as "
          f"{newest or 'unknown'}")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
