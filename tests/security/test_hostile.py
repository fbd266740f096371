"""Hostile text in every user field and in checklist wording stays literal and inert in
``show`` and every export format (the TUI is read back in ``test_hostile_tui.py``).

- Terminal output: no escape or control bytes; the text readable.
- Markdown, rendered by a real renderer (markdown-it-py): no link, image or HTML
  beyond what a plain plan has; the text readable in the rendered result.
- HTML: no script, event handler, frame, external or script URL, beyond a plain plan.
- JSON: parses, and the text is there exactly as typed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from checklist_tui.core.limits import MAX_TEXT
from tests.security import hostile, plans
from tests.security.cli import (
    BINARY_FORMATS,
    TERMINAL_CONTROL,
    Run,
    export_args,
    export_formats,
    run,
)

FORMATS = export_formats()
INCLUDE_OPEN = os.environ.get("CHECKLIST_FUZZ_OPEN") == "all"
LONG_RUN = os.environ.get("CHECKLIST_HOSTILE_ALL") == "1"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EMBEDDINGS, ISOLATES = "\u202a\u202b\u202d\u202e", "\u2066\u2067\u2068"
PDF, PDI = "\u202c", "\u2069"


def bidi_left_open(line: str) -> str:
    """The bidi embeddings, overrides and isolates still open at the end of ``line`` (as
    in Unicode's bidi algorithm, a PDI also closes what was opened inside its isolate).
    Anything left open reorders the text that follows it: the rest of the line."""
    stack: list[str] = []
    for ch in line:
        if ch in EMBEDDINGS or ch in ISOLATES:
            stack.append(ch)
        elif ch == PDF and stack and stack[-1] in EMBEDDINGS:
            stack.pop()
        elif ch == PDI and any(c in ISOLATES for c in stack):
            while stack.pop() not in ISOLATES:
                pass
    return "".join(stack)
#: Still-open findings (a corpus kind or a check), kept out until fixed; see
#: /work/notes/i8camp.md. Empty this as they are fixed.
OPEN_FINDINGS: dict[str, str] = {}


def _runs(plan: Path, checklists: Path) -> dict[str, Run]:
    return {name: run(*argv, "--checklists", str(checklists))
            for name, argv in [("show", ["show", str(plan)]),
                               *((fmt, export_args(plan, fmt)) for fmt in FORMATS)]}


def _outputs(plan: Path, checklists: Path) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name, result in _runs(plan, checklists).items():
        assert not result.crashed, (name, result.err[-600:])
        assert result.code == 0, (name, result.err[-600:])
        assert not TERMINAL_CONTROL.search(result.err), (name, result.err[-300:])
        found[name] = result.out
        if name in BINARY_FORMATS:
            found[name] = docx_view(plan.with_name(plan.name + f".out.{name}"))
    return found


def docx_view(path: Path) -> dict:
    """What a word processor would act on in a DOCX: text, external links, fields, chunks."""
    import html
    import zipfile

    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        xml = {n: z.read(n).decode("utf-8") for n in names if n.endswith((".xml", ".rels"))}
    body = "".join(v for k, v in xml.items() if k.startswith("word/") and k.endswith(".xml"))
    rels = "".join(v for k, v in xml.items() if k.endswith(".rels"))
    runs = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", body)
    return {
        "text": html.unescape("".join(runs)),
        "external": rels.count('TargetMode="External"'),
        "fields": len(re.findall(r"(?i)HYPERLINK|INCLUDEPICTURE|INCLUDETEXT|DDEAUTO|\bDDE\b",
                                 "".join(re.findall(r"<w:instrText[^>]*>([^<]*)<", body))
                                 + "".join(re.findall(r'w:instr="([^"]*)"', body)))),
        "hyperlinks": body.count("<w:hyperlink"),
        "parts": sorted(n for n in names if "altChunk" in n or n.endswith((".bin", ".htm")))
    }


# -- reading each output as a person (or a browser) would --------------------------------


def markdown_view(text: str) -> tuple[Counter, str]:
    """(live structure counts, readable text) of Markdown as a renderer shows it."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    counts: Counter = Counter()
    readable: list[str] = []

    def walk(tokens) -> None:
        for tok in tokens:
            own_break = tok.type == "html_inline" and tok.content.lower() in ("<br>", "<br/>")
            if tok.type in ("link_open", "image", "html_inline", "html_block") and not own_break:
                counts[tok.type] += 1  # <br>: the exporter's own line break in a table cell
            if tok.type in ("text", "code_inline", "code_block", "fence"):
                readable.append(tok.content)
            if tok.type == "softbreak":
                readable.append("\n")
            if tok.children:
                walk(tok.children)

    walk(md.parse(text))
    return counts, "".join(readable)


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter = Counter()
        self.urls: set[str] = set()
        self.handlers: list[str] = []
        self.text: list[str] = []
        self.styles: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags[tag] += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}")
            if name in ("href", "src", "action", "formaction", "srcset", "poster", "data"):
                self.urls.add(value or "")
            if name == "style" and value and "url(" in value:
                self.styles.append(value)

    def handle_data(self, data) -> None:
        self.text.append(data)


