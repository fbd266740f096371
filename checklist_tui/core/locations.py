"""Every filesystem location the app uses, in one place.

Nothing here touches the disk at import time. Each location can be overridden:
by a command-line flag (passed in by the caller), then an environment variable,
then the platform default from platformdirs. Tests set the environment
variables so they never touch a real home folder.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from checklist_tui.core.errors import PlanError
from checklist_tui.core.peek import first_value

APP_NAME = "checklist-tui"

ENV_PLANS_DIR = "CHECKLIST_TUI_PLANS_DIR"
ENV_CONFIG_DIR = "CHECKLIST_TUI_CONFIG_DIR"
ENV_LOG_DIR = "CHECKLIST_TUI_LOG_DIR"
ENV_CACHE_DIR = "CHECKLIST_TUI_CACHE_DIR"


def builtin_checklists_dir() -> Path:
    """The shipped checklist definitions.

    In a built wheel they are inside the package (``_builtin_checklists``); in a
    source checkout or editable install they are the repository's ``checklists/``.
    """
    package_dir = Path(__file__).resolve().parent.parent
    inside = package_dir / "_builtin_checklists"
    if inside.is_dir():
        return inside
    return package_dir.parent / "checklists"


def _user_dir(variable: str, kind: Literal["config", "data", "log", "cache"],
              below: str = "") -> Path:
    """The folder the environment variable names, else platformdirs' user folder of
    that kind (and the subfolder ``below`` it); platformdirs is imported only when needed."""
    override = os.environ.get(variable)
    if override:
        return Path(override).expanduser()
    import platformdirs

    finders: dict[str, Callable[..., Path]] = {
        "config": platformdirs.user_config_path, "data": platformdirs.user_data_path,
        "log": platformdirs.user_log_path, "cache": platformdirs.user_cache_path}
    folder = finders[kind](APP_NAME, appauthor=False)
    return folder / below if below else folder


def config_dir() -> Path:
    """The user's configuration folder (not created here)."""
    return _user_dir(ENV_CONFIG_DIR, "config")


def user_checklists_dir() -> Path:
    """Local checklists that add to, or replace, the built-in ones."""
    return config_dir() / "checklists"


def plans_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Where plans are kept: the flag, then the environment, then user data."""
    if override:
        return Path(override).expanduser()
    return _user_dir(ENV_PLANS_DIR, "data", below="plans")


def log_dir() -> Path:
    """Where crash details are written, on this computer only (never sent anywhere)."""
    return _user_dir(ENV_LOG_DIR, "log")


def cache_dir() -> Path:
    """Rebuildable data such as the plan index; deleting it loses nothing."""
    return _user_dir(ENV_CACHE_DIR, "cache")


def definition_cache_dir() -> Path:
    """Checklists and sources files already validated (see ``core.definition_cache``)."""
    return cache_dir() / "definitions"


def plan_cache_dir() -> Path:
    """Hashes of plan files already validated: no plan data (see ``core.plan_cache``)."""
    return cache_dir() / "validated-plans"


def rescue_dir() -> Path:
    """Suggested folder for a copy of a plan that could not be saved in its own folder."""
    return Path.home() / "checklist-tui-copies"


def ensure_private_dir(path: Path) -> Path:
    """Create a folder, and any missing parents, owner-only (0700) whatever the umask."""
    missing: list[Path] = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue
        if os.name != "nt":
            os.chmod(folder, 0o700)
    if not path.is_dir():
        raise NotADirectoryError(20, "not a folder", str(path))
    return path


def tighten(path: Path) -> str | None:
    """Make an existing plans folder owner-only if others can reach it. Returns a warning
    naming the folder when that is not possible (e.g. someone else owns it)."""
    if os.name == "nt" or not path.is_dir():
        return None  # Windows: access is set by the folder's ACLs (see SECURITY.md)
    mode = path.stat().st_mode & 0o777
    if not mode & 0o077:
        return None
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700)
    if path.stat().st_mode & 0o077:
        return (f"{path} can be opened by other users of this computer (permissions "
                f"{mode:o}); plans hold special category data: ask IT to restrict it")
    return None


def resolve_plan(arg: str, plans_dir: Path) -> Path:
    """A plan given as a path, as a file name in the plans folder, or by its case
    reference (case and spaces ignored) when exactly one plan there has it; when several
    have it, one error naming their files."""
    path = Path(arg).expanduser()
    if path.exists():
        return path
    for candidate in (plans_dir / arg, plans_dir / f"{arg}.toml"):
        if candidate.exists():
            return candidate
    found = _with_case_ref(arg, plans_dir)
    if len(found) > 1:
        names = ", ".join(p.name for p in found)
        raise PlanError(f"{arg}: {len(found)} plans in {plans_dir} have this case reference "
                        f"({names}); give the file name of the one you mean")
    return found[0] if found else path


def _with_case_ref(case_ref: str, plans_dir: Path) -> list[Path]:
    """The plan files directly in ``plans_dir`` whose case reference is ``case_ref``."""
    import tomllib  # only when a plan is named by its case reference

    wanted = " ".join(case_ref.split()).casefold()
    if not wanted or not plans_dir.is_dir():
        return []
    found = []
    for candidate in sorted(plans_dir.glob("*.toml")):
        said = first_value(candidate, "case_ref")
        if said is None:  # not said plainly at the top: read the whole file
            try:
                value = tomllib.loads(candidate.read_text(encoding="utf-8")).get("case_ref")
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            said = value if isinstance(value, str) else None
        if said is not None and " ".join(said.split()).casefold() == wanted:
            found.append(candidate)
    return found


def entries(folder: Path, start: str = "", then: str = "", end: str = "") -> list[Path]:
    """What ``folder.glob(escape(start) + "*" + escape(then) + "*" + escape(end))`` finds
    (``then`` left out when empty): the entries named ``start``, then anything with
    ``then`` in it, then ``end``, with case ignored where the system ignores it, in no
    order; none if the folder cannot be read. Without compiling a pattern for each name
    (#12.2: opening a plan looked for its temporary files and the checklists so, about
    0.5 million instructions a pattern)."""
    norm = os.path.normcase
    start, then, end = norm(start), norm(then), norm(end)
    found: list[Path] = []
    try:
        with os.scandir(folder) as listing:
            for entry in listing:
                name = norm(entry.name)
                if len(name) >= len(start) + len(end) and name.startswith(start) \
                        and name.endswith(end) \
                        and (not then or then in name[len(start):len(name) - len(end)]):
                    found.append(folder / entry.name)
    except OSError:
        return []
    return found
