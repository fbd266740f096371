"""rev8-core 8: the lines the app, plain mode and ``answer`` show under an answer (words
written before the date they record, words recorded again, a man People recorded while a
"no" stood) were left out of the written plan and ``show``: "No (PBA-F11)" read as true
with nothing under it. Every written form now carries them, from the same core function
(core.carried)."""

from __future__ import annotations

import json
from datetime import timedelta

from checklist_tui.core import store
from checklist_tui.core.carried import FROM_HISTORY, carried_lines, history_lines
from checklist_tui.core.edit import add_record, set_answer, set_detail, update_record
from checklist_tui.core.plan import Person, PersonKind, PlanState
from checklist_tui.export.show_report import render_show
from checklist_tui.export.summary import build
from checklist_tui.export.writer import render
from tests.conftest import EXAMPLES, NOW, TODAY
from tests.core.helpers import check_again
from tests.export.docx_structure import docx_structure

WHY = "Moved out on 20/11/2026, fictional"


def _formats(lc, plan, catalogue) -> dict[str, str]:
    """Each written form as text: Markdown, HTML, Word (its structure), JSON, CSV, show."""
    out = {fmt: render(fmt, lc, plan, False, catalogue.sources)
           for fmt in ("markdown", "html", "json", "csv")}
    out["docx"] = json.dumps(docx_structure(render("docx", lc, plan, False,
                                                   catalogue.sources)), ensure_ascii=False)
    out["show"] = render_show(build(lc, plan, NOW, catalogue.sources))
    return out


def _casey(catalogue):
    """The early pre-birth example with a visiting man added after PBA-F11 was answered
    No (so it is contradicted), then recorded as not a man, with a reason."""
    plan = store.load(EXAMPLES / "early-pre-birth.toml").plan.model_copy(deep=True)
    plan.state = PlanState.DRAFT
    lc = catalogue.get(plan.checklist_id)
    set_answer(plan, lc.checklist, "PBA-F11", "no", by="t", now=NOW)
    casey = add_record(plan, Person, by="t", now=NOW + timedelta(minutes=1),
                       name="Casey Partner (fictional)", kind=PersonKind.VISITING_ADULT,
                       man=True, relationship="Mother's new partner")
    update_record(plan, Person, casey.id, by="Sam Social (fictional)",
                  now=NOW + timedelta(minutes=2), man=False,
                  kind=PersonKind.FAMILY_NETWORK, why=WHY)
    return lc, plan


def test_a_man_recorded_while_a_no_stood_is_said_under_it_in_every_form(catalogue) -> None:
    lc, plan = _casey(catalogue)
    item = lc.checklist.item_map()["PBA-F11"]
    [line] = history_lines(item, plan.answers["PBA-F11"], plan)
    assert line.startswith("People recorded Casey Partner (fictional) (Mother's new partner) "
                           "while this answer stood: recorded as not a man on ")
    for fmt, text in _formats(lc, plan, catalogue).items():
        assert line in text.replace("&#x27;", "'").replace("\\'", "'"), fmt
    markdown = _formats(lc, plan, catalogue)["markdown"]
    answers = markdown[markdown.index("## Appendix A"):markdown.index("## Appendix B")]
    at = answers.index("(PBA-F11)")
    assert answers[at:].split("\n")[1] == f"  - {line}"  # under the answer itself


def test_a_re_dated_check_says_its_words_are_older_in_every_form(catalogue) -> None:
    plan = store.load(EXAMPLES / "discharge-ready-for-sign-off.toml").plan.model_copy(
        deep=True)
    plan.state = PlanState.DRAFT
    lc = catalogue.get(plan.checklist_id)
    set_detail(plan, lc.checklist, "DPM-H07", "date", TODAY, by="Ward midwife", now=NOW)
    item = lc.checklist.item_map()["DPM-H07"]
    [line] = history_lines(item, plan.answers["DPM-H07"], plan)
    assert "(DPM-H07) was written on Sunday 22 November 2026, before the date it records, " \
           "Wednesday 25 November 2026" in line
    for fmt, text in _formats(lc, plan, catalogue).items():
        assert line in text.replace("&#x27;", "'"), fmt
    markdown = _formats(lc, plan, catalogue)["markdown"]
    assert f"| {FROM_HISTORY} | **{line}** | DPM-H07 |" in markdown  # beside its date and words
    check_again(plan, lc.checklist, "DPM-H07", TODAY, by="Morgan Example (Ward midwife)",
                now=NOW + timedelta(minutes=1))
    [again] = history_lines(item, plan.answers["DPM-H07"], plan)
    assert "was recorded again as still true on Wednesday 25 November 2026 by Morgan " \
           "Example (Ward midwife)" in again
    for fmt, text in _formats(lc, plan, catalogue).items():
        assert again in text.replace("&#x27;", "'") and line not in text, fmt


def test_the_answers_carry_the_app_s_lines_word_for_word(catalogue) -> None:
    """Appendix A lists under each answer what the item on screen shows under it
    (core.carried.carried_lines), in the same order, then the note and the source."""
    for path in [*sorted(EXAMPLES.glob("*.toml")), None]:
        if path is None:
            lc, plan = _casey(catalogue)
        else:
            plan = store.load(path).plan
            lc = catalogue.get(plan.checklist_id)
        items = lc.checklist.item_map()
        summary = build(lc, plan, NOW, catalogue.sources)
        listed = [a for part in summary.sections for a in part.items]
        assert listed, path
        for shown in listed:
            under = [f"{label}: {text}" if label else text for label, text in shown.extras
                     if label not in ("Note", "Source of information")]
            assert under == carried_lines(items[shown.item_id], plan.answers[shown.item_id],
                                          plan), (path, shown.item_id)


def test_show_lists_nothing_under_answers_when_the_history_says_nothing(catalogue) -> None:
    plan = store.load(EXAMPLES / "early-pre-birth.toml").plan
    lc = catalogue.get(plan.checklist_id)
    assert FROM_HISTORY not in render_show(build(lc, plan, NOW, catalogue.sources))


def test_a_redacted_copy_says_the_lines_without_the_names(catalogue) -> None:
    lc, plan = _casey(catalogue)
    markdown = render("markdown", lc, plan, True, catalogue.sources, b"key")
    answers = markdown[markdown.index("## Appendix A"):markdown.index("## Appendix B")]
    at = answers.index("(PBA-F11)")
    under = answers[at:].split("\n")[1]
    assert under.startswith("  - People recorded ") and "while this answer stood" in under
    assert "Casey" not in markdown and "Sam Social" not in markdown
