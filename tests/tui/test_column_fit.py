"""Column widths from the width a table has (tui.column_fit): the words that matter first
and whole, figures never wrapped, headings never cut."""

from __future__ import annotations

from checklist_tui.tui.column_fit import CELL_PADDING, Fit, fit_widths

FITS = (Fit("case", 8, 12), Fit("words", 20, 40, grows=3), Fit("state", 12, 30, grows=2),
        Fit("count", 6, 6), Fit("note", 10, 30))
HEADINGS = {"case": 4, "words": 15, "state": 5, "count": 6, "note": 4}


def _total(widths: dict[str, int], keys) -> int:
    return sum(widths[k] + CELL_PADDING for k in keys)


def test_everything_fits_at_the_width_its_longest_cell_wants() -> None:
    longest = {"case": 9, "words": 25, "state": 8, "count": 2, "note": 12}
    widths = fit_widths(FITS, longest, HEADINGS, 200)
    assert widths == {"case": 9, "words": 25, "state": 12, "count": 6, "note": 12}


def test_a_narrow_window_gives_the_words_that_matter_the_room_first() -> None:
    longest = {"case": 9, "words": 60, "state": 30, "count": 2, "note": 30}
    widths = fit_widths(FITS, longest, HEADINGS, 70)
    # case, words and state in the window, using all of it; count and note off to the right
    assert _total(widths, ["case", "words", "state"]) == 70
    assert widths["words"] > 20 and widths["state"] > 12  # grown, the words the most
    assert widths["words"] - 20 > widths["state"] - 12
    assert widths["count"] == 6 and widths["note"] == 30  # whole, once scrolled to


def test_the_others_follow_only_once_the_words_that_matter_have_their_room() -> None:
    longest = {"case": 9, "words": 30, "state": 14, "count": 2, "note": 30}
    widths = fit_widths(FITS, longest, HEADINGS, 11 + 32 + 16 + 8 + 12)
    assert (widths["words"], widths["state"]) == (30, 14)
    assert widths["count"] == 6 and widths["note"] == 10  # in sight at its floor


def test_never_narrower_than_a_heading_or_a_figure() -> None:
    widths = fit_widths(FITS, {}, HEADINGS, 10)
    assert all(widths[f.key] >= HEADINGS[f.key] for f in FITS)
    assert widths["count"] == 6
