"""Plan files on disk: one human-readable TOML file per plan, never lost or torn.

A save writes a temporary file in the same folder, flushes and fsyncs it, keeps
the previous version as ``NAME.toml.bak``, renames the new file over the old one
and fsyncs the folder. A crash at any point leaves either the old plan or the
new one. Leftover temporary files are recovered or removed by ``core.recovery``.
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from checklist_tui.core import clock, history, lazy, limits, plan_cache, plan_text, plancheck
from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.errors import FileWriteError, PlanConflictError, PlanError
from checklist_tui.core.ids import new_id
from checklist_tui.core.locations import ensure_private_dir
from checklist_tui.core.locking import temp_name
from checklist_tui.core.plan import FORMAT_VERSION, HistoryEntry, Plan
from checklist_tui.core.plan_text import to_toml
from checklist_tui.core.pydantic_errors import plain, where
from checklist_tui.core.record import MutableRecord, Record
from checklist_tui.core.strict import Invalid

if TYPE_CHECKING:
    import tomllib

    from checklist_tui.core import damaged
else:  # only for a file history.read_plan leaves to it: not on a known plan's open
    tomllib, damaged = lazy.module("tomllib"), lazy.module("checklist_tui.core.damaged")

PLAN_SUFFIX = ".toml"
BACKUP_SUFFIX = ".bak"

#: Tests set this to simulate a crash between the steps of a save.
FAULT_HOOK: Callable[[str], None] | None = None


def _step(name: str) -> None:
    if FAULT_HOOK is not None:
        FAULT_HOOK(name)


def fingerprint(data: bytes) -> str:
    return plan_cache.digest_of(data)


def parse_plan(data: bytes, path: Path) -> Plan:
    """Parse plan bytes, or raise PlanError naming the file and the problem."""
    return _parse(data, path)[0]


def _parse(data: bytes, path: Path, known: bool = False
           ) -> tuple[Plan, history.Chain, str]:
    """(plan, its history chain, what was found edited outside the app or ''). ``known``:
    these exact bytes passed validation and the history checks before, by this app
    (``core.plan_cache``): the plan is built without pydantic and its stored hashes are
    taken as checked (anything unexpected is validated and checked in full)."""
    name = path.name
    if not data.strip():
        raise damaged.refused(path, "the file is empty")
    big = limits.too_big(len(data), limits.MAX_PLAN_BYTES)
    if big:
        raise PlanError(f"{name}: {big}; it was left untouched")
    try:
        text = data.decode("utf-8-sig")
        # a known file's history (see history.read_plan) is read without tomllib's slow pass
        raw = history.read_plan(text) if known else None
        raw = tomllib.loads(text) if raw is None else raw
    except UnicodeDecodeError:
        raise damaged.refused(path, "not a UTF-8 text file") from None
    except tomllib.TOMLDecodeError as exc:
        raise damaged.refused(path, damaged.NOT_A_PLAN, str(exc)) from None
    except RecursionError:
        raise PlanError(f"{name}: nested more than {limits.MAX_NESTING} levels deep; it was "
                        "left untouched") from None
    plancheck.check_raw(raw, name)
    seal, stored = history.take_hashes(raw)
    plan = plan_cache.built(raw) if known else None
    if plan is not None:
        plancheck.check_plan(plan, name)
        chain = plan_cache.stored_chain(plan, stored)
        if chain is not None:
            return plan, chain, ""
    try:
        plan = plan or Plan.model_validate(raw)
    except Invalid as exc:
        err = exc.errors()[0]
        raise PlanError(f"{name}: {where(err)}: {plain(err)}; it was left untouched") from None
    except (RecursionError, OverflowError, ValueError):
        raise damaged.refused(path, "damaged: it holds a value no plan can hold") from None
    plancheck.check_plan(plan, name)
    chain, found = history.verify(plan, raw["format_version"], seal, stored)
    return plan, chain, found


class Loaded(MutableRecord):
    path: Path
    plan: Plan
    fingerprint: str
    chain: history.Chain = field(default_factory=history.Chain)
    stat_key: tuple[int, ...] | None = None
    """The file's identity when we last read or wrote it (see ``save``)."""
    found_outside: str = ""
    """What loading found edited outside the app ('' if nothing); written into the
    history as a mark at the next save."""
    mark: HistoryEntry | None = None
    """That mark, once added to the history (it stays there if the save fails)."""

    @property
    def edited_outside(self) -> str:
        """"Edited outside the app …" for every view of this plan, or ''."""
        return history.describe(self.plan, self.found_outside)


def real_path(path: Path) -> Path:
    """The file a plan path names. A symbolic link is followed, so that saving (which
    replaces the file) reaches the real plan instead of turning the link into a copy."""
    if not path.is_symlink():
        return path
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise PlanError(f"{path}: a link to a plan file that cannot be found") from None


