"""User text stays text in every format: Markdown escaping, bidi isolation, answer keys,
CSV formulas, linear time on huge words (security findings 5, 6 and 17; export issue 7)."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from checklist_tui.core import store
from checklist_tui.core.edit import add_record, set_note
from checklist_tui.core.plan import Action, Agency, Answer
from checklist_tui.export.csv_export import cell
from checklist_tui.export.markdown_safe import md_cell, md_text
from checklist_tui.export.safe import FSI, PDI, inert
from checklist_tui.export.show_report import render_show as _render_show
from checklist_tui.export.summary import build
from checklist_tui.export.writer import render
from tests.conftest import EXAMPLES, NOW, TODAY


def render_show(lc, plan, _today) -> str:
    return _render_show(build(lc, plan, NOW, {}))


def _gfm(text: str) -> str:
    return MarkdownIt("gfm-like", {"linkify": True}).render(text)


def test_ordered_list_marker_escaped_after_the_digits() -> None:
    assert md_text("1. first") == "1\\. first"
    assert md_text("12) twelfth") == "12\\) twelfth"
    assert "\\1" not in md_text("1. a\n2. b")
    assert "<ol" not in _gfm(md_text("1. a\n2. b"))


@pytest.mark.parametrize("hostile", [
    "see http://x|[click](http://evil.example/)",
    "a | ![px](http://evil.example/p.png) | b",
    "www.x|![px](http://evil.example/p.png)",
    "x`|`[y](http://evil.example/)",
])
def test_pipe_in_a_table_cell_cannot_make_a_link_or_image(hostile) -> None:
    table = f"| A | B |\n|---|---|\n| {md_cell(hostile)} | z |\n"
    html = _gfm(table)
    assert not re.search(r"<(a|img)\b", html), html
    assert html.count("<td>") == 2  # the row did not gain cells


def test_agency_role_pipe_injection_in_the_export(catalogue) -> None:
    lc = catalogue.get("pre-birth-assessment")
    plan = store.load(EXAMPLES / "early-pre-birth.toml").plan.model_copy(deep=True)
    add_record(plan, Agency, by="t", now=NOW, agency="X",
               role="see http://x|[click](http://evil.example/)")
    html = _gfm(render("markdown", lc, plan, False, catalogue.sources))
    assert not re.search(r"<(a|img)\b", html)


def test_markdown_is_linear_in_word_length(catalogue) -> None:
    for word in ("a" * 60_000, "a@" * 30_000, "http" * 15_000, "1." * 30_000):
        start = time.process_time()
        md_text(word)
        md_cell(word)
        assert time.process_time() - start < 0.1, word[:8]
    start = time.process_time()
    md_text("x" * 50_000_000)
    assert time.process_time() - start < 20


def test_a_60000_character_note_exports_quickly(catalogue) -> None:
    lc = catalogue.get("pre-birth-assessment")
    plan = store.load(EXAMPLES / "early-pre-birth.toml").plan.model_copy(deep=True)
    set_note(plan, "PBA-S01", "z" * 60_000, by="t", now=NOW)
    start = time.process_time()
    render("markdown", lc, plan, False, catalogue.sources)
    # A guard against work that grows with the square of a note's length (60,000
    # characters squared is billions of steps: minutes). CPU time, so other processes do
    # not count; the bound is generous because a busy machine's caches still slow a
    # linear export (0.1 s failed once at load 9).
    assert time.process_time() - start < 1.0


HOSTILE_KEY = "![k](http://evil.example/k.png)\x1b]0;owned\x07<img src=x>"


def test_answer_keys_from_a_plan_file_are_inert(catalogue) -> None:
    lc = catalogue.get("pre-birth-assessment")
    plan = store.load(EXAMPLES / "early-pre-birth.toml").plan.model_copy(deep=True)
    plan.answers[HOSTILE_KEY] = Answer(value="yes", answered_at=NOW, answered_by="t")
    show = render_show(lc, plan, TODAY)
    assert "\x1b" not in show and "\x07" not in show and "\\x1b]0;owned" in show
    md = render("markdown", lc, plan, False, catalogue.sources)
    assert "\x1b" not in md and not re.search(r"<(a|img)\b", _gfm(md))
    html = render("html", lc, plan, False, catalogue.sources)
    assert "<img" not in html and "\x1b" not in html and "&lt;img src=x&gt;" in html


RLO_NOTE = "Name: مريم \u202eNOTE 2026/11/02"


def test_right_to_left_text_is_isolated_not_stripped(catalogue) -> None:
    assert inert("a\u202eb") == "a\\u202eb"  # the override is shown, not obeyed
    lc = catalogue.get("pre-birth-assessment")
    plan = store.load(EXAMPLES / "early-pre-birth.toml").plan.model_copy(deep=True)
    add_record(plan, Action, by="t", now=NOW, what=RLO_NOTE, owner="مريم")
    md = render("markdown", lc, plan, False, catalogue.sources)
    assert "\u202e" not in md
    assert f"{FSI}Name: مريم \\\\u202eNOTE 2026/11/02{PDI}" in md  # kept, isolated
    html = render("html", lc, plan, False, catalogue.sources)
    assert "<bdi>مريم</bdi>" in html and "\u202e" not in html
    show = render_show(lc, plan, TODAY)
    assert "\u202e" not in show


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.chunks: list[str] = []
        self.captions = 0

    def handle_starttag(self, tag, attrs):
        self.captions += tag == "caption"
        if tag in ("p", "li", "tr", "td", "th", "dt", "dd", "h1", "h2", "h3", "br"):
            self.chunks.append("\n")

    def handle_data(self, data):
        self.chunks.append(data)


def test_html_labels_have_real_separators_and_nothing_is_hidden(catalogue) -> None:
    loaded = store.load(EXAMPLES / "family-t-like-twins.toml")
    html = render("html", catalogue.get(loaded.plan.checklist_id), loaded.plan, False,
                  catalogue.sources)
    parser = _Text()
    parser.feed(html)
    text = "".join(parser.chunks)
    assert "RED FLAG (acknowledged): " in text and "OVERDUE: " in text
    assert not re.search(r"(RED FLAG|OVERDUE|NOT KNOWN)[A-Z]{2}", text)
    assert parser.captions == 0 and "visually-hidden" not in html and "display: none" not in html


@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"http://evil.example\")"),
    ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("plain", "plain"),
    (None, ""), (True, "yes"),
])
def test_csv_cells_cannot_become_formulas(value, expected) -> None:
    assert cell(value) == expected


def test_multi_line_cells_become_a_list_that_keeps_every_line(catalogue) -> None:
    lc = catalogue.get("pre-birth-assessment")
    plan = store.load(EXAMPLES / "early-pre-birth.toml").plan.model_copy(deep=True)
    add_record(plan, Action, by="t", now=NOW, what="First line\n2. second line\n| third",
               owner="O")
    md = render("markdown", lc, plan, False, catalogue.sources)
    assert "<br>" not in md  # pandoc drops raw HTML line breaks when writing Word
    html = _gfm(md)
    actions = html.split("Actions not linked to an outcome")[1].split("<h3>")[0]
    assert "<table>" not in actions and "<li>" in actions
    for line in ("First line", "2. second line", "| third"):
        assert line in actions.replace("<br />\n", "\n"), line
