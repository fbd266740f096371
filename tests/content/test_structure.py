"""The shape of the code, as the developers' guide states it: no module over 400 lines,
and no two modules with the same name in different packages unless they are the same idea
in different layers (listed below, with why)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "checklist_tui"
MAX_LINES = 400

#: Module names that stand in more than one package on purpose: the same idea, seen from
#: each layer. The folders are listed too, so a fourth copy needs saying here first.
SAME_IDEA = {
    "__init__.py": (None, "every package has one"),
    "plan.py": ({"core", "tui/screens"},
                "the plan: its model (core) and the screen that edits it (TUI)"),
    "records.py": ({"cli", "plain", "tui/screens"},
                   "the plan's records (people, agencies, actions): the `record` commands, "
                   "plain mode's record questions, and the Records screen"),
    "review.py": ({"core", "cli", "tui/screens"},
                  "a manager's review: its rules (core), the `review` command and the "
                  "Review screen"),
}


def modules(root: Path = PACKAGE) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def too_long(root: Path = PACKAGE, limit: int = MAX_LINES) -> list[str]:
    found = []
    for path in modules(root):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > limit:
            found.append(f"{path.relative_to(root.parent)}: {lines} lines")
    return found


def names_twice(root: Path = PACKAGE) -> list[str]:
    folders: dict[str, set[str]] = defaultdict(set)
    for path in modules(root):
        folders[path.name].add(path.parent.relative_to(root).as_posix())
    found = []
    for name, where in sorted(folders.items()):
        if len(where) < 2:
            continue
        allowed = SAME_IDEA.get(name)
        if allowed is None or (allowed[0] is not None and not where <= allowed[0]):
            found.append(f"{name} in {', '.join(sorted(where))}")
    return found


def test_no_module_is_over_400_lines():
    assert too_long() == [], (
        "split it by job: a new module, widget or screen (see the code layout in README.md)")


def test_no_two_modules_share_a_name_unless_they_are_the_same_idea():
    assert names_twice() == [], (
        "rename one, or add the name to SAME_IDEA with why it is the same idea")


def test_the_allowed_names_still_stand_where_listed():
    # A listed name that is no longer in every listed folder is a stale reason.
    for name, (allowed, _why) in SAME_IDEA.items():
        if allowed is None:
            continue
        where = {p.parent.relative_to(PACKAGE).as_posix() for p in modules() if p.name == name}
        assert where == allowed, name


def test_the_checks_see_a_breach(tmp_path):
    # The rules above can fail: a 401-line module and a second text.py are both caught.
    root = tmp_path / "checklist_tui"
    (root / "core").mkdir(parents=True)
    (root / "export").mkdir()
    (root / "core" / "big.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    (root / "core" / "ok.py").write_text("x = 1\n" * MAX_LINES, encoding="utf-8")
    (root / "core" / "text.py").write_text("", encoding="utf-8")
    (root / "export" / "text.py").write_text("", encoding="utf-8")
    assert too_long(root) == ["checklist_tui/core/big.py: 401 lines"]
    assert names_twice(root) == ["text.py in core, export"]
