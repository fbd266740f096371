"""A Word file's structure, for golden comparison: styles, text, tables, page set-up."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.oxml.ns import qn


def docx_structure(data: bytes) -> dict[str, Any]:
    doc = Document(io.BytesIO(data))
    section = doc.sections[0]
    body: list[Any] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            style = child.pPr.style if child.pPr is not None and child.pPr.style else "Normal"
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            if text:
                body.append([style, text])
        elif child.tag == qn("w:tbl"):
            rows = []
            for tr in child.iter(qn("w:tr")):
                header = tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
                cells = ["".join(t.text or "" for t in tc.iter(qn("w:t")))
                         for tc in tr.iter(qn("w:tc"))]
                rows.append({"header": header, "cells": cells})
            body.append({"table": rows})
    return {
        "page_mm": [round(section.page_width.mm), round(section.page_height.mm)],
        "header": [p.text for p in section.header.paragraphs],
        "footer": [p.text for p in section.footer.paragraphs],
        "footer_fields": [f.get(qn("w:instr")) for f in
                          section.footer._element.iter(qn("w:fldSimple"))],
        "title": doc.core_properties.title,
        "author": doc.core_properties.author,
        "body": body,
    }
