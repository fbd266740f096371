"""look-c 16: every printed page says where the plan stands (HTML's print page header and
Word's header), not only page 1's status line: a page of a draft must not read like the
agreed plan, nor a page of a plan changed since its approval like a signed-off one."""

from __future__ import annotations

import io
import re

from docx import Document

from checklist_tui.core import review, store
from checklist_tui.export.writer import render
from tests.conftest import EXAMPLES, NOW, TODAY

KEY = b"page-state-key"


def _approved(catalogue):
    plan = store.load(EXAMPLES / "discharge-ready-for-sign-off.toml").plan
    lc = catalogue.get(plan.checklist_id)
    review.submit(plan, lc.checklist, by="Drew", now=NOW, today=TODAY)
    review.decide(plan, lc.checklist, decision="approved", rationale="Sound.",
                  name="Pat Manager", role="Team manager", now=NOW, today=TODAY)
    return plan, lc


def _headers(catalogue, plan, lc, redact: bool = False) -> tuple[str, str]:
    html = render("html", lc, plan, redact, catalogue.sources, KEY)
    assert isinstance(html, str)
    top = re.search(r"@top-center \{ content: (\"[^\"]*\")", html)
    assert top is not None, "no state in the print page header"
    docx = render("docx", lc, plan, redact, catalogue.sources, KEY)
    assert isinstance(docx, bytes)
    header = Document(io.BytesIO(docx)).sections[0].header.paragraphs[0].text
    shown = re.sub(r"\\([0-9a-fA-F]{1,6}) ?", lambda m: chr(int(m.group(1), 16)),
                   top.group(1))  # as the browser reads the CSS string
    return shown, header


def test_a_draft_says_so_on_every_page(catalogue) -> None:
    plan = store.load(EXAMPLES / "early-pre-birth.toml").plan
    html, word = _headers(catalogue, plan, catalogue.get(plan.checklist_id))
    assert html == '"Draft: not signed off"'
    assert word.endswith("Draft: not signed off") and plan.case_ref in word


def test_an_approval_and_its_voiding_are_on_every_page(catalogue) -> None:
    from checklist_tui.core.edit import set_answer

    plan, lc = _approved(catalogue)
    html, word = _headers(catalogue, plan, lc)
    assert "Approved by Pat Manager (Team manager)" in html and "not signed off" not in html
    assert "Approved by Pat Manager (Team manager)" in word
    _, redacted = _headers(catalogue, plan, lc, redact=True)
    assert "Pat Manager" not in redacted and "Approved" in redacted
    review.reopen(plan, lc.checklist, "The grandmother can no longer supervise.", by="Drew",
                  now=NOW, today=TODAY)
    set_answer(plan, lc.checklist, "DPM-C04", "no", by="Drew", now=NOW)
    html, word = _headers(catalogue, plan, lc)
    assert "changed since approval" in html and html.endswith(': not signed off"')
    assert "changed since approval" in word and word.endswith(": not signed off")
