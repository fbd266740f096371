"""The exported plan as a Word document (python-docx), for children's services case records.

A4 pages; Word's own heading styles, so the navigation pane lists the document;
real tables with set column widths whose header row repeats on each page and
whose rows do not split; the protective marking and case reference in the header
of every page and "Page N of M" in the footer. User text is plain text in runs:
it can never become a field, a hyperlink or formatting.
"""

from __future__ import annotations

import io
import re

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from checklist_tui.export.document import (
    KEEP_ROWS,
    Answers,
    Block,
    Bullets,
    Fields,
    Flags,
    Heading,
    Para,
    Strong,
    Table,
    build_document,
)
from checklist_tui.export.safe import inert
from checklist_tui.export.summary import Summary

MARGIN_MM = 18
TEXT_WIDTH_MM = 210 - 2 * MARGIN_MM
# Characters XML 1.0 cannot hold (controls are already shown by ``plain``).
_NOT_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", inert(text))


W_R, W_T, W_RPR, W_B, W_BR = (qn(f"w:{tag}") for tag in ("r", "t", "rPr", "b", "br"))
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _runs(paragraph, text: str, bold: bool = False) -> None:
    """Text as runs, with its line breaks kept as breaks (built directly: python-docx's
    run API adds text one character at a time)."""
    bold = bold or isinstance(text, Strong)
    for n, line in enumerate(clean(text).replace("\r\n", "\n").split("\n")):
        run = etree.SubElement(paragraph._p, W_R)
        if bold:
            etree.SubElement(etree.SubElement(run, W_RPR), W_B)
        if n:
            etree.SubElement(run, W_BR)
        t = etree.SubElement(run, W_T)
        t.text = line
        t.set(XML_SPACE, "preserve")


def _para(container, style_id: str = ""):
    """A paragraph in a style given by id (looking styles up by name is slow)."""
    paragraph = container.add_paragraph()
    if style_id:
        paragraph._p.get_or_add_pPr().style = style_id
    return paragraph


def _field(paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _row_props(row, header: bool) -> None:
    props = row._tr.get_or_add_trPr()
    cant = OxmlElement("w:cantSplit")
    props.append(cant)
    if header:
        props.append(OxmlElement("w:tblHeader"))


def _table(doc, headers: list[str] | None, rows: list[list[str]], widths: list[int],
           label: str) -> None:
    cols = len(widths)
    table = doc.add_table(rows=0, cols=cols)
    table._tbl.tblPr.style = "TableGrid"
    table.autofit = False
    caption = OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), label)
    table._tbl.tblPr.append(caption)
    sizes = [Mm(TEXT_WIDTH_MM * w / 100) for w in widths]
    for col, size in zip(table.columns, sizes, strict=True):
        col.width = size
    all_rows = ([(headers, True)] if headers else []) + [(r, False) for r in rows]
    keep = len(rows) <= KEEP_ROWS  # a short table moves whole rather than split
    for n, (values, is_header) in enumerate(all_rows):
        row = table.add_row()
        _row_props(row, is_header)
        for cell, value, size in zip(row.cells, values, sizes, strict=True):
            cell.width = size
            paragraph = cell.paragraphs[0]
            if is_header or (keep and n < len(all_rows) - 1):
                paragraph._p.get_or_add_pPr().keepNext_val = True  # header stays with rows
            _runs(paragraph, value, bold=is_header)
    _para(doc)


def _block(doc, block: Block) -> None:
    if isinstance(block, Heading):
        _runs(_para(doc, f"Heading{block.level - 1}"), block.text)
    elif isinstance(block, Para):
        p = _para(doc)
        _runs(p, block.text, bold=block.style in ("marking", "status", "missing", "redacted"))
    elif isinstance(block, Fields):
        _table(doc, None, [[k, v] for k, v in block.rows], [30, 70], block.label)
    elif isinstance(block, Table):
        _table(doc, block.headers, block.rows, block.widths, block.label)
    elif isinstance(block, Flags):
        for flag in block.items:
            p = _para(doc, "ListBullet")
            _runs(p, f"{flag.label}: ", bold=True)
            _runs(p, flag.text)
            for key, value in flag.details:
                d = _para(doc, "ListBullet2")
                _runs(d, f"{key}: ", bold=True)
                _runs(d, value)
    elif isinstance(block, Answers):
        for item in block.items:
            q = _para(doc)
            q.paragraph_format.keep_with_next = True
            q.paragraph_format.space_before, q.paragraph_format.space_after = Pt(6), Pt(0)
            _runs(q, item.prompt, bold=True)
            _runs(q, f" ({item.item_id})")
            a = _para(doc)
            a.paragraph_format.left_indent = Mm(6)
            _runs(a, item.answer)
            if item.note:
                _runs(a, "\nNote: ")
                _runs(a, item.note)
            if item.source:
                _runs(a, f"\nSource of information: {item.source}")
    elif isinstance(block, Bullets):
        for text in block.items:
            _runs(_para(doc, "ListBullet"), text)
    else:
        raise TypeError(block)


def _page_setup(doc, marking: str, case_ref: str) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    section.top_margin = section.bottom_margin = Mm(20)
    header = section.header.paragraphs[0]
    _runs(header, marking, bold=True)
    _runs(header, f"    Case reference: {case_ref}")
    footer = section.footer.paragraphs[0]
    _runs(footer, f"{marking}    Page ", bold=False)
    _field(footer, "PAGE")
    _runs(footer, " of ")
    _field(footer, "NUMPAGES")
    footer.alignment = WD_ALIGN_PARAGRAPH.LEFT


def render(s: Summary) -> bytes:
    content = build_document(s)
    doc = new_document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    doc.styles["Title"].font.size = Pt(20)  # the template's 26 pt takes a third of page 1
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-GB")
    normal.element.get_or_add_rPr().append(lang)
    props = doc.core_properties
    # Core properties hold at most 255 characters (python-docx refuses more).
    props.title = clean(f"{content.title}: {content.case_ref}")[:255]
    props.author = props.last_modified_by = ""
    props.comments = ""
    props.created = props.modified = s.generated.replace(microsecond=0)
    _page_setup(doc, content.marking, content.case_ref)
    _runs(_para(doc, "Title"), f"{content.title}: {content.case_ref}")
    for block in content.blocks:
        _block(doc, block)
    _runs(_para(doc), content.footer)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
