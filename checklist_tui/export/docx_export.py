"""The exported plan as a Word document (python-docx), for children's services case records.

A4 pages; Word's own heading styles, so the navigation pane lists the document;
real tables with set column widths whose header row repeats on each page and
whose rows do not split; the protective marking and case reference in the header
of every page and "Page N of M" in the footer. User text is plain text in runs:
it can never become a field, a hyperlink or formatting.
"""

from __future__ import annotations

import functools
import io
import re
from datetime import UTC
from xml.sax.saxutils import escape

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from checklist_tui.export import document
from checklist_tui.export.docx_package import Template, read_template, write
from checklist_tui.export.safe import inert
from checklist_tui.export.summary import Summary, page_state

MARGIN_MM = 18
TEXT_WIDTH_MM = 210 - 2 * MARGIN_MM
# Characters XML 1.0 cannot hold (controls are already shown by ``plain``).
_NOT_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", inert(text))


BOLD = "<w:rPr><w:b/></w:rPr>"
QUOTE = {'"': "&quot;"}
SHADE = '<w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/>'
"""The grey of a header cell, as in the HTML (the text is bold too: never colour alone)."""


# The body, header and footer are written as WordprocessingML text: building them
# element by element through python-docx cost most of an export's time (its table and
# run APIs look up and insert each child in schema order). User text is escaped, so it
# can only ever be the text of a run.

def _r(text: str, bold: bool = False) -> str:
    """Text as runs, its line breaks kept as breaks."""
    props = BOLD if bold or isinstance(text, document.Strong) else ""
    return "".join(f'<w:r>{props}{"<w:br/>" if n else ""}<w:t xml:space="preserve">'
                   f"{escape(line)}</w:t></w:r>"
                   for n, line in enumerate(clean(text).replace("\r\n", "\n").split("\n")))


def _p(runs: str, style: str = "", props: str = "") -> str:
    """A paragraph in a style given by id, with further paragraph properties."""
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + props
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{runs}</w:p>"


def _field(instruction: str) -> str:
    """A field Word fills in when it shows the page (PAGE, NUMPAGES)."""
    return f'<w:fldSimple w:instr="{instruction}"><w:r><w:t>1</w:t></w:r></w:fldSimple>'


TABLE_LOOK = ('<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
              'w:noHBand="0" w:noVBand="1" w:val="04A0"/>')


def _table(headers: list[str] | None, rows: list[list[str]], widths: list[int],
           label: str) -> str:
    """A table with set column widths; the header row repeats on every page, no row
    splits across pages, and a short table moves whole rather than split."""
    sizes = [Mm(TEXT_WIDTH_MM * w / 100).twips for w in widths]
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/>'
           f'<w:tblLayout w:type="fixed"/>{TABLE_LOOK}<w:tblCaption w:val="'
           f'{escape(clean(label), QUOTE)}"/></w:tblPr><w:tblGrid>',
           *(f'<w:gridCol w:w="{size}"/>' for size in sizes), "</w:tblGrid>"]
    all_rows = ([(headers, True)] if headers else []) + [(r, False) for r in rows]
    keep = len(rows) <= document.KEEP_ROWS
    for n, (values, is_header) in enumerate(all_rows):
        out.append("<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if is_header else "")
                   + "</w:trPr>")
        keep_next = "<w:keepNext/>" if is_header or (keep and n < len(all_rows) - 1) else ""
        for col, (value, size) in enumerate(zip(values, sizes, strict=True)):
            named = is_header or (headers is None and col == 0)  # a header, or a field name
            out.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{size}"/>'
                       + (SHADE if named else "") + "</w:tcPr>"
                       + _p(_r(value, bold=named), props=keep_next) + "</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl><w:p/>")
    return "".join(out)


QUESTION = '<w:keepNext/><w:spacing w:before="120" w:after="0"/>'
ANSWER = f'<w:ind w:left="{Mm(6).twips}"/>'