def load(path: Path, remember: bool = False) -> Loaded:
    """Read a plan (following a link to the real file: ``Loaded.path`` is that file).
    ``remember``: skip validating bytes that passed before, and note these if they pass
    (for opening a plan; not for reading many plans, which would fill the cache)."""
    path = real_path(path)
    try:
        before = _stat_key(path)
        big = limits.too_big(before[2] if before else 0, limits.MAX_PLAN_BYTES)
        if big:
            raise PlanError(f"{path.name}: {big}; it was left untouched")
        data = path.read_bytes()
    except FileNotFoundError:
        raise PlanError(f"{path}: no such plan file") from None
    except OSError as exc:
        raise PlanError(f"{path}: cannot be read ({exc.strerror})") from None
    loaded = load_bytes(data, path, remember)
    if before is not None and _stat_key(path) == before:  # not changed while we read it
        loaded.stat_key = before
    return loaded


def load_bytes(data: bytes, path: Path, remember: bool = False) -> Loaded:
    """A plan from its file's bytes (``path`` names it in messages)."""
    digest = fingerprint(data)  # hashed once, for the cache and for saving
    known = remember and plan_cache.known(data, digest)
    try:
        plan, chain, found = _parse(data, path, known)
    except PlanError as exc:  # a file refused: where the version saved before it is
        raise damaged.with_backup(path, exc) from None
    if remember and not known and not found:
        plan_cache.remember(data, digest)
    return Loaded(path, plan, digest, chain=chain, found_outside=found)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - Windows has no directory fsync
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_temp(path: Path, data: bytes) -> Path:
    tmp = temp_name(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            _step("written")
            fh.flush()
            os.fsync(fh.fileno())
    except Exception:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def atomic_write(path: Path, data: bytes, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new content.
    Raises FileWriteError naming ``path`` (not a temporary file) when the disk refuses."""
    try:
        _atomic_write(path, data, keep_backup)
    except OSError as exc:
        raise FileWriteError(path, exc.strerror or str(exc)) from None


def _backup_temp(path: Path, backup: Path) -> Path:
    """The current file, ready to become the backup: a second name for the same data
    (a hard link: nothing copied, so a big plan saves as fast as a small one), or a
    copy where links are not possible (some network folders)."""
    tmp = temp_name(backup)
    try:
        os.link(path, tmp)
        return tmp
    except OSError:
        return _write_temp(backup, path.read_bytes())


def _stat_key(path: Path) -> tuple[int, ...] | None:
    """What changes whenever a file is written or replaced (ctime cannot be set back)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _atomic_write(path: Path, data: bytes, keep_backup: bool) -> None:
    tmp = _write_temp(path, data)
    try:
        _step("synced")
        if keep_backup and path.exists():
            backup = path.with_name(path.name + BACKUP_SUFFIX)
            bak_tmp = _backup_temp(path, backup)
            _step("backup-written")
            os.replace(bak_tmp, backup)
            _step("backup-replaced")
        os.replace(tmp, path)
        _step("replaced")
        _fsync_dir(path.parent)
    except Exception:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def snapshot(loaded: Loaded) -> plan_text.Snapshot:
    """Take what a save of ``loaded`` will write (cheap: the history is not copied
    entry by entry). Raises PlanError for what load would refuse: it is never written."""
    plan = loaded.plan
    plancheck.check_plan(plan, loaded.path.name)
    marked = bool(loaded.found_outside)
    if marked and loaded.mark is None:  # the mark goes into the history itself, once
        loaded.mark = history.mark_entry(loaded.found_outside, clock.now())
        plan.history.append(loaded.mark)
    return plan_text.frozen(plan, marked)


def write_snapshot(loaded: Loaded, snap: plan_text.Snapshot) -> None:
    """Write a snapshot over the plan's file, refusing if someone else changed the file.
    Safe on a worker thread: it touches only ``loaded``'s file state (fingerprint, chain)
    and never the plan; the caller runs one at a time, in the order they were taken."""
    path = loaded.path
    current: bytes | None = None
    unchanged = loaded.stat_key is not None and _stat_key(path) == loaded.stat_key
    if not unchanged:  # read it only when it may have changed since we wrote it
        try:
            current = path.read_bytes()
        except FileNotFoundError:
            current = None
        except OSError as exc:
            raise PlanError(f"{path.name}: cannot be read before saving ({exc.strerror})"
                            ) from None
    if current is not None and fingerprint(current) != loaded.fingerprint:
        raise PlanConflictError(
            f"{path.name} was changed by another program since it was opened; your changes "
            "were not written over it")
    data = plan_text.text(snap, loaded.chain).encode("utf-8")
    try:
        atomic_write(path, data)
    except FileWriteError as exc:
        raise PlanError(f"{path.name}: could not be saved ({exc.reason}); your answers "
                        "are kept in memory") from None
    loaded.fingerprint = fingerprint(data)
    loaded.stat_key = _stat_key(path)
    if snap.marked:
        loaded.found_outside = ""


def saved(loaded: Loaded) -> None:
    """After a snapshot was written: the plan is in the current format (on the thread
    that changes the plan)."""
    if loaded.plan.format_version != FORMAT_VERSION:
        loaded.plan.format_version = FORMAT_VERSION


def save(loaded: Loaded) -> None:
    """Save ``loaded.plan`` over its file, refusing if someone else changed the file."""
    write_snapshot(loaded, snapshot(loaded))
    saved(loaded)


def save_copy(loaded: Loaded, suffix: str) -> Path:
    """Write the plan beside the original under a new name (used after a conflict)."""
    target = loaded.path.with_name(f"{loaded.path.stem}.{suffix}{PLAN_SUFFIX}")
    atomic_write(target, to_toml(loaded.plan).encode("utf-8"), keep_backup=False)
    return target


def write_copy(loaded: Loaded, folder: Path, stamp: str) -> Path:
    """Write the plan as a new file in another folder (when its own folder cannot be
    written); never over an existing file. Raises PlanError naming the folder."""
    folder = Path(folder).expanduser()
    if not str(folder).strip():
        raise PlanError("type a folder for the copy")
    target = folder / f"{loaded.path.stem}.copy-{stamp}{PLAN_SUFFIX}"
    try:
        ensure_private_dir(folder)
        n = 1
        while target.exists():
            n += 1
            target = folder / f"{loaded.path.stem}.copy-{stamp}-{n}{PLAN_SUFFIX}"
        atomic_write(target, to_toml(loaded.plan).encode("utf-8"), keep_backup=False)
    except FileWriteError as exc:
        raise PlanError(f"{folder}: the copy could not be written there ({exc.reason})") from None
    except OSError as exc:
        raise PlanError(f"{folder}: the copy could not be written there "
                        f"({exc.strerror or exc})") from None
    return target


def slug(text: str, limit: int = 40) -> str:
    """A safe file-name part: letters, digits and hyphens only; cannot escape a folder."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    return cleaned[:limit].strip("-") or "plan"


def create(
    folder: Path, loaded: LoadedChecklist, *, case_ref: str, now: datetime,
    edd: date | None = None, practitioner: str = "", role: str = "", babies_expected: int = 1,
    dob: date | None = None,
) -> Loaded:
    try:
        ensure_private_dir(folder)
    except OSError as exc:
        raise PlanError(f"{folder}: the plans folder cannot be created or used "
                        f"({exc.strerror or exc}); nothing was written") from None
    try:
        plan = Plan(
            id=new_id("plan"), checklist_id=loaded.id, checklist_version=loaded.checklist.version,
            checklist_hash=loaded.content_hash, case_ref=case_ref.strip(), edd=edd, dob=dob,
            practitioner=practitioner, practitioner_role=role, babies_expected=babies_expected,
            created=now, updated=now,
        )
    except Invalid as exc:
        err = exc.errors()[0]
        raise PlanError(f"{where(err)}: {plain(err)}") from None
    plancheck.check_plan(plan, "the new plan")  # what load would refuse is never written
    plan.history.append(HistoryEntry(at=now, by=practitioner or "unknown", what="created",
                                     target="plan", new=f"{loaded.id} {plan.checklist_version}"))
    path = folder / f"{slug(loaded.id, 20)}-{slug(case_ref)}-{plan.id}{PLAN_SUFFIX}"
    chain = history.Chain()
    data = to_toml(plan, chain).encode("utf-8")
    try:
        atomic_write(path, data, keep_backup=False)
    except FileWriteError as exc:
        raise PlanError(f"{folder}: a new plan cannot be created in this folder "
                        f"({exc.reason}); nothing was written") from None
    return Loaded(path, plan, fingerprint(data), chain=chain, stat_key=_stat_key(path))


class Listed(Record):
    path: Path
    plan: Plan | None
    error: str = ""
    modified: float = 0.0


def list_plans(folder: Path) -> list[Listed]:
    """Every plan in ``folder``, newest first; unreadable files are listed with the reason."""
    if not folder.is_dir():
        return []
    found: list[Listed] = []
    for path in folder.glob(f"*{PLAN_SUFFIX}"):
        if path.name.startswith("."):
            continue
        mtime = 0.0
        try:
            mtime = path.stat().st_mtime
            found.append(Listed(path, load(path).plan, modified=mtime))
        except PlanError as exc:
            found.append(Listed(path, None, str(exc), modified=mtime))
        except OSError as exc:
            found.append(Listed(path, None, f"{path.name}: {exc.strerror}"))
        except (RecursionError, OverflowError, ValueError, TypeError, MemoryError) as exc:
            # one damaged file never stops the listing (#8.13)
            found.append(Listed(path, None, f"{path.name}: damaged ({type(exc).__name__})",
                                modified=mtime))
    found.sort(key=lambda x: (-x.modified, x.path.name))
    return found


