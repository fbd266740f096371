"""The written plan's parts (why there is a plan, strengths, ... review), from the items
that supply them (their ``plan_part``), and the outcomes with the actions that serve them.

What an answer does not bear out is never shown as content: a part nobody has answered
says "Not yet recorded"; a "yes" whose detail is missing says what is missing; an
unknown or "not yet" says who will find out. An outcome with no action says so, and
actions linked to no outcome are listed apart, said plainly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from checklist_tui.core import integrity as integ
from checklist_tui.core.answers import display
from checklist_tui.core.carried import FROM_HISTORY, detail_lines, history_lines
from checklist_tui.core.definition import Checklist, Item
from checklist_tui.core.engine import Evaluation
from checklist_tui.core.plan import Action, Answer, Plan
from checklist_tui.core.plan_part import PlanPart, risk_items, written_parts
from checklist_tui.core.vocabulary import (
    CONTRADICTED,
    INCOMPLETE,
    NOT_KNOWN,
    action_overdue,
    find_out_too_late,
    waits_for,
)

NOT_RECORDED = "Not yet recorded"
NOT_ASKED = f"{NOT_RECORDED}: this checklist does not ask for it."
NOT_APPLYING = (f"{NOT_RECORDED}: this checklist's questions for it do not apply to this plan "
                "as answered.")
NO_OUTCOME = "Actions not linked to an outcome"


@dataclass(frozen=True)
class PartRow:
    """One thing a part says: ``what`` (a detail's label or the question) and what is
    recorded; ``recorded`` is False when the text says what is missing instead."""
    item_id: str
    what: str
    text: str
    recorded: bool


@dataclass
class PartView:
    part: PlanPart
    asked: bool
    """The checklist has a question for this part that applies to this plan."""
    in_checklist: bool = False
    """The checklist has a question for this part (it may not apply yet)."""
    waits_for: tuple[str, ...] = ()
    """While no question for it is shown: the questions not answered yet that those
    questions wait for (``Evaluation.waiting``)."""
    rows: list[PartRow] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return self.part.label

    @property
    def recorded(self) -> bool:
        return any(r.recorded for r in self.rows)


@dataclass(frozen=True)
class OutcomeGroup:
    outcome: str
    """The outcome in words; '' for the actions linked to none."""
    actions: list[tuple[Action, bool]]  # (action, overdue)


def _rows(item: Item, plan: Plan, ev: Evaluation) -> list[PartRow]:
    """What one item records, then what the plan's history says under its answer
    (core.carried.history_lines: the lines the app shows under it, rev8-core 8)."""
    answer = plan.answers.get(item.id)
    if answer is None or not answer.has_value:
        return [PartRow(item.id, item.prompt, NOT_RECORDED, False)]
    return _recorded(item, answer, plan, ev) + [
        PartRow(item.id, FROM_HISTORY, line, False)
        for line in history_lines(item, answer, plan)]


def _recorded(item: Item, answer: Answer, plan: Plan, ev: Evaluation) -> list[PartRow]:
    ident, prompt = item.id, item.prompt
    note = f". Note: {answer.note.strip()}" if answer.note.strip() else ""
    for problem in ev.contradicted:
        if problem.item_id == ident:
            return [PartRow(ident, prompt, f"{CONTRADICTED}: {'; '.join(problem.reasons)}"
                            + note, False)]
    for problem in ev.incomplete:
        if problem.item_id == ident:  # a "yes" without what it must carry
            return [PartRow(ident, prompt, f"{INCOMPLETE}: answered {display(item, answer)}, "
                            f"but not recorded: {'; '.join(problem.reasons)}" + note, False)]
    for open_answer in ev.open_answers:
        if open_answer.item_id == ident:
            return [PartRow(ident, prompt, f"{NOT_KNOWN} ({integ.follow_up_label(answer)}): "
                            f"who will find out: {integ.follow_up_text(answer)}"
                            f"{find_out_too_late(open_answer)}" + note, False)]
    details = detail_lines(item, answer, plan)
    if details:
        rows = [PartRow(ident, label, text, True) for label, text in details]
        if note:
            rows.append(PartRow(ident, "Note", answer.note.strip(), True))
        return rows
    if item.details and answer.value in (True, "yes"):  # a "yes" that carries nothing
        missing = "; ".join(d.label for d in item.details)
        return [PartRow(ident, prompt, f"answered {display(item, answer)}, but not recorded: "
                        f"{missing}" + note, False)]
    return [PartRow(ident, prompt, display(item, answer) + note, True)]


def not_asked(checklist: Checklist, view: PartView) -> str:
    """What a part says when no question for it is shown: that the checklist does not
    ask for it, that its questions wait for a question not answered yet, or (only when
    an answer given rules them out) that they do not apply."""
    if not view.in_checklist:
        return NOT_ASKED
    if view.waits_for:
        waiting = waits_for(checklist, view.waits_for, "wait")
        return f"{NOT_RECORDED}: this checklist's questions for it {waiting}."
    return NOT_APPLYING


def plan_parts(checklist: Checklist, plan: Plan, ev: Evaluation) -> list[PartView]:
    """Every part of the checklist's written plan (its ``plan_parts``, else the default
    parts), in order, with what the answers say of it."""
    order = written_parts(checklist.plan_parts)
    views = {part: PartView(part, False) for part in order}
    items = checklist.item_map()
    for _section, item in checklist.all_items():
        part = getattr(item, "plan_part", None)
        if part is None or part not in views:
            continue
        views[part].in_checklist = True
        if item.id not in ev.visible_items:
            views[part].waits_for += tuple(
                i for i in ev.waiting.get(item.id, ()) if i not in views[part].waits_for)
            continue
        views[part].asked = True
        risks = [items[r].prompt for r in risk_items(item) if r in items]
        views[part].rows += [
            replace(row, what=f"{row.what} (the risk it answers: {'; '.join(risks)})")
            if risks and row.what == item.prompt else row
            for row in _rows(item, plan, ev)]
    return [views[part] for part in order]


_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s*")


def _key(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(".")


def outcome_names(views: list[PartView]) -> list[str]:
    """The outcomes the plan states: one per line of what the outcome items record."""
    names: list[str] = []
    for view in views:
        if view.part != PlanPart.OUTCOMES:
            continue
        for row in view.rows:
            if row.recorded and row.what != "Note":
                names += [_BULLET.sub("", line).strip() for line in row.text.splitlines()]
    return [n for n in dict.fromkeys(names) if n]


def _same_outcome(key: str, groups: dict[str, OutcomeGroup]) -> str:
    """The stated outcome an action's words name: the same words, or the start of them
    ("The baby sleeps safely" names "The baby sleeps safely: seen at every visit")."""
    if key in groups:
        return key
    for stated in groups:
        if min(len(key), len(stated)) >= 8 and (stated.startswith(key) or
                                                key.startswith(stated)):
            return stated
    return key


def outcome_groups(stated: list[str], actions: list[Action], today: date
                   ) -> list[OutcomeGroup]:
    """Each outcome with the actions that serve it (stated outcomes first, then those
    named only on actions), then the actions linked to no outcome."""
    groups: dict[str, OutcomeGroup] = {}
    for name in stated:
        groups.setdefault(_key(name), OutcomeGroup(name, []))
    loose: list[tuple[Action, bool]] = []
    for action in actions:
        pair = (action, action_overdue(action, today))
        if not action.outcome.strip():
            loose.append(pair)
            continue
        key = _same_outcome(_key(action.outcome), groups)
        groups.setdefault(key, OutcomeGroup(action.outcome.strip(), []))
        groups[key].actions.append(pair)
    out = list(groups.values())
    if loose:
        out.append(OutcomeGroup("", loose))
    return out

