"""The two lists of what is left in a plan, grouped and in words, for every view that reads
them out: the app's Outstanding and Gaps and risks (G), and plain mode's ``outstanding`` and
``gaps``. One builder, so the app and plain mode say the same things.

- **Gaps and risks**: the plan's one list (``core.plan_gaps``), the one the header, ``show``,
  the exports and the folder views count, the father and male carers first; then each pause
  point that is not confirmed, or whose confirmation no longer holds (``core.pause``), in
  the words of the pause point itself and the exports. Pause points are listed, not counted
  as gaps: completing the plan needs them, so whoever reads what is left must see them.
- **Outstanding**: what the manager is waiting for, the pause points, the same gaps and
  risks (counted as the header counts them), then what is only due soon and the required
  questions still open.
"""

from __future__ import annotations

from checklist_tui.core.dates import plural
from checklist_tui.core.definition import Checklist
from checklist_tui.core.engine import Evaluation
from checklist_tui.core.gaps import GAP_WHY, MEN_HEADING, OTHER_HEADING
from checklist_tui.core.outstanding import MANAGER_LABELS, Entry, entries, grouped
from checklist_tui.core.pause import PauseStatus, completion_blockers, pause_statuses
from checklist_tui.core.plan import Plan, PlanState
from checklist_tui.core.plan_gaps import Gap, plan_gaps
from checklist_tui.core.record import Record
from checklist_tui.core.review import (
    describe_signoff,
    open_challenges,
    returned_because,
    what_changed_since_approval,
)
from checklist_tui.core.vocabulary import (
    BIRTH_HEADING,
    DUE_SOON,
    ERROR,
    NO_BIRTH_DATE,
    NO_LONGER_HOLDS,
    NOT_CONFIRMED,
    OPEN,
    OVERDUE,
    PAUSE_POINT,
    PAUSE_POINTS_HEADING,
    PLAN_CHECK,
    RED_FLAG,
    RETURNED,
    WARNING,
    pause_point_said,
)

Groups = list[tuple[str, list[Entry]]]

#: Why a gap of the plan's list is a concern, by its label's word.
LIST_WHY = {
    **GAP_WHY,
    RED_FLAG: "the checklist says this must not pass without action",
    WARNING: "the checklist asks for this to be acknowledged or put right",
    ERROR: "the checklist says this must be put right before the plan is complete",
    OVERDUE: "its date has passed",
    PLAN_CHECK: "the plan's own records are incomplete",
    NO_BIRTH_DATE: "every date after the birth is counted from the EDD until it is recorded",
}
#: Outstanding's heading before each group of the gaps and risks.
GAPS_PREFIX = "Gaps and risks: "
#: What Outstanding lists after the gaps and risks: what the plan's list does not carry.
NOT_GAPS = (DUE_SOON, OPEN)

#: Confirming a pause point and acknowledging a red flag, in the app and in plain mode,
#: for the step ``core.pause.PauseStatus.next_step`` says.
CONFIRM_WHERE = ("press f on the pause point (type confirm in plain mode)",
                 "go to it and press k; type acknowledge in plain mode")
CONFIRM_HOW = ("read each of its items aloud with the people present and confirm it, "
               "saying who was there: f on the pause point in the app, or go to one of its "
               "questions and type confirm in plain mode.")


def gap_row(gap: Gap, why: bool = True) -> Entry:
    """A gap as a row that goes to where it is fixed: with ``why`` (Gaps and risks), why
    it is a concern first; then what to do and the notes, each on a line of its own."""
    reason = LIST_WHY.get(gap.label.split(" (")[0], "") if why else ""
    parts = [f"Why: {reason}" if reason else "",
             f"What to do: {gap.guidance}" if gap.guidance else "", gap.note]
    return Entry(gap.label, gap.text, note="\n".join(x for x in parts if x),
                 item_id=gap.item_id, section_id=gap.section_id, page=gap.page,
                 record_id=gap.record_id)


def pause_row(status: PauseStatus) -> Entry:
    """A pause point that does not hold, in its own words (``PauseStatus.line``, as on the
    pause point and in the exports), with what to do; it goes to the pause point."""
    if status.refused:  # what stops it now (an item, an open red flag), and the step first
        todo = status.next_step(*CONFIRM_WHERE)
    else:
        todo = CONFIRM_HOW[0].upper() + CONFIRM_HOW[1:]
    return Entry(PAUSE_POINT, f"{status.title}: {status.line()}", todo,
                 section_id=status.section_id)


