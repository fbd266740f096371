"""What the folder views (Home, the review list, `show DIR`, `review --plain`, the report)
claim about a plan, and never more than is known (look-b 2, look-a 1, look-b 15):

- a plan with nothing answered says so: never "Red flags 0" or "Overdue: none";
- a plan whose pause point is not confirmed, or no longer holds, never reads ✓ on Home,
  and the review list names the pause point, as the plan header and Outstanding do;
- a plan open for editing in another window or on another computer says so, and who.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
from datetime import timedelta
from pathlib import Path

import pytest

from checklist_tui.core import clock, store
from checklist_tui.core.assurance import assess
from checklist_tui.core.folder import Looked, mark_open_elsewhere, open_elsewhere
from checklist_tui.core.index import PlanIndex
from checklist_tui.core.index_view import (
    COLUMNS,
    NOT_KNOWN,
    NOT_KNOWN_YET,
    attention,
    progress,
    state_words,
    values,
)
from checklist_tui.core.locking import lock_path
from checklist_tui.core.review_file import change_plan
from checklist_tui.core.vocabulary import DONE_MARK
from checklist_tui.export.report import render_report
from checklist_tui.export.report_plain import plan_paragraph
from tests.conftest import EXAMPLES, NOW, TODAY
from tests.core.helpers import words_written_again

DISCHARGE = "discharge-ready-for-sign-off.toml"


def confirmed_earlier(plan, _checklist) -> None:
    """DPM-K02 answered after the pause point was confirmed: it no longer holds."""
    c, k02 = plan.confirmations[-1], plan.answers["DPM-K02"]
    plan.answers["DPM-K02"] = k02.model_copy(update={"answered_at": c.at + timedelta(minutes=5)})


def unconfirmed(plan, _checklist) -> None:
    """Never confirmed, every item of it done (made again today): it can be confirmed."""
    plan.confirmations.clear()
    for ident in ("DPM-H01", "DPM-H07", "DPM-C12"):
        answer = plan.answers[ident]
        plan.answers[ident] = answer.model_copy(
            update={"details": {**(answer.details or {}), "date": TODAY}})
    words_written_again(plan, ("DPM-H01", "DPM-H07", "DPM-C12"))  # on the day (core.written)


def rows_of(folder: Path, catalogue) -> dict[str, object]:
    with PlanIndex(folder, catalogue.checklists, include_user=False) as index:
        index.refresh(today=TODAY)
        return {r.path: r for r in index.rows()}


def column(row, key: str):
    """A folder-table column's value for ``row`` (what the report, CSV and JSON give)."""
    return dict(zip((c.key for c in COLUMNS), values(row, TODAY), strict=True))[key]


@pytest.fixture
def folder(tmp_path: Path, catalogue) -> Path:
    target = tmp_path / "plans"
    target.mkdir()
    for plan in EXAMPLES.glob("*.toml"):
        shutil.copy(plan, target / plan.name)
    store.create(target, catalogue.get("injury-non-mobile-baby"), case_ref="INJ-7", now=NOW)
    return target


def test_a_plan_with_nothing_answered_claims_no_figure_it_does_not_know(folder, catalogue):
    rows = rows_of(folder, catalogue)
    injury = next(r for r in rows.values() if r.case_ref == "INJ-7")
    assert injury.answered == 0 and injury.red_flags == 0 and not injury.overdue_total
    # the table, CSV and JSON columns, the report, review --plain and Home
    assert column(injury, "red_flags") == NOT_KNOWN  # Needs attention says why
    assert column(injury, "overdue") == NOT_KNOWN
    said = "\n".join(plan_paragraph(injury, TODAY))
    assert "Red flags: 0" not in said and "Overdue: none" not in said, said
    assert f"Red flags: {NOT_KNOWN_YET}. Overdue: {NOT_KNOWN_YET}." in said
    assert "nothing answered yet" in attention(injury, TODAY)
    assert injury.needs_attention(TODAY)
    assert progress(injury) == f"• 0/{injury.total} nothing answered yet"
    assert injury.timing(TODAY) == "no date of birth or EDD recorded"  # not "EDD not ..."
    listed = list(rows.values())
    figures = assess(listed, catalogue.checklists, catalogue.sources, TODAY)
    report = render_report(listed, figures, "table", "plans")
    line = next(x for x in report.splitlines() if x.startswith("INJ-7"))
    assert line.count("not known") == 2 and " none " not in f" {line} "
    # a plan with answers keeps its figures: 0 red flags is then what the rules found
    dpm = rows[DISCHARGE]
    assert column(dpm, "red_flags") == 0 and column(dpm, "overdue") == "none"
    assert "nothing answered" not in attention(dpm, TODAY) + progress(dpm)


def test_home_ticks_a_plan_only_when_its_pause_point_holds(folder, catalogue):
    assert progress(rows_of(folder, catalogue)[DISCHARGE]).startswith(f"{DONE_MARK} 52/52")
    shutil.copy(folder / DISCHARGE, folder / "dpm-unconfirmed.toml")
    change_plan(folder / DISCHARGE, catalogue.get, confirmed_earlier)
    change_plan(folder / "dpm-unconfirmed.toml", catalogue.get, unconfirmed)
    rows = rows_of(folder, catalogue)
    for path, word in ((DISCHARGE, "NO LONGER HOLDS"), ("dpm-unconfirmed.toml",
                                                         "NOT CONFIRMED")):
        row = rows[path]
        assert row.answered == row.total and not row.open_required  # all answered
        assert progress(row) == f"• 52/52 pause point {word}", progress(row)
        assert f"Confirm before discharge: pause point {word}" in attention(row, TODAY)
        assert row.needs_attention(TODAY)
        said = "\n".join(plan_paragraph(row, TODAY))
        assert f"pause point {word}" in said
    # show DIR's table: a long Needs attention wraps, never cut at 60 characters
    listed = list(rows.values())
    table = render_report(listed, assess(listed, catalogue.checklists, catalogue.sources,
                                         TODAY), "table", "plans")
    assert len(attention(rows[DISCHARGE], TODAY)) > 60
    assert " ".join(table.split()).count("pause point NO LONGER HOLDS") == 1