def _block(block: document.Block, before_table: bool = False) -> str:
    if isinstance(block, document.Heading):
        return _p(_r(block.text), f"Heading{block.level - 1}",
                  "<w:pageBreakBefore/>" if block.new_page else "")
    if isinstance(block, document.Para):  # kept on the page of the table it introduces
        return _p(_r(block.text, bold=block.style in ("marking", "status", "missing",
                                                      "redacted")),
                  props="<w:keepNext/>" if before_table else "")
    if isinstance(block, document.Fields):
        return _table(None, [[k, v] for k, v in block.rows], [30, 70], block.label)
    if isinstance(block, document.Table):
        return _table(block.headers, block.rows, block.widths, block.label)
    if isinstance(block, document.Flags):
        return "".join(
            _p(_r(f"{flag.label}: ", bold=True) + _r(flag.text), "ListBullet")
            + "".join(_p(_r(f"{key}: ", bold=True) + _r(value), "ListBullet2")
                      for key, value in flag.details)
            for flag in block.items)
    if isinstance(block, document.Answers):
        out = []
        for item in block.items:
            out.append(_p(_r(item.prompt, bold=True) + _r(f" ({item.item_id})"),
                          props=QUESTION))
            answer = _r(item.answer)
            for label, text in item.extras:
                answer += _r(f"\n{label}: " if label else "\n") + _r(text)
            out.append(_p(answer, props=ANSWER))
        return "".join(out)
    if isinstance(block, document.Bullets):
        return "".join(_p(_r(text), "ListBullet") for text in block.items)
    raise TypeError(block)


@functools.cache
def _template() -> Template:
    """The empty document every export starts from: Arial, British English, A4 pages
    with their margins, an empty header and footer. Made once per process."""
    doc = new_document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    doc.styles["Title"].font.size = Pt(20)  # the template's 26 pt takes a third of page 1
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-GB")
    normal.element.get_or_add_rPr().append(lang)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    section.top_margin = section.bottom_margin = Mm(20)
    section.header.is_linked_to_previous = False  # a header part of its own
    section.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    out = io.BytesIO()
    doc.save(out)
    return read_template(out.getvalue())


CORE = ('<?xml version=\'1.0\' encoding=\'UTF-8\' standalone=\'yes\'?>\n<cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title>'
        "<dc:subject/><dc:creator></dc:creator><cp:keywords/><dc:description></dc:description>"
        "<cp:lastModifiedBy></cp:lastModifiedBy><cp:revision>1</cp:revision>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified><cp:category/>'
        "</cp:coreProperties>")
"""The file's properties: its title and when it was made; no author, no comments."""


def _into(part: bytes, before: bytes, xml: str) -> bytes:
    """``xml`` put into a template part, just before the last ``before``."""
    at = part.rindex(before)
    return part[:at] + xml.encode("utf-8") + part[at:]


def render(s: Summary) -> bytes:
    content = document.build_document(s)
    template = _template()
    blocks = content.blocks
    tables = document.Table | document.Fields | document.Bullets | document.Flags
    body = "".join([_p(_r(f"{content.title}: {content.case_ref}"), "Title"),
                    *(_block(b, isinstance(after, tables))
                      for b, after in zip(blocks, [*blocks[1:], None], strict=True)),
                    _p(_r(content.footer))])
    marking = content.marking
    # Every page says where the plan stands (look-c 16), not only page 1's status line.
    header = (_r(marking, bold=True) + _r(f"    Case reference: {content.case_ref}    ")
              + _r(page_state(s), bold=True))
    footer = (_r(f"{marking}    Page ") + _field("PAGE") + _r(" of ")
              + _field("NUMPAGES"))
    # Core properties hold at most 255 characters (Word refuses more).
    title = escape(clean(f"{content.title}: {content.case_ref}")[:255])
    when = s.generated.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    raw = template.raw
    head, foot = (next(n for n in template.order if n.startswith(f"word/{kind}"))
                  for kind in ("header", "footer"))
    return write(template, {
        "word/document.xml": _into(raw["word/document.xml"], b"<w:sectPr", body),
        head: _into(raw[head], b"</w:p>", header),
        foot: _into(raw[foot], b"</w:p>", footer),
        "docProps/core.xml": CORE.format(title=title, when=when).encode("utf-8"),
    })
