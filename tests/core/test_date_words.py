"""look-a A15: a date typed in another form is refused with the form to type, in the same
words wherever dates are typed (core.dates.parse_date: the TUI, plain mode and the CLI)."""

from __future__ import annotations

import pytest

from checklist_tui.core.dates import parse_date
from tests.plain.test_plain import _new, _talk


@pytest.mark.parametrize(("typed", "said"), [
    ("4/12/26", "'4/12/26' is not a date: type it as 04/12/2026"),
    ("4.12.2026", "'4.12.2026' is not a date: type it as 04/12/2026"),
    (" 04-12-26 ", "'04-12-26' is not a date: type it as 04/12/2026"),
    ("31/02/2027", "'31/02/2027' is not a date: February 2027 has no day 31"),
    ("12/31/2026", "'12/31/2026' is not a date: there is no month 31; type the day first, "
                   "as DD/MM/YYYY"),
    ("next week", "'next week' is not a date: type the date as DD/MM/YYYY, for example "
                  "04/12/2026"),
])
def test_a_date_in_another_form_says_the_form_to_type(typed, said) -> None:
    with pytest.raises(ValueError) as caught:
        parse_date(typed)
    assert str(caught.value) == said


@pytest.mark.parametrize("typed", ["04/12/2026", "4/12/2026", "2026-12-04"])
def test_the_forms_taken_are_unchanged(typed) -> None:
    assert parse_date(typed).isoformat() == "2026-12-04"


def test_the_cli_says_the_form_and_changes_nothing(tmp_path, catalogue, capsys) -> None:
    from tests.cli.helpers import run

    path = _new(tmp_path / "plans", catalogue)
    before = path.read_bytes()
    code, out, err = run(capsys, "answer", str(path), "PBA-S10", "unknown", "--owner",
                         "A. Worker", "--by", "4/12/26")
    assert (code, out) == (1, "")
    assert err == "checklist-tui: --by: '4/12/26' is not a date: type it as 04/12/2026\n"
    assert path.read_bytes() == before


def test_plain_mode_says_the_form_and_asks_again(tmp_path, catalogue) -> None:
    path = _new(tmp_path / "plans", catalogue)
    _code, out = _talk(path, catalogue, ["go PBA-S10", "unknown", "A. Worker", "4/12/26",
                                         "04/12/2099", "quit"])
    assert "'4/12/26' is not a date: type it as 04/12/2026" in out


def test_a_plan_with_neither_date_is_not_framed_as_an_unborn_baby() -> None:
    """look-b B2: an injury plan with no date of birth read "EDD not recorded"."""
    from datetime import date

    from checklist_tui.core.dates import timing_summary

    assert timing_summary(None, None, date(2026, 11, 25)) == "no date of birth or EDD recorded"
