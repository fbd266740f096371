"""Plan files on disk: one human-readable TOML file per plan, never lost or torn.

A save writes a temporary file in the same folder, flushes and fsyncs it, keeps
the previous version as ``NAME.toml.bak``, renames the new file over the old one
and fsyncs the folder. A crash at any point leaves either the old plan or the
new one. Leftover temporary files are recovered or removed by ``recover()``.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import re
import time
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from checklist_tui.core import limits, plancheck
from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.edit import new_id
from checklist_tui.core.errors import FileWriteError, PlanConflictError, PlanError
from checklist_tui.core.locations import ensure_private_dir, tighten
from checklist_tui.core.locking import host_tag, pid_alive
from checklist_tui.core.plan import HistoryEntry, Plan

PLAN_SUFFIX = ".toml"
BACKUP_SUFFIX = ".bak"
TEMP_MARK = ".tmp-"
#: A temporary file from another computer is abandoned only after this long untouched.
ORPHAN_AFTER = 15 * 60
HEADER = (
    "# checklist-tui plan file (format {version}). Special category personal data: keep it safe.\n"
    "# Written by checklist-tui; if you edit it by hand, keep it valid TOML.\n\n"
)

#: Tests set this to simulate a crash between the steps of a save.
FAULT_HOOK: Callable[[str], None] | None = None


def _step(name: str) -> None:
    if FAULT_HOOK is not None:
        FAULT_HOOK(name)


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def to_toml(plan: Plan) -> str:
    data = plan.model_dump(mode="python", exclude_none=True)
    return HEADER.format(version=plan.format_version) + tomli_w.dumps(data)


def parse_plan(data: bytes, path: Path) -> Plan:
    """Parse plan bytes, or raise PlanError naming the file and the problem."""
    name = path.name
    if not data.strip():
        raise PlanError(f"{name}: the file is empty (a backup may be in {name}{BACKUP_SUFFIX})")
    big = limits.too_big(len(data), limits.MAX_PLAN_BYTES)
    if big:
        raise PlanError(f"{name}: {big}; it was left untouched")
    try:
        raw: dict[str, Any] = tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise PlanError(f"{name}: not a UTF-8 text file; it was left untouched") from None
    except tomllib.TOMLDecodeError as exc:
        raise PlanError(f"{name}: damaged or not a plan file ({exc}); it was left untouched"
                        ) from None
    except RecursionError:
        raise PlanError(f"{name}: nested more than {limits.MAX_NESTING} levels deep; it was "
                        "left untouched") from None
    plancheck.check_raw(raw, name)
    try:
        plan = Plan.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise PlanError(f"{name}: {where}: {err['msg']}; the file was left untouched") from None
    except (RecursionError, OverflowError, ValueError) as exc:
        raise PlanError(f"{name}: damaged ({type(exc).__name__}); the file was left "
                        "untouched") from None
    plancheck.check_plan(plan, name)
    return plan


@dataclass
class Loaded:
    path: Path
    plan: Plan
    fingerprint: str


def real_path(path: Path) -> Path:
    """The file a plan path names. A symbolic link is followed, so that saving (which
    replaces the file) reaches the real plan instead of turning the link into a copy."""
    if not path.is_symlink():
        return path
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise PlanError(f"{path}: a link to a plan file that cannot be found") from None


def load(path: Path) -> Loaded:
    """Read a plan (following a link to the real file: ``Loaded.path`` is that file)."""
    path = real_path(path)
    try:
        big = limits.too_big(path.stat().st_size, limits.MAX_PLAN_BYTES)
        if big:
            raise PlanError(f"{path.name}: {big}; it was left untouched")
        data = path.read_bytes()
    except FileNotFoundError:
        raise PlanError(f"{path}: no such plan file") from None
    except OSError as exc:
        raise PlanError(f"{path}: cannot be read ({exc.strerror})") from None
    return Loaded(path, parse_plan(data, path), fingerprint(data))


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - Windows has no directory fsync
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_temp(path: Path, data: bytes) -> Path:
    tmp = path.with_name(f".{path.name}{TEMP_MARK}{host_tag()}-{os.getpid()}-{new_id()}")
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


def _atomic_write(path: Path, data: bytes, keep_backup: bool) -> None:
    tmp = _write_temp(path, data)
    try:
        _step("synced")
        if keep_backup and path.exists():
            backup = path.with_name(path.name + BACKUP_SUFFIX)
            bak_tmp = _write_temp(backup, path.read_bytes())
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


def save(loaded: Loaded) -> None:
    """Save ``loaded.plan`` over its file, refusing if someone else changed the file."""
    path = loaded.path
    try:
        current = path.read_bytes()
    except FileNotFoundError:
        current = None
    except OSError as exc:
        raise PlanError(f"{path.name}: cannot be read before saving ({exc.strerror})") from None
    if current is not None and fingerprint(current) != loaded.fingerprint:
        raise PlanConflictError(
            f"{path.name} was changed by another program since it was opened; your changes "
            "were not written over it")
    data = to_toml(loaded.plan).encode("utf-8")
    try:
        atomic_write(path, data)
    except FileWriteError as exc:
        raise PlanError(f"{path.name}: could not be saved ({exc.reason}); your answers "
                        "are kept in memory") from None
    loaded.fingerprint = fingerprint(data)


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
) -> Loaded:
    try:
        ensure_private_dir(folder)
    except OSError as exc:
        raise PlanError(f"{folder}: the plans folder cannot be created or used "
                        f"({exc.strerror or exc}); nothing was written") from None
    try:
        plan = Plan(
            id=new_id(), checklist_id=loaded.id, checklist_version=loaded.checklist.version,
            checklist_hash=loaded.content_hash, case_ref=case_ref.strip(), edd=edd,
            practitioner=practitioner, practitioner_role=role, babies_expected=babies_expected,
            created=now, updated=now,
        )
    except ValidationError as exc:
        err = exc.errors()[0]
        raise PlanError(f"{'.'.join(map(str, err['loc']))}: {err['msg']}") from None
    plancheck.check_plan(plan, "the new plan")  # what load would refuse is never written
    plan.history.append(HistoryEntry(at=now, by=practitioner or "unknown", what="created",
                                     target="plan", new=f"{loaded.id} {plan.checklist_version}"))
    path = folder / f"{slug(loaded.id, 20)}-{slug(case_ref)}-{plan.id}{PLAN_SUFFIX}"
    data = to_toml(plan).encode("utf-8")
    try:
        atomic_write(path, data, keep_backup=False)
    except FileWriteError as exc:
        raise PlanError(f"{folder}: a new plan cannot be created in this folder "
                        f"({exc.reason}); nothing was written") from None
    return Loaded(path, plan, fingerprint(data))


@dataclass(frozen=True)
class Listed:
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


def _temp_owner(tmp: Path) -> tuple[str, int] | None:
    """(host tag, pid) from a temporary file's name, or None for an older or odd name."""
    parts = tmp.name.split(TEMP_MARK)[-1].split("-")
    if len(parts) == 3 and parts[1].isdigit() and len(parts[1]) < 10:
        return parts[0], int(parts[1])
    return None