def test_a_pause_point_whose_items_are_open_is_not_named_but_never_ticked(folder, catalogue):
    def k02_open(plan, _checklist) -> None:  # never confirmed, and one item not done
        plan.confirmations.clear()
        del plan.answers["DPM-K02"]
    change_plan(folder / DISCHARGE, catalogue.get, k02_open)
    row = rows_of(folder, catalogue)[DISCHARGE]
    assert row.pauses and not row.pauses_named  # the count of answers says it
    assert progress(row).startswith("• ") and "pause point" not in progress(row)


def _lock(plan: Path, pid: int, user: str = "colleague") -> None:
    lock_path(plan).write_text(json.dumps({
        "pid": pid, "host": socket.gethostname(), "user": user,
        "since": "2026-11-25T09:30:00"}), "utf-8")


def test_a_plan_open_elsewhere_says_so_and_who(folder, catalogue):
    _lock(folder / DISCHARGE, os.getppid())  # a live process that is not this one
    _lock(folder / "early-pre-birth.toml", os.getpid())  # this app's own: not elsewhere
    _lock(folder / "family-t-like-twins.toml", 2**31 - 2)  # its process is gone: stale
    held = open_elsewhere(folder)
    assert list(held) == [DISCHARGE]
    assert "the computer account 'colleague'" in held[DISCHARGE]
    assert "25/11/2026 09:30" in held[DISCHARGE]
    rows = mark_open_elsewhere(list(rows_of(folder, catalogue).values()), held)
    dpm = next(r for r in rows if r.path == DISCHARGE)
    assert state_words(dpm, TODAY) == "Completed; open for editing elsewhere"
    assert f"open for editing by {held[DISCHARGE]}" in attention(dpm, TODAY)
    others = [r for r in rows if r.path != DISCHARGE]
    assert not any("open for editing" in state_words(r, TODAY) + attention(r, TODAY)
                   for r in others)


def test_an_item_is_counted_overdue_once_and_a_find_out_date_only_once_it_has_passed(
        catalogue) -> None:
    """look-c 15: PBA-X09's due point has passed (counted), and its find-out date is the
    day itself (27/11/2026, not passed): it was counted twice, once as a find-out date,
    "5 overdue" where 4 things are late."""
    from datetime import date

    from checklist_tui.core.engine import evaluate
    from checklist_tui.core.plan_gaps import ACTION, DUE_POINT, FIND_OUT, overdue_counts, plan_gaps

    plan = store.load(EXAMPLES / "family-t-like-twins.toml").plan
    lc = catalogue.get(plan.checklist_id)

    def late(day: date) -> list[tuple[str, str]]:
        gaps = plan_gaps(lc.checklist, plan, evaluate(lc.checklist, plan, day))
        assert sum(overdue_counts(gaps).values()) == len([g for g in gaps if g.overdue])
        return [(g.item_id, g.overdue) for g in gaps if g.overdue]

    on_the_day = late(date(2026, 11, 27))
    assert [k for i, k in on_the_day if i == "PBA-X09"] == [DUE_POINT]  # once
    assert FIND_OUT not in {k for _i, k in on_the_day} and ACTION in {k for _i, k in on_the_day}
    later = late(date(2026, 12, 1))  # PBA-BP04B's find-out date, 27/11, has passed
    assert ("PBA-BP04B", FIND_OUT) in later
    assert [k for i, k in later if i == "PBA-X09"] == [DUE_POINT]


def test_a_folder_list_knows_when_it_may_be_out_of_date(folder, catalogue, monkeypatch):
    """The one rule Home and the review list check by every few seconds (core.folder.Looked):
    a plan changed, added or removed, a plan opened or closed elsewhere, or a new day (what
    is overdue is the day's); nothing else."""
    for plan in folder.glob("*.toml"):  # not changed in the refresh's own clock tick
        st = plan.stat()
        os.utime(plan, ns=(st.st_atime_ns, st.st_mtime_ns - 3600 * 1_000_000_000))
    with PlanIndex(folder, catalogue.checklists, include_user=False) as index:
        refreshed = index.refresh(today=TODAY)
    looked = Looked(refreshed, clock.today(), open_elsewhere(folder))
    assert not looked.out_of_date(folder)
    monkeypatch.setattr(clock, "_fixed", NOW + timedelta(days=1))
    assert looked.out_of_date(folder)  # a new day
    monkeypatch.setattr(clock, "_fixed", NOW)
    assert not looked.out_of_date(folder)
    _lock(folder / DISCHARGE, os.getppid())  # opened in another window
    assert looked.out_of_date(folder)
    lock_path(folder / DISCHARGE).unlink()
    assert not looked.out_of_date(folder)
    shutil.copy(folder / DISCHARGE, folder / "a-colleagues.toml")  # added
    assert looked.out_of_date(folder)
    (folder / "a-colleagues.toml").unlink()
    assert not looked.out_of_date(folder)
