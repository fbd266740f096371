"""Pause points: whether one may be confirmed, and whether a confirmation still holds.

A pause point (a section with ``pause_point = true``) is read aloud with the people
present and confirmed. It may be confirmed only when every item shown in it counts as
done: answered, with its details, and not contradicted by the plan. A confirmation
holds only while that stays true, and only for what it saw: a later change that undoes
an item, or that the plan now contradicts, an item (or an answer it vouches for) whose
answer, details or note now differ from what they were when it was confirmed, or a red
flag raised after it, is shown as "no longer holds", in the same words everywhere; it
can then be confirmed again. What it saw is read from the plan's history (every change
is there with the value before it), so an answer given again with the same value, or
changed and changed back, is not a change: nothing it vouched for differs.

Every red flag of the plan bears on a pause point (it is the check made with the people
present just before the baby leaves): one that is open (an error, or a warning nobody
has acknowledged with what is being done) stops it being confirmed, and one raised after
a confirmation means that confirmation no longer holds. What stops a pause point being
confirmed now, and what to do instead, is said from here (``PauseStatus.next_step``), so
no view invites a confirmation that would be refused.
"""

from __future__ import annotations

from collections.abc import Mapping

from checklist_tui.core import integrity as integ
from checklist_tui.core.definition import Checklist, Item, Section, Severity
from checklist_tui.core.engine import Evaluation, FiredRule
from checklist_tui.core.pause_since import since, when
from checklist_tui.core.plan import Confirmation, Plan
from checklist_tui.core.question_words import named, namer
from checklist_tui.core.record import Record
from checklist_tui.core.vocabulary import NO_LONGER_HOLDS


class Blocker(Record):
    """What stops a pause point being confirmed now: its ``kind`` (``not_done``,
    ``incomplete``, ``contradicted``, ``red_flag``, ``red_flag_error`` or ``not_today``), the
    item it is about, and why, in one sentence."""

    kind: str
    item_id: str
    text: str
    names: tuple[str, ...] = ()
    """For ``not_today``: the items whose dates must be today's."""
    called: str = ""
    """The item as a sentence names it: its question's words and its id
    (core.question_words.named), never the id alone."""


def _item_blocker(section: Section, ev: Evaluation) -> Blocker | None:
    shown = [i for i in section.items if i.id in ev.visible_items]
    contradicted = {p.item_id: p for p in ev.contradicted}
    incomplete = {p.item_id: p for p in ev.incomplete}
    not_done = [i for i in shown if i.id not in ev.done_items]
    if not not_done:
        return None
    item = not_done[0]
    more = len(not_done) - 1
    tail = f" ({more} more item{'s' if more != 1 else ''} also not done)" if more else ""
    if item.id in contradicted:
        why = "; ".join(contradicted[item.id].reasons)
        return Blocker("contradicted", item.id, f"{named(item)} is "
                       f"contradicted by the plan: {why}{tail}.", called=named(item))
    if item.id in incomplete:
        why = "; ".join(incomplete[item.id].reasons)
        return Blocker("incomplete", item.id,
                       f"{named(item)} is incomplete: {why}{tail}.", called=named(item))
    return Blocker("not_done", item.id,
                   f"{named(item)} is not answered or done yet{tail}.", called=named(item))


def open_red_flags(ev: Evaluation) -> list[FiredRule]:
    """The plan's red flags nobody has weighed: an error (its answer must change), or a
    warning not acknowledged with a reason. Every one bears on a pause point."""
    return [f for f in ev.red_flags if f.item_id in ev.visible_items and f.blocking]


def _flag_blocker(ev: Evaluation, items: Mapping[str, Item]) -> Blocker | None:
    flags = open_red_flags(ev)
    if not flags:
        return None
    flag = flags[0]
    on = namer(items)(flag.item_id)
    more = len(flags) - 1
    tail = f" ({more} more red flag{'s' if more != 1 else ''} also open)" if more else ""
    if flag.severity == Severity.ERROR:
        return Blocker("red_flag_error", flag.item_id, f"a red flag is open on {on}: "
                       f"{flag.message.rstrip('.')}{tail}.", called=on)
    return Blocker("red_flag", flag.item_id, f"a red flag is open on {on} and nobody "
                   f"has acknowledged it: {flag.message.rstrip('.')}{tail}.", called=on)


