"""Plan summary export: golden files, hostile text, redaction, safe writing."""

from __future__ import annotations

import itertools
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from checklist_tui.cli import main
from checklist_tui.core import store
from checklist_tui.core.edit import add_record, set_answer, set_note
from checklist_tui.core.plan import Action, Agency, Person, PersonKind
from checklist_tui.export.redact import pseudonym, redact_plan
from checklist_tui.export.writer import default_name, export_to_folder, render
from tests.conftest import EXAMPLES, NOW, ROOT
from tests.export.docx_structure import docx_structure

GOLDEN = ROOT / "tests" / "golden"
EXT = {"markdown": "md", "html": "html", "json": "json", "csv": "csv", "docx": "docx.json"}
TEXT_FORMATS = ["markdown", "html", "json", "csv"]
KEY = b"golden-files-redaction-key-not-secret"
CASES = [(example, fmt, redact) for example in sorted(p.stem for p in EXAMPLES.glob("*.toml"))
         for fmt in EXT for redact in (False, True)]


def _golden_path(example: str, fmt: str, redact: bool) -> Path:
    return GOLDEN / f"{example}{'.redacted' if redact else ''}.{EXT[fmt]}"


def _output(fmt, checklist, plan, redact, sources) -> str:
    out = render(fmt, checklist, plan, redact, sources, KEY)
    if fmt == "docx":  # Word files are compared by structure, not bytes
        return json.dumps(docx_structure(out), indent=1, ensure_ascii=False) + "\n"
    return out


@pytest.mark.parametrize(("example", "fmt", "redact"), CASES)
def test_golden(catalogue, example, fmt, redact) -> None:
    loaded = store.load(EXAMPLES / f"{example}.toml")
    checklist = catalogue.get(loaded.plan.checklist_id)
    text = _output(fmt, checklist, loaded.plan, redact, catalogue.sources)
    path = _golden_path(example, fmt, redact)
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8"), (
        f"{path.name} differs: if the change is intended, run UPDATE_GOLDEN=1 pytest "
        "tests/export/test_export.py and review the diff")
    # deterministic: the same plan, clock and key give identical output
    assert _output(fmt, checklist, loaded.plan, redact, catalogue.sources) == text


def test_every_golden_file_is_checked() -> None:
    expected = {_golden_path(e, f, r).name for e, f, r in CASES}
    assert {p.name for p in GOLDEN.iterdir() if p.is_file()} - {".gitattributes"} == expected


HOSTILE = [
    "[click me](https://evil.example/x) ![img](https://evil.example/i.png)",
    "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "# Heading\n===\n- list\n> quote\n```\ncode\n```",
    "\x1b[2J\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ and \x07 bell",
    "[bold]rich markup[/bold] [link=https://evil.example]x[/link]",
    "Right-to-left: שלום עליכם and emoji 👶🏽 and CJK 赤ちゃん",
    "x" * 5000,
    "www.evil.example and mailto:someone@evil.example | pipe & ampersand",
    'Quotes " and \' and back\\slash and &lt;entity&gt;',
]


@pytest.fixture
def hostile_plan(catalogue):
    lc = catalogue.get("pre-birth-assessment")
    plan = store.load(EXAMPLES / "early-pre-birth.toml").plan.model_copy(deep=True)
    for n, text in enumerate(HOSTILE):
        item = ["PBA-S01", "PBA-S08A", "PBA-S07B", "PBA-S04", "PBA-H01", "PBA-F01", "PBA-F02",
                "PBA-F11", "PBA-S05"][n]
        set_note(plan, item, text, by="t", now=NOW)
    set_answer(plan, lc.checklist, "PBA-P07", HOSTILE[0] + "\n" + HOSTILE[2], by="t", now=NOW)
    add_record(plan, Person, by="t", now=NOW, name="<b>Evil</b> [x](y)", kind=PersonKind.FATHER,
               involvement=HOSTILE[1])
    add_record(plan, Agency, by="t", now=NOW, agency="A | B", role=HOSTILE[0])
    add_record(plan, Action, by="t", now=NOW, what=HOSTILE[4], owner="O", due=None)
    return lc, plan


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_hostile_text_is_inert_in_html(hostile_plan, catalogue) -> None:
    lc, plan = hostile_plan
    out = render("html", lc, plan, False, catalogue.sources)
    parser = _Collector()
    parser.feed(out)
    tags = {t for t, _a in parser.tags}
    assert not tags & {"script", "img", "a", "iframe", "link", "object", "embed"}
    assert not any(k.startswith("on") for _t, attrs in parser.tags for k in attrs)
    assert not any(k in ("src", "href", "style") for _t, attrs in parser.tags for k in attrs)
    assert "\x1b" not in out and "\x07" not in out
    text = "".join(parser.text)
    # intact: the text is all there, shown literally
    for fragment in ["<script>alert('x')</script>", "[click me](https://evil.example/x)",
                     "שלום עליכם", "👶🏽", "赤ちゃん", "[bold]rich markup[/bold]", "x" * 5000,
                     "\\x1b[2J", "&lt;entity&gt;"]:
        assert fragment in text, fragment


def test_hostile_text_is_inert_in_markdown(hostile_plan, catalogue) -> None:
    lc, plan = hostile_plan
    out = render("markdown", lc, plan, False, catalogue.sources)
    assert "\x1b" not in out
    html = MarkdownIt("gfm-like", {"linkify": True}).render(out)
    assert not re.search(r"<(a|img|script|blockquote|pre)\b", html)
    user_headings = re.findall(r"<h[1-6]>([^<]*)</h", html)
    assert "Heading" not in user_headings
    for fragment in ["שלום עליכם", "👶🏽", "x" * 5000, "rich markup"]:
        assert fragment in html


