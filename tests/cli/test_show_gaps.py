"""`show` opens with Gaps and risks and what would not be in place if born today (#10)."""

from __future__ import annotations

from checklist_tui.cli import main
from tests.conftest import EXAMPLES


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
    assert "Is there a contingency" in out and "not answered" in out


def test_html_export_opens_with_the_same_gaps(capsys) -> None:
    assert main(["export", str(EXAMPLES / "family-t-like-twins.toml"), "--format", "html",
                 "-o", "-"]) == 0
    html = capsys.readouterr().out
    gaps = html.index("Gaps and risks")
    assert gaps < html.index("PBA-P06") < html.index("The plan")
    assert gaps < html.index("Jesse Example") < html.index("The plan")