def _abandoned(tmp: Path, now: float) -> bool:
    """True only when no live process can still be writing ``tmp``."""
    owner = _temp_owner(tmp)
    if owner is not None and owner[0] == host_tag():
        return owner[1] != os.getpid() and not pid_alive(owner[1])
    try:  # another computer (or an old name): only when long untouched
        return now - tmp.stat().st_mtime > ORPHAN_AFTER
    except OSError:
        return False


def _plan_of_temp(tmp: Path) -> str:
    """The plan file a temporary file belongs to (its own save, or its backup's)."""
    name = tmp.name[1:].split(TEMP_MARK)[0]
    return name.removesuffix(BACKUP_SUFFIX)


def recover_plan(path: Path) -> list[str]:
    """Deal with the abandoned temporary files of one plan. The caller must hold the
    plan's lock, so no other checklist-tui is saving it; a temporary file whose writer
    may still be alive is left alone. Returns what was done, for the user.

    A complete temporary plan with more history than the file is the save that was
    interrupted before its rename, so it is put in place. Anything else abandoned is
    removed: it was never the saved plan. ``NAME.toml.bak`` itself is never touched.
    """
    messages: list[str] = []
    folder = path.parent
    now = time.time()
    for tmp in sorted(folder.glob(f".{glob.escape(path.name)}*{TEMP_MARK}*")):
        if _plan_of_temp(tmp) != path.name or not _abandoned(tmp, now):
            continue
        target = folder / tmp.name[1:].split(TEMP_MARK)[0]
        candidate: Plan | None = None
        if target == path:
            try:
                candidate = parse_plan(tmp.read_bytes(), tmp)
            except (PlanError, OSError):
                candidate = None
        if candidate is not None:
            try:
                existing: Plan | None = load(target).plan
            except PlanError:
                existing = None
            if existing is None or len(candidate.history) > len(existing.history):
                with contextlib.suppress(OSError):
                    os.replace(tmp, target)
                    _fsync_dir(folder)
                    messages.append(f"recovered unsaved changes to {target.name}")
                    continue
        with contextlib.suppress(OSError):
            tmp.unlink()
            messages.append(f"removed an incomplete save of {target.name}")
    return messages


def recover(folder: Path) -> list[str]:
    """``recover_plan`` for every plan in ``folder`` that nobody has open; the folder is
    made owner-only first (or a warning says it cannot be)."""
    from checklist_tui.core.locking import PlanLock

    messages: list[str] = []
    if not folder.is_dir():
        return messages
    warning = tighten(folder)
    if warning:
        messages.append(warning)
    plans = sorted({_plan_of_temp(t) for t in folder.glob(f".*{TEMP_MARK}*")})
    for name in plans:
        lock = PlanLock(folder / name)
        try:
            lock.acquire()
        except PlanError:
            continue  # open in another program (or the folder is read-only): not ours
        try:
            messages.extend(recover_plan(folder / name))
        finally:
            lock.release()
    return messages
