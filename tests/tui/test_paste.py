"""Pasting into a one-line box keeps every line (look-d 17): Textual's Input kept the first
line of a paste and dropped the rest without a word, so an agency's contact pasted as two
lines lost its out-of-hours number. Every one-line box is a LineBox: the lines are joined
with "; " and the box says so; a paste too long for the box is said, never cut."""

from __future__ import annotations

import ast
from pathlib import Path

from textual import events

from checklist_tui.tui.widgets.line_box import LineBox, one_line
from tests.conftest import ROOT
from tests.tui.helpers import make_app, new_record_form, wait_for

OFFICE = "Office 01234 000001 (fictional)"
OUT_OF_HOURS = "Out of hours: 01234 000002 (fictional)"
TWO_LINES = f"{OFFICE}\r\n{OUT_OF_HOURS}\n"
JOINED = f"{OFFICE}; {OUT_OF_HOURS}"


def test_several_lines_are_joined_and_one_line_is_kept_as_it_is() -> None:
    assert one_line(TWO_LINES) == JOINED
    assert one_line(f"\n  {OFFICE}  \n\n\t{OUT_OF_HOURS}") == JOINED  # blank lines left out
    assert one_line("  Pat Sample ") == "  Pat Sample "  # one line: as pasted
    assert one_line("05/11/2026\r\n") == "05/11/2026"  # copied with its line break
    assert one_line("\nPat Sample\n") == "Pat Sample"  # (Input's own took the empty line)
    assert one_line("\n\n") == ""


def test_every_one_line_box_is_a_line_box() -> None:
    """A new form's one-line box made as Textual's Input would drop pasted lines again."""
    allowed = {"screens/review.py",  # the filter: words to search by, never kept
               "widgets/style_warmers.py"}  # styles read early, never shown
    made_as_input = set()
    for path in (ROOT / "checklist_tui" / "tui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and (
                    getattr(node.func, "id", None) == "Input"
                    or getattr(node.func, "attr", None) == "Input"):
                made_as_input.add(Path(path).relative_to(ROOT / "checklist_tui" / "tui")
                                  .as_posix())
    assert made_as_input <= allowed, made_as_input - allowed


async def _paste(pilot, box: LineBox, text: str) -> None:
    box.focus()
    await wait_for(pilot, lambda: pilot.app.focused is box)
    pilot.app._driver.send_message(events.Paste(text))  # as a terminal paste arrives


async def test_two_lines_pasted_into_each_box_of_the_agency_form_are_kept(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await new_record_form(pilot, "g")
        records = app.screen_stack[-2]
        boxes = list(form.query(LineBox))
        assert [b.id for b in boxes] == ["f-agency", "f-practitioner", "f-role", "f-contact"]
        for box in boxes:
            box.value = ""
            await _paste(pilot, box, TWO_LINES)
            await wait_for(pilot, lambda box=box: box.value == JOINED, what=box.id)
        await wait_for(pilot, lambda: any("joined with ';'" in str(n.message)
                                          for n in app._notifications), what="said")
        form.query_one("#save").press()
        await wait_for(pilot, lambda: app.screen is records and any(
            a.contact == JOINED for a in records.session.plan.agencies), what="saved")


async def test_a_paste_too_long_for_the_box_is_said_and_nothing_is_cut(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await new_record_form(pilot, "g")
        box = form.query_one("#f-contact", LineBox)
        box.value, box.max_length = "Office", 20
        await _paste(pilot, box, TWO_LINES)
        await wait_for(pilot, lambda: any("Not pasted: this box holds 20 characters"
                                          in str(n.message) for n in app._notifications))
        assert box.value == "Office"
