"""How many babies are expected: the answer that says so, and the plan detail that moves
the due dates (practice review L5).

The pre-birth assessment asks "How many babies are expected?" (PBA-S07A); the plan's
``babies_expected`` detail is what brings the due dates forward for twins and decides
the twin-specific items. One rule keeps the two in step, whoever records the answer
(the app, the ``answer`` command, plain mode, the example generator), because every one
of them records it through ``core.edit.set_answer``:

- an answer that says more babies than the plan details follows into them, as an edit of
  its own in the history (``details.from_answer``), and so does a correction of a number
  that had come from the answer;
- a number someone gave themselves (in the plan details, or when the plan was made) is
  never overwritten: while the answer says otherwise, the answer is shown as contradicted
  by the plan (in every view, and it blocks completion) until one of them is corrected;
- an answer that does not say (none, cleared, not applicable) sets nothing.
"""

from __future__ import annotations

from checklist_tui.core.dates import uk_date
from checklist_tui.core.plan import Answer, HistoryEntry, Plan

FIELD = "babies_expected"
FOLLOWED = "details.from_answer"
"""The history's name for a plan detail set by an answer (a person's edit is "details")."""
DEFAULT = 1
"""The number a plan starts with when nobody says otherwise (see ``core.plan``)."""

#: item -> option -> (fewest, most) babies the answer says; most None: no upper bound.
#: A content test checks these items and options against the shipped checklists.
ANSWERS: dict[str, dict[str, tuple[int, int | None]]] = {
    "PBA-S07A": {"one": (1, 1), "two": (2, 2), "more": (3, None)},
}


def said(item_id: str, answer: Answer | None) -> tuple[int, int | None] | None:
    """The number of babies an answer says (fewest, most), or None when it says none."""
    table = ANSWERS.get(item_id)
    if table is None or answer is None or answer.not_applicable \
            or not isinstance(answer.value, str):
        return None
    return table.get(answer.value)


def _agrees(count: int, span: tuple[int, int | None]) -> bool:
    fewest, most = span
    return count >= fewest and (most is None or count <= most)


def _last_change(plan: Plan) -> HistoryEntry | None:
    return next((e for e in reversed(plan.history) if e.target == FIELD
                 and e.what in ("details", FOLLOWED)), None)


def given_by_someone(plan: Plan) -> bool:
    """Whether the number in the plan details was given by a person (in the details, or
    when the plan was made with a number other than the default), not by an answer."""
    last = _last_change(plan)
    if last is None:
        return plan.babies_expected != DEFAULT
    return last.what != FOLLOWED


def follows(plan: Plan, item_id: str) -> int | None:
    """The number the plan details should take after ``item_id`` was answered, or None
    when they stay as they are (they agree, the answer says no number, or a person gave
    the number: then the engine shows the disagreement)."""
    span = said(item_id, plan.answers.get(item_id))
    if span is None or _agrees(plan.babies_expected, span) or given_by_someone(plan):
        return None
    return span[0]


def _babies(count: int) -> str:
    return "1 baby is" if count == 1 else f"{count} babies are"


def disagreement(plan: Plan, item_id: str, answer: Answer | None) -> list[str]:
    """Why the plan contradicts an answer about the number of babies (empty when the
    plan details say the same, or the answer says no number)."""
    span = said(item_id, answer)
    if span is None or _agrees(plan.babies_expected, span):
        return []
    last = _last_change(plan)
    if last is None:
        whose = "as when the plan was made" if plan.babies_expected == DEFAULT \
            else "given when the plan was made"
    else:
        whose = f"{'set from an answer' if last.what == FOLLOWED else 'given'} by " \
                f"{last.by} on {uk_date(last.at.date())}"
    return [f"the plan details say {_babies(plan.babies_expected)} expected ({whose}), and "
            "the due dates are counted from that: correct whichever is wrong, this answer "
            "or the number of babies in the plan details"]


def in_step(plan: Plan, item_id: str) -> str | None:
    """For an answer that says twins or more and agrees with the plan details: one line
    saying so (and where the number came from); else None."""
    span = said(item_id, plan.answers.get(item_id))
    if span is None or plan.babies_expected == DEFAULT or not _agrees(plan.babies_expected,
                                                                        span):
        return None
    last = _last_change(plan)
    whence = " (set from this answer)" if last is not None and last.what == FOLLOWED else ""
    return (f"Plan details: {_babies(plan.babies_expected)} expected{whence}, so the due "
            "dates are brought forward")
