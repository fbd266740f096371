"""A plan's own "Gaps and risks" list: the one `show PLAN`, every export and every folder
view (the review list, `show DIR`, the report) count and name.

Built once from the engine's evaluation: the fired rules (red flags first), the engine's
gaps and risks (core.gaps: concerns, contradicted and incomplete answers, what is not
known, checks on the men), overdue due points and actions, the other plan checks, and
"No father or other man is recorded" when no man is. A folder view never has a rule of
its own: it counts this list.
"""

from __future__ import annotations

from datetime import date

from checklist_tui.core.copies import out_of_date, out_of_date_words
from checklist_tui.core.dates import plural, uk_date
from checklist_tui.core.definition import Checklist
from checklist_tui.core.engine import DueStatus, Evaluation
from checklist_tui.core.gaps import Gap as EngineGap
from checklist_tui.core.gaps import gaps_and_risks
from checklist_tui.core.outstanding import Entry, birth_first, entries
from checklist_tui.core.plan import Plan
from checklist_tui.core.vocabulary import (
    ACKNOWLEDGED,
    OVERDUE,
    PLAN_CHECK,
    RED_FLAG,
    RULE_LABELS,
    counted_from,
    gap_rank,
    issue_label,
    recorded_late,
)
from checklist_tui.core.where import Where

NO_MAN = "No father or other man is recorded."

#: What an overdue gap is about (the folder views' Overdue column counts each kind).
DUE_POINT, ACTION, FIND_OUT = "due point", "action", "find-out date"


class Gap(Where):
    """One thing wrong or missing, in words: ``label`` says what kind, never colour alone;
    where it is put right (core.where), so the app's Gaps and risks can go there."""
    label: str
    text: str
    guidance: str = ""
    note: str = ""
    about_men: bool = False
    overdue: str = ""
    """What is overdue (DUE_POINT, ACTION, FIND_OUT), or '' when nothing is."""

    @property
    def red_flag(self) -> bool:
        return self.label.startswith(RED_FLAG)


def overdue_counts(gaps: list[Gap]) -> dict[str, int]:
    """How many of ``gaps`` are overdue, by kind (DUE_POINT, ACTION, FIND_OUT)."""
    counts: dict[str, int] = {}
    for g in gaps:
        if g.overdue:
            counts[g.overdue] = counts.get(g.overdue, 0) + 1
    return counts


def overdue_counts_words(counts: dict[str, int]) -> str:
    """``2 due points, 1 find-out date`` (the kinds in one order everywhere), or 'none'."""
    parts = [plural(counts[k], k) for k in (DUE_POINT, ACTION, FIND_OUT) if counts.get(k)]
    return ", ".join(parts) or "none"


def overdue_words(due: date, today: date, booked: date | None = None) -> str:
    """``overdue by 3 days``; for a milestone whose recorded date (a meeting, a visit) came
    or comes after its due date, that date and how late it is, so that a conference held
    late never reads as one not held."""
    if recorded_late(due, booked):
        return recorded_late(due, booked)
    days = (today - due).days
    return f"overdue by {plural(days, 'day')}" if days > 0 else "due today"


def _found_out_late(gap: EngineGap, plan: Plan, today: date, late_items: set[str]) -> bool:
    """Whether a gap's find-out date is what is overdue: its own date has passed (a date
    still to come is not late, even when the question's due point has passed), and the
    item is not already counted overdue as its due point (look-c 15: one item, twice)."""
    if not gap.overdue or gap.item_id in late_items:
        return False
    answer = plan.answers.get(gap.item_id)
    by = answer.by_date if answer is not None else None
    return by is not None and by < today


def plan_gaps(checklist: Checklist, plan: Plan, ev: Evaluation,
              attention: list[Entry] | None = None,
              engine_gaps: list[EngineGap] | None = None) -> list[Gap]:
    """What is wrong or not known, in words: the engine's gaps and risks (concerns,
    contradicted, not known, incomplete, checks on the men), fired rules (red flags
    first), overdue milestones and actions, and the other plan checks. The father and
    male carers first; an unanswered question is not a gap (the headline counts them).
    ``attention`` (``core.outstanding.entries``) and ``engine_gaps``
    (``core.gaps.gaps_and_risks``) when the caller already has them."""
    today = ev.today
    men_items = {i.id for sec in checklist.sections for i in sec.items if i.about_men}
    # an item whose due point has passed is counted overdue once, as that due point
    late_items = {d.item_id for d in ev.due if d.status == DueStatus.OVERDUE and d.due_date}
    found: list[Gap] = []
    for e in entries(checklist, plan, ev) if attention is None else attention:
        if e.label in RULE_LABELS:
            text = e.text.removeprefix(f"{e.item_id}: ")
            label = e.label + (f" ({ACKNOWLEDGED})" if e.note else "")
            found.append(Gap(label, f"{text} ({e.item_id})", e.guidance, e.note,
                             e.item_id in men_items, item_id=e.item_id,
                             section_id=e.section_id))
    for g in gaps_and_risks(checklist, plan, ev) if engine_gaps is None else engine_gaps:
        note = "; ".join(x for x in (f"Who will find out: {g.follow_up}" if g.follow_up
                                      else "", g.note) if x)
        found.append(Gap(g.label, f"{g.text} ({g.item_id})" if g.item_id else g.text,
                         note=note, about_men=g.about_men,
                         overdue=FIND_OUT if _found_out_late(g, plan, today, late_items)
                         else "", item_id=g.item_id,
                         section_id=g.section_id, page=g.page, record_id=g.record_id))
    records = {p.item_id: "; ".join(p.reasons) for p in ev.from_records}
    for d in ev.due:
        if d.status == DueStatus.OVERDUE and d.due_date:
            held = f": not answered, though {records[d.item_id]}" \
                if d.item_id in records else ""
            found.append(Gap(OVERDUE, f"{d.label}: was due {uk_date(d.due_date)}"
                             f"{counted_from(d)}, "
                             f"{overdue_words(d.due_date, today, d.booked)}{held} "
                             f"({d.item_id})",
                             about_men=d.item_id in men_items, overdue=DUE_POINT,
                             item_id=d.item_id, section_id=d.section_id))
    for issue in ev.integrity:  # overdue actions are among these, with their owner
        if not issue.about_men:  # those on the men are among the engine's gaps
            label = issue_label(issue)
            found.append(Gap(label, issue.message,
                             overdue=ACTION if label == OVERDUE else "", page=issue.page,
                             record_id=issue.target_id))
    stale = out_of_date(plan)
    if stale:  # the GP or the parents acting on a plan that no longer says it (look-d D15)
        found.append(Gap(PLAN_CHECK, out_of_date_words(stale)))
    if not ev.men and not any(g.about_men for g in found):
        found.append(Gap(PLAN_CHECK, NO_MAN, about_men=True, page="people"))
    return birth_first(plan, today, Gap) + sorted(
        found, key=lambda g: (not g.about_men, gap_rank(g.label)))
