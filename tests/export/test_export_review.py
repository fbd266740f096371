"""What the exports say after a manager's review and when little is known (look-tm 6, 11,
12, 20): the challenges and answers in every layout, a status line that fits the state,
no "everything would be in place" on a plan with nothing marked or answered, an empty
practitioner said in words, and summary names that keep same-case plans apart."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest

from checklist_tui.cli import main
from checklist_tui.core import clock, review, store
from checklist_tui.core.gaps import NO_BIRTH_VIEW, born_today
from checklist_tui.core.review_file import change_plan
from checklist_tui.export.writer import render
from tests.conftest import EXAMPLES, NOW, TODAY
from tests.export.docx_structure import docx_structure

READY = "discharge-ready-for-sign-off.toml"
MANAGER = {"name": "Sam Senior", "role": "Team manager", "now": NOW}


@pytest.fixture
def submitted(tmp_path: Path, catalogue) -> Path:
    path = tmp_path / READY
    shutil.copy(EXAMPLES / READY, path)
    change_plan(path, catalogue.get,
                lambda p, c: review.submit(p, c, by="Drew Demo", now=NOW, today=TODAY))
    return path


def _decide(path, catalogue, decision, rationale="Proportionate plan.") -> None:
    change_plan(path, catalogue.get, lambda p, c: review.decide(
        p, c, decision=decision, rationale=rationale, today=TODAY, **MANAGER))


def _text(path: Path, catalogue, fmt: str) -> str:
    loaded = store.load(path)
    out = render(fmt, catalogue.get(loaded.plan.checklist_id), loaded.plan, False,
                 catalogue.sources)
    if isinstance(out, bytes):
        return str(docx_structure(out))
    return html.unescape(out) if fmt == "html" else out


def test_every_layout_carries_the_challenges_and_the_answers(submitted, catalogue) -> None:
    change_plan(submitted, catalogue.get, lambda p, c: review.challenge(
        p, c, "DPM-M02", "Did he attend, or only get a letter?", **MANAGER))
    change_plan(submitted, catalogue.get, lambda p, c: review.challenge(
        p, c, "DPM-H01", "Who examined the baby?", **MANAGER))
    change_plan(submitted, catalogue.get, lambda p, c: review.respond(
        p, p.challenges[0].id, "He attended in person.", by="Drew Demo", now=NOW))
    for fmt in ("markdown", "html", "docx"):
        text = _text(submitted, catalogue, fmt)
        assert "Manager's challenges and the answers" in text, fmt
        assert "Did he attend, or only get a letter?" in text, fmt
        assert "He attended in person." in text, fmt
        assert "Sam Senior (Team manager), 25/11/2026" in text, fmt
        assert "Drew Demo, 25/11/2026" in text, fmt
        assert "Who examined the baby?" in text and "NOT YET ANSWERED" in text, fmt
        assert "1 challenge from a manager not yet answered" in text, fmt
    loaded = store.load(submitted)
    redacted = render("markdown", catalogue.get(loaded.plan.checklist_id), loaded.plan, True,
                      catalogue.sources)
    assert "Sam Senior" not in redacted and "Drew Demo" not in redacted
    assert "| Team manager, 25/11/2026" in redacted and "He attended in person." in redacted


def _challenged(path: Path, catalogue) -> None:
    """Two challenges on DPM-M02 (the first answered) and one on DPM-H01, not answered."""
    change_plan(path, catalogue.get, lambda p, c: review.challenge(
        p, c, "DPM-M02", "Did he attend, or only get a letter?", **MANAGER))
    change_plan(path, catalogue.get, lambda p, c: review.challenge(
        p, c, "DPM-H01", "Who examined the baby?", **MANAGER))
    change_plan(path, catalogue.get, lambda p, c: review.challenge(
        p, c, "DPM-M02", "Was he told the date in writing?", name="Kim Other", role="",
        now=NOW))
    change_plan(path, catalogue.get, lambda p, c: review.respond(
        p, p.challenges[0].id, "He attended in person.", by="Drew Demo", now=NOW))


def test_the_json_carries_the_challenges_and_the_answers(submitted, catalogue) -> None:
    """JSON had them only as stored (plan.challenges: no question, an empty string for no
    answer); now computed.challenges says them as the other formats do."""
    import json

    _challenged(submitted, catalogue)
    doc = json.loads(_text(submitted, catalogue, "json"))
    rows = doc["computed"]["challenges"]
    prompt = catalogue.get("discharge-planning-meeting").checklist.item_map()["DPM-M02"].prompt
    assert [(r["item"], r["answered"], r["label"]) for r in rows] == [
        ("DPM-M02", True, "He attended in person."), ("DPM-H01", False, "NOT YET ANSWERED"),
        ("DPM-M02", False, "NOT YET ANSWERED")]
    first, second, third = rows
    assert first["question"] == f"DPM-M02: {prompt}"
    assert first["challenged_by"] == "Sam Senior (Team manager)"
    assert first["challenge"] == "Did he attend, or only get a letter?"
    assert first["answer"] == "He attended in person." and first["answered_by"] == "Drew Demo"
    assert first["challenged_at"] == first["answered_at"] == NOW.isoformat()
    assert second["answer"] is None and second["answered_by"] is None
    assert second["answered_at"] is None
    assert third["challenged_by"] == "Kim Other" and third["id"] == doc["plan"]["challenges"][
        2]["id"]
    loaded = store.load(submitted)
    redacted = json.loads(render("json", catalogue.get(loaded.plan.checklist_id), loaded.plan,
                                 True, catalogue.sources))["computed"]["challenges"]
    assert redacted[0]["challenged_by"] == "Team manager"
    assert "Drew Demo" not in str(redacted) and "Sam Senior" not in str(redacted)


def test_the_csv_carries_the_challenges_and_the_answers(submitted, catalogue) -> None:
    """CSV had no challenges at all: each item's row now says them, and the answers."""
    import csv
    import io

    _challenged(submitted, catalogue)
    rows = {r["item_id"]: r for r in csv.DictReader(io.StringIO(
        _text(submitted, catalogue, "csv"), newline=""))}
    when = f"{NOW.astimezone():%d/%m/%Y %H:%M}"
    assert rows["DPM-M02"]["challenge"] == (
        f"1. Sam Senior (Team manager), {when}: Did he attend, or only get a letter?\n"
        f"2. Kim Other, {when}: Was he told the date in writing?")
    assert rows["DPM-M02"]["challenge_answer"] == (
        f"1. Drew Demo, {when}: He attended in person.\n2. NOT YET ANSWERED")
    assert rows["DPM-H01"]["challenge"] == (
        f"Sam Senior (Team manager), {when}: Who examined the baby?")
    assert rows["DPM-H01"]["challenge_answer"] == "NOT YET ANSWERED"
    assert rows["DPM-M01"]["challenge"] == rows["DPM-M01"]["challenge_answer"] == ""
    assert all(r["plan_status"] == rows["DPM-M01"]["plan_status"] for r in rows.values())
    assert "2 challenges from a manager not yet answered" in rows["DPM-M01"]["plan_status"]


