"""look-d 30 and rev7-tui 3: a count of answers never claims more than it knows. An answer
the plan contradicts is an answer: "0/69 answered" and "nothing answered yet" for a plan
whose one answer is contradicted told the reader nobody had said anything. It is counted
as answered and said to be contradicted, and never counted as done (no ✓). A section
whose questions wait for an answer elsewhere is never ✓ either: more may follow."""

from __future__ import annotations

from datetime import timedelta

from checklist_tui.core import store
from checklist_tui.core.edit import Person, add_record, set_answer, set_detail
from checklist_tui.core.engine import SectionProgress, evaluate
from checklist_tui.core.index_row import PlanRow, summarise
from checklist_tui.core.index_view import NOTHING_ANSWERED, attention, progress
from checklist_tui.core.plan import PersonKind
from checklist_tui.core.vocabulary import (
    DONE_MARK,
    evaluation_answered,
    progress_mark,
    progress_words,
)
from checklist_tui.export.report_plain import plan_paragraph
from tests.conftest import EXAMPLES, NOW, TODAY
from tests.core.helpers import new_plan

EDD = TODAY + timedelta(weeks=10)


def _contradicted_only(catalogue):
    """SW-01 (look-d 30): People holds a visiting man; "Is there any other man ...?" No;
    nothing else answered."""
    lc = catalogue.get("pre-birth-assessment")
    plan = new_plan(lc, edd=EDD)
    add_record(plan, Person, by="t", now=NOW, name="Casey Partner",
               kind=PersonKind.VISITING_ADULT, man=True)
    set_answer(plan, lc.checklist, "PBA-F11", "no", by="t", now=NOW)
    return lc, plan


def test_a_contradicted_answer_is_answered_and_said_so_never_done(catalogue) -> None:
    lc, plan = _contradicted_only(catalogue)
    ev = evaluate(lc.checklist, plan, TODAY)
    assert [p.item_id for p in ev.contradicted] == ["PBA-F11"]
    assert (ev.answered, ev.done) == (1, 0)
    said = evaluation_answered(ev)
    assert said.startswith(f"1 of {ev.total} questions answered (1 contradicted)"), said
    short = evaluation_answered(ev, short=True)
    assert short.startswith("1/") and short.endswith("answered (1 contradicted)"), short
    [section] = [s for s in ev.sections if s.section_id == "father"]
    assert (section.answered, section.done, section.contradicted) == (1, 0, 1)
    assert not section.complete


def test_the_folder_views_never_say_nothing_answered_for_a_contradicted_answer(
        catalogue) -> None:
    lc, plan = _contradicted_only(catalogue)
    row = summarise("sw-01.toml", plan, lc, TODAY)
    assert (row.answered, row.contradicted) == (1, 1)
    assert not row.nothing_answered
    assert NOTHING_ANSWERED not in attention(row, TODAY)
    assert progress(row).startswith(f"• 1/{row.total}")  # answered, not done: never ✓
    kept = PlanRow.from_record(row.path, row.record(), row.modified)  # the index's copy
    assert (kept.answered, kept.contradicted, kept.incomplete) == (1, 1, 0)
    assert progress(kept) == progress(row)
    text = " ".join(plan_paragraph(row, TODAY))
    assert f"1 of {row.total} questions answered (1 contradicted)" in text, text


def test_every_answer_done_is_the_only_tick() -> None:
    assert progress_mark(9, 9) == f"{DONE_MARK} 9/9"
    assert progress_mark(9, 9, not_done=1) == "• 9/9 ✗1"  # said apart from red flags (rev8-tui 6)
    assert progress_mark(9, 9, waiting=True) == "• 9/9+"
    assert progress_words(9, 9, not_done="1 contradicted") == "9 of 9 answered, 1 contradicted"
    assert progress_words(9, 9, waiting=True) == (
        "9 of 9 answered, more questions may follow")
    waits = SectionProgress("s", "S", True, 9, 9, 0, 0, waiting=1)
    assert not waits.complete and SectionProgress("s", "S", True, 9, 9, 0, 0).complete


def test_a_section_whose_question_waits_for_another_is_not_complete(catalogue) -> None:
    """rev7-tui 3: in the twins example, PBA-E04 answered makes "What the written plan
    says" 9/9, while PBA-O03 in it still waits for PBA-P09 in another section."""
    lc = catalogue.get("pre-birth-assessment")
    plan = store.load(EXAMPLES / "family-t-like-twins.toml").plan
    set_answer(plan, lc.checklist, "PBA-E04", "yes", by="t", now=NOW)
    set_detail(plan, lc.checklist, "PBA-E04", "text", "Both agree with the plan as written.",
               by="t", now=NOW)
    ev = evaluate(lc.checklist, plan, TODAY)
    assert "PBA-O03" in ev.waiting
    section = next(s for s in lc.checklist.sections
                   if any(i.id == "PBA-O03" for i in s.items))
    progress_ = ev.section(section.id)
    assert progress_ is not None and progress_.waiting >= 1
    assert not progress_.complete
    assert DONE_MARK not in progress_mark(progress_.answered, progress_.total,
                                          progress_.required_open, progress_.red_flags,
                                          progress_.contradicted + progress_.incomplete,
                                          bool(progress_.waiting))
