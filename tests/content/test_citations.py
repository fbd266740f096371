"""Citations that are true: each must-cover source is served by a required item that says so.

``coverage`` only counts citations, so an item can cite a recommendation it does not serve
(the practice review found six). This test asks more: every must-cover source is cited by
at least one *required* item whose prompt or guidance names that source's subject. Sources
that ticks cannot serve say what serves them instead (``served_by``) and are exempt.

To try it on another set of checklists (for example a deliberately broken copy), set
``CONTENT_UNDER_TEST`` to that folder: its checklists replace the built-ins with the same id.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from checklist_tui.core import locations
from checklist_tui.core.catalogue import Catalogue, load_catalogue

#: What a required item's prompt or guidance must mention to serve each source.
SUBJECTS: dict[str, str] = {
    "R1": r"assessment|pre-birth|conference|referral",
    "R2a": r"\b(told|tell|explained)\b",
    "R2b": r"support|needs",
    "R2c": r"worker",
    "R2d": r"views|wishes|shape|read the assessment|draft plans|written plan",
    "R3a": r"father|\bmen\b|\bman\b",
    "R3b": r"histor|previous|earlier|chronology",
    "R3c": r"agenc|service|police|probation",
    "R5": r"\brole|named|owner|contact",
    "R6a": r"histor",
    "R6b": r"relationship|control|abuse",
    "R6c": r"safe|protect",
    "R7": r"medical|bruise|mark|injur|paediatric",
    "R8": r"discharge",
    "T1": r"assess|analys",
    "T2": r"\bnew\b|chang|emerg|missed|late|early",
    "T3": r"support|parent",
    "T4": r"agenc|shar|alert|told|spoken|call",
    "T5": r"\bbab(y|ies)\b|twin",
    "T6": r"disagree|escalat|declined|chase",
    "T7": r"injur|bruis|\bmark|harm",
    "MOIM-F1": r"father|\bmen\b|\bman\b",
    "MOIM-F2": r"(father|\bhis\b|\bmen).*histor|histor.*(father|\bhim\b|\bmen\b)",
    "MOIM-F3": r"combin|mental health",
    "MOIM-F4": r"adult services|police|probation|agenc",
    "MOIM-F5": r"crying",
    "MOIM-F6": r"on his own|in person|alone",
    "MOIM-F7": r"protect",
    "MOIM-P1": r"meeting|invit",
    "MOIM-P2": r"chair|reviewing officer",
    "MOIM-P3": r"before the birth",
    "MOIM-P4": r"in person|separately|not only heard|directly",
}


def unsupported(cat: Catalogue) -> list[str]:
    """Must-cover sources with no required item that cites them and names their subject."""
    problems = []
    for source in cat.sources.values():
        if not source.must_cover or source.served_by:
            continue
        pattern = SUBJECTS.get(source.id)
        if pattern is None:
            problems.append(f"{source.id}: no subject is defined for it in this test")
            continue
        serving = [
            f"{lc.id}:{item.id}"
            for lc in cat.ordered() for _section, item in lc.checklist.all_items()
            if source.id in item.refs and item.required
            and re.search(pattern, f"{item.prompt} {item.guidance}", re.IGNORECASE)
        ]
        if not serving:
            problems.append(f"{source.id} ({source.title}): no required item cites it and "
                            f"names its subject /{pattern}/")
    return problems


@pytest.fixture
def content() -> Catalogue:
    extra = os.environ.get("CONTENT_UNDER_TEST")
    cat = load_catalogue([extra] if extra else [], include_user=False)
    assert not cat.problems, cat.problems
    return cat


def test_every_must_cover_source_is_served_by_a_required_item_that_names_it(content) -> None:
    assert unsupported(content) == []


def test_r4_and_r9_are_served_by_the_assurance_report_not_by_ticks(content) -> None:
    for sid in ("R4", "R9"):
        assert "assurance report" in content.sources[sid].served_by
        assert not [i for lc in content.ordered() for _s, i in lc.checklist.all_items()
                    if sid in i.refs], f"{sid} is still cited by a tick"


def test_the_citation_check_fails_on_a_broken_copy(tmp_path: Path) -> None:
    """Make the only item serving MOIM-P2 optional: the check must name MOIM-P2."""
    broken = tmp_path / "broken"
    shutil.copytree(locations.builtin_checklists_dir(), broken,
                    ignore=shutil.ignore_patterns("archive"))
    path = broken / "pre-birth-assessment.toml"
    text = path.read_text(encoding="utf-8")
    block = text.index('id = "PBA-F14"')
    fixed = text[:block] + text[block:].replace("required = true\n", "", 1)
    path.write_text(fixed, encoding="utf-8")
    cat = load_catalogue([broken], include_user=False)
    assert not cat.problems
    assert [p.split(" ")[0] for p in unsupported(cat)] == ["MOIM-P2"]


def test_every_must_cover_source_has_a_subject(content) -> None:
    must = {s.id for s in content.sources.values() if s.must_cover and not s.served_by}
    assert must == set(SUBJECTS)
