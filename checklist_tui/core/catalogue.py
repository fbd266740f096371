"""Find, load and validate checklists and sources from every place they can come from.

Order: built-ins, then the user config folder, then each ``--checklists DIR``.
A later checklist with the same id replaces an earlier one, and says so. A checklist or
sources file validated before, byte for byte, comes from ``core.definition_cache``
without being validated again (``validate`` always validates).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import field, replace
from pathlib import Path

from checklist_tui.core import definition_cache, limits, locations, peek
from checklist_tui.core.checks import check_checklist
from checklist_tui.core.definition import Checklist, Source, SourcesFile
from checklist_tui.core.errors import Problem
from checklist_tui.core.pydantic_errors import problems_from
from checklist_tui.core.record import MutableRecord, Record
from checklist_tui.core.strict import Invalid
from checklist_tui.core.tomlfile import read_bytes, read_toml

SOURCES_FILE = "sources.toml"
ARCHIVE_DIR = "archive"
"""Earlier versions of the built-in checklists, as ``<id>-<version>.toml`` (never listed)."""


class LoadedChecklist(Record):
    """A checklist that passed validation, with where it came from and its content hash."""

    checklist: Checklist
    path: Path
    origin: str
    """Where it was found: "built-in", "user config" or "local (FOLDER)"."""
    content_hash: str
    replaces: str = ""
    """The origin of a checklist with the same id that this one replaces ('' if none)."""

    @property
    def id(self) -> str:
        return self.checklist.id


class Catalogue(MutableRecord):
    """The checklists and sources found, and the problems that kept any out."""

    checklists: dict[str, LoadedChecklist] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, checklist_id: str) -> LoadedChecklist | None:
        return self.checklists.get(checklist_id)

    def ordered(self) -> list[LoadedChecklist]:
        return sorted(self.checklists.values(), key=lambda c: c.checklist.title.lower())


def content_hash(data: bytes, digest: str | None = None) -> str:
    """What a plan records of its checklist's text (line endings aside). ``digest``: the
    SHA-256 of ``data`` (``definition_cache.digest_of``), used when it is the same."""
    if digest is not None and b"\r\n" not in data:
        return digest[:16]
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()[:16]


def _read(path: Path, cache: bool) -> bytes | None:
    """The file's bytes when a cached result may be used for them (else None)."""
    if not cache:
        return None
    try:
        return read_bytes(path)
    except OSError:
        return None  # read_toml says what is wrong


def _sources_key(sources: dict[str, Source]) -> str:
    """What a checklist's validity depends on besides its own bytes: the source ids."""
    return hashlib.sha256("\n".join(sorted(sources)).encode()).hexdigest()


def load_sources(path: Path, cache: bool = False) -> tuple[list[Source], list[Problem]]:
    raw = _read(path, cache)
    parsed = definition_cache.lookup("sources", SourcesFile, raw) if raw else None
    if parsed is None:
        data, text, problem = read_toml(path, raw)
        if problem:
            return [], [problem]
        assert data is not None
        try:
            parsed = SourcesFile.model_validate(data)
        except Invalid as exc:
            return [], problems_from(exc, path, data, text, SourcesFile)
        if raw and len({s.id for s in parsed.sources}) == len(parsed.sources):
            definition_cache.store("sources", parsed, raw)
    seen: set[str] = set()
    problems = []
    for src in parsed.sources:
        if src.id in seen:
            problems.append(Problem(path, f"duplicate source id '{src.id}'", f"source '{src.id}'"))
        seen.add(src.id)
    return parsed.sources, problems


def load_checklist(
    path: Path, sources: dict[str, Source], origin: str = "", cache: bool = False
) -> tuple[LoadedChecklist | None, list[Problem]]:
    """One checklist, or the problems with it. Whatever is wrong with one file stays a
    problem of that file: it never stops the others loading (#8.16). With ``cache``, a
    checklist validated before from the same bytes (and source ids) is not validated again."""
    try:
        return _load_checklist(path, sources, origin, cache)
    except (RecursionError, OverflowError, ValueError, TypeError, MemoryError) as exc:
        return None, [Problem(path, f"cannot be read as a checklist ({type(exc).__name__})")]


def _load_checklist(
    path: Path, sources: dict[str, Source], origin: str, cache: bool
) -> tuple[LoadedChecklist | None, list[Problem]]:
    raw = _read(path, cache)
    origin = origin or str(path.parent)
    if raw:
        digest = definition_cache.digest_of(raw)  # hashed once, for the cache and the plan
        known = definition_cache.lookup("checklist", Checklist, raw, _sources_key(sources),
                                        digest)
        if known is not None:
            return LoadedChecklist(known, path, origin, content_hash(raw, digest)), []
    data, text, problem = read_toml(path, raw)
    if problem:
        return None, [problem]
    assert data is not None
    items = limits.count_items(data)
    if items > limits.MAX_ITEMS:
        return None, [Problem(path, f"has {items:,} items; a checklist may have at most "
                              f"{limits.MAX_ITEMS:,}", hint="split it into several checklists")]
    try:
        checklist = Checklist.model_validate(data)
    except Invalid as exc:
        return None, problems_from(exc, path, data, text, Checklist)
    problems = check_checklist(checklist, path, text, sources)
    if problems:
        return None, problems
    if raw:
        definition_cache.store("checklist", checklist, raw, _sources_key(sources))
    digest = content_hash(raw if raw is not None else path.read_bytes())
    return LoadedChecklist(checklist, path, origin, digest), []


