"""What the engine says about a plan (``core.engine.evaluate``): an item's due point and
its state, a rule that fired, a section's progress, an answer that is open, incomplete,
contradicted or stale, and the whole ``Evaluation`` built from them.

Plain frozen records: nothing here reads a plan or a checklist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from datetime import date
from enum import StrEnum

from checklist_tui.core import integrity as integ
from checklist_tui.core.definition import DuePoint, Severity
from checklist_tui.core.integrity import IntegrityIssue
from checklist_tui.core.plan import Acknowledgement, Action, Answer, Person
from checklist_tui.core.record import MutableRecord, Record


class DueStatus(StrEnum):
    DONE = "done"
    BOOKED = "booked"
    """Met by a date still to come (a meeting or visit booked): not done yet."""
    OVERDUE = "overdue"
    DUE_SOON = "due soon"
    UPCOMING = "upcoming"
    NO_DATE = "no date"


class FiredRule(Record):
    """A rule of the checklist that fires on the plan's answers."""

    rule_id: str
    item_id: str
    section_id: str
    severity: Severity
    message: str
    escalation: str
    red_flag: bool
    acknowledgement: Acknowledgement | None = None

    @property
    def blocking(self) -> bool:
        """An error, or a warning not yet acknowledged, blocks completion."""
        return self.severity == Severity.ERROR or self.needs_acknowledgement

    @property
    def needs_acknowledgement(self) -> bool:
        """Only warnings are acknowledged (errors must be fixed; notes need nothing)."""
        return self.severity == Severity.WARNING and self.acknowledgement is None


class DueState(Record):
    """An item's due point: its date and where the plan stands on it."""

    item_id: str
    section_id: str
    label: str
    point: DuePoint
    due_date: date | None
    status: DueStatus
    provisional: bool = False
    """True for 'days after birth' counted from the EDD because no birth date is recorded."""
    days_left: int | None = None
    booked: date | None = None
    """The date the item's answer gives (a meeting, a visit); it meets the due point only
    when it falls on or before the due date."""
    seen_item: str = ""
    """For 'days after seen' counted from the day the plan was started because the day
    the injury was seen is not recorded: the item that records that day (every view says
    the date rests on it, ``vocabulary.counted_from``); '' otherwise."""


class SectionProgress(Record):
    """How far a section is answered, and its red flags."""

    section_id: str
    title: str
    visible: bool
    answered: int
    """Its questions shown that have an answer, whatever the answer: contradicted and
    incomplete ones too (look-d 30: an answer is never counted as none)."""
    total: int
    required_open: int
    red_flags: int
    waits_for: tuple[str, ...] = ()
    """For a section not shown: the questions not answered yet that its condition rests
    on (it may apply: never "does not apply" before they are asked). Empty when shown,
    or when an answer given rules it out."""
    contradicted: int = 0
    """Of ``answered``, those the plan contradicts (they do not count as done)."""
    incomplete: int = 0
    """Of ``answered``, those missing what they must carry (not done either)."""
    waiting: int = 0
    """Its questions not shown that wait for an answer still to come: answered, they may
    show, so the section is never complete while any wait (rev7-tui 3)."""

    @property
    def done(self) -> int:
        """Its questions whose answer counts as evidence: settled, complete, not
        contradicted."""
        return self.answered - self.contradicted - self.incomplete

    @property
    def complete(self) -> bool:
        return (self.visible and self.required_open == 0 and self.done == self.total
                and not self.waiting)


class Visibility(Record):
    """Which items and sections a plan shows (``core.engine.visibility``), and of those
    not shown, which wait for questions not answered yet (in the checklist's order)."""

    items: frozenset[str]
    sections: frozenset[str]
    items_waiting: dict[str, tuple[str, ...]]
    sections_waiting: dict[str, tuple[str, ...]]


class ItemProblem(Record):
    """An answered item that is not what it claims: incomplete or contradicted."""

    item_id: str
    section_id: str
    reasons: tuple[str, ...]


