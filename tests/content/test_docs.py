"""Generated documents are current, and the README's commands are the ones CI runs."""

from __future__ import annotations

from tests.conftest import ROOT, load_script


def _generated():
    return load_script(ROOT / "docs" / "generate.py", "docs_generate").generated()


def test_generated_docs_are_current() -> None:
    for name, text in _generated().items():
        on_disk = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert on_disk == text, f"docs/{name} is out of date: run python docs/generate.py"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = next(line.strip() for line in readme.splitlines()
                   if "pytest" in line and "pip install" in line)
    assert command in ci
