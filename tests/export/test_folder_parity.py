"""The folder views (review list, `show DIR`, the report) count the plan's own "Gaps and
risks" list, the one `show PLAN` and every export give, for every example and for plans
that show what the count left out before: no man recorded, an overdue find-out date."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from checklist_tui.core import store
from checklist_tui.core.assurance import assess
from checklist_tui.core.index import PlanIndex
from checklist_tui.core.index_view import COLUMNS, attention, ordered, overdue_words
from checklist_tui.core.plan_gaps import FIND_OUT, NO_MAN
from checklist_tui.export.report import render_report
from checklist_tui.export.show_report import render_show
from checklist_tui.export.summary import build, headline
from tests.cli.helpers import run
from tests.conftest import EXAMPLES, NOW, TODAY


@pytest.fixture
def folder(tmp_path: Path, capsys) -> Path:
    target = tmp_path / "plans"
    target.mkdir(exist_ok=True)
    for plan in EXAMPLES.glob("*.toml"):
        shutil.copy(plan, target / plan.name)
    # A plan with no man recorded (the injury checklist, nothing answered), and one whose
    # "who will find out, by when" date has passed.
    assert run(capsys, "new", "injury-non-mobile-baby", "--case-ref", "INJ-7",
               "--no-open")[0] == 0
    code, out, _ = run(capsys, "new", "pre-birth-assessment", "--case-ref", "DEMO-42",
                       "--edd", "20/05/2027", "--no-open")
    assert code == 0
    late = Path(out.strip())
    assert run(capsys, "answer", str(late), "PBA-S10", "unknown", "--owner", "A. Worker",
               "--by", "20/11/2026")[0] == 0
    return target


def _rows(folder: Path, catalogue):
    with PlanIndex(folder, catalogue.checklists, include_user=False) as index:
        index.refresh(today=TODAY)
        return {r.path: r for r in index.rows()}


def test_every_folder_row_counts_the_plans_own_gaps_and_risks(folder, catalogue):
    rows = _rows(folder, catalogue)
    assert len(rows) == 5
    for path, row in rows.items():
        loaded = store.load(folder / path)
        summary = build(catalogue.get(loaded.plan.checklist_id), loaded.plan, NOW,
                        catalogue.sources, found_outside=loaded.found_outside)
        shown = re.search(r"Gaps and risks \((\d+)\):", render_show(summary))
        assert shown is not None
        assert row.gaps == len(summary.gaps) == int(shown.group(1)), path
        assert row.red_flags == sum(g.red_flag for g in summary.gaps), path
        assert row.overdue_total == sum(bool(g.overdue) for g in summary.gaps), path
        # the exports' status line says the same count, with its parts (look-b 5)
        status = headline(summary)
        if row.overdue_total:
            assert f"; {row.overdue_total} overdue ({overdue_words(row)});" in status, path
        else:
            assert "overdue" not in status, path
        assert row.no_man == any(g.text == NO_MAN for g in summary.gaps), path
        words = attention(row, TODAY)
        if summary.gaps:
            assert f"{len(summary.gaps)} gap" in words and row.needs_attention(TODAY), path
    twins = rows["family-t-like-twins.toml"]
    assert twins.gaps > 24  # the engine's list alone gave 24


def test_no_man_recorded_needs_attention(folder, catalogue):
    injury = next(r for r in _rows(folder, catalogue).values() if r.case_ref == "INJ-7")
    assert injury.no_man and injury.gaps == 1
    assert injury.needs_attention(TODAY)
    assert "no father or other man recorded" in attention(injury, TODAY)


def test_an_overdue_find_out_date_is_overdue_in_the_folder_views(folder, catalogue):
    late = next(r for r in _rows(folder, catalogue).values() if r.case_ref == "DEMO-42")
    assert late.overdue == {FIND_OUT: 1}
    overdue = next(c for c in COLUMNS if c.key == "overdue")
    assert overdue.value(late, TODAY) == "1 find-out date"
    assert "1 overdue" in attention(late, TODAY)


def test_an_unreadable_file_is_never_counted_as_none(folder, catalogue):
    (folder / "broken.toml").write_text('format_version = 1\ncase_ref = "BROKEN-1"\n[[x',
                                        "utf-8")
    rows = list(_rows(folder, catalogue).values())
    figures = assess(rows, catalogue.checklists, catalogue.sources, TODAY)
    broken = next(r for r in rows if r.error)
    assert broken.case_ref == "BROKEN-1"  # the file says it plainly
    record = next(json.loads(line) for line in
                  render_report(rows, figures, "json", "plans").splitlines()
                  if '"record": "plans"' in line and "broken.toml" in line)
    for key in ("progress", "open_required", "gaps_and_risks", "red_flags", "overdue"):
        assert record[key] is None, key
    assert record["state"] == "Cannot be read" and "damaged" in record["problem"]
    csv_line = next(line for line in render_report(rows, figures, "csv").splitlines()
                    if "broken.toml" in line)
    assert csv_line.startswith("BROKEN-1,,,,,,,,,Cannot be read,")
    table = render_report(rows, figures, "table", "plans")
    line = next(x for x in table.splitlines() if "broken.toml" in x)
    assert " 0 " not in line and "none" not in line


def test_awaiting_sign_off_needs_attention_and_harm_comes_first(folder, catalogue, capsys):
    assert run(capsys, "submit", str(folder / "discharge-ready-for-sign-off.toml"))[0] == 0
    rows = _rows(folder, catalogue)
    waiting = rows["discharge-ready-for-sign-off.toml"]
    assert waiting.needs_attention(TODAY)
    assert "awaiting sign-off" in attention(waiting, TODAY)
    order = [r.case_ref for r in ordered(list(rows.values()))]
    assert order[0] == "DEMO-0002-TWINS"  # 7 red flags and overdue: first, not last
    assert order.index("DEMO-0003") < order.index("DEMO-0001")  # a decision waits


def test_a_row_made_yesterday_is_made_again(folder, catalogue):
    with PlanIndex(folder, catalogue.checklists, include_user=False) as index:
        index.refresh(today=TODAY)
        again = index.refresh(today=TODAY.replace(day=TODAY.day + 1))
        rows = index.rows()
    assert again.parsed == len(rows)
    assert all(r.as_of == TODAY.replace(day=TODAY.day + 1) for r in rows)


def test_the_report_counts_only_signed_off_plans_once_per_case(folder, catalogue, capsys):
    """Copies, a plan edited by hand after approval and drafts vouch for nothing; the
    report says how many plans stand where, and names a case held by several files."""
    from checklist_tui.core.assurance import NOT_SIGNED, OUTSIDE, SIGNED_OFF

    ready = folder / "discharge-ready-for-sign-off.toml"
    assert run(capsys, "submit", str(ready))[0] == 0
    assert run(capsys, "sign-off", str(ready), "--decision", "approved", "--rationale",
               "Complete", "--name", "Sam Senior", "--role", "Team manager")[0] == 0
    shutil.copy(ready, folder / "copy-of-ready.toml")
    edited = folder / "edited-ready.toml"
    edited.write_text(ready.read_text("utf-8").replace("Drew Demo", "Drew Demo-Edited"),
                      "utf-8")
    by_path = _rows(folder, catalogue)
    rows = list(by_path.values())
    figures = assess(rows, catalogue.checklists, catalogue.sources, TODAY)
    # the review list, show DIR and the plain list say it on each of the three rows
    copy = by_path["copy-of-ready.toml"]
    assert copy.same_case == ["discharge-ready-for-sign-off.toml", "edited-ready.toml"]
    assert "case reference also in 2 other files" in attention(copy, TODAY)
    assert copy.needs_attention(TODAY)
    assert figures.standings[SIGNED_OFF] == 2 and figures.standings[OUTSIDE] == 1
    assert figures.standings[NOT_SIGNED] == 4  # the two examples, INJ-7 and DEMO-42
    assert figures.counted == 1  # the approved plan and its copy: one case, counted once
    assert figures.duplicates["DEMO-0003"] == ["copy-of-ready.toml",
                                               "discharge-ready-for-sign-off.toml",
                                               "edited-ready.toml"]
    dpm = [f for s in figures.sources for f in s.items
           if f.checklist_id == "discharge-planning-meeting"]
    assert dpm and max(f.applies for f in dpm) == 1
    pba = [f for s in figures.sources for f in s.items if f.checklist_id ==
           "pre-birth-assessment"]
    assert all(f.applies == 0 for f in pba)  # drafts vouch for nothing
    text = render_report(rows, figures, "table")
    assert "count only plans signed off by a manager whose approval still stands, one " \
           "per case: 1 of 7." in text
    assert "Warning: case DEMO-0003 is in 3 plan files" in text
    assert "1 edited outside the app" in text and "4 draft, completed" in text
    summary = json.loads(render_report(rows, figures, "json").splitlines()[0])
    assert summary["signed_off_counted"] == 1 and summary["states"][OUTSIDE] == 1