def test_hostile_text_round_trips_in_json(hostile_plan, catalogue) -> None:
    lc, plan = hostile_plan
    doc = json.loads(render("json", lc, plan, False, catalogue.sources))
    assert doc["plan"]["answers"]["PBA-S01"]["note"] == HOSTILE[0]
    assert doc["plan"]["answers"]["PBA-F01"]["note"] == HOSTILE[5]
    assert doc["plan"]["answers"]["PBA-S04"]["note"] == HOSTILE[3]  # escaped by JSON itself
    assert "\x1b" not in render("json", lc, plan, False, catalogue.sources)


def test_json_document_shape(catalogue) -> None:
    loaded = store.load(EXAMPLES / "family-t-like-twins.toml")
    lc = catalogue.get(loaded.plan.checklist_id)
    doc = json.loads(render("json", lc, loaded.plan, False, catalogue.sources))
    assert doc["schema"] == "checklist-tui/plan-summary" and doc["schema_version"] == 3
    computed = doc["computed"]
    # one answer is a Yes missing what it must carry: answered, not done (look-d 30)
    assert computed["progress"] == {"answered": 79, "total": 119, "percent": 66,
                                  "more_may_follow": True, "done": 78, "contradicted": 0,
                                  "incomplete": 1}
    declined = next(f for f in computed["fired_rules"] if f["rule"] == "PBA-A05.declined")
    assert declined["acknowledged"] is True
    assert any(d["status"] == "overdue" for d in computed["due_points"])
    assert doc["plan"]["case_ref"] == "DEMO-0002-TWINS"


def test_redaction_removes_every_name(catalogue) -> None:
    loaded = store.load(EXAMPLES / "family-t-like-twins.toml")
    plan = loaded.plan
    lc = catalogue.get(plan.checklist_id)
    names = {p.name for p in plan.people} | {a.practitioner for a in plan.agencies} \
        | {plan.practitioner, plan.case_ref}
    names.discard("")
    words = {w for n in names for w in re.findall(r"[A-Za-z]{4,}", n)} - {"Example", "DEMO",
                                                                        "TWINS", "example",
                                                                        "social", "worker"}
    for fmt in TEXT_FORMATS:
        out = render(fmt, lc, plan, True, catalogue.sources, KEY)
        for name in names:
            assert name not in out, (fmt, name)
        for word in words:
            assert word not in out, (fmt, word)
        assert pseudonym(plan.case_ref, KEY) in out
        assert "Redacted copy" in out or '"redacted": true' in out or fmt == "csv"


def test_redaction_replaces_names_in_notes_and_keeps_original(catalogue) -> None:
    loaded = store.load(EXAMPLES / "family-t-like-twins.toml")
    plan = loaded.plan.model_copy(deep=True)
    plan.answers["PBA-P04"].note = "jordan said Casey Example shouted; Morgan left."
    red = redact_plan(plan, "CASE-X")
    assert red.answers["PBA-P04"].note == \
        "Mother (care leaver) said Father shouted; Father's brother left."
    assert plan.answers["PBA-P04"].note.startswith("jordan")  # original untouched
    assert red.people[0].name == "Mother (care leaver)"
    assert pseudonym("demo-0002-twins ", KEY) == pseudonym("DEMO-0002-TWINS", KEY)


def test_file_names_cannot_escape_folder(tmp_path, catalogue) -> None:
    loaded = store.load(EXAMPLES / "early-pre-birth.toml")
    plan = loaded.plan.model_copy(deep=True)
    plan.case_ref = "../../../etc/passwd"
    name = default_name(plan, "pre-birth-assessment", "html", False)
    assert "/" not in name and ".." not in name and name.endswith(".html")
    lc = catalogue.get(plan.checklist_id)
    written = export_to_folder(tmp_path, lc, plan, list(EXT), catalogue.sources)
    assert all(p.parent == tmp_path for p in written) and len(written) == 5


def test_existing_files_not_overwritten_without_force(tmp_path, catalogue, capsys) -> None:
    example = str(EXAMPLES / "early-pre-birth.toml")
    out = tmp_path / "summary.md"
    assert main(["export", example, "-o", str(out)]) == 0
    out.write_text("keep me")
    assert main(["export", example, "-o", str(out)]) == 1
    assert "already exists; use --force" in capsys.readouterr().err
    assert out.read_text() == "keep me"
    assert main(["export", example, "-o", str(out), "--force"]) == 0
    assert out.read_text().startswith("# Plan: ")


def test_export_defaults_next_to_plan_and_stdout(tmp_path, capsys) -> None:
    plan = tmp_path / "p.toml"
    plan.write_bytes((EXAMPLES / "early-pre-birth.toml").read_bytes())
    assert main(["export", str(plan), "--format", "json"]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.parent == tmp_path and written.name == \
        "demo-0001-pre-birth-assessment-p-summary.json"
    assert main(["export", str(plan), "--format", "html", "-o", "-", "--redact"]) == 0
    assert "Redacted copy" in capsys.readouterr().out


def test_html_is_self_contained_and_accessible(catalogue) -> None:
    loaded = store.load(EXAMPLES / "family-t-like-twins.toml")
    out = render("html", catalogue.get(loaded.plan.checklist_id), loaded.plan, False,
                 catalogue.sources)
    assert '<html lang="en-GB">' in out and "default-src 'none'" in out
    assert "<script" not in out and "http" not in out.replace(
        "http-equiv", "")
    levels = [int(n) for n in re.findall(r"<h([1-6])", out)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    assert '<th scope="col">' in out and "@page { size: A4" in out
    assert "RED FLAG" in out  # meaning in words, not only colour
