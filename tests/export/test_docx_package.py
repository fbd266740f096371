"""The Word file is a sound package: every part of the template, valid ZIP entries,
and each export's own document, header, footer and properties."""

from __future__ import annotations

import io
import zipfile

from docx import Document

from checklist_tui.core import store
from checklist_tui.export.docx_export import _template
from checklist_tui.export.writer import render
from tests.conftest import EXAMPLES


def test_every_part_is_a_sound_zip_entry(catalogue) -> None:
    outs = []
    for name in ("early-pre-birth", "family-t-like-twins"):
        plan = store.load(EXAMPLES / f"{name}.toml").plan
        out = render("docx", catalogue.get(plan.checklist_id), plan, False, catalogue.sources)
        assert isinstance(out, bytes)
        with zipfile.ZipFile(io.BytesIO(out)) as z:
            assert z.testzip() is None  # every CRC and size checks out
            assert z.namelist() == _template().order
            outs.append({n: z.read(n) for n in z.namelist()})
        doc = Document(io.BytesIO(out))
        assert doc.core_properties.title == f"Plan: {doc.paragraphs[0].text.split(': ', 1)[1]}"
        assert doc.core_properties.author == ""
        assert plan.case_ref in doc.sections[0].header.paragraphs[0].text
    first, second = outs
    assert first["word/styles.xml"] == second["word/styles.xml"]  # the template, reused
    for own in ("word/document.xml", "word/header1.xml", "docProps/core.xml"):
        assert first[own] != second[own], own
