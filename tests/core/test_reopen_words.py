"""The words said before a finished plan is changed, and the rule for its reason: one
definition for the full-screen app's dialog and plain mode (look-b 3)."""

from __future__ import annotations

import pytest

from checklist_tui.core.errors import ReasonNeeded
from checklist_tui.core.reopen_words import (
    REASON_MISSING,
    VOID_AND_CHANGE,
    confirm_words,
    explanation,
    not_a_reason,
)


@pytest.mark.parametrize("typed", ["", "   ", "ok", "x", "12", "?", "n/a"])
def test_what_is_plainly_not_a_reason_is_refused(typed) -> None:
    assert not_a_reason(typed).endswith(REASON_MISSING)


def test_a_command_word_is_never_a_reason() -> None:
    assert "is a command or an answer" in not_a_reason("Back", {"back", "yes"})
    assert "is a command or an answer" in not_a_reason("yes.", {"back", "yes"})


@pytest.mark.parametrize("typed", ["Typo", "The birth date was wrong", "DOB wrong"])
def test_a_reason_in_words_is_taken(typed) -> None:
    assert not_a_reason(typed, {"back", "yes"}) == ""


def test_the_approval_voided_is_named_and_the_steps_say_how() -> None:
    exc = ReasonNeeded("Approved", True)
    assert confirm_words(exc) == VOID_AND_CHANGE
    text = explanation(exc, "Approved by A (Team manager), 27/11/2026", "Q? (X1)",
                       submit=" (type submit)")
    assert text.splitlines() == [
        "You are changing: Q? (X1)",
        "This plan is approved (Approved by A (Team manager), 27/11/2026). Changing it voids "
        "the sign-off: the plan goes back to amended and must be completed, submitted "
        "(type submit) and signed off again."]
    assert confirm_words(ReasonNeeded("Completed", False)) == "Change it"


@pytest.mark.parametrize("typed", ["ok", "x", "12"])
def test_the_core_refuses_what_is_not_a_reason_whoever_asks(typed, catalogue) -> None:
    """core.review.reopen keeps the rule itself, so no surface (the CLI's --reason
    included) can change a finished plan with "ok"; nothing is changed."""
    from checklist_tui.core import clock, store
    from checklist_tui.core.errors import PlanError
    from checklist_tui.core.review import reopen
    from tests.conftest import EXAMPLES

    loaded = store.load(EXAMPLES / "discharge-ready-for-sign-off.toml")
    plan = loaded.plan
    before = (plan.state, len(plan.history))
    with pytest.raises(PlanError, match=f"^'{typed}' is not a reason. {REASON_MISSING}$"):
        reopen(plan, catalogue.get(plan.checklist_id).checklist, typed, by="t",
               now=clock.now(), today=clock.today())
    assert (plan.state, len(plan.history)) == before
