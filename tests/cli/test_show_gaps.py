"""`show` opens with Gaps and risks and what would not be in place if born today (#10)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from checklist_tui.cli import main
from tests.conftest import EXAMPLES
from tests.export.browser import chromium


def test_family_t_first_screenful_names_violence_unknown_and_visiting_man(capsys) -> None:
    assert main(["show", str(EXAMPLES / "family-t-like-twins.toml")]) == 0
    first = capsys.readouterr().out.splitlines()[:24]
    text = "\n".join(first)
    assert "Gaps and risks" in text and "The father and male carers:" in text
    violence = next(line for line in first if "(PBA-P06)" in line)
    assert violence.strip().startswith("NOT KNOWN:") and "violence" in violence
    assert "checks on the father" in text  # the note says whose history is unknown
    assert "Jesse Example (Mother's ex-partner; visits and sometimes stays)" in text
    gaps = next(n for n, line in enumerate(first) if line.startswith("Gaps and risks ("))
    assert all("PLAN CHECK: agency" not in line for line in first[gaps:gaps + 8])  # men first


def test_show_born_today_only(capsys) -> None:
    assert main(["show", str(EXAMPLES / "family-t-like-twins.toml"), "--born-today"]) == 0
    out = capsys.readouterr().out
    assert "If the baby were born today:" in out and "would not be in place" in out
    assert "3 weeks earlier" in out  # twins and prematurity
    assert "Sections:" not in out and "Gaps and risks" not in out
    assert "Is there a safe place for the baby to sleep" in out and "not yet done" in out


def test_html_export_opens_with_the_same_gaps(capsys) -> None:
    assert main(["export", str(EXAMPLES / "family-t-like-twins.toml"), "--format", "html",
                 "-o", "-"]) == 0
    html = capsys.readouterr().out
    gaps = html.index("Gaps and risks")
    assert gaps < html.index("PBA-P06") < html.index("The plan")
    assert gaps < html.index("Jesse Example") < html.index("The plan")


@pytest.mark.skipif(chromium() is None or shutil.which("pdftotext") is None,
                    reason="needs Chromium and pdftotext (.ci/run installs both)")
def test_html_export_first_printed_page_names_violence_unknown_and_visiting_man(
        capsys, tmp_path) -> None:
    """Printed (or read in a browser) the HTML's first page already names the father's
    unknown violence history and the visiting ex-partner."""
    html = tmp_path / "family-t.html"
    assert main(["export", str(EXAMPLES / "family-t-like-twins.toml"), "--format", "html",
                 "-o", str(html)]) == 0
    pdf = tmp_path / "family-t.pdf"
    subprocess.run([str(chromium()), "--headless", "--no-sandbox", "--disable-gpu",
                    f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", html.as_uri()],
                   capture_output=True, timeout=180, check=False)
    assert pdf.is_file(), "Chromium printed nothing"
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"],
                           capture_output=True, check=True, text=True, timeout=120).stdout
    words = " ".join(first.split())
    assert "NOT KNOWN: Has either parent" in words and "violence" in words
    assert "(PBA-P06)" in words and "checks on the father" in words
    assert "Jesse Example (Mother's ex-partner; visits and sometimes stays)" in words


def test_show_says_who_confirmed_a_pause_point_and_whether_it_holds(capsys) -> None:
    assert main(["show", str(EXAMPLES / "discharge-ready-for-sign-off.toml")]) == 0
    out = capsys.readouterr().out
    block = out.split("Pause points:\n", 1)[1].split("\n\n", 1)[0]
    assert ("Confirm before discharge: Confirmed by Drew Demo (example midwife) "
            "on 22/11/2026") in block
    assert "present: " in block


def test_show_born_today_of_a_born_baby_says_so(capsys) -> None:
    """Once a date of birth is recorded, the view is headed for a baby already born, in
    show and every written form (one heading from core.gaps.birth_view_title)."""
    assert main(["show", str(EXAMPLES / "discharge-ready-for-sign-off.toml"),
                 "--born-today"]) == 0
    out = capsys.readouterr().out
    assert "Needed at birth, now the baby is born:" in out
    assert "were born today" not in out
    for fmt in ("markdown", "html"):
        assert main(["export", str(EXAMPLES / "discharge-ready-for-sign-off.toml"),
                     "--format", fmt, "-o", "-"]) == 0
        text = capsys.readouterr().out
        assert "Needed at birth, now the baby is born" in text
        assert "If the baby were born today" not in text