def html_view(text: str) -> _Html:
    parser = _Html()
    parser.feed(text)
    parser.close()
    return parser


def json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *json_strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in json_strings(v)]
    return []


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> dict[str, str]:
    """The same plan with plain words: what structure an export has anyway."""
    folder = tmp_path_factory.mktemp("baseline")
    plain = hostile.Hostile("plain", "Plain words for a plain plan", "Plain words")
    plan, checklists = plans.make(folder, plain)
    return _outputs(plan, checklists)


@pytest.mark.parametrize("item", hostile.CORPUS, ids=hostile.KINDS)
def test_hostile_text_is_literal_and_inert(item: hostile.Hostile, tmp_path: Path,
                                           baseline: dict[str, str]) -> None:
    if len(item.text) > 50_000 and not LONG_RUN:
        pytest.skip("the largest texts run in the long run (benchmarks/campaign/)")
    if item.kind in OPEN_FINDINGS and not INCLUDE_OPEN:
        pytest.skip(OPEN_FINDINGS[item.kind])
    plan, checklists = plans.make(tmp_path, item)
    if len(item.text) > MAX_TEXT:  # over the stated limit: one clear line, nothing else
        for name, result in _runs(plan, checklists).items():
            assert not result.crashed and result.code == 1, (name, result.err[-300:])
            assert plan.name in result.err and "limit" in result.err, (name, result.err[-300:])
            assert result.err.count("\n") == 1 and result.out == "", name
        return
    outputs = _outputs(plan, checklists)

    show = outputs["show"]
    assert not TERMINAL_CONTROL.search(show), "control bytes reach the terminal"
    assert item.visible in show, "show does not print the text literally"
    if "bidi-terminal" not in OPEN_FINDINGS or INCLUDE_OPEN:
        open_at_end = [ascii(x) for x in show.splitlines() if bidi_left_open(x)]
        assert open_at_end == [], f"bidi controls left open: {open_at_end[:2]}"

    if "markdown" in outputs:
        counts, readable = markdown_view(outputs["markdown"])
        assert counts == markdown_view(baseline["markdown"])[0], "live Markdown structure"
        assert item.visible in readable, "the rendered Markdown does not show the text"

    if "html" in outputs:
        page, base = html_view(outputs["html"]), html_view(baseline["html"])
        assert page.handlers == [], page.handlers
        inert_tags = {"bdi"}  # the exporter isolates right-to-left text
        assert set(page.tags) <= set(base.tags) | inert_tags, set(page.tags) - set(base.tags)
        assert page.tags["script"] == base.tags["script"] == 0
        assert page.urls <= base.urls, page.urls - base.urls
        assert page.styles == base.styles
        assert item.visible in "".join(page.text), "the HTML does not show the text"

    if "docx" in outputs:
        doc, base = outputs["docx"], baseline["docx"]
        for key in ("external", "fields", "hyperlinks", "parts"):
            assert doc[key] == base[key], f"DOCX {key}: {doc[key]} (a plain plan: {base[key]})"
        assert item.visible in doc["text"], "the DOCX does not show the text"

    if "csv" in outputs:
        rows = list(csv.reader(io.StringIO(outputs["csv"])))
        plain_cells = {c for r in csv.reader(io.StringIO(baseline["csv"])) for c in r}
        cells = [c for r in rows for c in r]
        formulas = [c for c in cells if c[:1] in FORMULA_START and c not in plain_cells]
        if "csv-formula" not in OPEN_FINDINGS or INCLUDE_OPEN:
            assert formulas == [], f"spreadsheet formulas: {formulas[:3]}"
        assert item.visible in "\n".join(cells), "the CSV does not keep the text"

    if "json" in outputs:
        strings = json_strings(json.loads(outputs["json"]))
        assert item.text in strings, "the JSON does not keep the text exactly"


def test_the_corpus_has_forty_kinds() -> None:
    assert len(hostile.KINDS) >= 40


def test_the_checks_can_fail() -> None:
    counts, _text = markdown_view("[x](http://evil.example/) ![i](http://e/p.png) <b>x</b>")
    assert counts["link_open"] == 1 and counts["image"] == 1 and counts["html_inline"] == 2
    page = html_view('<a href="http://evil.example/" onclick="x()">a</a><script></script>')
    assert page.handlers and page.urls == {"http://evil.example/"} and page.tags["script"]
    assert TERMINAL_CONTROL.search("a\x1b]8;;http://x\x07b")
    assert TERMINAL_CONTROL.search("\x9b31m")
