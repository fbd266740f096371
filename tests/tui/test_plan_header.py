"""The plan header fits the window: at 80 columns no phrase ("Saved 14:02", "Last changed
20/11/2026 14:00") is broken across lines; shorter words first, then a break between
phrases."""

from __future__ import annotations

import re

import pytest
from rich.text import Text

from checklist_tui.core import edit
from tests.tui.helpers import copy_examples, make_app, plan_ready, wait_for


def _lines(app) -> tuple[list[str], int]:
    header = app.screen.query_one("#plan-header")
    return str(header.render()).splitlines(), header.content_size.width


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_no_phrase_of_the_header_is_cut_at_any_size(tmp_path, size) -> None:
    plans = copy_examples(tmp_path / "plans")
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        lines, width = _lines(app)
        assert all(len(line) <= width for line in lines), (width, lines)  # Static never wraps
        changed = next(line for line in lines if "Last changed" in line)
        assert "Last changed 20/11/2026 14:00" in changed
        # plural, in words
        assert any(re.search(r"\(1 incomplete\)(, more questions may follow)?  !\d+ red "
                             r"flags", line) for line in lines)
        if size == (80, 24):  # two lines: the EDD in full, the count shortened
            # (the twins' plan has questions that wait for answers still to come, and a
            # Yes missing what it must carry: answered, not done, look-d 30)
            assert lines[1].strip() == "EDD 27/01/2027: 31+0 weeks today, 63 days to EDD"
            assert lines[2].startswith("79/119+ answered (1 incomplete)  !7 red flags")
        else:  # a tall window spends a line on the count in words (rev8-tui 5)
            assert lines[1].strip() == "EDD 27/01/2027: 31+0 weeks today, 63 days to EDD"
            assert lines[2].startswith("79 of 119 answered (1 incomplete), more questions "
                                       "may follow  !7 red flags  ·  Last changed")
            assert not any("79/119" in line for line in lines)
        app.screen.apply(edit.set_note, "PBA-A01", "Checks asked for again")  # a change
        await wait_for(pilot, lambda: any(line.startswith("Saved") or " Saved " in line
                                          for line in _lines(app)[0]))
        lines, width = _lines(app)
        assert all(len(line) <= width for line in lines), (width, lines)


def test_a_line_uses_shorter_words_then_breaks_between_phrases() -> None:
    from checklist_tui.tui.widgets.plan_header import NARROW, WIDE, Phrase, fit

    phrases = [Phrase(Text("EDD 27/01/2027: 31+1 weeks today, 62 days to EDD"),
                      Text("EDD 27/01/2027: 31+1 weeks today")),
               Phrase(Text("37/87 answered")), Phrase(Text("Saved 14:02"))]
    assert str(fit(phrases, 200)) == WIDE.join(
        ["EDD 27/01/2027: 31+1 weeks today, 62 days to EDD", "37/87 answered", "Saved 14:02"])
    assert str(fit(phrases, 70)) == WIDE.join(
        ["EDD 27/01/2027: 31+1 weeks today", "37/87 answered", "Saved 14:02"])
    assert str(fit(phrases, 64)) == NARROW.join(
        ["EDD 27/01/2027: 31+1 weeks today", "37/87 answered", "Saved 14:02"])
    assert str(fit(phrases, 40)).splitlines() == [
        "EDD 27/01/2027: 31+1 weeks today", "37/87 answered  ·  Saved 14:02"]


def test_the_least_important_phrase_is_shortened_first() -> None:
    """rev8-tui 5: every phrase used to go short at once; now the EDD's days to go go
    before the count's words, and a line that breaks anyway keeps the EDD in full."""
    from checklist_tui.tui.widgets.plan_header import WIDE, Phrase, fit

    edd = Phrase(Text("EDD 27/01/2027: 31+2 weeks today, 67 days to EDD"),
                 Text("EDD 27/01/2027: 31+2 weeks today"))
    count = Phrase(Text("33 of 90 answered, more questions may follow"),
                   Text("33/90+ answered"), rank=1)
    saved = Phrase(Text("Last changed 20/11/2026 14:00"))
    phrases = [edd, count, saved]
    # one line: the EDD short, the count in words (it was "33/90+ answered")
    assert str(fit(phrases, 118)) == WIDE.join([
        "EDD 27/01/2027: 31+2 weeks today", "33 of 90 answered, more questions may follow",
        "Last changed 20/11/2026 14:00"])
    # two lines either way: both in full
    assert str(fit(phrases, 78)).splitlines() == [
        "EDD 27/01/2027: 31+2 weeks today, 67 days to EDD",
        "33 of 90 answered, more questions may follow  ·  Last changed 20/11/2026 14:00"]
    # a spare line is spent only on a ranked phrase's words, never on the EDD's days
    assert fit(phrases, 118, spare=1) == fit(phrases, 118)
    long = Phrase(Text("79 of 119 answered (1 incomplete), more questions may follow"),
                  Text("79/119+ answered (1 incomplete)"), rank=1)
    assert "79/119+" in str(fit([edd, long, saved], 118))
    assert str(fit([edd, long, saved], 118, spare=1)).splitlines() == [
        "EDD 27/01/2027: 31+2 weeks today, 67 days to EDD  ·  "
        "79 of 119 answered (1 incomplete), more questions may follow",
        "Last changed 20/11/2026 14:00"]
    # a window too narrow for any of it: the least cut
    assert str(fit(phrases, 30)).splitlines()[:2] == [
        "EDD 27/01/2027: 31+2 weeks today", "33/90+ answered"]


async def test_the_count_is_said_in_words_where_the_line_has_room(tmp_path) -> None:
    """rev7-tui 10: "78/119+" is the short form; a wide window reads it in words, and the
    answer the plan finds incomplete is said in both (look-d 30)."""
    plans = copy_examples(tmp_path / "plans")
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(180, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        lines, width = _lines(app)
        assert any("79 of 119 answered (1 incomplete), more questions may follow" in line
                   for line in lines), (width, lines)
        assert not any("79/119+" in line for line in lines)


async def test_the_header_never_gets_shorter_under_the_reader_s_eyes(tmp_path) -> None:
    """A new plan's header said "Last changed 27/11/2026 14:00"; at the first answer it
    said "Saved 14:00", the line fitted again, the header lost a row and every question
    moved up one as the practitioner went to the next. It keeps its rows while the window
    keeps its width (a new width starts again)."""
    from checklist_tui.cli import main

    plans = tmp_path / "plans"
    plans.mkdir()
    assert main(["--plans-dir", str(plans), "new", "pre-birth-assessment", "--case-ref",
                 "DEMO-0100", "--edd", "15/03/2027", "--practitioner", "Pat Example",
                 "--role", "Assessing social worker", "--no-open"]) == 0
    app = make_app(plans, next(plans.glob("*.toml")).name)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        header = app.screen.query_one("#plan-header")
        before, _width = _lines(app)
        assert any("Last changed" in line for line in before)
        height = header.region.height
        await pilot.press("y")
        await wait_for(pilot, lambda: any("Saved" in line for line in _lines(app)[0]))
        await pilot.pause()
        assert header.region.height == height, _lines(app)[0]
        await pilot.resize_terminal(100, 24)  # a new width: as tall as it needs
        await wait_for(pilot, lambda: header.region.height < height)