def test_a_challenge_on_an_item_no_longer_in_the_checklist_is_kept(submitted,
                                                                   catalogue) -> None:
    """The CSV's rows are the checklist's items: a challenge on an item this version no
    longer has would have had no row. It keeps one, and JSON says the id alone."""
    import csv
    import io
    import json

    _challenged(submitted, catalogue)
    loaded = store.load(submitted)
    plan = loaded.plan.model_copy(deep=True)
    plan.challenges[1].item = "DPM-GONE"
    lc = catalogue.get(plan.checklist_id)
    rows = list(csv.DictReader(io.StringIO(render("csv", lc, plan, False, catalogue.sources),
                                           newline="")))
    gone = [r for r in rows if r["item_id"] == "DPM-GONE"]
    assert len(gone) == 1 and gone[0]["challenge"].endswith("Who examined the baby?")
    assert gone[0]["challenge_answer"] == "NOT YET ANSWERED" and gone[0]["prompt"] == ""
    doc = json.loads(render("json", lc, plan, False, catalogue.sources))
    assert doc["computed"]["challenges"][1]["question"] == "DPM-GONE"


def _status(path: Path, catalogue) -> str:
    return next(line for line in _text(path, catalogue, "markdown").splitlines()
                if "Status:" in line)


def test_the_status_line_fits_the_state(submitted, catalogue, tmp_path) -> None:
    assert "ready to complete" not in _status(submitted, catalogue)
    approved = tmp_path / "approved.toml"
    shutil.copy(submitted, approved)
    _decide(approved, catalogue, "approved")
    assert "ready to complete" not in _status(approved, catalogue)
    _decide(submitted, catalogue, "returned", "See the father first.")
    assert "ready to complete" not in _status(submitted, catalogue)
    change_plan(submitted, catalogue.get,
                lambda p, c: review.submit(p, c, by="Drew Demo", now=NOW, today=TODAY))
    status = _status(submitted, catalogue)
    assert ("Submitted again on 25/11/2026 after being returned by Sam Senior "
            "(Team manager), 25/11/2026; not yet signed off") in status.replace(
                "submitted again", "Submitted again")
    assert status.count("eturned by") == 1
    draft = _status(EXAMPLES / "early-pre-birth.toml", catalogue)
    assert "not ready to complete" in draft


