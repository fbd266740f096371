"""Every HTML export in a real browser: headless Chromium with axe-core, and printed to PDF.

Zero accessibility violations, no network request and no script other than axe (which
DevTools injects; the page's own policy forbids scripts), and the protective marking,
case reference and "Page N of M" on every printed page (read back with pdftotext).

Needs Chromium (Debian package ``chromium``), ``pdftotext`` (poppler-utils) and axe-core
(npm package ``axe-core``; ``.ci/run`` installs all three and sets ``AXE_CORE_JS``). Where
they are missing the test skips and says which; CI installs them, so it never skips there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from checklist_tui.core import store
from checklist_tui.core.edit import add_record, set_note
from checklist_tui.core.plan import Person, PersonKind
from checklist_tui.export.writer import render
from tests.conftest import EXAMPLES, NOW
from tests.export.browser import Browser, check_page, chromium

KEY = b"browser-test-key"


def _axe() -> str | None:
    candidates = [os.environ.get("AXE_CORE_JS", "")]
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    candidates.append(str(cache / "checklist-tui-ci" / "node_modules" / "axe-core" /
                          "axe.min.js"))
    return next((c for c in candidates if c and Path(c).is_file()), None)


def _missing() -> str:
    missing = []
    if chromium() is None:
        missing.append("Chromium (apt-get install chromium)")
    if shutil.which("pdftotext") is None:
        missing.append("pdftotext (apt-get install poppler-utils)")
    if _axe() is None:
        missing.append("axe-core (npm install axe-core, then set AXE_CORE_JS to axe.min.js)")
    return ", ".join(missing)


pytestmark = pytest.mark.skipif(bool(_missing()),
                                reason=f"browser test needs: {_missing()}")


@pytest.fixture(scope="module")
def browser():
    executable = chromium()
    assert executable is not None
    b = Browser(executable)
    yield b
    b.close()


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          check=True, text=True, timeout=120).stdout
    return [page for page in text.split("\f") if page.strip()]


def _hostile_plan(catalogue):
    plan = store.load(EXAMPLES / "early-pre-birth.toml").plan.model_copy(deep=True)
    set_note(plan, "PBA-S01", "<script>alert(1)</script><img src=http://evil.example/x.png>"
             " \u202eNOTE مريم http://evil.example/t.png", by="t", now=NOW)
    add_record(plan, Person, by="t", now=NOW, name="مريم", kind=PersonKind.OTHER,
               role='"><style>@import url(http://evil.example/c.css)</style>')
    return plan


CASES = [(p.stem, redact) for p in sorted(EXAMPLES.glob("*.toml")) for redact in (False, True)]
CASES.append(("hostile", False))


@pytest.mark.parametrize(("example", "redact"), CASES)
def test_html_export_in_chromium(browser, catalogue, tmp_path, example, redact) -> None:
    plan = (_hostile_plan(catalogue) if example == "hostile"
            else store.load(EXAMPLES / f"{example}.toml").plan)
    lc = catalogue.get(plan.checklist_id)
    html = tmp_path / "plan.html"
    html.write_text(render("html", lc, plan, redact, catalogue.sources, KEY), encoding="utf-8")
    axe = _axe()
    assert axe is not None
    pdf = tmp_path / "plan.pdf"
    result = check_page(browser, html, Path(axe).read_text(encoding="utf-8"), pdf)

    assert result["violations"] == [], result["violations"]
    assert result["requests"] == [html.as_uri()], "the page asked for something else"
    assert result["resources"] == 0 and result["scripts"] == 0
    assert result["console"] == [], result["console"]  # e.g. a refused style or image
    pages = _pages(pdf)
    assert pages, "nothing printed"
    ref = "Case reference: " + plan.case_ref if not redact else "Case reference: CASE-"
    for n, page in enumerate(pages, 1):
        assert "OFFICIAL-SENSITIVE" in page, f"page {n} has no marking"
        assert ref in page, f"page {n} has no case reference"
        assert f"Page {n} of {len(pages)}" in page, f"page {n} has no page number"