def pause_word(status: PauseStatus) -> str:
    """``NOT CONFIRMED`` or ``NO LONGER HOLDS`` for a pause point that does not hold (the
    plan header, `show`'s section line), '' for one that holds."""
    if status.holds:
        return ""
    return NOT_CONFIRMED if status.confirmation is None else NO_LONGER_HOLDS


def said_by_name(status: PauseStatus) -> bool:
    """Whether a pause point that does not hold is named where the plan is summed up in a
    line (the plan header, the folder views' Needs attention): one that no longer holds,
    or could be confirmed and is not. One whose items are still open is not: the count of
    answers says so."""
    return not status.holds and (status.confirmation is not None or not status.problem)


def pauses_named(checklist: Checklist, plan: Plan, ev: Evaluation) -> list[str]:
    """Each pause point a summing-up line names (``said_by_name``), in its words:
    ``Confirm before discharge: pause point NO LONGER HOLDS``."""
    return named(pause_statuses(checklist, plan, ev))


def named(statuses: list[PauseStatus]) -> list[str]:
    """``pauses_named`` of pause points already worked out (``pause_statuses``)."""
    return [pause_point_said(p.title, pause_word(p)) for p in statuses if said_by_name(p)]


def not_holding(checklist: Checklist, plan: Plan, ev: Evaluation) -> list[PauseStatus]:
    """The visible pause points not confirmed, or no longer holding, in checklist order."""
    return [s for s in pause_statuses(checklist, plan, ev) if not s.holds]


def pause_rows(checklist: Checklist, plan: Plan, ev: Evaluation) -> list[Entry]:
    """Each visible pause point that is not confirmed, or no longer holds (the pause points
    ``core.pause.completion_blockers`` refuses with), in checklist order."""
    return [pause_row(s) for s in not_holding(checklist, plan, ev)]


def _pause_group(rows: list[Entry]) -> Groups:
    return [(PAUSE_POINTS_HEADING, rows)] if rows else []


def gap_groups(gaps: list[Gap]) -> list[tuple[str, list[Gap]]]:
    """The gaps under 'The father and male carers' and 'Everything else', in the list's
    order; empty ones left out. Outstanding, G, plain mode, `show` and every export
    group them so."""
    born = [g for g in gaps if g.label == NO_BIRTH_DATE]  # first: has the baby been born?
    groups = [(BIRTH_HEADING, born)] + [
        (heading, [g for g in gaps if g.about_men == men and g.label != NO_BIRTH_DATE])
        for heading, men in ((MEN_HEADING, True), (OTHER_HEADING, False))]
    return [(heading, rows) for heading, rows in groups if rows]


def _gap_groups(gaps: list[Gap], why: bool, prefix: str = "") -> Groups:
    return [(prefix + heading, [gap_row(g, why) for g in rows])
            for heading, rows in gap_groups(gaps)]


class Listing(Record):
    """A list grouped under headings, with what its title says about it."""

    groups: Groups
    gaps: int
    """How many of the plan's gaps and risks it lists (the number the header gives)."""
    about_men: int = 0
    pause_points: int = 0
    waiting: int = 0
    """What the manager is waiting for (a return, challenges not yet answered)."""

    @property
    def count(self) -> int:
        return sum(len(rows) for _heading, rows in self.groups)


def gaps_listing(checklist: Checklist, plan: Plan, ev: Evaluation) -> Listing:
    """Gaps and risks (G, plain mode's ``gaps``): the plan's list, men first, each with why
    it is a concern; then the pause points that do not hold."""
    gaps = plan_gaps(checklist, plan, ev)
    pauses = pause_rows(checklist, plan, ev)
    return Listing(_gap_groups(gaps, True) + _pause_group(pauses), len(gaps),
                   sum(g.about_men for g in gaps), len(pauses))


def gaps_count(listing: Listing) -> str:
    """``Gaps and risks: 40 things, 12 about the father and male carers.``"""
    return (f"Gaps and risks: {plural(listing.gaps, 'thing')}, {listing.about_men} about the "
            "father and male carers.")


def gaps_title(listing: Listing) -> str:
    """:func:`gaps_count`, and the pause points listed after them."""
    return " ".join(filter(None, [gaps_count(listing), pauses_sentence(listing)]))


def pauses_sentence(listing: Listing) -> str:
    """The pause points Gaps and risks lists after the gaps (not counted among them); ''."""
    if not listing.pause_points:
        return ""
    return (f"Also {plural(listing.pause_points, 'pause point')} not confirmed or no longer "
            "holding, listed last.")