def not_today(checklist: Checklist, plan: Plan, section: Section, ev: Evaluation) -> Blocker | None:
    """An item of the pause point that says "the dates recorded are today's date", which
    would not be true if it were confirmed today (``ev.today``: its tick may still be
    vouched for by an earlier day's confirmation, which the evaluation compares with)."""
    counted = {i: a for i, a in plan.answers.items() if integ.settled(a)}
    for item in section.items:
        names = [n for c in item.cross_checks for n in c.dates_on_day or []]
        if item.id in ev.done_items and names:
            why = integ.cross_check_failures(item, plan, counted, checklist.item_map(),
                                             ev.today, integ.TODAY)
            if why:
                return Blocker("not_today", item.id, f"{named(item)}: {why[0]}.",
                               tuple(names), called=named(item))
    return None


def blocker(checklist: Checklist, plan: Plan, ev: Evaluation, section: Section) -> Blocker | None:
    """What stops the pause point ``section`` being confirmed now (None: it can be): the
    one rule that ``confirm_pause_point`` refuses with and every view reads."""
    return (_item_blocker(section, ev) or _flag_blocker(ev, checklist.item_map())
            or not_today(checklist, plan, section, ev))


def _watched(section: Section, ev: Evaluation) -> list[str]:
    """The answers a confirmation vouches for: its items, and the items their cross-checks
    name (a tick saying "DPM-H01's date is today's" vouches for DPM-H01's answer)."""
    ids: list[str] = []
    for item in section.items:
        if item.id not in ev.visible_items:
            continue
        ids.append(item.id)
        for check in item.cross_checks:
            ids += (check.items_yes or []) + (check.dates_on_day or []) + (check.men_named or [])
            ids += sorted(check.when.items()) if check.when is not None else []
    return list(dict.fromkeys(ids))


def latest(plan: Plan, section_id: str) -> Confirmation | None:
    found = [c for c in plan.confirmations if c.section == section_id]
    return max(found, key=lambda c: c.at) if found else None


class PauseStatus(Record):
    """One pause point's state: its latest confirmation, and whether it still holds."""

    section_id: str
    title: str
    confirmation: Confirmation | None
    problem: str
    """Why it cannot be confirmed now (or why a confirmation no longer holds); "" if none."""
    unseen: str = ""
    """What the confirmation did not see (it may be confirmed again); "" if none."""
    blocked: Blocker | None = None
    """What stops it being confirmed now (``blocker``); None when it can be."""

    @property
    def holds(self) -> bool:
        return self.confirmation is not None and not self.problem and not self.unseen

    @property
    def why(self) -> str:
        """Why it does not hold: what stops it now, then everything its confirmation did
        not see (the one never hides the other); "" when it holds or can be confirmed."""
        if self.problem and self.unseen:
            return f"{self.problem} Also: {self.unseen}"
        return self.problem or self.unseen

    @property
    def refused(self) -> str:
        """Why confirming it now would be refused, in one sentence; "" if it would not."""
        return self.blocked.text if self.blocked else ""

    def line(self) -> str:
        """The pause point's state in one or two sentences, for every view."""
        c = self.confirmation
        if c is None:
            if self.problem:
                return f"Pause point, not confirmed: {self.problem}"
            return "Pause point, not confirmed yet: every item is done, so it can be confirmed."
        said = (f"Confirmed by {c.by} on {when(c.at)}; present: "
                + ("; ".join(c.present) or "not recorded") + ".")
        if self.problem or self.unseen:
            return f"{NO_LONGER_HOLDS}: {said} Since then: {self.why}"
        return said

    def next_step(self, confirm: str, acknowledge: str) -> str:
        """What to do next, in one sentence, with the view's own words for confirming
        (``confirm``: "press f") and for acknowledging a red flag (``acknowledge``: "go to
        it and press k"): never an invitation to confirm while confirming would be refused.
        "" when it holds."""
        if self.holds:
            return ""
        do = f"{confirm} to confirm it{' again' if self.confirmation else ''}"
        found = self.blocked
        if found is None:
            return f"{do[0].upper()}{do[1:]}."
        ident = found.called or found.item_id
        if found.kind == "not_done":
            others = " and the other items not done" if "more item" in found.text else ""
            return f"First answer or tick {ident}{others}, then {do}."
        if found.kind == "incomplete":
            return f"First add what {ident} is missing, then {do}."
        if found.kind == "contradicted":
            return f"First put right what contradicts {ident}, then {do}."
        if found.kind == "red_flag":
            return (f"First acknowledge the red flag on {ident} ({acknowledge}), saying what "
                    f"is being done about it, then {do}.")
        if found.kind == "red_flag_error":
            return (f"This red flag cannot be acknowledged: it must be resolved and {ident}'s "
                    f"answer changed before the baby leaves; then {do}.")
        names = " and ".join(found.names)
        return (f"Confirming it today needs today's checks ({found.text.rstrip('.')}): do "
                f"them again today, and record in {names} today's date and the words for "
                f"today (new words, or the same words recorded again if they are still true: "
                f"never only the date), then {do}.")


