"""The constraints file pins the runtime dependency tree that is installed and tested."""

from __future__ import annotations

from importlib import metadata

from tests.conftest import ROOT, load_script


def _tool():
    return load_script(ROOT / "tools" / "constraints.py", "constraints_tool")


def test_every_runtime_dependency_is_pinned_at_the_installed_version() -> None:
    text = (ROOT / "constraints.txt").read_text("utf-8")
    pinned = dict(line.split("==") for line in text.splitlines()
                  if line and not line.startswith("#"))
    runtime, _extras = _tool()._project_requirements()
    closure = _tool()._closure(runtime)
    assert "textual" in closure and "pydantic-core" in closure
    for name, version in closure.items():
        assert pinned.get(name) == version, (
            f"{name} {version} is installed but constraints.txt says {pinned.get(name)}: "
            "run python tools/constraints.py")
    assert metadata.version("textual") == pinned["textual"]
