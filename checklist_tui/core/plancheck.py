"""What a plan file must make sense as, beyond its types: sane dates, a state it can
be in, a format version this app knows, and answers that fit their items.

Each problem is one line naming the file and the place; the file is left untouched.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from checklist_tui.core import limits
from checklist_tui.core.answers import coerce
from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.definition import Checklist
from checklist_tui.core.errors import NEWER, NewerFormat, PlanError
from checklist_tui.core.plan import APPROVED, DECISIONS, FORMAT_VERSION, RETURNED, Plan, PlanState

#: Every date in a plan lies in this window (a year-1 or year-9999 date is damage).
EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)
#: An EDD lies within this many days of the plan's creation, either side.
EDD_WINDOW = timedelta(days=2 * 366)
#: Conception is about 38 weeks before the EDD: a birth before it is impossible.
CONCEPTION_BEFORE_EDD = timedelta(days=266)


def check_raw(raw: dict[str, Any], name: str) -> None:
    """Before the model is built: version, limits and the range of every date."""
    version = raw.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PlanError(f"{name}: not a checklist-tui plan (no format_version)")
    if version < 1:
        raise PlanError(f"{name}: format_version: {version} is not a plan format version")
    if version > FORMAT_VERSION:
        raise NewerFormat(f"{name}: {NEWER} (plan format {version}; this "
                        f"version reads up to {FORMAT_VERSION}); please update the app")
    shape, outside = limits.walk(raw, (EARLIEST, LATEST))  # one pass for both
    if shape:
        raise PlanError(f"{name}: {shape[1] + ': ' if shape[1] else ''}{shape[0]}; the file "
                        "was left untouched")
    if outside:
        day, place = outside
        raise PlanError(f"{name}: {place}: the date {day.isoformat()} is not "
                        f"plausible (it must be between {EARLIEST.year} and "
                        f"{LATEST.year}); the file was left untouched")


def check_plan(plan: Plan, name: str) -> None:
    """After the model is built: dates that fit together, and a state it can be in."""
    created = plan.created.date()
    if plan.edd is not None and abs(plan.edd - created) > EDD_WINDOW:
        raise PlanError(f"{name}: edd: {plan.edd.isoformat()} is more than two years from "
                        f"the plan's creation ({created.isoformat()}); the file was left "
                        "untouched")
    if plan.edd is not None and plan.dob is not None \
            and plan.dob < plan.edd - CONCEPTION_BEFORE_EDD:
        raise PlanError(f"{name}: dob: {plan.dob.isoformat()} is before the baby could have "
                        f"been conceived (EDD {plan.edd.isoformat()}); the file was left "
                        "untouched")
    for where, record in ([("signoff", plan.signoff)] if plan.signoff else []) + [
            (f"reviews {n}", r) for n, r in enumerate(plan.reviews, start=1)]:
        if record.decision not in DECISIONS:
            raise PlanError(f"{name}: {where}: decision: a manager's decision is "
                            f"'{APPROVED}' or '{RETURNED}', nothing else; the file was left "
                            "untouched")
    if plan.state == PlanState.APPROVED and (
            plan.signoff is None or plan.signoff.decision != APPROVED):
        raise PlanError(f"{name}: state: the plan says 'approved' but has no approving "
                        "sign-off; the file was left untouched")


def check_answers(plan: Plan, checklist: Checklist, content_matches: bool, name: str) -> None:
    """Answers that cannot be answers to their items (a list for a yes/no item, "maybe"
    for a check item) are refused, when the checklist is the one the plan was made with.
    (After the checklist changed, answers to changed items are shown as they are.)"""
    if not content_matches:
        return
    items = checklist.item_map()
    for item_id, answer in plan.answers.items():
        item = items.get(item_id)
        if item is None or answer.value is None or answer.not_applicable:
            continue
        try:
            fits = coerce(item, answer.value) == answer.value
            reason = "" if fits else f"{answer.value!r} is not how this app stores it"
        except ValueError as exc:
            fits, reason = False, str(exc)
        if not fits:
            kind = item.type.value.replace("yes_no", "yes/no").replace("_", " ")
            raise PlanError(f"{name}: answers.{item_id}: not a possible answer to this "
                            f"{kind} item ({reason}); the file was left untouched")


def check_with_checklist(plan: Plan, loaded: LoadedChecklist, path: Path) -> None:
    """The checks that need the plan's checklist (call wherever a plan meets it), for the
    plan read from ``path``: a refusal names the version saved before it (core.damaged)."""
    try:
        check_answers(plan, loaded.checklist, plan.checklist_hash == loaded.content_hash,
                      path.name)
    except PlanError as exc:
        from checklist_tui.core.damaged import with_backup  # only for a refused file

        raise with_backup(path, exc) from None