def pause_status(checklist: Checklist, plan: Plan, ev: Evaluation,
                 section_id: str) -> PauseStatus | None:
    """The state of the pause point ``section_id``; None if that section is not one."""
    section = next((s for s in checklist.sections if s.id == section_id), None)
    if section is None or not section.pause_point:
        return None
    confirmation = latest(plan, section.id)
    unseen = (since(checklist, plan, ev, section, confirmation, _watched(section, ev))
              if confirmation else "")
    items = _item_blocker(section, ev)
    flag = _flag_blocker(ev, checklist.item_map())
    # a red flag raised after the confirmation is said by ``unseen``; one open before it
    # (a file confirmed before red flags were weighed, or edited) is why it no longer holds
    problem = items or (None if unseen else flag)
    return PauseStatus(section.id, section.title, confirmation,
                       problem.text if problem else "", unseen,
                       items or flag or not_today(checklist, plan, section, ev))


def pause_statuses(checklist: Checklist, plan: Plan, ev: Evaluation) -> list[PauseStatus]:
    """Every visible pause point of the checklist, in checklist order."""
    out = []
    for section in checklist.sections:
        if section.pause_point and any(i.id in ev.visible_items for i in section.items):
            found = pause_status(checklist, plan, ev, section.id)
            if found is not None:
                out.append(found)
    return out


def pause_blockers(statuses: list[PauseStatus]) -> list[str]:
    """Each pause point of ``statuses`` (``pause_statuses``) that is not confirmed, or whose
    confirmation no longer holds, in one sentence: a plan is not complete until every
    one holds."""
    out = []
    for status in statuses:
        if status.holds:
            continue
        name = f"Pause point '{status.title}'"
        why = status.why.rstrip(".")
        if status.confirmation is None:
            out.append(f"{name} is not confirmed" + (f" (it cannot be yet: {why})"
                                                      if why else ""))
        else:
            out.append(f"{name} no longer holds: {why}")
    return out


def completion_blockers(checklist: Checklist, plan: Plan, ev: Evaluation,
                        statuses: list[PauseStatus] | None = None) -> list[str]:
    """Why the plan cannot be marked complete (empty when it can): the evaluation's
    blockers, then its pause points (``statuses``, when the caller has worked them out
    with ``pause_statuses``). The one list every surface refuses with."""
    if statuses is None:
        statuses = pause_statuses(checklist, plan, ev)
    return ev.blockers(namer(checklist.item_map())) + pause_blockers(statuses)
