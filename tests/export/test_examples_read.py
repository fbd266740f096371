"""The example plans read as plans a team manager can sign off or challenge: the written
plan's parts are answered (pre-birth 2.1.0), a meeting held late says when it was held
rather than only "overdue", and the words between fields read as sentences."""

from __future__ import annotations

from checklist_tui.cli import main
from checklist_tui.core import store
from checklist_tui.core.gaps import MEN_HEADING, OTHER_HEADING
from checklist_tui.core.plan_part import PlanPart
from checklist_tui.export.summary import build, header_rows
from checklist_tui.export.writer import render
from tests.conftest import EXAMPLES, NOW


def _summary(catalogue, name: str):
    loaded = store.load(EXAMPLES / name)
    lc = catalogue.get(loaded.plan.checklist_id)
    return lc, loaded.plan, build(lc, loaded.plan, NOW, catalogue.sources)


def test_the_twins_plan_answers_every_part_of_the_written_plan(catalogue) -> None:
    _lc, _plan, s = _summary(catalogue, "family-t-like-twins.toml")
    missing = [v.part.label for v in s.parts if not v.recorded
               and v.part not in (PlanPart.AGENCIES,)]  # agencies come from the records
    assert missing == []


def test_the_early_plan_answers_what_can_be_known_at_15_weeks(catalogue) -> None:
    _lc, _plan, s = _summary(catalogue, "early-pre-birth.toml")
    recorded = {v.part for v in s.parts if v.recorded}
    assert {PlanPart.WHY_PLAN, PlanPart.STRENGTHS, PlanPart.MUST_CHANGE, PlanPart.OUTCOMES,
            PlanPart.PARENTS_EXPECTED, PlanPart.BIRTH, PlanPart.CORE_GROUP,
            PlanPart.REVIEW} <= recorded
    # what cannot be known yet says who will find out, never an assurance
    not_alone = next(v for v in s.parts if v.part == PlanPart.NOT_ALONE)
    [row] = not_alone.rows
    assert not row.recorded and row.text.startswith("NOT KNOWN (unknown): who will find out: "
                                                    "Pat Sample, by 02/12/2026. Note: ")


def test_a_conference_held_late_says_when_not_only_overdue(catalogue) -> None:
    lc, plan, _s = _summary(catalogue, "family-t-like-twins.toml")
    text = render("markdown", lc, plan, False, catalogue.sources)
    assert ("Pre-birth conference: was due 28/10/2026, the date recorded is 13/11/2026, "
            "16 days late (PBA-X08)") in text
    assert "| Pre-birth conference | 28/10/2026 | **THE DATE RECORDED IS 13/11/2026, 16 DAYS " \
           "LATE** |" in text
    assert "| Assessment timetable agreed | 05/08/2026 | **OVERDUE BY 112 DAYS** |" in text


def test_practitioner_and_role_read_as_one_phrase(catalogue) -> None:
    _lc, _plan, s = _summary(catalogue, "family-t-like-twins.toml")
    rows = dict(header_rows(s))
    assert rows["Practitioner"] == ("Alex Placeholder (example social worker), Assessing "
                                    "social worker")


def test_show_heads_what_follows_the_men(capsys) -> None:
    assert main(["show", str(EXAMPLES / "family-t-like-twins.toml")]) == 0
    lines = capsys.readouterr().out.splitlines()
    men, other = lines.index(f"  {MEN_HEADING}:"), lines.index(f"  {OTHER_HEADING}:")
    assert men < other
    assert "(PBA-S10)" in lines[other + 1]  # not one of the men's gaps


def test_a_redacted_copy_shows_no_record_id_even_in_the_history(catalogue) -> None:
    """A people detail's history (who will care for the babies, who must not be alone
    with them) holds person ids; the shareable copy shows their positions instead."""
    for name in ("family-t-like-twins.toml", "early-pre-birth.toml"):
        loaded = store.load(EXAMPLES / name)
        lc = catalogue.get(loaded.plan.checklist_id)
        ids = [r.id for r in (*loaded.plan.people, *loaded.plan.agencies,
                              *loaded.plan.actions)]
        for fmt in ("json", "markdown", "html", "csv"):
            text = render(fmt, lc, loaded.plan, True, catalogue.sources, b"key")
            assert not [i for i in ids if i in text], (name, fmt)


def test_outstanding_says_a_late_date_in_the_same_words(catalogue) -> None:
    from checklist_tui.core.engine import evaluate
    from checklist_tui.core.outstanding import entries

    lc, plan, _s = _summary(catalogue, "family-t-like-twins.toml")
    ev = evaluate(lc.checklist, plan, NOW.date())
    texts = [e.text for e in entries(lc.checklist, plan, ev)]
    assert ("First core group: due 11/11/2026, but the date recorded is 27/11/2026, 16 days "
            "late") in texts
