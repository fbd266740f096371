"""The exported plan as one self-contained, printable, accessible HTML file.

No scripts, no external requests (a content security policy forbids them), inline
CSS with an A4 print layout: the protective marking, case reference and page
numbers on every printed page (CSS page margin boxes), no question split from its
answer, no heading or table header left alone at the foot of a page. Every label
is followed by real text (a colon or a space), never by spacing made in CSS alone,
and nothing is hidden, so text copied into a word processor reads the same.
User text is escaped and, where it holds right-to-left letters, isolated.
"""

from __future__ import annotations

from html import escape

from checklist_tui.export import document
from checklist_tui.export.safe import has_rtl, inert
from checklist_tui.export.summary import Summary, page_state

CSS = """
:root { color: #111; background: #fff; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4;
       max-width: 60em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 .3em; }
h2 { font-size: 14pt; border-bottom: 2px solid #333; padding-bottom: .1em; margin-top: 1.4em; }
h3 { font-size: 12pt; margin: 1em 0 .3em; }
h4 { font-size: 11pt; margin: .8em 0 .3em; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; table-layout: fixed; }
th, td { border: 1px solid #666; padding: .25em .45em; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
th { background: #e8e8e8; }
table.fields th { width: 28%; }
.marking { font-weight: bold; border: 2px solid #111; padding: .3em .6em; }
.status { font-weight: bold; font-size: 12pt; }
.redacted { border-left: 6px solid #111; background: #f2f2f2; padding: .4em .8em; }
.missing { font-weight: bold; }
.tag { font-weight: bold; }
ul.flags { padding-left: 1.2em; }
ul.flags li { margin: .35em 0; }
ul.flags p { margin: .1em 0 0; }
dl.answers dt { font-weight: bold; margin-top: .5em; }
dl.answers dd { margin-left: 1.2em; }
.id { color: #444; font-size: 9pt; }
footer { margin-top: 2em; border-top: 1px solid #333; font-size: 9pt; }
"""

PRINT_CSS = """
@page { size: A4; margin: 20mm 14mm 18mm;
  @top-left { content: %(marking)s; font: bold 9pt Arial, sans-serif; }
  @top-center { content: %(state)s; font: bold 9pt Arial, sans-serif; }
  @top-right { content: %(case)s; font: 9pt Arial, sans-serif; }
  @bottom-left { content: %(marking)s; font: bold 9pt Arial, sans-serif; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages);
                  font: 9pt Arial, sans-serif; } }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .new-page { break-before: page; page-break-before: always; }
  p:has(+ table), p:has(+ ul) { break-after: avoid; page-break-after: avoid; }
  tr, li, .qa, dt, dd, p { break-inside: avoid; page-break-inside: avoid; }
  dt, h2 + p { break-after: avoid; page-break-after: avoid; }
  table.keep, table.fields { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  thead, thead tr { break-after: avoid; page-break-after: avoid; }
}
"""



def css_string(text: str) -> str:
    """A CSS string that cannot end the string, the rule or the style element."""
    return '"' + "".join(c if c.isalnum() or c in " -_.,:/" else f"\\{ord(c):x} "
                         for c in inert(text)) + '"'


def t(text: str) -> str:
    """User text, inert in HTML: escaped, controls shown, line breaks kept, RTL isolated."""
    out = escape(inert(text), quote=True).replace("\n", "<br>")
    out = f"<bdi>{out}</bdi>" if has_rtl(text) else out
    return f"<strong>{out}</strong>" if isinstance(text, document.Strong) else out


def _widths(widths: list[int]) -> str:
    return "<colgroup>" + "".join(f'<col class="w{w}">' for w in widths) + "</colgroup>"


def _block(block: document.Block) -> str:
    if isinstance(block, document.Heading):
        klass = ' class="new-page"' if block.new_page else ""
        return f"<h{block.level}{klass}>{t(block.text)}</h{block.level}>"
    if isinstance(block, document.Para):
        klass = f' class="{block.style}"' if block.style else ""
        return f"<p{klass}>{t(block.text)}</p>"
    if isinstance(block, document.Fields):
        rows = "".join(f'<tr><th scope="row">{t(k)}</th><td>{t(v)}</td></tr>'
                       for k, v in block.rows)
        return f'<table class="fields" aria-label="{escape(block.label)}"><tbody>{rows}' \
               "</tbody></table>"
    if isinstance(block, document.Table):
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in block.headers)
        body = "".join("<tr>" + "".join(f"<td>{t(c)}</td>" for c in row) + "</tr>"
                       for row in block.rows)
        keep = ' class="keep"' if len(block.rows) <= document.KEEP_ROWS else ""
        return (f'<table{keep} aria-label="{escape(block.label)}">{_widths(block.widths)}'
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    if isinstance(block, document.Flags):
        items = []
        for flag in block.items:
            details = "".join(f"<p><strong>{escape(k)}:</strong> {t(v)}</p>"
                              for k, v in flag.details)
            items.append(f'<li><strong class="tag">{escape(flag.label)}:</strong> '
                         f"{t(flag.text)}{details}</li>")
        return '<ul class="flags">' + "".join(items) + "</ul>"
    if isinstance(block, document.Answers):
        parts = ['<dl class="answers">']
        for item in block.items:
            parts.append(f'<div class="qa"><dt>{t(item.prompt)} <span class="id">'
                         f"({t(item.item_id)})</span></dt><dd>{t(item.answer)}")
            parts += [f"<br><strong>{t(label)}:</strong> {t(text)}" if label
                      else f"<br>{t(text)}" for label, text in item.extras]
            parts.append("</dd></div>")
        parts.append("</dl>")
        return "".join(parts)
    if isinstance(block, document.Bullets):
        return "<ul>" + "".join(f"<li>{t(i)}</li>" for i in block.items) + "</ul>"
    raise TypeError(block)


def render(s: Summary) -> str:
    doc = document.build_document(s)
    widths = sorted({w for b in doc.blocks if isinstance(b, document.Table) for w in b.widths})
    col_css = "".join(f"col.w{w} {{ width: {w}%; }}\n" for w in widths)
    page_css = PRINT_CSS % {"marking": css_string(doc.marking),
                            "state": css_string(page_state(s)),
                            "case": css_string(f"Case reference: {doc.case_ref}")}
    h = ["<!DOCTYPE html>",
         '<html lang="en-GB"><head><meta charset="utf-8">',
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'\">",
         '<meta name="viewport" content="width=device-width, initial-scale=1">',
         f"<title>{escape(inert(doc.title))}: {escape(inert(doc.case_ref))}</title>",
         f"<style>{CSS}{col_css}{page_css}</style>",
         "</head><body><main>",
         f"<h1>{t(doc.title)}: {t(doc.case_ref)}</h1>"]
    h += [_block(block) for block in doc.blocks]
    h.append(f"</main><footer><p>{escape(doc.footer)}</p></footer>")
    h.append("</body></html>")
    return "\n".join(h) + "\n"
