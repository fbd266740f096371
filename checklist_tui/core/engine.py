"""The engine: everything the TUI, CLI and exporters show is computed here.

Pure functions over a checklist and a plan; nothing is written. An answer to an
item that is hidden (or no longer in the checklist) is kept in the plan, listed
separately here, and never counted.

The engine is three modules, and every name is imported from this one:
``engine_result`` (what an evaluation says: the records and ``Evaluation``),
``engine_due`` (due points: dates, "met", their state on a day) and this one (which
items show, which rules fire, and ``evaluate``, which puts it all together).
"""

from __future__ import annotations

from datetime import date, datetime

from checklist_tui.core import integrity as integ
from checklist_tui.core.checks import dependency_order
from checklist_tui.core.conditions import holds, matches, not_recorded, weigh
from checklist_tui.core.definition import Checklist, Item, rule_id
from checklist_tui.core.engine_due import (
    discharge_date,
    due_date,
    due_state,
    find_out_late,
    is_met,
)
from checklist_tui.core.engine_result import (
    DueState,
    DueStatus,
    Evaluation,
    FiredRule,
    ItemProblem,
    OpenAnswer,
    SectionProgress,
    StaleAnswer,
    Visibility,
)
from checklist_tui.core.integrity import IntegrityIssue, integrity_issues
from checklist_tui.core.plan import Answer, Confirmation, Plan
from checklist_tui.core.raising import answer_entries, holds_for_this_raising
from checklist_tui.core.since import Since

__all__ = [
    "DueState", "DueStatus", "Evaluation", "FiredRule", "IntegrityIssue", "ItemProblem",
    "OpenAnswer", "SectionProgress", "StaleAnswer", "Visibility", "discharge_date", "due_date",
    "due_state", "evaluate", "integrity_issues", "is_met", "visibility", "visible_items",
]


def visible_items(checklist: Checklist, answers: dict[str, Answer]
                  ) -> tuple[frozenset[str], frozenset[str]]:
    """Which items and sections are shown, following conditions in dependency order."""
    seen = visibility(checklist, answers)
    return seen.items, seen.sections


def visibility(checklist: Checklist, answers: dict[str, Answer]) -> Visibility:
    """Which items and sections are shown, and of those not shown, which wait for a
    question not answered yet (a third state: never "does not apply" before anyone has
    asked), following conditions in dependency order. A section waits when its own
    condition does, or when it shows no item and some of its items wait."""
    items = checklist.item_map()
    section_of = checklist.section_of()
    counted: dict[str, Answer] = {}
    open_: dict[str, frozenset[str]] = {}
    shown: set[str] = set()
    section_waits: dict[str, frozenset[str]] = {}
    for ident in dependency_order(checklist):
        section = section_of[ident]
        item = items[ident]
        sec_ok = section.show_if is None or holds(section.show_if, counted)
        if sec_ok and (item.show_if is None or holds(item.show_if, counted)):
            shown.add(ident)
            if integ.settled(answers.get(ident)):
                counted[ident] = answers[ident]
            else:
                open_[ident] = frozenset({ident})
            continue
        cond = item.show_if if sec_ok else section.show_if
        assert cond is not None
        waits = weigh(cond, counted, open_)
        if not sec_ok and not isinstance(waits, bool):
            section_waits[section.id] = waits
        if not isinstance(waits, bool):
            open_[ident] = waits
    sections = {
        s.id for s in checklist.sections if any(i.id in shown for i in s.items)
    } | {s.id for s in checklist.sections if s.show_if is None}
    for s in checklist.sections:
        if s.id not in section_waits and not any(i.id in shown for i in s.items):
            hidden = [open_[i.id] for i in s.items if i.id in open_]
            if hidden:
                section_waits[s.id] = frozenset().union(*hidden)
    order = {ident: n for n, ident in enumerate(items)}

    def in_order(ids: frozenset[str]) -> tuple[str, ...]:  # the order they are asked in
        return tuple(sorted(ids, key=lambda i: order.get(i, len(order))))

    return Visibility(frozenset(shown), frozenset(sections),
                      {i: in_order(w) for i, w in open_.items() if i not in shown},
                      {s: in_order(w) for s, w in section_waits.items()})


def _negative(item: Item, if_answer: list[bool | str] | None) -> bool:
    """Whether a rule fires on the answers that mean "not in place" (the item's concern,
    or else "no" and "unknown"): those an overdue open item is taken to give."""
    if if_answer is None:
        return False
    return bool(concern_answers(item) & set(if_answer))


