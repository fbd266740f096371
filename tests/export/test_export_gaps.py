"""The exports' Gaps and risks is the list Outstanding and G show (core.what_is_left): the
plan's gaps (core.plan_gaps) under the same headings in the same order, then each pause
point that does not hold; and `show` (text), Markdown, HTML and Word say it alike. Before,
the exports gave one flat list with no headings and left out a pause point that no
longer holds ("None found" at the top of a plan whose discharge check was undone)."""

from __future__ import annotations

import html
import json
import re

import jsonschema
import pytest

from checklist_tui.core import store
from checklist_tui.core.engine import evaluate
from checklist_tui.core.vocabulary import PAUSE_POINTS_HEADING
from checklist_tui.core.what_is_left import gaps_listing
from checklist_tui.export.json_schema import export_schema
from checklist_tui.export.show_report import render_show
from checklist_tui.export.summary import build
from checklist_tui.export.writer import render
from tests.conftest import EXAMPLES, NOW, TODAY
from tests.core.test_folder_claims import DISCHARGE, confirmed_earlier, unconfirmed
from tests.export.docx_structure import docx_structure

PLANS = [(p.name, None) for p in sorted(EXAMPLES.glob("*.toml"))] + [
    (DISCHARGE, confirmed_earlier), (DISCHARGE, unconfirmed)]


def _plan(catalogue, name, change):
    plan = store.load(EXAMPLES / name).plan.model_copy(deep=True)
    lc = catalogue.get(plan.checklist_id)
    if change is not None:
        change(plan, lc.checklist)
    return lc, plan


def _expected(lc, plan) -> list[str]:
    """G's groups: each heading, then each row as 'LABEL: text'."""
    listing = gaps_listing(lc.checklist, plan, evaluate(lc.checklist, plan, TODAY))
    return [line for heading, rows in listing.groups
            for line in [f"# {heading}", *(f"{e.label}: {e.text}" for e in rows)]]


def _between(lines: list[str], start: str, end: str) -> list[str]:
    first = lines.index(start)
    return lines[first + 1:lines.index(end, first)]


def _markdown(text: str) -> list[str]:
    part = _between(text.splitlines(), "## Gaps and risks", "## The plan")
    out = []
    for line in part:
        if line.startswith("### "):
            out.append(f"# {line[4:]}")
        elif m := re.fullmatch(r"- \*\*(.+?):\*\* (.*)", line):
            out.append(f"{m[1]}: {m[2]}")
    return [re.sub(r"\\(.)", r"\1", x) for x in out]  # Markdown's escapes


def _html(text: str) -> list[str]:
    part = text[text.index("<h2>Gaps and risks</h2>"):text.index("<h2>The plan</h2>")]
    part = re.sub(r"<p>.*?</p>", "", part)  # notes and what to do, and the sentence
    out = []
    for kind, body in re.findall(r"<(h3|li)>(.*?)(?=</h3>|<li>|</ul>)", part):
        words = html.unescape(re.sub(r"<[^>]+>", "", body))
        out.append(f"# {words}" if kind == "h3" else words)
    return out


def _docx(data: bytes) -> list[str]:
    body = docx_structure(data)["body"]
    start = body.index(["Heading1", "Gaps and risks"])
    end = next(n for n, (style, text) in enumerate(body)
               if n > start and style == "Heading1")
    return [f"# {text}" if style == "Heading2" else text
            for style, text in body[start + 1:end] if style in ("Heading2", "ListBullet")]


def _show(text: str) -> list[str]:
    part = text.splitlines()
    first = next(n for n, line in enumerate(part) if line.startswith("Gaps and risks ("))
    out = []
    for line in part[first + 1:part.index("", first)]:
        if line.startswith("  ") and not line.startswith("   "):
            words = line[2:]
            out.append(f"# {words[:-1]}" if words.endswith(":") and ": " not in words
                       else words)
    return [x for x in out if not x.startswith("None found")]


@pytest.mark.parametrize(("name", "change"), PLANS,
                         ids=[f"{n}-{c.__name__ if c else 'as-is'}" for n, c in PLANS])
def test_every_format_gives_gs_groups_in_gs_order(catalogue, name, change) -> None:
    lc, plan = _plan(catalogue, name, change)
    expected = _expected(lc, plan)
    assert expected or name == DISCHARGE  # the discharge example has nothing listed
    said = {
        "markdown": _markdown(render("markdown", lc, plan, False, catalogue.sources)),
        "html": _html(render("html", lc, plan, False, catalogue.sources)),
        "docx": _docx(render("docx", lc, plan, False, catalogue.sources)),
        "text": _show(render_show(build(lc, plan, NOW, catalogue.sources))),
    }
    for fmt, lines in said.items():
        assert lines == expected, fmt
    if change is not None:  # the pause point is there, last, in its own words
        assert expected[-2] == "# Pause points not confirmed or no longer holding"
        # and the status line says it, as the folder views' Needs attention does
        status = next(line for line in render("markdown", lc, plan, False,
                                              catalogue.sources).splitlines()
                      if line.startswith("**Status:"))
        word = "NO LONGER HOLDS" if change is confirmed_earlier else "NOT CONFIRMED"
        assert f"; Confirm before discharge: pause point {word};" in status, status


@pytest.mark.parametrize(("name", "change"), PLANS,
                         ids=[f"{n}-{c.__name__ if c else 'as-is'}" for n, c in PLANS])
def test_json_lists_the_pause_points_the_other_formats_list(catalogue, name, change) -> None:
    """look-c 4: the JSON's computed.gaps was [] and nothing else listed a pause point that
    no longer holds; now computed.pause_points_not_holding has G's and the other formats'
    pause point rows, in their words, valid by the published schema."""
    lc, plan = _plan(catalogue, name, change)
    listing = gaps_listing(lc.checklist, plan, evaluate(lc.checklist, plan, TODAY))
    rows = [e for heading, group in listing.groups if heading == PAUSE_POINTS_HEADING
            for e in group]
    data = json.loads(render("json", lc, plan, False, catalogue.sources))
    jsonschema.validate(data, export_schema())
    listed = data["computed"]["pause_points_not_holding"]
    assert [(p["text"], p["guidance"]) for p in listed] == [(e.text, e.guidance) for e in rows]
    if change is None:
        assert listed == [] or name != DISCHARGE
        return
    word = "NO LONGER HOLDS" if change is confirmed_earlier else "NOT CONFIRMED"
    assert [(p["section"], p["title"], p["status"], p["named"]) for p in listed] == [
        ("confirm", "Confirm before discharge", word, True)]
    state = "NO LONGER HOLDS: Confirmed by" if change is confirmed_earlier else "Pause point, not"
    assert listed[0]["text"].startswith(f"Confirm before discharge: {state}"), listed[0]
    assert f"Confirm before discharge: pause point {word}" in data["headline"]