class OpenAnswer(Record):
    """"Not yet", or "unknown" on a required or risk item: someone must find out."""

    item_id: str
    section_id: str
    answer: Answer
    overdue: bool
    too_late: str = ""
    """When the date to find out by comes after the item is due, or after the birth for
    an item needed at birth: ``after it is due (16/12/2026) and after the EDD
    (10/02/2027)`` (``engine_due.find_out_late``); '' otherwise."""


class StaleAnswer(Record):
    """An answer the checklist no longer asks (or no longer in it)."""

    item_id: str
    answer: Answer
    reason: str


class Evaluation(MutableRecord):
    """What the engine says about a plan on a day (``core.engine.evaluate``)."""

    today: date
    visible_items: frozenset[str]
    visible_sections: frozenset[str]
    sections: list[SectionProgress]
    answered: int
    """Questions shown that have an answer, contradicted and incomplete ones included
    (``done`` is those that count as evidence)."""
    total: int
    open_required: list[tuple[str, str]]
    fired: list[FiredRule]
    due: list[DueState]
    integrity: list[IntegrityIssue]
    no_longer_applies: list[StaleAnswer]
    not_in_checklist: list[StaleAnswer]
    open_answers: list[OpenAnswer]
    incomplete: list[ItemProblem]
    contradicted: list[ItemProblem]
    overdue_actions: list[Action]
    men: list[Person]
    done_items: frozenset[str]
    """Visible items whose answer counts as evidence: settled, complete, not contradicted."""
    from_records: list[ItemProblem] = field(default_factory=list)
    """Visible items not answered (or "not yet") whose question the plan's records answer
    "yes" (an ``answered_by`` cross-check), with what they hold: such an item raises
    no red flag as if its answer were the concern, and every view says what the records
    hold instead ("People records the father: Jordan Sample (father)")."""
    waiting: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Items not shown whose condition rests on questions not answered yet: the
    questions each waits for. Not "does not apply": answered, they may show, and the
    count of questions grows (``may_grow``)."""

    @property
    def done(self) -> int:
        """Questions shown whose answer counts as evidence (``done_items``)."""
        return len(self.done_items)

    @property
    def may_grow(self) -> bool:
        """Whether answering the questions still open may add questions to the count."""
        return bool(self.waiting)

    @property
    def red_flags(self) -> list[FiredRule]:
        return [f for f in self.fired if f.red_flag]

    @property
    def percent(self) -> int:
        """Of the questions shown, those done (rev8-core 11: "100%" beside contradicted
        and incomplete answers was the figure people read and dashboards chart)."""
        return round(100 * self.done / self.total) if self.total else 100

    def blockers(self, named: Callable[[str], str] = str) -> list[str]:
        """What in the evaluation stops the plan being marked complete, each item named by
        ``named`` (its question and id: core.question_words.namer). Pause points need the
        plan too: ``core.pause.completion_blockers`` is the whole list, used everywhere."""
        reasons = [f"{named(i)} is required and not answered yet" for _, i in self.open_required]
        required = {i for _, i in self.open_required}
        reasons.extend(f"{named(o.item_id)} is {integ.follow_up_label(o.answer)} "
                       f"({integ.follow_up_text(o.answer)})"
                       for o in self.open_answers if o.item_id not in required)
        reasons.extend(f"{named(p.item_id)} is incomplete, {integ.missing_text(p.reasons)}"
                       for p in self.incomplete)
        reasons.extend(f"{named(p.item_id)} is contradicted by the plan: {'; '.join(p.reasons)}"
                       for p in self.contradicted)
        for fired in self.fired:
            if fired.severity == Severity.ERROR:
                reasons.append(f"{named(fired.item_id)}: {fired.message}")
            elif fired.blocking:
                reasons.append(f"{named(fired.item_id)}: warning not yet acknowledged: "
                               f"{fired.message}")
        reasons.extend(issue.message for issue in self.integrity if issue.blocks_completion)
        return reasons

    @property
    def can_complete(self) -> bool:
        """No evaluation blockers (pause points not counted: see ``blockers``)."""
        return not self.blockers()

    def section(self, section_id: str) -> SectionProgress | None:
        return next((s for s in self.sections if s.section_id == section_id), None)
