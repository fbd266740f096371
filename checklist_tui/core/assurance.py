"""Assurance across a folder of plans, from the plan index (never by opening plans).

For each recommendation: in how many signed-off plans its items apply, are answered,
and are answered without a concern. Only a plan a manager approved, whose approval
still stands (not changed since, not in conflict, not edited outside the app), vouches
for anything, and one case counts once however many copies of its plan there are; how
many plans are in each state, and every case reference held by more than one file, are
said. The items most often left open, unknown or "not yet", overdue actions by agency,
and plans past their due points cover every plan that can be read. Unreadable plans
are counted and named, never silently left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.dates import plural
from checklist_tui.core.definition import Source
from checklist_tui.core.index_row import (
    ANSWERED,
    CONCERN,
    NOT_APPLICABLE,
    NOT_YET,
    OPEN,
    UNKNOWN,
    PlanRow,
    same_case_files,
)
from checklist_tui.core.plan import PlanState

#: Statuses that count as an answer, and as an answer without a concern.
IS_ANSWERED = {ANSWERED, CONCERN, NOT_APPLICABLE}
NO_CONCERN = {ANSWERED, NOT_APPLICABLE}
LEFT_OPEN = (OPEN, UNKNOWN, NOT_YET)

#: Where a plan stands, for the report's count of what it vouches for (in this order).
SIGNED_OFF = "signed off (approved, and the approval stands)"
NO_LONGER = "approval no longer stands (changed since, or two decisions conflict)"
OUTSIDE = "edited outside the app"
WAITING = "awaiting sign-off"
NOT_SIGNED = "draft, completed, returned or amended (not signed off)"
STANDINGS = (SIGNED_OFF, NO_LONGER, OUTSIDE, WAITING, NOT_SIGNED)


def standing(row: PlanRow) -> str:
    """Where a readable plan stands: only SIGNED_OFF vouches for anything."""
    if row.edited_outside:
        return OUTSIDE
    if row.changed_since_approval or row.decisions_conflict:
        return NO_LONGER
    if row.state == PlanState.APPROVED.value:
        return SIGNED_OFF
    if row.state == PlanState.SUBMITTED.value:
        return WAITING
    return NOT_SIGNED


@dataclass
class ItemFigures:
    checklist_id: str
    checklist_title: str
    item_id: str
    prompt: str
    applies: int = 0
    answered: int = 0
    without_concern: int = 0
    left: Counter[str] = field(default_factory=Counter)
    """How often it was left OPEN, UNKNOWN or NOT_YET, in every readable plan."""
    applies_all: int = 0
    """In how many readable plans it applies, signed off or not (beside ``left``)."""

    @property
    def left_total(self) -> int:
        return sum(self.left[s] for s in LEFT_OPEN)

    def sentence(self) -> str:
        return (f"{self.prompt} ({self.item_id}): answered without concern in "
                f"{self.without_concern} of {self.applies} signed-off {self.checklist_title} "
                f"plans where it applies (answered in {self.answered})")


@dataclass
class SourceFigures:
    source: Source
    items: list[ItemFigures]
    plans_applying: int = 0
    plans_all_answered: int = 0
    plans_without_concern: int = 0


@dataclass
class AgencyFigures:
    agency: str
    overdue: int = 0
    plans: set[str] = field(default_factory=set)


@dataclass
class PastDue:
    row: PlanRow
    points: list[tuple[str, str]]


@dataclass
class Assurance:
    today: date
    plans: int
    unreadable: list[PlanRow]
    sources: list[SourceFigures]
    most_left_open: list[ItemFigures]
    agencies: list[AgencyFigures]
    past_due: list[PastDue]
    standings: Counter[str] = field(default_factory=Counter)
    """How many readable plans stand where (STANDINGS)."""
    counted: int = 0
    """Signed-off plans counted in the recommendation and item figures (one per case)."""
    duplicates: dict[str, list[str]] = field(default_factory=dict)
    """Case references held by more than one readable plan file: the files."""

    def counted_lines(self) -> list[str]:
        """What the figures count, in words, and every case reference in several files."""
        lines = [f"Recommendation and item figures count only plans signed off by a manager "
                 f"whose approval still stands, one per case: {self.counted} of "
                 f"{self.plans}."]
        others = [f"{self.standings[s]} {s}" for s in STANDINGS[1:] if self.standings[s]]
        if others:
            lines.append("Not counted there: " + "; ".join(others) + ".")
        for case_ref, files in self.duplicates.items():
            lines.append(f"Warning: case {case_ref} is in {plural(len(files), 'plan file')} "
                         f"({', '.join(files)}): copies or duplicates? They count as one "
                         "case in the figures.")
        return lines


def assess(rows: Iterable[PlanRow], checklists: dict[str, LoadedChecklist],
           sources: dict[str, Source], today: date, top: int = 10) -> Assurance:
    figures: dict[tuple[str, str], ItemFigures] = {}
    refs: dict[tuple[str, str], list[str]] = {}
    for lc in checklists.values():
        for _section, item in lc.checklist.all_items():
            key = (lc.id, item.id)
            figures[key] = ItemFigures(lc.id, lc.checklist.title, item.id, item.prompt)
            refs[key] = list(item.refs)
    per_source_plans: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    agencies: dict[str, AgencyFigures] = {}
    unreadable: list[PlanRow] = []
    past_due: list[PastDue] = []
    count = 0
    readable: list[PlanRow] = []
    for row in rows:
        if row.error:
            unreadable.append(row)
        else:
            readable.append(row)
    standings: Counter[str] = Counter(standing(r) for r in readable)
    duplicates = same_case_files(readable)
    vouching: dict[tuple[str, str], PlanRow] = {}  # one per case and checklist: the latest
    for row in sorted((r for r in readable if standing(r) == SIGNED_OFF),
                      key=lambda r: (r.updated.timestamp() if r.updated else 0.0, r.path)):
        vouching[(row.case_ref or row.path, row.checklist_id)] = row
    counted = {id(r) for r in vouching.values()}
    for row in readable:
        count += 1
        for item_id, status in row.items.items():  # left open: every readable plan
            fig = figures.get((row.checklist_id, item_id))
            if fig is None:
                continue
            fig.applies_all += 1
            if status in LEFT_OPEN:
                fig.left[status] += 1
        for agency, _due, _what in row.overdue_actions(today):
            fig_a = agencies.setdefault(agency, AgencyFigures(agency))
            fig_a.overdue += 1
            fig_a.plans.add(row.path)
        points = row.overdue_due(today)
        if points:
            past_due.append(PastDue(row, points))
        if id(row) not in counted:
            continue
        by_source: dict[str, list[str]] = defaultdict(list)
        for item_id, status in row.items.items():
            fig = figures.get((row.checklist_id, item_id))
            if fig is None:
                continue
            fig.applies += 1
            fig.answered += status in IS_ANSWERED
            fig.without_concern += status in NO_CONCERN
            for ref in refs[(row.checklist_id, item_id)]:
                by_source[ref].append(status)
        for ref, statuses in by_source.items():
            counts = per_source_plans[ref]
            counts[0] += 1
            counts[1] += all(s in IS_ANSWERED for s in statuses)
            counts[2] += all(s in NO_CONCERN for s in statuses)
    source_figures = []
    for source in sources.values():
        cited = [f for key, f in figures.items() if source.id in refs[key]]
        counts = per_source_plans.get(source.id, [0, 0, 0])
        source_figures.append(SourceFigures(source, cited, *counts))
    left = sorted((f for f in figures.values() if f.left_total),
                  key=lambda f: (-f.left_total, f.checklist_id, f.item_id))[:top]
    past_due.sort(key=lambda p: (min(d for _l, d in p.points) or "9999", p.row.path))
    return Assurance(today, count, unreadable, source_figures, left,
                     sorted(agencies.values(), key=lambda a: (-a.overdue, a.agency)), past_due,
                     standings, len(counted), duplicates)
