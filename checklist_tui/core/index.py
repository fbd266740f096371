"""The plan index: a summary of every plan in a folder, kept in SQLite in the user cache.

Never the source of truth: delete it and it is rebuilt from the plans. Each row
is keyed on the file's path, size, modification time and content hash:

* size and modification time unchanged: the file is not read at all (a slow
  network share costs one ``stat`` per plan);
* changed, or modified so recently that a same-second change could hide
  ("racily clean"): the file is read and hashed; same hash, nothing else done;
* new content, the checklist it was made from changed, or the row was made on an
  earlier day (its gaps and risks, overdue ones among them, are the day's): parsed
  and evaluated by the engine, exactly as the app does.

The whole index is rebuilt when it is missing, damaged or of an older schema.
Two apps may refresh it at once: WAL journal, a busy timeout, short
transactions, and rows that are the same whoever computes them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from checklist_tui.core import clock, locations
from checklist_tui.core.catalogue import LoadedChecklist, load_catalogue
from checklist_tui.core.dates import plural
from checklist_tui.core.folder import files_under
from checklist_tui.core.index_row import (
    MAX_PLAN_BYTES,
    ROW_VERSION,
    PlanRow,
    mark_same_case,
    summarise_file,
)
from checklist_tui.core.locking import TEMP_MARK
from checklist_tui.core.store import BACKUP_SUFFIX, PLAN_SUFFIX

SCHEMA_VERSION = 1
USER_VERSION = SCHEMA_VERSION * 1000 + ROW_VERSION
#: A file modified this close to when it was indexed is re-hashed next time.
RACY_NS = 3_000_000_000
BATCH = 500
PARALLEL_FROM = 400

_COLUMNS = ("error", "case_ref", "checklist_id", "checklist_version", "checklist_title",
            "practitioner", "edd",
            "dob", "answered", "total", "open_required", "contradicted", "incomplete",
            "gaps", "red_flags", "state",
            "state_label", "signoff", "changed_since_approval", "decisions_conflict",
            "edited_outside", "open_challenges", "updated",
            "due_json", "actions_json", "items_json", "overdue_json", "no_man", "as_of",
            "pauses_json")
_KEYS = ("path", "size", "mtime_ns", "hash", "indexed_ns", "checklist_key")
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS plans (
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, hash TEXT, indexed_ns INTEGER,
    checklist_key TEXT, {", ".join(f"{c}" for c in _COLUMNS)}
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Seen:
    rel: str
    size: int
    mtime_ns: int


@dataclass
class RefreshResult:
    files: int = 0
    unchanged: int = 0
    rehashed: int = 0
    parsed: int = 0
    removed: int = 0
    rebuilt: bool = False
    seen: frozenset[Seen] = frozenset()
    """The files as this refresh found them (``changed_since`` compares with them)."""
    started_ns: int = 0

    def said(self) -> str:
        """What this refresh did, for "Checked at 10:02 (...)": ``2 plans read again``,
        or ``nothing to read again`` (never "no plans changed": another app or the
        command line may have changed a plan and brought the index up to date itself)."""
        return f"{plural(self.parsed, 'plan')} read again" if self.parsed \
            else "nothing to read again"


def changed_since(folder: Path, result: RefreshResult) -> bool:
    """Whether the folder may differ from what ``result``'s refresh saw: a plan added,
    removed or with another size or time, or one changed so close to that refresh that a
    change in the same clock tick could hide (file times can be coarse: 2 s on some
    shares). One ``stat`` per plan; nothing is read."""
    now = frozenset(scan(folder)) if folder.is_dir() else frozenset()
    return now != result.seen or any(s.mtime_ns >= result.started_ns - RACY_NS
                                     for s in now)


def index_path(folder: Path) -> Path:
    key = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:20]
    return locations.cache_dir() / "index" / f"plans-{key}.sqlite3"


def _not_a_plan_name(name: str) -> bool:
    """A save's temporary file or a backup (or a folder so named): never a plan."""
    return TEMP_MARK in name or name.endswith(BACKUP_SUFFIX)


def scan(folder: Path) -> Iterator[Seen]:
    """Every plan file under ``folder`` (sub-folders too), with its size and time."""
    for entry in files_under(folder, _not_a_plan_name):
        try:
            if not entry.name.endswith(PLAN_SUFFIX) or not entry.is_file():
                continue
            st = entry.stat()
        except OSError:
            continue
        rel = Path(entry.path).relative_to(folder).as_posix()
        yield Seen(rel, st.st_size, st.st_mtime_ns)


