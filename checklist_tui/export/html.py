"""The plan summary as one self-contained, printable, accessible HTML file.

No scripts, no external requests (a content security policy forbids them), inline
CSS with an A4 print layout. Every piece of user text is HTML-escaped.
"""

from __future__ import annotations

from html import escape

from checklist_tui.core.vocabulary import NO_OWNER, NO_ROLE, OVERDUE, RED_FLAG
from checklist_tui.export.safe import plain
from checklist_tui.export.summary import (
    FOOTER,
    REDACTED_NOTE,
    SENSITIVITY,
    Summary,
    due_text,
    grouped_attention,
    header_rows,
    person_rows,
)

CSS = """
:root { color: #111; background: #fff; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4;
       max-width: 60em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 .3em; }
h2 { font-size: 14pt; border-bottom: 2px solid #333; padding-bottom: .1em; margin-top: 1.4em; }
h3 { font-size: 12pt; margin-bottom: .3em; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
th, td { border: 1px solid #666; padding: .25em .45em; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
td.nowrap, th.nowrap { white-space: nowrap; }
th { background: #e8e8e8; }
table.meta th { width: 14em; }
.sensitivity { font-weight: bold; border: 2px solid #111; padding: .3em .6em; }
.redacted { border-left: 6px solid #111; background: #f2f2f2; padding: .4em .8em; }
.tag { display: inline-block; font-weight: bold; border: 1px solid #111; padding: 0 .3em;
       margin-right: .3em; font-size: 9pt; }
.tag-red { background: #fde2e2; border-width: 2px; }
ul.attention { list-style: none; padding-left: 0; }
ul.attention li { margin: .35em 0; }
.guidance, .note { margin: .1em 0 0 1.2em; }
dl.answers dt { font-weight: bold; margin-top: .5em; }
dl.answers dd { margin-left: 1.2em; }
.id { color: #444; font-size: 9pt; }
.missing { font-weight: bold; }
footer { margin-top: 2em; border-top: 1px solid #333; font-size: 9pt; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, li, dt, dd { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
"""


def t(text: str) -> str:
    """User text, inert in HTML: escaped, control characters shown, line breaks kept."""
    return escape(plain(text), quote=True).replace("\n", "<br>")


NOWRAP = {"Due", "Source", "In household"}


def _table(headers: list[str], rows: list[list[str]], caption: str, cls: str = "") -> str:
    wrap = [' class="nowrap"' if h in NOWRAP else "" for h in headers]
    head = "".join(f'<th scope="col"{w}>{escape(h)}</th>' for h, w in zip(headers, wrap,
                                                                          strict=True))
    body = "".join("<tr>" + "".join(f"<td{w}>{c}</td>" for c, w in zip(row, wrap, strict=True))
                   + "</tr>" for row in rows)
    klass = f' class="{cls}"' if cls else ""
    return (f"<table{klass}><caption class=\"visually-hidden\">{escape(caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _people(people) -> str:
    return _table(["Name", "Relationship", "In household", "Role", "Involvement and assessment"],
                  [[t(c) for c in row] for row in person_rows(people)], "People")


def render(s: Summary) -> str:
    h: list[str] = []
    add = h.append
    add("<!DOCTYPE html>")
    add('<html lang="en-GB"><head><meta charset="utf-8">')
    add("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">")
    add('<meta name="viewport" content="width=device-width, initial-scale=1">')
    add(f"<title>{t(s.title)}: {t(s.plan.case_ref)}</title>")
    add(f"<style>{CSS}.visually-hidden {{ position: absolute; left: -10000px; }}</style>")
    add("</head><body><main>")
    add(f"<h1>{t(s.title)}</h1>")
    add(f'<p class="sensitivity">{escape(SENSITIVITY)}</p>')
    if s.redacted:
        add(f'<p class="redacted"><strong>{escape(REDACTED_NOTE)}</strong></p>')
    rows = "".join(f'<tr><th scope="row">{escape(k)}</th><td>{t(v)}</td></tr>'
                   for k, v in header_rows(s))
    add(f'<table class="meta"><caption class="visually-hidden">Plan details</caption>'
        f"<tbody>{rows}</tbody></table>")

    add("<h2>What needs attention first</h2>")
    if not s.attention:
        add("<p>Nothing is outstanding.</p>")
    for heading, items in grouped_attention(s):
        add(f"<h3>{escape(heading)}</h3>")
        add('<ul class="attention">')
        for a in items:
            red = " tag-red" if a.label == RED_FLAG else ""
            add(f'<li><span class="tag{red}">{escape(a.label)}</span>{t(a.text)}')
            if a.guidance:
                add(f'<p class="guidance"><strong>What to do:</strong> {t(a.guidance)}</p>')
            if a.note:
                add(f'<p class="note">{t(a.note)}</p>')
            add("</li>")
        add("</ul>")

    add("<h2>Action plan</h2>")
    if s.actions:
        add(_table(["What", "Owner", "Agency", "Due", "Status"], [
            [t(a.what), t(a.owner) if a.owner else f'<span class="missing">{NO_OWNER}</span>',
             t(a.agency), escape(due_text(a.due)),
             escape(a.status.label) + (f' <span class="tag">{OVERDUE}</span>' if late else "")]
            for a, late in s.actions], "Actions"))
    else:
        add("<p>No actions recorded.</p>")

    add("<h2>Agencies and their roles</h2>")
    if s.agencies:
        add(_table(["Agency", "Named practitioner", "Role and responsibility", "Contact"], [
            [t(g.agency), t(g.practitioner),
             t(g.role) if g.role else f'<span class="missing">{NO_ROLE}</span>',
             t(g.contact)] for g in s.agencies], "Agencies"))
    else:
        add("<p>No agencies recorded.</p>")

    add("<h2>People around the baby</h2>")
    add("<h3>The father and other male carers</h3>")
    add(_people(s.men) if s.men else
        '<p class="missing">No father or male carer is recorded.</p>')
    add("<h3>Others</h3>")
    add(_people(s.others) if s.others else "<p>No one else recorded.</p>")

    for part in s.sections:
        add(f"<h2>{t(part.title)}</h2>")
        add(f"<p><em>{escape(part.progress)}</em></p>")
        if not part.items:
            add("<p>No answers yet.</p>")
            continue
        add('<dl class="answers">')
        for item in part.items:
            add(f'<dt>{t(item.prompt)} <span class="id">({escape(item.item_id)})</span></dt>')
            add(f"<dd>{t(item.answer)}")
            if item.note:
                add(f"<br><strong>Note:</strong> {t(item.note)}")
            if item.source:
                add(f"<br><strong>Source of information:</strong> {t(item.source)}")
            add("</dd>")
        add("</dl>")

    if s.no_longer_applies:
        add("<h2>Answers that no longer apply</h2>")
        add("<p>Kept for the record; not counted in this plan.</p><ul>")
        for item in s.no_longer_applies:
            add(f"<li>{t(item.prompt)} {t(item.answer)} "
                f'<span class="id">({escape(item.item_id)})</span></li>')
        add("</ul>")

    add("<h2>Learning trace</h2>")
    add("<p>The recommendations and practice sources that this plan's answered items "
        "address.</p>")
    add(_table(["Source", "Title", "Items"], [
        [escape(r.source.id), t(r.source.title), escape(", ".join(r.items))] for r in s.trace],
        "Learning trace"))
    add(f"</main><footer><p>{escape(SENSITIVITY)} {escape(FOOTER)}</p></footer>")
    add("</body></html>")
    return "\n".join(h) + "\n"
