"""The words every view uses, defined once in ``core.vocabulary``."""

from __future__ import annotations

from datetime import datetime

from checklist_tui.core.definition import Severity
from checklist_tui.core.engine import FiredRule
from checklist_tui.core.plan import Acknowledgement
from checklist_tui.core.vocabulary import acknowledged_said, no_gaps_found, signed


def test_no_gaps_says_yet_until_every_question_is_answered() -> None:
    assert no_gaps_found(3, 9) == "Gaps and risks: none found yet"
    assert no_gaps_found(0, 9) == "Gaps and risks: none found yet"
    # all answered: it says only what the rules found, never that there are none
    assert no_gaps_found(9, 9) == "Gaps and risks: none found by the rules"


def test_who_signed_is_written_one_way_with_no_empty_brackets() -> None:
    assert signed("Alex Manager", "Team manager") == "Alex Manager (Team manager)"
    assert signed("Alex Manager", "") == "Alex Manager"  # no role recorded: no "()"
    assert signed("Alex Manager", "  ") == "Alex Manager"
    # a redacted copy names the manager by their role: never "Team manager (Team manager)"
    assert signed("Team manager", "Team manager") == "Team manager"


def _fired(severity: Severity, acknowledged: bool = False) -> FiredRule:
    ack = Acknowledgement(rule="R1", by="Pat Example", at=datetime(2026, 11, 27, 9, 0),
                          reason="Weighed with the team") if acknowledged else None
    return FiredRule(rule_id="R1", item_id="I1", section_id="S1", severity=severity,
                     message="m", escalation="", red_flag=False, acknowledgement=ack)


def test_a_fired_rule_says_acknowledged_or_asks_for_it_one_way() -> None:
    """The flag banner (both lengths), the item's state line, `show` and the command line
    end a fired rule's words by this one rule."""
    waiting, weighed = _fired(Severity.WARNING), _fired(Severity.WARNING, acknowledged=True)
    assert acknowledged_said(weighed) == " (acknowledged)"
    assert acknowledged_said(weighed, "press k to acknowledge") == " (acknowledged)"
    assert acknowledged_said(waiting, "press k to acknowledge") == " (press k to acknowledge)"
    assert acknowledged_said(waiting, "k: acknowledge") == " (k: acknowledge)"
    assert acknowledged_said(waiting) == ""  # a view that does not ask says nothing
    # an error is fixed, never acknowledged; a note needs nothing: neither is asked for
    assert acknowledged_said(_fired(Severity.ERROR), "press k to acknowledge") == ""
    assert acknowledged_said(_fired(Severity.INFO), "press k to acknowledge") == ""