def concern_answers(item: Item) -> set[bool | str]:
    """The answers that mean "not in place" for ``item``: its concern, else no and
    unknown."""
    return set(item.concern) if item.concern else {"no", "unknown"}


def _fired_rules(
    checklist: Checklist, plan: Plan, shown: frozenset[str], counted: dict[str, Answer],
    due_dates: dict[str, date | None], today: date, records: dict[str, list[str]],
) -> list[FiredRule]:
    """Rules that fire. An item still open or "not yet" fires nothing before its due
    point; after it, its red flags fire as if the answer were the concern, but for an
    item nobody has answered the words say it is not recorded, never the finding; and
    none fire when the plan's records answer it "yes" (``records``: _records)."""
    acks = {a.rule: a for a in plan.acknowledgements}  # each rule's latest
    entries = answer_entries(plan) if acks else {}
    items = checklist.item_map()
    fired: list[FiredRule] = []
    for section in checklist.sections:
        for item in section.items:
            if item.id not in shown:
                continue
            own = counted.get(item.id)
            waiting = own is None and item.due is not None
            due = due_dates.get(item.id)
            late = waiting and due is not None and due < today
            if late and item.id in records:
                continue  # the plan's records say "yes": Evaluation.from_records says so
            for n, rule in enumerate(item.rules):
                if waiting and not late:
                    continue
                if late:
                    hit = rule.red_flag and _negative(item, rule.if_answer)
                elif rule.if_answer is not None:
                    hit = (own is not None and not own.not_applicable and own.value is not None
                           and matches(own.value, list(rule.if_answer)))
                else:
                    assert rule.when is not None
                    hit = holds(rule.when, counted)
                if hit:
                    rid = rule_id(item, n)
                    said = plan.answers.get(item.id)
                    words = (not_recorded(item.prompt, due) if late and not
                             (said and said.has_value) else rule.message)
                    ack = acks.get(rid)
                    if ack is not None and not holds_for_this_raising(
                            ack, item, rule, plan, items, entries, due):
                        ack = None  # it saw an earlier raising: this one is not weighed
                    fired.append(FiredRule(rid, item.id, section.id, rule.severity, words,
                                           rule.escalation, rule.red_flag, ack))
    return fired


def _quiet(item: Item, quiet: set[str]) -> None:
    """Add to ``quiet`` ``item``'s rules that are not shown while its answer is
    contradicted (``unless_contradicted``: a note that takes the answer as true)."""
    for n, rule in enumerate(item.rules):
        if rule.unless_contradicted:
            quiet.add(rule_id(item, n))


def _records(checklist: Checklist, plan: Plan, shown: frozenset[str]) -> dict[str, list[str]]:
    """What the plan's records hold that answers each shown item "yes" (its
    ``answered_by`` cross-checks, ``integrity.records_answer``), for the items they
    answer: worked out once per evaluation, read by the rules and by the items."""
    found: dict[str, list[str]] = {}
    for _section, item in checklist.all_items():
        if item.id in shown and any(c.answered_by for c in item.cross_checks):
            said = integ.records_answer(item, plan)
            if said:
                found[item.id] = said
    return found


def _standing(plan: Plan, item: Item, c: Confirmation | None,
              seen: dict[str, Since]) -> datetime | None:
    """When the pause point's confirmation ``c`` was made, if it still vouches for the
    "today's date" of ``item``: nothing that tick speaks of (its answer, the answers and
    dates it names) says something else since. Else None: the tick speaks of the day the
    pause point is next confirmed. ``seen``: the history after each confirmation, read
    once per evaluation (by the first tick that asks)."""
    names = [i for check in item.cross_checks for i in check.dates_on_day or []]
    if c is None or not names:
        return None
    if c.section not in seen:
        seen[c.section] = Since(plan, c)
    return None if seen[c.section].changed([item.id, *names]) else c.at