def _checklist_files(folder: Path) -> list[Path]:
    return sorted(p for p in locations.entries(folder, end=".toml") if p.name != SOURCES_FILE)


def _folders(extra_dirs: Sequence[Path], include_user: bool) -> list[tuple[Path, str]]:
    folders = [(locations.builtin_checklists_dir(), "built-in")]
    if include_user:
        folders.append((locations.user_checklists_dir(), "user config"))
    folders.extend((Path(d), f"local ({d})") for d in extra_dirs)
    return folders


def read_id(path: Path) -> str | None:
    """The id a checklist file declares, from its first lines if it says it plainly there
    (see ``core.peek``), else from the whole file parsed (never validated)."""
    ident = peek.first_value(path, "id")
    if ident is not None:
        return ident
    data, _text, problem = read_toml(path)
    ident = data.get("id") if data is not None and not problem else None
    return ident if isinstance(ident, str) else None


def load_catalogue(
    extra_dirs: Iterable[str | Path] = (), include_user: bool = True,
    only: set[str] | None = None,
) -> Catalogue:
    """Every checklist and source; with ``only``, validate just the checklists with those
    ids (the others are skipped unchecked: use it to open one plan quickly)."""
    cat = Catalogue()
    folders = _folders([Path(d) for d in extra_dirs], include_user)
    for folder, origin in folders:
        if origin != "built-in" and not folder.is_dir():
            if origin.startswith("local"):
                cat.problems.append(Problem(folder, "is not a folder of checklists"))
            continue
        src = folder / SOURCES_FILE
        if src.is_file():
            found, problems = load_sources(src, cache=True)
            cat.problems.extend(problems)
            cat.sources.update({s.id: s for s in found})
    for folder, origin in folders:
        if not folder.is_dir():
            continue
        for path in _checklist_files(folder):
            if only is not None and read_id(path) not in only:
                continue
            loaded, problems = load_checklist(path, cat.sources, origin, cache=True)
            cat.problems.extend(problems)
            if loaded is None:
                continue
            previous = cat.checklists.get(loaded.id)
            if previous is not None:
                if previous.origin == origin:
                    cat.problems.append(Problem(
                        path, f"checklist id '{loaded.id}' is also used by {previous.path.name}",
                        hint="give each checklist its own id"))
                    continue
                loaded = replace(loaded, replaces=previous.origin)
            cat.checklists[loaded.id] = loaded
    return cat


def validate_paths(paths: Iterable[str | Path]) -> tuple[int, list[Problem]]:
    """Validate the given files and folders; returns (checklists checked, problems)."""
    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    builtin_sources = locations.builtin_checklists_dir() / SOURCES_FILE
    if builtin_sources.is_file():
        found, errs = load_sources(builtin_sources)
        sources.update({s.id: s for s in found})
        problems.extend(errs)
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            local = path / SOURCES_FILE
            if local.is_file():
                found, errs = load_sources(local)
                sources.update({s.id: s for s in found})
                problems.extend(errs)
            files.extend(_checklist_files(path))
        elif path.is_file():
            if path.name == SOURCES_FILE:
                found, errs = load_sources(path)
                sources.update({s.id: s for s in found})
                problems.extend(errs)
            else:
                files.append(path)
        else:
            problems.append(Problem(path, "does not exist"))
    ids: dict[str, Path] = {}
    for path in files:
        loaded, errs = load_checklist(path, sources)
        problems.extend(errs)
        if loaded:
            if loaded.id in ids and ids[loaded.id].parent == path.parent:
                problems.append(Problem(path, f"checklist id '{loaded.id}' is also used by "
                                        f"{ids[loaded.id].name}", hint="give each its own id"))
            ids[loaded.id] = path
    return len(files), problems


def load_archived(
    checklist_id: str, version: str, sources: dict[str, Source]
) -> LoadedChecklist | None:
    """An earlier shipped version of a built-in checklist, so that a plan made with it can be
    read against the words it was answered with; None when that version was not kept."""
    path = locations.builtin_checklists_dir() / ARCHIVE_DIR / f"{checklist_id}-{version}.toml"
    if not path.is_file():
        return None
    loaded, _problems = load_checklist(path, sources, f"archived built-in ({version})",
                                       cache=True)
    return loaded if loaded is not None and loaded.checklist.version == version else None
