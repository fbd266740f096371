"""The words every view uses, defined once in ``core.vocabulary``."""

from __future__ import annotations

from checklist_tui.core.vocabulary import no_gaps_found, signed


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