# -- the worker: runs in this process or in a pool -------------------------------------
_CHECKLISTS: dict[str, LoadedChecklist] = {}


def _init_worker(checklist_dirs: list[str], include_user: bool) -> None:
    cat = load_catalogue(checklist_dirs, include_user=include_user)
    _CHECKLISTS.clear()
    _CHECKLISTS.update(cat.checklists)


def _process(job: tuple[str, str, str, int]) -> tuple[str, str, str, dict[str, object]]:
    """Read, hash and (if the content is new) summarise one file.

    Returns (rel, hash, checklist key, record); the record is empty when the
    hash matched the one the index already had.
    """
    folder, rel, known_hash, today_ord = job
    path = Path(folder) / rel
    try:
        if path.stat().st_size > MAX_PLAN_BYTES:
            return rel, "", "", PlanRow(path=rel, error=f"{rel}: too large to be a plan "
                                        "(over 20 MB); not read").record()
        data = path.read_bytes()
    except OSError as exc:
        return rel, "", "", PlanRow(path=rel, error=f"{rel}: cannot be read "
                                    f"({exc.strerror or exc})").record()
    digest = hashlib.sha256(data).hexdigest()
    if digest == known_hash:
        return rel, digest, "", {}
    row = summarise_file(Path(folder), rel, data, _CHECKLISTS, date.fromordinal(today_ord))
    lc = _CHECKLISTS.get(row.checklist_id)
    return rel, digest, lc.content_hash if lc else "", row.record()