def evaluate(
    checklist: Checklist, plan: Plan, today: date, assume_born: date | None = None
) -> Evaluation:
    """Everything about where a plan stands on ``today``.

    ``assume_born`` answers "what if the baby arrived on this date?": pre-birth
    milestones not yet done become overdue.
    """
    vis_ = visibility(checklist, plan.answers)
    shown, sections_shown = vis_.items, vis_.sections
    items = checklist.item_map()
    counted = {i: a for i, a in plan.answers.items() if i in shown and integ.settled(a)}
    born = assume_born or plan.dob
    due_dates = {i: due_date(checklist, plan, items[i], born)
                 for i in shown if items[i].due is not None}
    records = _records(checklist, plan, shown)
    fired = _fired_rules(checklist, plan, shown, counted, due_dates, today, records)
    open_answers: list[OpenAnswer] = []
    incomplete: list[ItemProblem] = []
    contradicted: list[ItemProblem] = []
    from_records: list[ItemProblem] = []
    progress: list[SectionProgress] = []
    open_required: list[tuple[str, str]] = []
    done_items: set[str] = set()
    due: list[DueState] = []
    answered = total = 0
    confirmed: dict[str, Confirmation] = {}  # each pause point's latest confirmation
    for c in plan.confirmations:
        if c.section not in confirmed or c.at > confirmed[c.section].at:
            confirmed[c.section] = c
    seen: dict[str, Since] = {}
    quiet: set[str] = set()  # rules not shown: their item's answer is contradicted
    for section in checklist.sections:
        vis = [i for i in section.items if i.id in shown]
        was = (len(contradicted), len(incomplete))
        for item in vis:
            answer = plan.answers.get(item.id)
            said = records.get(item.id)
            if said and not integ.settled(answer):
                from_records.append(ItemProblem(item.id, section.id, tuple(said)))
            elif said and integ.denies(answer):  # the records answer it "yes"
                contradicted.append(ItemProblem(item.id, section.id, tuple(said)))
                _quiet(item, quiet)
                continue
            if integ.needs_follow_up(item, answer):
                assert answer is not None
                due_on = due_dates.get(item.id)
                late = (answer.by_date is not None and answer.by_date < today) or (
                    due_on is not None and due_on < today)
                open_answers.append(OpenAnswer(item.id, section.id, answer, late, find_out_late(
                    answer.by_date, due_on, plan, item.needed_at_birth)))
                continue
            if item.id not in counted:
                continue
            missing = integ.missing_details(item, answer, plan)
            if missing:
                incomplete.append(ItemProblem(item.id, section.id, tuple(missing)))
                continue
            assert answer is not None
            day = integ.compared_day(answer, today, _standing(
                plan, item, confirmed.get(section.id), seen), section.pause_point)
            against = integ.answer_contradictions(item, answer, plan, counted, items, day)
            if against:
                contradicted.append(ItemProblem(item.id, section.id, tuple(against)))
                _quiet(item, quiet)
                continue
            done_items.add(item.id)
        req_open = [i for i in vis if i.required and i.id not in counted]
        open_required.extend((section.id, i.id) for i in req_open)
        flags = [f for f in fired if f.section_id == section.id]
        done = [i for i in vis if i.id in done_items]
        said_against, lacking = len(contradicted) - was[0], len(incomplete) - was[1]
        given = len(done) + said_against + lacking
        progress.append(SectionProgress(
            section.id, section.title, section.id in sections_shown and bool(vis),
            given, len(vis), len(req_open),
            sum(1 for f in flags if f.red_flag), vis_.sections_waiting.get(section.id, ()),
            said_against, lacking,
            sum(1 for i in section.items if i.id in vis_.items_waiting),
        ))
        answered += given
        total += len(vis)
        for item in vis:
            if item.due is not None:
                answer = counted.get(item.id)
                booked = integ.detail_date(item, answer)
                met = item.id in done_items and is_met(counted[item.id])
                target = due_dates.get(item.id)
                if met and item.date_detail is not None and target is not None:
                    met = booked is not None and booked <= target
                due.append(due_state(checklist, plan, item, section.id, met, today, born,
                                     booked))
    due.sort(key=lambda d: (d.due_date is None, d.due_date or date.max))
    if quiet:  # never a red flag (Rule.validated): the sections' red-flag counts stand
        fired = [f for f in fired if f.rule_id not in quiet]
    stale = [StaleAnswer(i, a, "its condition no longer holds")
             for i, a in plan.answers.items() if i in items and i not in shown and a.has_value]
    orphans = [StaleAnswer(i, a, "the item is not in this version of the checklist")
               for i, a in plan.answers.items() if i not in items]
    ev = Evaluation(today, frozenset(shown), frozenset(sections_shown), progress, answered,
                    total, open_required, fired, due, integrity_issues(plan, today), stale,
                    orphans, open_answers, incomplete, contradicted,
                    [a for a in plan.actions if integ.overdue_action(a, today)],
                    integ.men(plan), frozenset(done_items), from_records, vis_.items_waiting)
    return ev
