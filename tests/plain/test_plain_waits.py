"""Plain mode says why a question it cannot go to is not asked: it waits for a question
nobody has answered yet, or an answer rules it out (look-d 13: "There is no question
'PBA-L01' shown in this plan" before anyone asked whether a parent is looked after)."""

from __future__ import annotations

from tests.plain.test_plain import _new, _talk


def test_go_to_a_waiting_question_says_what_it_waits_for(tmp_path, catalogue) -> None:
    path = _new(tmp_path / "plans", catalogue)
    code, out = _talk(path, catalogue, ["go PBA-L01", "where", "go PBA-NOPE", "quit"])
    assert code == 0
    assert ("PBA-L01 is not asked yet: it waits for PBA-S08A: 'Is either parent looked after "
            "now, or a care leaver?', not yet answered.") in out
    assert "questions answered; more questions may follow." in out
    assert "There is no question 'PBA-NOPE' in this checklist." in out