def test_born_today_never_claims_everything_in_place_without_knowing(
        tmp_path, catalogue) -> None:
    injury = catalogue.get("injury-non-mobile-baby")
    path = store.create(tmp_path, injury, case_ref="INJ-7", now=clock.now(), edd=TODAY).path
    said = born_today(injury.checklist, store.load(path).plan, TODAY).headline
    assert "Everything" not in said
    assert said == NO_BIRTH_VIEW  # and nothing more (look-d 31)
    markdown = _text(path, catalogue, "markdown")  # no section for a view it has not got
    assert "If the baby were born today" not in markdown and NO_BIRTH_VIEW not in markdown
    # a born baby with everything marked in place: what was looked at, never the date
    # alone (look-d, smaller points: "The baby was born on 22/11/2026." and nothing else)
    example = store.load(EXAMPLES / "discharge-ready-for-sign-off.toml").plan
    said = born_today(catalogue.get(example.checklist_id).checklist, example, TODAY).headline
    assert said == ("The baby was born on 22/11/2026. The 11 things marked as needed at "
                    "birth are in place.")
    # all marked items in place, but other questions open: what is known, not more
    from checklist_tui.core.gaps import _nothing_missing

    said = _nothing_missing(3, 5)
    assert said.startswith("The 3 items marked as needed at birth are answered as in place")
    assert ("5 other questions not yet answered or not done (contradicted or incomplete), "
            "so this is not the whole picture") in said
    assert _nothing_missing(3, 0) == "Everything marked as needed at birth would be in place."


def test_an_empty_practitioner_is_said_in_words(tmp_path, catalogue) -> None:
    path = tmp_path / "p.toml"
    path.write_text((EXAMPLES / READY).read_text(encoding="utf-8").replace(
        'practitioner = "Drew Demo (example midwife)"', 'practitioner = ""', 1),
        encoding="utf-8")
    text = _text(path, catalogue, "markdown")
    row = next(line for line in text.splitlines() if line.startswith("| Practitioner"))
    assert "Not recorded" in row


def test_plans_with_the_same_case_reference_export_to_different_names(
        tmp_path, catalogue, capsys) -> None:
    for name in ("dpm-approved.toml", "dpm-returned.toml"):
        shutil.copy(EXAMPLES / READY, tmp_path / name)
    assert main(["export", str(tmp_path / "dpm-approved.toml")]) == 0
    first = Path(capsys.readouterr().out.strip())
    assert main(["export", str(tmp_path / "dpm-returned.toml")]) == 0
    second = Path(capsys.readouterr().out.strip())
    assert first != second and first.exists() and second.exists()
    assert "dpm-approved" in first.name and "dpm-returned" in second.name
    kept = first.read_bytes()
    assert main(["export", str(tmp_path / "dpm-returned.toml"), "--force"]) == 0
    assert first.read_bytes() == kept


def test_redacted_copies_with_the_same_pseudonym_export_to_different_names(
        tmp_path, capsys) -> None:
    for name in ("dpm-approved.toml", "dpm-returned.toml"):
        shutil.copy(EXAMPLES / READY, tmp_path / name)
    names = []
    for name in ("dpm-approved.toml", "dpm-returned.toml"):
        assert main(["export", str(tmp_path / name), "--redact", "--same-pseudonym"]) == 0
        names.append(Path(capsys.readouterr().out.strip()).name)
    assert names[0] != names[1]
    for written in names:  # nothing leads back to the case or the plan file
        assert "demo" not in written.lower() and "dpm-" not in written
        assert written.endswith("-summary-redacted.md")
    assert main(["export", str(tmp_path / "dpm-approved.toml"), "--redact",
                 "--same-pseudonym"]) == 1  # the same plan again: its own name, refused


def test_csv_on_the_screen_reads_as_csv(submitted, catalogue, capsys) -> None:
    """`export --format csv -o -` showed each row end's carriage return as the text
    "\\x0d" (made inert for the terminal), so the last column was "challenge_answer\\x0d"
    and every row's last cell carried it."""
    import csv
    import io

    _challenged(submitted, catalogue)
    capsys.readouterr()
    assert main(["export", str(submitted), "--format", "csv", "-o", "-"]) == 0
    shown = capsys.readouterr().out
    assert "\\x0d" not in shown
    rows = list(csv.DictReader(io.StringIO(shown, newline="")))
    assert list(rows[0])[-1] == "from_history"  # the last column, a clean one
    by_item = {r["item_id"]: r for r in rows}
    assert by_item["DPM-H01"]["challenge_answer"] == "NOT YET ANSWERED"
