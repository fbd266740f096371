"""One plan, summarised for the plan index: computed by the same engine the app uses.

Its gaps and risks are the plan's own list (core.plan_gaps, what `show PLAN` and every
export count), worked out on the day the row was made (``as_of``); the index makes the
row again when the day changes, so a row never counts yesterday's list. Weeks of
pregnancy are worked out when the row is shown.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from checklist_tui.core import history, store
from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.dates import (
    POST_TERM_DAYS,
    gestation_days,
    gestation_label,
    timing_summary,
    uk_date,
)
from checklist_tui.core.engine import DueStatus, evaluate
from checklist_tui.core.errors import PlanError
from checklist_tui.core.gaps import gaps_and_risks
from checklist_tui.core.peek import first_value
from checklist_tui.core.plan import ActionStatus, Plan, PlanState
from checklist_tui.core.plan_gaps import NO_MAN, overdue_counts, plan_gaps
from checklist_tui.core.review import (
    approval_void,
    conflict,
    describe_signoff,
    describe_state,
    open_challenges,
)
from checklist_tui.core.vocabulary import CONCERN as GAP_CONCERN
from checklist_tui.core.vocabulary import CONTRADICTED, INCOMPLETE
from checklist_tui.core.what_is_left import not_holding, pause_word, said_by_name

#: Bump when what a row holds, or how it is computed, changes: the index is rebuilt.
ROW_VERSION = 8

#: Gaps and risks (core.gaps) that make an answered item "answered with a concern".
CONCERN_GAPS = (GAP_CONCERN, CONTRADICTED, INCOMPLETE)

#: Item statuses kept per plan, for the assurance report.
OPEN, ANSWERED, CONCERN, UNKNOWN, NOT_YET, NOT_APPLICABLE = "o", "a", "c", "u", "y", "n"
STATUS_LABELS = {OPEN: "open", ANSWERED: "answered", CONCERN: "answered with a concern",
                 UNKNOWN: "unknown", NOT_YET: "not yet", NOT_APPLICABLE: "not applicable"}

#: Plans larger than this are listed as unreadable rather than read (bounded work).
MAX_PLAN_BYTES = 20 * 1024 * 1024


@dataclass
class PlanRow:
    path: str
    """Relative to the indexed folder, with forward slashes."""
    error: str = ""
    case_ref: str = ""
    checklist_id: str = ""
    checklist_version: str = ""
    checklist_title: str = ""
    practitioner: str = ""
    edd: date | None = None
    dob: date | None = None
    answered: int = 0
    """Questions that have an answer, whatever it is (core.engine's ``answered``)."""
    total: int = 0
    open_required: int = 0
    contradicted: int = 0
    """Of ``answered``, those the plan contradicts: answered, but not done (look-d 30)."""
    incomplete: int = 0
    """Of ``answered``, those missing what they must carry: not done either."""
    gaps: int = 0
    """How many gaps and risks the plan has: the plan's own list (core.plan_gaps), the
    number `show PLAN` and every export give under "Gaps and risks"."""
    red_flags: int = 0
    overdue: dict[str, int] = field(default_factory=dict)
    """What on that list is overdue, by kind (core.plan_gaps DUE_POINT, ACTION, FIND_OUT)."""
    no_man: bool = False
    """The list says "No father or other man is recorded"."""
    pauses: list[tuple[str, str, bool]] = field(default_factory=list)
    """Each pause point that does not hold: (its title, NOT CONFIRMED or NO LONGER HOLDS,
    whether it is named in a summing-up line: core.what_is_left.said_by_name)."""
    as_of: date | None = None
    """The day the gaps and risks were worked out (the index re-reads the plan next day)."""
    state: str = ""
    state_label: str = ""
    signoff: str = ""
    changed_since_approval: bool = False
    decisions_conflict: bool = False
    edited_outside: str = ""
    """"Edited outside the app …" (core.history) or ''."""
    open_challenges: int = 0
    updated: datetime | None = None
    due: list[tuple[str, str, bool]] = field(default_factory=list)
    """Unmet due points: (label, ISO date or "", already missed whatever the date)."""
    actions: list[tuple[str, str, str]] = field(default_factory=list)
    """Open actions: (agency, ISO due date or "", what)."""
    items: dict[str, str] = field(default_factory=dict)
    """Each shown item's status (OPEN, ANSWERED, ...)."""
    modified: float = 0.0
    same_case: list[str] = field(default_factory=list)
    """The other readable files in the folder with this case reference (copies or
    duplicates?): set on a whole folder's rows by ``mark_same_case``, never stored."""
    open_elsewhere: str = ""
    """Who has the plan open for editing in another window or on another computer, in
    words (core.folder.mark_open_elsewhere: its lock, read when the list is shown), or
    ''; never stored."""

    # -- worked out on the day ---------------------------------------------------------
    @property
    def percent(self) -> int:
        """Of the questions shown, those done (as ``Evaluation.percent``)."""
        return round(100 * (self.answered - self.not_done) / self.total) if self.total else 0

    def overdue_due(self, today: date) -> list[tuple[str, str]]:
        return [(label, when) for label, when, missed in self.due
                if missed or (when and date.fromisoformat(when) < today)]

    def overdue_actions(self, today: date) -> list[tuple[str, str, str]]:
        return [a for a in self.actions if a[1] and date.fromisoformat(a[1]) < today]

    def timing(self, today: date) -> str:
        """Short, for a table column; the same words as the plan header's timing."""
        if self.dob:
            return f"born {uk_date(self.dob)}"
        if self.edd and gestation_days(self.edd, today) > POST_TERM_DAYS:
            return f"EDD {uk_date(self.edd)} (passed, no date of birth)"
        if self.edd:
            return f"EDD {uk_date(self.edd)} ({gestation_label(self.edd, today)})"
        return timing_summary(None, None, today)  # never framed as an unborn baby

    @property
    def overdue_total(self) -> int:
        return sum(self.overdue.values())

    @property
    def not_done(self) -> int:
        """Answers given that do not count as done (contradicted or incomplete)."""
        return self.contradicted + self.incomplete

    @property
    def nothing_answered(self) -> bool:
        """No question of a readable plan is answered yet: no red flag can have been raised
        and nothing found out late, so a 0 or 'none' would claim what is not known."""
        return not self.error and bool(self.checklist_title) and self.answered == 0

    @property
    def pauses_named(self) -> list[tuple[str, str]]:
        """The pause points a summing-up line names: (title, NOT CONFIRMED or NO LONGER
        HOLDS)."""
        return [(title, word) for title, word, named in self.pauses if named]

    def needs_attention(self, today: date) -> bool:
        """Anything on the plan's gaps and risks, anything a manager must decide or
        look at (awaiting sign-off, a challenge, a void approval, an outside edit), or a
        file that cannot be read, or a case reference other files hold too."""
        return bool(self.error or self.red_flags or self.gaps or self.open_challenges
                    or self.changed_since_approval or self.decisions_conflict
                    or self.edited_outside or self.overdue_total or self.awaiting_signoff
                    or self.same_case or self.nothing_answered or self.pauses_named)

    @property
    def withdrawn(self) -> bool:
        """Marked entered in error: nobody works on it, so nothing is asked of it (a birth
        not recorded is not something to attend to; rev7-core 11)."""
        return self.state == PlanState.ENTERED_IN_ERROR.value

    @property
    def awaiting_signoff(self) -> bool:
        return self.state == PlanState.SUBMITTED.value

    # -- storage -------------------------------------------------------------------------
    def record(self) -> dict[str, object]:
        return {
            "error": self.error, "case_ref": self.case_ref, "checklist_id": self.checklist_id,
            "checklist_version": self.checklist_version,
            "checklist_title": self.checklist_title, "practitioner": self.practitioner,
            "edd": self.edd.isoformat() if self.edd else None,
            "dob": self.dob.isoformat() if self.dob else None,
            "answered": self.answered, "total": self.total, "open_required": self.open_required,
            "contradicted": self.contradicted, "incomplete": self.incomplete,
            "gaps": self.gaps, "red_flags": self.red_flags, "state": self.state,
            "overdue_json": json.dumps(self.overdue, sort_keys=True),
            "no_man": int(self.no_man),
            "pauses_json": json.dumps(self.pauses),
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "state_label": self.state_label, "signoff": self.signoff,
            "changed_since_approval": int(self.changed_since_approval),
            "decisions_conflict": int(self.decisions_conflict),
            "edited_outside": self.edited_outside,
            "open_challenges": self.open_challenges,
            "updated": self.updated.isoformat() if self.updated else None,
            "due_json": json.dumps(self.due), "actions_json": json.dumps(self.actions),
            "items_json": json.dumps(self.items, separators=(",", ":")),
        }

    @classmethod
    def from_record(cls, path: str, rec: dict[str, object], modified: float) -> PlanRow:
        def day(key: str) -> date | None:
            value = rec.get(key)
            return date.fromisoformat(str(value)) if value else None

        updated = rec.get("updated")
        return cls(
            path=path, error=str(rec["error"] or ""), case_ref=str(rec["case_ref"] or ""),
            checklist_id=str(rec["checklist_id"] or ""),
            checklist_version=str(rec["checklist_version"] or ""),
            checklist_title=str(rec.get("checklist_title") or ""),
            practitioner=str(rec["practitioner"] or ""), edd=day("edd"), dob=day("dob"),
            answered=int(rec["answered"] or 0), total=int(rec["total"] or 0),  # type: ignore[call-overload]
            open_required=int(rec["open_required"] or 0),  # type: ignore[call-overload]
            contradicted=int(rec.get("contradicted") or 0),  # type: ignore[call-overload]
            incomplete=int(rec.get("incomplete") or 0),  # type: ignore[call-overload]
            gaps=int(rec["gaps"] or 0), red_flags=int(rec["red_flags"] or 0),  # type: ignore[call-overload]
            overdue=json.loads(str(rec.get("overdue_json") or "{}")),
            no_man=bool(rec.get("no_man")), as_of=day("as_of"),
            pauses=[(str(t), str(w), bool(n))
                    for t, w, n in json.loads(str(rec.get("pauses_json") or "[]"))],
            state=str(rec["state"] or ""), state_label=str(rec["state_label"] or ""),
            signoff=str(rec["signoff"] or ""),
            changed_since_approval=bool(rec["changed_since_approval"]),
            decisions_conflict=bool(rec["decisions_conflict"]),
            edited_outside=str(rec["edited_outside"] or ""),
            open_challenges=int(rec["open_challenges"] or 0),  # type: ignore[call-overload]
            updated=datetime.fromisoformat(str(updated)) if updated else None,
            due=[tuple(d) for d in json.loads(str(rec.get("due_json") or "[]"))],
            actions=[tuple(a) for a in json.loads(str(rec.get("actions_json") or "[]"))],
            items=json.loads(str(rec.get("items_json") or "{}")), modified=modified,
        )


def same_case_files(rows: list[PlanRow]) -> dict[str, list[str]]:
    """Case references held by more than one readable file: the files, by name."""
    files: dict[str, list[str]] = {}
    for row in rows:
        if row.case_ref and not row.error:
            files.setdefault(row.case_ref, []).append(row.path)
    return {case: sorted(paths) for case, paths in sorted(files.items()) if len(paths) > 1}


def mark_same_case(rows: list[PlanRow]) -> None:
    """Tell each row of a whole folder which other files share its case reference."""
    for paths in same_case_files(rows).values():
        for row in rows:
            if row.path in paths:
                row.same_case = [p for p in paths if p != row.path]


def _item_status(value: object, not_applicable: bool, concern: bool) -> str:
    if not_applicable:
        return NOT_APPLICABLE
    if value == "unknown":
        return UNKNOWN
    if value == "not_yet":
        return NOT_YET
    return CONCERN if concern else ANSWERED


def summarise(path: str, plan: Plan, checklist: LoadedChecklist | None, today: date,
              edited_outside: str = "", found_outside: str = "") -> PlanRow:
    """The index row for one plan, from the engine's evaluation of it: its gaps and risks
    are the engine's (``core.gaps``), as in the plan header and every export."""
    row = PlanRow(
        path=path, case_ref=plan.case_ref, checklist_id=plan.checklist_id,
        checklist_version=plan.checklist_version, practitioner=plan.practitioner,
        edd=plan.edd, dob=plan.dob, state=plan.state.value,
        state_label=describe_state(plan, found_outside),
        signoff=describe_signoff(plan, found_outside),
        changed_since_approval=approval_void(plan, found_outside),
        decisions_conflict=bool(conflict(plan)),
        edited_outside=edited_outside or history.describe(plan),
        open_challenges=len(open_challenges(plan)), updated=plan.updated,
        actions=[(a.agency or "No agency named", a.due.isoformat() if a.due else "", a.what)
                 for a in plan.actions
                 if a.status not in (ActionStatus.DONE, ActionStatus.CANCELLED)],
    )
    if checklist is None:
        row.error = (f"made from checklist '{plan.checklist_id}', which is not installed here")
        return row
    row.checklist_title = checklist.checklist.title
    ev = evaluate(checklist.checklist, plan, today)
    row.answered, row.total = ev.answered, ev.total
    row.contradicted, row.incomplete = len(ev.contradicted), len(ev.incomplete)
    row.open_required = len(ev.open_required)
    row.red_flags = len(ev.red_flags)
    gaps = gaps_and_risks(checklist.checklist, plan, ev)
    listed = plan_gaps(checklist.checklist, plan, ev, engine_gaps=gaps)
    row.gaps, row.as_of = len(listed), today
    row.no_man = any(g.text == NO_MAN for g in listed)
    row.overdue = overdue_counts(listed)
    row.pauses = [(p.title, pause_word(p), said_by_name(p))
                  for p in not_holding(checklist.checklist, plan, ev)]
    concern_items = {g.item_id for g in gaps if g.label in CONCERN_GAPS}
    for item_id in sorted(ev.visible_items):
        answer = plan.answers.get(item_id)
        if answer is None or not answer.has_value:
            row.items[item_id] = OPEN
        else:
            row.items[item_id] = _item_status(answer.value, answer.not_applicable,
                                              item_id in concern_items)
    for d in ev.due:
        if d.status in (DueStatus.DONE, DueStatus.BOOKED):
            continue  # met (a booked date meets it; it can never turn overdue)
        missed = d.status == DueStatus.OVERDUE and (d.due_date is None or d.due_date >= today)
        row.due.append((d.label, d.due_date.isoformat() if d.due_date else "", missed))
    return row


def summarise_file(folder: Path, rel: str, data: bytes,
                   checklist_for: dict[str, LoadedChecklist], today: date) -> PlanRow:
    """The row for a plan file's bytes; an unreadable plan gives a row with the reason."""
    path = folder / rel
    try:
        loaded = store.load_bytes(data, path)
    except PlanError as exc:  # the case reference, if the file says it plainly
        return PlanRow(path=rel, error=str(exc), case_ref=first_value(path, "case_ref") or "")
    plan = loaded.plan
    return summarise(rel, plan, checklist_for.get(plan.checklist_id), today,
                     loaded.edited_outside, loaded.found_outside)