class PlanIndex:
    """The index of one folder. Use ``rows()`` for what is known now, ``refresh()`` to update."""

    def __init__(self, folder: Path, checklists: dict[str, LoadedChecklist],
                 checklist_dirs: list[str] | None = None, include_user: bool = True,
                 db_path: Path | None = None):
        self.folder = folder
        self.checklists = checklists
        self.checklist_dirs = [str(d) for d in checklist_dirs or []]
        self.include_user = include_user
        self.db_path = db_path or index_path(folder)
        self.rebuilt = False
        self.conn = self._connect()

    # -- opening ------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        try:
            locations.ensure_private_dir(self.db_path.parent)
            conn = self._open(self.db_path)
        except (sqlite3.DatabaseError, OSError):
            self._discard()
            try:
                conn = self._open(self.db_path)
            except (sqlite3.DatabaseError, OSError):
                conn = self._open(Path(":memory:"))  # the cache folder cannot be used
        return conn

    def _open(self, path: Path) -> sqlite3.Connection:
        conn = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 30000")
        with contextlib.suppress(sqlite3.OperationalError):
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, USER_VERSION):
                conn.execute("DROP TABLE IF EXISTS plans")
                conn.execute("DROP TABLE IF EXISTS meta")
                self.rebuilt = True
            elif version == 0:
                self.rebuilt = True
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('folder', ?)",
                         (str(self.folder.resolve()),))
            conn.execute(f"PRAGMA user_version = {USER_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            conn.close()
            raise
        conn.execute("SELECT count(*) FROM plans").fetchone()  # fails early if damaged
        return conn

    def _discard(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(str(self.db_path) + suffix).unlink()
        self.rebuilt = True

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    def __enter__(self) -> PlanIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ------------------------------------------------------------------------
    def rows(self, with_items: bool = True, limit: int | None = None,
             by_file_time: bool = False) -> list[PlanRow]:
        """What the index holds now, without reading any plan: unreadable files first,
        then the most recently changed (or, ``by_file_time``, the newest files first).
        ``limit`` gives the first rows quickly."""
        cols = [c for c in _COLUMNS if with_items or c != "items_json"]
        order = ("mtime_ns DESC, path" if by_file_time
                 else "error = '', updated DESC, path")
        query = f"SELECT path, mtime_ns, {', '.join(cols)} FROM plans ORDER BY {order}"
        if limit is not None:
            query += f" LIMIT {int(limit)}"
        out = []
        for rec in self.conn.execute(query):
            data = dict(zip(cols, rec[2:], strict=True))
            out.append(PlanRow.from_record(rec[0], data, rec[1] / 1e9))
        if limit is None:  # the whole folder: which files share a case reference
            mark_same_case(out)
        return out

    # -- refreshing ---------------------------------------------------------------------
    def _known(self) -> dict[str, tuple[int, int, str, int, str, str | None]]:
        return {r[0]: r[1:] for r in self.conn.execute(
            "SELECT path, size, mtime_ns, hash, indexed_ns, checklist_key, as_of FROM plans")}

    def _key_for(self, checklist_id: str | None) -> str:
        lc = self.checklists.get(checklist_id or "")
        return lc.content_hash if lc else ""

    def refresh(self, progress: Progress | None = None, workers: int | None = None,
                today: date | None = None) -> RefreshResult:
        """Bring the index up to date with the folder; returns what was done."""
        today = today or clock.today()
        result = RefreshResult(rebuilt=self.rebuilt)
        known = self._known()
        ids = {r[0]: r[1] for r in self.conn.execute("SELECT path, checklist_id FROM plans")}
        started = time.time_ns()
        seen = list(scan(self.folder)) if self.folder.is_dir() else []
        result.files = len(seen)
        result.seen, result.started_ns = frozenset(seen), started
        jobs: list[tuple[str, str, str, int]] = []
        stat_of = {s.rel: s for s in seen}
        day = today.isoformat()
        for s in seen:
            old = known.get(s.rel)
            key = self._key_for(ids.get(s.rel))
            # A row made on another day is made again: its gaps and risks are the day's.
            same_day = old is not None and old[5] in (None, day)
            if old is not None and old[0] == s.size and old[1] == s.mtime_ns \
                    and old[4] == key and old[2] and s.mtime_ns < old[3] - RACY_NS \
                    and same_day:
                result.unchanged += 1
                continue
            same_key = old is not None and old[4] == key and same_day
            jobs.append((str(self.folder), s.rel, old[2] if same_key and old else "",
                         today.toordinal()))
        gone = set(known) - set(stat_of)
        if gone:
            self._write(lambda c: c.executemany("DELETE FROM plans WHERE path = ?",
                                                [(g,) for g in gone]))
            result.removed = len(gone)
        done = result.unchanged
        if progress:
            progress(done, result.files)
        batch: list[tuple[str, str, str, dict[str, object]]] = []
        for out in self._run(jobs, workers):
            batch.append(out)
            if out[3]:
                result.parsed += 1
            else:
                result.rehashed += 1
            if len(batch) >= BATCH:
                self._store(batch, stat_of, started)
                batch = []
            done += 1
            if progress and (done % 50 == 0 or done == result.files):
                progress(done, result.files)
        if batch:
            self._store(batch, stat_of, started)
        if progress:
            progress(result.files, result.files)
        self.rebuilt = False
        return result

    def _run(self, jobs: list[tuple[str, str, str, int]],
             workers: int | None) -> Iterator[tuple[str, str, str, dict[str, object]]]:
        if workers is None:
            workers = min(os.cpu_count() or 1, 4) if len(jobs) >= PARALLEL_FROM else 1
        if workers <= 1 or len(jobs) < 2:
            _CHECKLISTS.clear()
            _CHECKLISTS.update(self.checklists)
            for job in jobs:
                yield _process(job)
            return
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                                 initargs=(self.checklist_dirs, self.include_user)) as pool:
            yield from pool.map(_process, jobs, chunksize=64)

    def _write(self, action: Callable[[sqlite3.Connection], object]) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            action(self.conn)
            self.conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            raise

    def _store(self, batch: list[tuple[str, str, str, dict[str, object]]],
               stat_of: dict[str, Seen], started: int) -> None:
        full = [b for b in batch if b[3]]
        touched = [b for b in batch if not b[3]]
        cols = _KEYS + _COLUMNS
        insert = (f"INSERT OR REPLACE INTO plans ({', '.join(cols)}) "
                  f"VALUES ({', '.join('?' for _ in cols)})")

        def action(conn: sqlite3.Connection) -> None:
            conn.executemany(insert, [
                (rel, stat_of[rel].size, stat_of[rel].mtime_ns, digest, started, key,
                 *(rec[c] for c in _COLUMNS)) for rel, digest, key, rec in full])
            conn.executemany(
                "UPDATE plans SET size = ?, mtime_ns = ?, indexed_ns = ? WHERE path = ?",
                [(stat_of[rel].size, stat_of[rel].mtime_ns, started, rel)
                 for rel, _d, _k, _r in touched])

        self._write(action)


def open_index(folder: Path, checklists: dict[str, LoadedChecklist],
               checklist_dirs: list[str] | None = None, include_user: bool = True) -> PlanIndex:
    return PlanIndex(folder, checklists, checklist_dirs, include_user)