def outstanding_listing(checklist: Checklist, plan: Plan, ev: Evaluation) -> Listing:
    """Outstanding: what the manager is waiting for, the pause points that do not hold, the
    plan's gaps and risks (core.plan_gaps, all of them), then what that list does not carry
    (due soon, required questions still open)."""
    found = entries(checklist, plan, ev)
    waiting = [e for e in found if e.label in MANAGER_LABELS]
    gaps = plan_gaps(checklist, plan, ev, attention=found)
    pauses = pause_rows(checklist, plan, ev)
    rest = [e for e in found if e.label in NOT_GAPS]
    groups = (grouped(waiting) + _pause_group(pauses) + _gap_groups(gaps, False, GAPS_PREFIX)
              + grouped(rest))
    return Listing(groups, len(gaps), sum(g.about_men for g in gaps), len(pauses),
                   len(waiting))


def outstanding_title(listing: Listing) -> str:
    """``Outstanding: 52 things. The manager's review first, then the pause points, then
    gaps and risks.``; ``Nothing is outstanding.`` when the list is empty."""
    if not listing.count:
        return NOTHING_OUTSTANDING
    order = [part for part, there in (("the manager's review", listing.waiting),
                                      ("the pause points", listing.pause_points),
                                      ("gaps and risks", listing.gaps)) if there]
    first = ""
    rest = listing.count - listing.waiting - listing.pause_points - listing.gaps
    if order and (len(order) > 1 or rest):  # the order is said only when there is one
        said = order[0] + " first" + "".join(f", then {part}" for part in order[1:])
        first = f" {said[0].upper()}{said[1:]}."
    return f"Outstanding: {plural(listing.count, 'thing')}.{first}"


NOTHING_OUTSTANDING = "Nothing is outstanding."


class BackToTheManager(Record):
    """What stands between a plan and a manager's sign-off again, after a return or an
    approval that no longer stands, in words: where Enter on such a row of Outstanding
    goes. ``ready`` when no check the tool knows of stops it being submitted again."""

    title: str
    lines: list[str]
    ready: bool


#: How many of the things that stop a submission are named before "and N more".
SHOWN_STOPS = 8


def back_to_the_manager(checklist: Checklist, plan: Plan, ev: Evaluation,
                        label: str) -> BackToTheManager:
    """For Outstanding's RETURNED or NO LONGER SIGNED OFF row: the manager's words (the
    return's reason, or what changed since the approval), the steps, and what stops the
    plan being submitted again now, each named. It never says the manager's point is put
    right: only the practitioner can say that."""
    waiting = open_challenges(plan)
    stops = [f"The manager's challenge on {c.item} is not answered yet." for c in waiting]
    if plan.state == PlanState.SUBMITTED:
        stops.insert(0, "It is already awaiting sign-off.")
    elif plan.state == PlanState.APPROVED:  # changed outside the app: still marked approved
        stops.insert(0, "It is still marked approved, so it must be reopened first, with "
                        "your reason: a change made in the app asks for it, or use "
                        "checklist-tui reopen PLAN --reason.")
    stops += [f"{b[0].upper()}{b[1:]}." for b in completion_blockers(checklist, plan, ev)]
    if label == RETURNED:
        title = "Returned by the manager"
        lines = [returned_because(plan), "", "What to do:",
                 "1. Put right what the manager asked (the rest of Outstanding lists what "
                 "else is still open)."]
    else:
        title = "No longer signed off"
        changed = what_changed_since_approval(plan)
        more = len(changed) - SHOWN_STOPS
        lines = [describe_signoff(plan), "", "What changed since the approval:",
                 *changed[:SHOWN_STOPS], *([f"…and {more} more changes."] if more > 0 else []),
                 "", "What to do:",
                 "1. Check the changes: the plan needs a manager's sign-off again."]
    if waiting:
        which = ("challenge" if len(waiting) == 1 else f"{len(waiting)} challenges")
        lines.append(f"2. Answer the manager's {which} not yet answered: Enter on it in "
                     "Outstanding goes to its question, where r answers it (respond in plain "
                     "mode).")
    lines.append(f"{3 if waiting else 2}. Submit the plan again: m on the plan screen "
                 "(submit in plain mode). It is marked complete first"
                 + ("." if label == RETURNED else
                    "; a change to an approved plan first asks for your reason."))
    lines.append("")
    if stops:
        shown = stops[:SHOWN_STOPS]
        more = len(stops) - len(shown)
        lines += [f"What stops it being submitted now ({len(stops)}):",
                  *[f"- {s}" for s in shown],
                  *([f"…and {more} more: all of them are in Outstanding."] if more else [])]
    else:
        lines.append("The checks find nothing that stops it being submitted again now. "
                     + ("Whether what the manager asked is done, only you can say."
                        if label == RETURNED else
                        "Whether the changes are right, only you and the manager can say."))
    return BackToTheManager(title, lines, not stops)
